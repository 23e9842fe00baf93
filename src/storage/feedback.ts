// Queries over editors' feedback (schema `feedback`): the labels in force per article (the newest
// row of a finding not undone; ids are time-sortable), the label history, per-rule tallies, and
// the statements that keep stored verdicts, runs and the article in step with the labels.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FeedbackLabel, Outcome } from "../engine";
import type { Db } from "./db";
import { newId } from "./ids";
import { articles, feedback, runs, verdicts } from "./schema";
import { resolveTexts } from "./texts";

export interface FeedbackRecord {
  id: string;
  article_id: string;
  finding: string;
  rule: string;
  quote: string;
  label: FeedbackLabel;
  note: string | null;
  /** Who labelled: a person's email, "token:<fingerprint>" for a shared API token, or "dashboard:<role>". */
  actor: string;
  created_at: string;
  /** When it was undone (DELETE /v1/feedback/{id}), and by whom; null while it stands. */
  undone_at: string | null;
  undone_by: string | null;
  /** True for the label in force on its finding: the newest one not undone. */
  in_force: boolean;
}

type Row = typeof feedback.$inferSelect;

function toRecord(row: Row, inForce: boolean): FeedbackRecord {
  return {
    id: row.id,
    article_id: row.articleId,
    finding: row.finding,
    rule: row.ruleId,
    quote: row.quote,
    label: row.label,
    note: row.note,
    actor: row.actor,
    created_at: row.createdAt,
    undone_at: row.undoneAt,
    undone_by: row.undoneBy,
    in_force: inForce,
  };
}

/** Labels in force by finding, per article (the newest row per finding not undone; `except` counts as undone). */
export async function labelsOf(db: Db, articleIds: string[], except?: string): Promise<Map<string, Map<string, FeedbackLabel>>> {
  const out = new Map<string, Map<string, FeedbackLabel>>();
  if (!articleIds.length) return out;
  const rows = await db.all<{ article_id: string; finding: string; label: FeedbackLabel }>(
    sql`SELECT article_id, finding, label FROM feedback
      WHERE undone_at IS NULL AND id IS NOT ${except ?? null} AND article_id IN (SELECT value FROM json_each(${JSON.stringify([...new Set(articleIds)])}))
      ORDER BY id`,
  );
  // Ascending ids: a newer label on the same finding overwrites an older one.
  for (const r of rows) {
    let m = out.get(r.article_id);
    if (!m) out.set(r.article_id, (m = new Map()));
    m.set(r.finding, r.label);
  }
  return out;
}

/** Labels in force on the article stored under this source + external id (empty when none or not stored). */
export async function labelsByKey(db: Db, key: { source: string; externalId: string }): Promise<Map<string, FeedbackLabel>> {
  const rows = await db
    .select({ finding: feedback.finding, label: feedback.label })
    .from(feedback)
    .innerJoin(articles, eq(articles.id, feedback.articleId))
    .where(and(eq(articles.source, key.source), eq(articles.externalId, key.externalId), isNull(feedback.undoneAt)))
    .orderBy(feedback.id);
  return new Map(rows.map((r) => [r.finding, r.label]));
}

/** An article's labels, newest first, history included. */
export async function listFeedback(db: Db, articleId: string): Promise<FeedbackRecord[]> {
  const rows = await db.select().from(feedback).where(eq(feedback.articleId, articleId)).orderBy(desc(feedback.id));
  const seen = new Set<string>();
  return rows.map((r) => {
    const inForce = r.undoneAt === null && !seen.has(r.finding);
    if (r.undoneAt === null) seen.add(r.finding);
    return toRecord(r, inForce);
  });
}

export async function getFeedback(db: Db, id: string): Promise<FeedbackRecord | null> {
  const row = await db.select().from(feedback).where(eq(feedback.id, id)).get();
  if (!row) return null;
  const newer = await db
    .select({ id: feedback.id })
    .from(feedback)
    .where(
      and(
        eq(feedback.articleId, row.articleId),
        eq(feedback.finding, row.finding),
        isNull(feedback.undoneAt),
        sql`${feedback.id} > ${row.id}`,
      ),
    )
    .limit(1);
  return toRecord(row, row.undoneAt === null && newer.length === 0);
}

