// Writes rules/schema.json and rules/pack.schema.json from the engine's zod definitions.
// `npm run rules:schema`; test/engine/schema.test.ts fails when the committed files are stale.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { packJsonSchema, ruleJsonSchema } from "../src/engine/json-schema";

const root = join(import.meta.dirname, "..");
writeFileSync(join(root, "rules/schema.json"), ruleJsonSchema());
writeFileSync(join(root, "rules/pack.schema.json"), packJsonSchema());
console.log("wrote rules/schema.json and rules/pack.schema.json");
