// Which verdicts a stored run keeps as rows, and how reads restore the rest (pure; storage uses
// it). A not_applicable verdict that says no more than its ruleset does (the rule's kind and
// severity, no evidence, and the validity note the engine gives for the run's as_of) is not
// stored: the run records how many it left out (runs.implied_verdicts) and rulesets.rules
// (format 2) holds what restores them.
import { validityNote, type CheckResult, type Ruleset, type Severity, type Verdict } from "../engine";

/** One rule of a stored ruleset (rulesets.rules); kind and severity are absent before format 2. */
export interface StoredRule {
  id: string;
  hash: string;
  valid_from: string | null;
  valid_until: string | null;
  kind?: string;
  severity?: Severity;
}

export const RULESET_FORMAT = 2;

export function storedRules(ruleset: Ruleset): StoredRule[] {
  return ruleset.rules.map((r) => ({
    id: r.id,
    hash: r.hash,
    valid_from: r.valid_from,
    valid_until: r.valid_until,
    kind: r.kind,
    severity: r.severity,
  }));
}

// A ruleset's rules by id, built once per ruleset (rulesets are immutable; every stored run asks).
const byId = new WeakMap<Ruleset, ReadonlyMap<string, Ruleset["rules"][number]>>();

function rulesById(ruleset: Ruleset): ReadonlyMap<string, Ruleset["rules"][number]> {
  let rules = byId.get(ruleset);
  if (!rules) byId.set(ruleset, (rules = new Map(ruleset.rules.map((r) => [r.id, r]))));
  return rules;
}

/**
 * The verdicts to store as rows, and how many are implied. Implied only when the result covers
 * exactly the ruleset's rules (so a missing row can only mean "not applicable"); otherwise
 * every verdict is stored, as before.
 */
export function splitVerdicts(result: CheckResult, ruleset: Ruleset): { rows: Verdict[]; implied: number } {
  const rules = rulesById(ruleset);
  if (result.verdicts.length !== rules.size || result.verdicts.some((v) => !rules.has(v.rule)))
    return { rows: result.verdicts, implied: 0 };
  const rows: Verdict[] = [];
  for (const v of result.verdicts) {
    const rule = rules.get(v.rule)!;
    const note = validityNote(rule, result.as_of);
    const implied =
      v.status === "not_applicable" &&
      v.evidence.length === 0 &&
      v.kind === rule.kind &&
      v.severity === rule.severity &&
      (v.message ?? null) === note &&
      v.attribution === undefined;
    if (!implied) rows.push(v);
  }
  return { rows, implied: result.verdicts.length - rows.length };
}

/** The shape reads return (storage/queries-runs.ts StoredVerdict). */
export interface RestorableVerdict {
  rule: string;
  status: Verdict["status"];
  severity: Severity;
  kind: string;
  evidence: Verdict["evidence"];
  message: string | null;
}

/**
 * A run's stored verdicts plus its implied ones, ordered by rule id (binary order, as SQLite's
 * ORDER BY rule_id). `rules` is the run's stored ruleset; pass null when the run implies none.
 */
export function withImplied<V extends RestorableVerdict>(
  stored: V[],
  rules: StoredRule[] | null,
  asOf: string,
  implied: number,
): (V | RestorableVerdict)[] {
  if (!implied || !rules) return stored;
  const have = new Set(stored.map((v) => v.rule));
  const out: (V | RestorableVerdict)[] = [...stored];
  for (const r of rules) {
    if (have.has(r.id)) continue;
    out.push({ rule: r.id, status: "not_applicable", severity: r.severity!, kind: r.kind!, evidence: [], message: validityNote(r, asOf) });
  }
  return out.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

// A stored ruleset of format 2 never changes: parse each version's rules once per isolate.
const parsed = new Map<string, StoredRule[]>();

export function parseStoredRules(version: string, json: string, format: number): StoredRule[] {
  const cached = parsed.get(version);
  if (cached) return cached;
  const rules = JSON.parse(json) as StoredRule[];
  if (format >= RULESET_FORMAT) parsed.set(version, rules);
  return rules;
}
