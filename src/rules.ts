// The ruleset the Worker judges with: the YAML files under rules/, bundled at build time by
// scripts/bundle-rules.mjs and validated by the engine once per isolate.
import ruleFiles from "./generated/rule-files.json";
import { loadRuleset, type Ruleset } from "./engine";

let cached: Ruleset | undefined;

export function currentRuleset(): Ruleset {
  cached ??= loadRuleset(ruleFiles);
  return cached;
}