export interface NewFeedback {
  articleId: string;
  finding: string;
  rule: string;
  quote: string;
  label: FeedbackLabel;
  note: string | null;
  actor: string;
  at: string;
}

/** The insert statement and the new row's id (run it in the transaction that refreshes the article). */
export function insertFeedback(db: Db, f: NewFeedback) {
  const id = newId("fbk", Date.parse(f.at));
  const statement = db.insert(feedback).values({
    id,
    articleId: f.articleId,
    finding: f.finding,
    ruleId: f.rule,
    quote: f.quote,
    label: f.label,
    note: f.note,
    actor: f.actor,
    createdAt: f.at,
  });
  return { id, statement };
}

/** Marks a label undone; a no-op (0 rows) when it already was, so a double undo cannot move undone_at. */
export function undoFeedback(db: Db, id: string, by: string, at: string) {
  return db
    .update(feedback)
    .set({ undoneAt: at, undoneBy: by })
    .where(and(eq(feedback.id, id), isNull(feedback.undoneAt)));
}

/** The article's key and latest run, and every pass/fail verdict row of its runs (what a refresh recomputes from). */
export async function loadForRefresh(db: Db, articleId: string) {
  const [articleRows, verdictRows] = await db.batch([
    db
      .select({ source: articles.source, externalId: articles.externalId, latestRunId: articles.latestRunId })
      .from(articles)
      .where(eq(articles.id, articleId)),
    db
      .select({
        run_id: verdicts.runId,
        rule_id: verdicts.ruleId,
        status: verdicts.status,
        severity: verdicts.severity,
        evidence: verdicts.evidence,
      })
      .from(verdicts)
      .where(
        and(
          inArray(verdicts.runId, db.select({ id: runs.id }).from(runs).where(eq(runs.articleId, articleId))),
          inArray(verdicts.status, ["pass", "fail"]),
        ),
      ),
  ]);
  return { article: articleRows[0] ?? null, verdicts: verdictRows };
}

export interface RunRefresh {
  runId: string;
  score: number | null;
  outcome: Outcome;
  /** Rule ids of the run's fails, each with its new dismissed flag. */
  fails: { rule: string; dismissed: boolean }[];
}

/**
 * Statements that write recomputed dismissals, scores and outcomes to the article's runs, and the
 * latest run's to the article's list fields (failing_since restarts when the article fails again).
 */
export function writeRefresh(db: Db, articleId: string, latestRunId: string | null, runs: RunRefresh[], at: string) {
  const fails = runs.flatMap((r) => r.fails.map((f) => [r.runId, f.rule, f.dismissed ? 1 : 0]));
  const statements = [
    db.run(sql`UPDATE verdicts SET dismissed = j.value ->> 2 FROM json_each(${JSON.stringify(fails)}) j
      WHERE verdicts.run_id = j.value ->> 0 AND verdicts.rule_id = j.value ->> 1 AND verdicts.dismissed IS NOT j.value ->> 2`),
    db.run(sql`UPDATE runs SET score = j.value ->> 1, outcome = j.value ->> 2
      FROM json_each(${JSON.stringify(runs.map((r) => [r.runId, r.score, r.outcome]))}) j WHERE runs.id = j.value ->> 0`),
  ];
  const latest = runs.find((r) => r.runId === latestRunId);
  if (latest) {
    const failed = latest.fails.filter((f) => !f.dismissed).map((f) => f.rule);
    statements.push(
      db.run(sql`UPDATE articles SET latest_score = ${latest.score}, latest_outcome = ${latest.outcome},
        latest_failed_rules = ${failed.length ? ` ${failed.sort().join(" ")} ` : null},
        failing_since = CASE WHEN ${latest.outcome} IS NOT 'fail' THEN NULL
          WHEN latest_outcome = 'fail' AND failing_since IS NOT NULL THEN failing_since ELSE ${at} END
        WHERE id = ${articleId} AND latest_run_id = ${latestRunId}`),
    );
  }
  return statements;
}

export interface RuleFeedbackCounts {
  confirmed: number;
  false_alarm: number;
}

// Labels in force: rows not undone with no newer row on the same finding that is not undone.
const IN_FORCE = sql`f.undone_at IS NULL AND NOT EXISTS (SELECT 1 FROM feedback g
  WHERE g.article_id = f.article_id AND g.finding = f.finding AND g.undone_at IS NULL AND g.id > f.id)`;

