// The ruleset the Worker judges with: rules/**/*.yaml, validated and pre-parsed at build time by
// scripts/bundle-rules.ts. Compiled once per isolate, at startup, so no request pays for it.
import bundle from "./generated/rules.json";
import { checkArticle, loadRuleset, type RuleFile, type Ruleset, type RuleSummary } from "./engine";

/** The bundled rule files (parsed YAML), e.g. for showing a rule's examples. */
export const bundledRuleFiles: ReadonlyArray<{ path: string; data: unknown }> = bundle.files;

const ruleset: Ruleset = loadRuleset(bundledRuleFiles as RuleFile[]);

// The engine compiles its shared matcher and warms the text layer on the first check (~40 ms
// cold): do it here, inside the startup budget, rather than in the first request's CPU time.
checkArticle({ text: "Warm-up sentence with 1 number on 1 July 2025 in El Salvador." }, ruleset, { now: new Date(0) });

export function currentRuleset(): Ruleset {
  return ruleset;
}

const byId: ReadonlyMap<string, RuleSummary> = new Map(ruleset.rules.map((r) => [r.id, r]));

/** The deployed rules by id: a stored verdict's rule may be missing (removed since). */
export function rulesById(): ReadonlyMap<string, RuleSummary> {
  return byId;
}
