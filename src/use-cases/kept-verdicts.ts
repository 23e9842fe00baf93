// Re-scoring after a ruleset change judges only added and edited rules: the previous run's
// verdicts of the rules reusableRules() keeps are turned back into engine verdicts and passed to
// the check as CheckOptions.keep. Only for the same text and judging date as the previous run.
import { type Evidence, type Ruleset, reusableRules, validityNote, type Verdict } from "../engine";
import type { PreviousRun } from "./audit-diff";

/** Reusable rule ids per (previous version → current version), per ruleset object. */
const reusableCache = new WeakMap<Ruleset, Map<string, Set<string>>>();

function reusableFor(ruleset: Ruleset, previous: PreviousRun & { rulesetVersion: string }): Set<string> {
  let byVersion = reusableCache.get(ruleset);
  if (!byVersion) reusableCache.set(ruleset, (byVersion = new Map()));
  let ids = byVersion.get(previous.rulesetVersion);
  if (!ids) {
    ids = previous.rules ? reusableRules(ruleset, { version: previous.rulesetVersion, rules: [...previous.rules.values()] }) : new Set();
    byVersion.set(previous.rulesetVersion, ids);
  }
  return ids;
}

/**
 * The verdicts to keep when re-checking an article whose text is the one the previous run
 * judged (`contentHash`) as of `asOf`; empty when nothing can be kept. A stored row becomes its
 * verdict again (a fail whose every span is quoted keeps attribution "quote"); a rule without a
 * row was an implied not_applicable.
 */
export function keptVerdicts(
  ruleset: Ruleset,
  previous: (PreviousRun & { rulesetVersion: string }) | null,
  text: { contentHash: string; asOf: string },
): Map<string, Verdict> {
  const kept = new Map<string, Verdict>();
  if (!previous?.rules || previous.contentHash !== text.contentHash || previous.asOf !== text.asOf) return kept;
  const rules = new Map(ruleset.rules.map((r) => [r.id, r]));
  for (const id of reusableFor(ruleset, previous)) {
    const rule = rules.get(id)!;
    const base = { rule: id, claim: rule.claim };
    const row = previous.verdicts.get(id);
    if (row) {
      const evidence = JSON.parse(row.evidence) as Evidence[];
      const quoted = row.status === "fail" && evidence.length > 0 && evidence.every((e) => e.attribution === "quote");
      kept.set(id, {
        ...base,
        kind: row.kind,
        severity: row.severity as Verdict["severity"],
        status: row.status,
        evidence,
        ...(row.message !== null ? { message: row.message } : {}),
        ...(quoted ? { attribution: "quote" as const } : {}),
      });
    } else if (previous.implied > 0) {
      const note = validityNote(rule, text.asOf);
      kept.set(id, {
        ...base,
        kind: rule.kind,
        severity: rule.severity,
        status: "not_applicable",
        evidence: [],
        ...(note ? { message: note } : {}),
      });
    }
  }
  return kept;
}
