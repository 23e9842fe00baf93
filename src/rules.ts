// The ruleset the Worker judges with: rules/**/*.yaml, validated and pre-parsed at build time by
// scripts/bundle-rules.ts. Compiled once per isolate, at startup, so no request pays for it.
import bundle from "./generated/rules.json";
import { loadRuleset, type RuleFile, type Ruleset } from "./engine";

/** The bundled rule files (parsed YAML), e.g. for showing a rule's examples. */
export const bundledRuleFiles: ReadonlyArray<{ path: string; data: unknown }> = bundle.files;

const ruleset: Ruleset = loadRuleset(bundledRuleFiles as RuleFile[]);

export function currentRuleset(): Ruleset {
  return ruleset;
}
