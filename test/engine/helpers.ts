// Test helpers: read rules/ and seeds/ from disk (tests may do I/O; the engine may not).
import { join } from "node:path";
import { readRuleFiles as readFiles } from "../../cli/rule-files";
import { loadRuleset, type RuleFile } from "../../src/engine";

export const ROOT = join(import.meta.dirname, "../..");
export const NOW = new Date("2026-11-23T12:00:00Z");

export function readRuleFiles(dir = join(ROOT, "rules")): Array<RuleFile & { text: string }> {
  return readFiles(dir);
}

let cached: ReturnType<typeof loadRuleset> | undefined;
export function packRuleset() {
  cached ??= loadRuleset(readRuleFiles());
  return cached;
}

/** A ruleset from inline YAML files, for unit tests. */
export function rulesetOf(files: Record<string, string>) {
  return loadRuleset(Object.entries(files).map(([path, text]) => ({ path, text })));
}
