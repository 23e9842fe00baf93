// Validates rules/**/*.yaml with the engine (errors located by file:line and key; exit 2) and
// bundles them, already parsed, into src/generated/rules.json. The Worker has no file system
// and must not spend its CPU budget parsing YAML, so it loads this JSON instead; each file's
// text rides along to seed the first runtime ruleset version in D1 (src/use-cases/current-ruleset.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { readRuleFiles } from "../cli/rule-files";
import { formatIssue, loadRuleset, RuleFileError } from "../src/engine";

const root = join(import.meta.dirname, "..");
const files = readRuleFiles(join(root, "rules"));

try {
  const ruleset = loadRuleset(files);
  const bundle = { version: ruleset.version, files: files.map((f) => ({ path: f.path, data: parse(f.text) as unknown, text: f.text })) };
  mkdirSync(join(root, "src/generated"), { recursive: true });
  writeFileSync(join(root, "src/generated/rules.json"), JSON.stringify(bundle) + "\n");
  console.log(
    `bundled ${ruleset.rules.length} rules from ${files.length} files (ruleset ${ruleset.version}) into src/generated/rules.json`,
  );
} catch (err) {
  if (!(err instanceof RuleFileError)) throw err;
  for (const issue of err.issues) console.error(`rules/${formatIssue(issue)}`);
  process.exit(2);
}
