// The ruleset bundled at build time: rules/**/*.yaml, validated and pre-parsed by
// scripts/bundle-rules.ts. Compiled once per isolate, at startup, so no request pays for it. It
// seeds the first runtime version in D1 and is the default while no version is marked current;
// the ruleset requests judge with is src/use-cases/current-ruleset.ts's currentRuleset().
import bundle from "./generated/rules.json";
import { checkArticle, loadRuleset, type RuleFile, type Ruleset } from "./engine";

/** The bundled rule files: parsed YAML (`data`) and the file's `text`. */
export const bundledRuleFiles: ReadonlyArray<{ path: string; data: unknown; text: string }> = bundle.files;

const ruleset: Ruleset = loadRuleset(bundledRuleFiles.map((f) => ({ path: f.path, data: f.data })) as RuleFile[]);

// The engine compiles its shared matcher and warms the text layer on the first check (~40 ms
// cold): do it here, inside the startup budget, rather than in the first request's CPU time.
checkArticle({ text: "Warm-up sentence with 1 number on 1 July 2025 in El Salvador." }, ruleset, { now: new Date(0) });

/** The ruleset deployed with the Worker (not necessarily the current one: see currentRuleset()). */
export function bundledRuleset(): Ruleset {
  return ruleset;
}
