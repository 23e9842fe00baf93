// rules/schema.json (and pack.schema.json) are generated from the zod definitions; this fails
// when they are stale. Fix: npm run rules:schema
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packJsonSchema, ruleJsonSchema } from "../../src/engine/json-schema";
import { ROOT } from "./helpers";

describe("rules/schema.json", () => {
  it("is up to date with the zod schema (npm run rules:schema)", () => {
    expect(readFileSync(join(ROOT, "rules/schema.json"), "utf8")).toBe(ruleJsonSchema());
    expect(readFileSync(join(ROOT, "rules/pack.schema.json"), "utf8")).toBe(packJsonSchema());
  });
  it("lists every kind", () => {
    const schema = JSON.parse(ruleJsonSchema()) as { oneOf: Array<{ properties: { kind: { const: string } } }> };
    expect(schema.oneOf.map((s) => s.properties.kind.const).sort()).toEqual([
      "consistency",
      "date",
      "disputed",
      "name",
      "phrase",
      "place",
      "quantity",
      "role",
    ]);
  });
});
