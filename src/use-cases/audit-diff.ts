// What changed: rule changes between two ruleset versions (by content hash), and an article's
// per-rule verdict changes against its previous run, each attributed to its cause. Pure.
import { bareEvidence, validityNote, type CheckResult, type Evidence, type Outcome } from "../engine";
import type { PreviousVerdict } from "../storage/audit-batches";
import type { AuditChange, ChangeKind, RuleDelta } from "../storage/audit-changes";
import type { RuleChanges } from "../storage/audits";
import type { StoredRule } from "../lib/implied-verdicts";

/** Rules added, removed or edited from `before` to `after` (rule id → content hash). */
export function diffRulesets(before: Map<string, string>, after: Map<string, string>): RuleChanges {
  const changes: RuleChanges = { added: [], removed: [], edited: [] };
  for (const [id, hash] of after) {
    const old = before.get(id);
    if (old === undefined) changes.added.push(id);
    else if (old !== hash) changes.edited.push(id);
  }
  for (const id of before.keys()) if (!after.has(id)) changes.removed.push(id);
  for (const list of Object.values(changes)) list.sort();
  return changes;
}

export interface PreviousRun {
  runId: string;
  outcome: string;
  contentHash: string;
  /** The stored verdict rows; a rule of `rules` without one was not_applicable (implied). */
  verdicts: Map<string, PreviousVerdict>;
  /** The judging date and implied not_applicable count of the previous run. */
  asOf: string;
  implied: number;
  /** The previous run's stored ruleset by rule id; null when it is not stored. */
  rules: Map<string, StoredRule> | null;
}

export interface DiffContext {
  /** Rule changes between the previous run's ruleset and the current one; null when the previous ruleset is unknown. */
  ruleChanges: RuleChanges | null;
  contentHash: string;
}

/**
 * Compares a new result with the article's previous run. Outcome pass/warn → fail is a
 * regression, fail → pass/warn is fixed; otherwise any per-rule status change makes it
 * "changed". A rule missing on one side counts as not_applicable, so removing a rule that
 * never applied is not a change. A fail dismissed on one side and not the other is a change
 * (`dismissed` says which side); a fail dismissed on both is none, so it never re-alerts.
 * Returns null when nothing changed.
 */
export function diffRun(previous: PreviousRun, next: CheckResult, runId: string, articleId: string, ctx: DiffContext): AuditChange | null {
  const rules: RuleDelta[] = [];
  const nextByRule = new Map(next.verdicts.map((v) => [v.rule, v]));
  const ids = new Set([...previous.verdicts.keys(), ...nextByRule.keys()]);
  for (const rule of [...ids].sort()) {
    const before = previous.verdicts.get(rule);
    const after = nextByRule.get(rule);
    const from = before?.status ?? (previous.rules?.has(rule) ? "not_applicable" : null);
    const to = after?.status ?? null;
    const dismissed = { from: before?.dismissed === true, to: after?.dismissed === true };
    if ((from ?? "not_applicable") === (to ?? "not_applicable") && dismissed.from === dismissed.to) continue;
    const quotes = after?.evidence.length ? quotesOf(after.evidence) : before ? quotesOf(JSON.parse(before.evidence) as Evidence[]) : [];
    const delta: RuleDelta = { rule, from, to, quotes, cause: causeOf(rule, ctx, previous) };
    if (dismissed.from || dismissed.to) delta.dismissed = dismissed;
    rules.push(delta);
  }
  const change = classify(previous.outcome, next.outcome, rules.length > 0);
  if (!change) return null;
  return {
    article_id: articleId,
    change,
    previous_outcome: previous.outcome,
    outcome: next.outcome,
    previous_run_id: previous.runId,
    run_id: runId,
    rules,
  };
}

/**
 * True when `next` repeats the previous run verdict for verdict — same rules, statuses,
 * severities, kinds, messages and evidence — so storing it would add a run that reads exactly
 * like the one already there.
 */
export function sameVerdicts(previous: PreviousRun, next: CheckResult): boolean {
  if (previous.outcome !== next.outcome || !previous.rules || previous.rules.size !== next.verdicts.length) return false;
  for (const v of next.verdicts) {
    const rule = previous.rules.get(v.rule);
    if (!rule) return false;
    const before = previous.verdicts.get(v.rule);
    const message = v.message ?? null;
    if (!before) {
      // Not stored: an implied not_applicable of a lean run.
      const implied = previous.implied > 0 && v.status === "not_applicable" && v.evidence.length === 0;
      if (!implied || v.kind !== rule.kind || v.severity !== rule.severity || message !== validityNote(rule, previous.asOf)) return false;
      continue;
    }
    if (before.status !== v.status || before.severity !== v.severity || before.kind !== v.kind || before.message !== message) return false;
    if (before.dismissed !== (v.dismissed === true)) return false;
    // Stored rows keep the engine's spans; the result's carry finding ids and labels.
    if (before.evidence !== JSON.stringify(bareEvidence(v.evidence))) return false;
  }
  return true;
}

function classify(before: string, after: Outcome, rulesChanged: boolean): ChangeKind | null {
  if (after === "fail" && before !== "fail") return "regression";
  if (before === "fail" && after !== "fail") return "fixed";
  return rulesChanged || before !== after ? "changed" : null;
}

function causeOf(rule: string, ctx: DiffContext, previous: PreviousRun): RuleDelta["cause"] {
  if (ctx.ruleChanges?.added.includes(rule)) return "rule_added";
  if (ctx.ruleChanges?.edited.includes(rule)) return "rule_edited";
  if (ctx.ruleChanges?.removed.includes(rule)) return "rule_removed";
  if (previous.contentHash !== ctx.contentHash) return "text_changed";
  return "as_of";
}

function quotesOf(evidence: Evidence[]): string[] {
  return [...new Set(evidence.map((e) => e.quote))];
}
