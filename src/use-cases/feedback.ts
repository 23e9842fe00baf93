// Editors' feedback on findings, written once for the API and the dashboard: label a finding
// (false alarm / confirmed), undo a label. Each write also recomputes, in the same D1
// transaction, what the labels change in storage: which fail verdicts of the article's runs are
// dismissed, those runs' score and outcome, and the article's list fields (outcome, failing rules,
// failing_since) that the corrections queue, lists, CSV filters and dashboard counts read.
import {
  type ArticleKey,
  bareEvidence,
  type Evidence,
  type FeedbackLabel,
  type FeedbackLabels,
  findingId,
  labelVerdicts,
  outcome,
  score,
  type Verdict,
} from "../engine";
import type { Db } from "../storage/db";
import { transact } from "../storage/db";
import {
  type FeedbackRecord,
  getFeedback,
  insertFeedback,
  labelsOf,
  loadForRefresh,
  type RunRefresh,
  undoFeedback,
  writeRefresh,
} from "../storage/feedback";

export class FeedbackError extends Error {
  constructor(
    readonly reason: "article_not_found" | "finding_not_found" | "feedback_not_found" | "already_undone",
    message: string,
  ) {
    super(message);
  }
}

export interface FeedbackInput {
  finding: string;
  label: FeedbackLabel;
  note?: string | null;
}

type Loaded = Awaited<ReturnType<typeof loadForRefresh>>;

/**
 * Labels a finding of the article: one of the failing spans of any of its stored runs (the
 * latest run's, usually). A second label on the same finding wins over the first, which stays in
 * the history. Returns the new label.
 */
export async function giveFeedback(
  db: Db,
  articleId: string,
  input: FeedbackInput,
  actor: string,
  now = new Date(),
): Promise<FeedbackRecord> {
  const loaded = await loadForRefresh(db, articleId);
  if (!loaded.article) throw new FeedbackError("article_not_found", `No article with id "${articleId}".`);
  const key: ArticleKey = { source: loaded.article.source, externalId: loaded.article.externalId };
  const span = findSpan(loaded, key, input.finding);
  if (!span)
    throw new FeedbackError(
      "finding_not_found",
      `Article "${articleId}" has no failing span with finding "${input.finding}": take the id from an evidence span of a fail verdict (GET /v1/articles/${articleId}).`,
    );
  const at = now.toISOString();
  const labels = new Map((await labelsOf(db, [articleId])).get(articleId) ?? []);
  labels.set(input.finding, input.label);
  const { id, statement } = insertFeedback(db, {
    articleId,
    finding: input.finding,
    rule: span.rule,
    quote: span.quote,
    label: input.label,
    note: input.note?.trim() || null,
    actor,
    at,
  });
  await transact(db, [statement, ...refreshStatements(db, articleId, loaded, key, labels, at)]);
  return (await getFeedback(db, id))!;
}

/** Undoes a label: the finding falls back to its previous label still standing, or to none. */
export async function undoLabel(db: Db, feedbackId: string, by: string, now = new Date()): Promise<FeedbackRecord> {
  const row = await getFeedback(db, feedbackId);
  if (!row) throw new FeedbackError("feedback_not_found", `No feedback with id "${feedbackId}".`);
  if (row.undone_at) throw new FeedbackError("already_undone", `Feedback "${feedbackId}" was already undone at ${row.undone_at}.`);
  const loaded = await loadForRefresh(db, row.article_id);
  if (!loaded.article) throw new FeedbackError("article_not_found", `No article with id "${row.article_id}".`);
  const key: ArticleKey = { source: loaded.article.source, externalId: loaded.article.externalId };
  const at = now.toISOString();
  const labels = (await labelsOf(db, [row.article_id], feedbackId)).get(row.article_id) ?? new Map<string, FeedbackLabel>();
  await transact(db, [undoFeedback(db, feedbackId, by, at), ...refreshStatements(db, row.article_id, loaded, key, labels, at)]);
  return (await getFeedback(db, feedbackId))!;
}

/** The failing span a finding id names, newest run first. */
function findSpan(loaded: Loaded, key: ArticleKey, finding: string): { rule: string; quote: string } | null {
  const rows = [...loaded.verdicts].sort((a, b) => (a.run_id < b.run_id ? 1 : -1));
  for (const v of rows) {
    if (v.status !== "fail") continue;
    for (const e of JSON.parse(v.evidence) as Evidence[])
      if (findingId(key, v.rule_id, e.quote) === finding) return { rule: v.rule_id, quote: e.quote };
  }
  return null;
}

/**
 * Recomputes every run of the article under `labels`. Stored rows keep the engine's verdicts;
 * a fail found only inside quotations (every listed span "quote") is not scored, as in the engine.
 */
function refreshStatements(db: Db, articleId: string, loaded: Loaded, key: ArticleKey, labels: FeedbackLabels, at: string) {
  const byRun = new Map<string, Verdict[]>();
  for (const r of loaded.verdicts) {
    const evidence = bareEvidence(JSON.parse(r.evidence) as Evidence[]);
    const quoteOnly = r.status === "fail" && evidence.length > 0 && evidence.every((e) => e.attribution === "quote");
    const v: Verdict = { rule: r.rule_id, claim: "", kind: "", severity: r.severity, status: r.status, evidence };
    if (quoteOnly) v.attribution = "quote";
    byRun.set(r.run_id, [...(byRun.get(r.run_id) ?? []), v]);
  }
  const runs: RunRefresh[] = [...byRun].map(([runId, verdicts]) => {
    const labelled = labelVerdicts(verdicts, key, labels);
    return {
      runId,
      score: score(labelled),
      outcome: outcome(labelled),
      fails: labelled.filter((v) => v.status === "fail").map((v) => ({ rule: v.rule, dismissed: v.dismissed === true })),
    };
  });
  return writeRefresh(db, articleId, loaded.article!.latestRunId, runs, at);
}