/** Counts of labels in force per rule (every rule that has any). */
export async function ruleFeedbackCounts(db: Db, ruleId?: string): Promise<Map<string, RuleFeedbackCounts>> {
  const rows = await db.all<{ rule_id: string; confirmed: number; false_alarm: number }>(
    sql`SELECT f.rule_id, sum(f.label = 'confirmed') AS confirmed, sum(f.label = 'false_alarm') AS false_alarm
      FROM feedback f WHERE ${IN_FORCE} ${ruleId ? sql`AND f.rule_id = ${ruleId}` : sql``} GROUP BY f.rule_id`,
  );
  return new Map(rows.map((r) => [r.rule_id, { confirmed: r.confirmed, false_alarm: r.false_alarm }]));
}

export interface DismissedQuote {
  quote: string;
  /** How many articles have this wording dismissed for the rule. */
  articles: number;
  /** The newest dismissal's article, note, who and when. */
  article_id: string;
  note: string | null;
  actor: string;
  at: string;
}

/** The wordings editors dismissed for a rule, the most often dismissed first. */
export async function dismissedQuotes(db: Db, ruleId: string, limit = 100): Promise<DismissedQuote[]> {
  // The newest in-force false alarm per wording carries the note, who and when.
  return db.all<DismissedQuote>(
    sql`WITH d AS (SELECT f.* FROM feedback f WHERE ${IN_FORCE} AND f.rule_id = ${ruleId} AND f.label = 'false_alarm'),
      g AS (SELECT quote, count(DISTINCT article_id) AS articles, max(id) AS newest FROM d GROUP BY quote)
      SELECT g.quote, g.articles, d.article_id, d.note, d.actor, d.created_at AS at
      FROM g JOIN d ON d.id = g.newest ORDER BY g.articles DESC, g.newest DESC LIMIT ${limit}`,
  );
}

export interface LabelledArticle {
  id: string;
  text: string;
  published_at: string | null;
  labels: { rule: string; quote: string; label: FeedbackLabel; note: string | null }[];
}

/**
 * One keyset page of the articles with labels in force, by article id after `after`, each with
 * its text (from R2 when offloaded) and labels; `next` is the last id served, null on the last
 * page. For the eval-format export, which streams them page by page.
 */
export async function labelledArticlesPage(
  db: Db,
  after: string,
  limit: number,
): Promise<{ items: LabelledArticle[]; next: string | null }> {
  const page = await db.all<{ article_id: string }>(
    sql`SELECT DISTINCT f.article_id FROM feedback f WHERE f.article_id > ${after} AND ${IN_FORCE} ORDER BY f.article_id LIMIT ${limit + 1}`,
  );
  const ids = page.slice(0, limit).map((r) => r.article_id);
  if (!ids.length) return { items: [], next: null };
  const list = JSON.stringify(ids);
  const [rows, texts] = await Promise.all([
    db.all<{ article_id: string; rule_id: string; quote: string; label: FeedbackLabel; note: string | null }>(
      sql`SELECT f.article_id, f.rule_id, f.quote, f.label, f.note FROM feedback f
        WHERE f.article_id IN (SELECT value FROM json_each(${list})) AND ${IN_FORCE} ORDER BY f.article_id, f.id`,
    ),
    db
      .select({ id: articles.id, text: articles.text, contentHash: articles.contentHash, publishedAt: articles.publishedAt })
      .from(articles)
      .where(sql`${articles.id} IN (SELECT value FROM json_each(${list}))`)
      .then((r) => resolveTexts(r)),
  ]);
  const byId = new Map(texts.map((a) => [a.id, a]));
  const labels = new Map<string, LabelledArticle["labels"]>();
  for (const r of rows)
    labels.set(r.article_id, [...(labels.get(r.article_id) ?? []), { rule: r.rule_id, quote: r.quote, label: r.label, note: r.note }]);
  const items = ids.flatMap((id) => {
    const a = byId.get(id);
    return a ? [{ id, text: a.text, published_at: a.publishedAt, labels: labels.get(id) ?? [] }] : [];
  });
  return { items, next: page.length > limit ? ids[ids.length - 1]! : null };
}
