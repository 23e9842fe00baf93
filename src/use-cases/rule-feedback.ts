// Per-rule precision from editors' labels, for GET /v1/rules, /v1/rules/{id} and the dashboard's
// rule pages: confirmed and false-alarm counts, precision = confirmed / (confirmed + false_alarm),
// and whether the rule is noisy (under the configured precision with enough labels).
import { type NoisyThresholds, noisyThresholds } from "../lib/config";
import type { Db } from "../storage/db";
import { type DismissedQuote, dismissedQuotes, type RuleFeedbackCounts, ruleFeedbackCounts } from "../storage/feedback";

export interface RuleFeedback extends RuleFeedbackCounts {
  /** confirmed / (confirmed + false_alarm), three decimals; null without labels. */
  precision: number | null;
  /** Precision under the threshold with at least the minimum number of labels. */
  noisy: boolean;
}

export function ruleFeedbackOf(counts: RuleFeedbackCounts | undefined, t: NoisyThresholds): RuleFeedback {
  const { confirmed = 0, false_alarm = 0 } = counts ?? {};
  const labels = confirmed + false_alarm;
  const precision = labels ? Math.round((confirmed / labels) * 1000) / 1000 : null;
  return { confirmed, false_alarm, precision, noisy: precision !== null && labels >= t.minLabels && precision < t.precision };
}

/** Every rule's feedback, by rule id (rules without labels are absent: use ruleFeedbackOf(undefined, …)). */
export async function rulesFeedback(db: Db, env: object): Promise<{ byRule: Map<string, RuleFeedback>; thresholds: NoisyThresholds }> {
  const thresholds = noisyThresholds(env);
  const counts = await ruleFeedbackCounts(db);
  return { byRule: new Map([...counts].map(([rule, c]) => [rule, ruleFeedbackOf(c, thresholds)])), thresholds };
}

/** One rule's feedback and the wordings editors dismissed for it. */
export async function ruleFeedback(
  db: Db,
  env: object,
  ruleId: string,
): Promise<{ feedback: RuleFeedback; dismissed: DismissedQuote[]; thresholds: NoisyThresholds }> {
  const thresholds = noisyThresholds(env);
  const [counts, dismissed] = await Promise.all([ruleFeedbackCounts(db, ruleId), dismissedQuotes(db, ruleId)]);
  return { feedback: ruleFeedbackOf(counts.get(ruleId), thresholds), dismissed, thresholds };
}
