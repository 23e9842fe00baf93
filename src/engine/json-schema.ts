// JSON Schemas for editors, generated from the same zod definitions the loader uses.
import { z } from "zod";
import { packSchema, ruleSchema } from "./rule-schema";

export function ruleJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(ruleSchema, { unrepresentable: "any" }),
    $id: "https://accuracy-harness.local/rules/schema.json",
    title: "accuracy-harness rule file (rules/<pack>/<id>.yaml)",
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export function packJsonSchema(): string {
  const schema = {
    ...z.toJSONSchema(packSchema, { unrepresentable: "any" }),
    $id: "https://accuracy-harness.local/rules/pack.schema.json",
    title: "accuracy-harness pack settings (rules/<pack>/pack.yaml)",
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
