// Read queries over runs and their verdicts: one run with its verdicts (evidence parsed), an
// article's latest run, an article's run history. Multi-query reads go in one D1 batch (one
// round trip).
import { and, asc, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import type { Evidence, Outcome, Severity, VerdictStatus } from "../engine";
import { type ArticleRecord, toArticleRecord } from "./articles";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import type { RunTrigger } from "./runs";
import { articles, runs, verdicts } from "./schema";

export interface StoredRun {
  id: string;
  article_id: string;
  trigger: RunTrigger;
  audit_id: string | null;
  delivery_id: string | null;
  /** Who asked for the run (email or token name); null for automatic runs. */
  actor: string | null;
  ruleset_version: string;
  /** Hash of the text this run judged (compare with the article's to see if it changed since). */
  content_hash: string;
  score: number | null;
  outcome: Outcome;
  counts: Record<VerdictStatus, number>;
  /** The judging date the engine used (YYYY-MM-DD). */
  as_of: string;
  created_at: string;
}

export interface StoredVerdict {
  rule: string;
  status: VerdictStatus;
  severity: Severity;
  kind: string;
  evidence: Evidence[];
  message: string | null;
}

export interface RunWithVerdicts extends StoredRun {
  /** Every rule's verdict, passes included, ordered by rule id. */
  verdicts: StoredVerdict[];
}

export function toStoredRun(row: typeof runs.$inferSelect): StoredRun {
  return {
    id: row.id,
    article_id: row.articleId,
    trigger: row.trigger,
    audit_id: row.auditId,
    delivery_id: row.deliveryId,
    actor: row.actor,
    ruleset_version: row.rulesetVersion,
    content_hash: row.contentHash,
    score: row.score,
    outcome: row.outcome,
    counts: {
      pass: row.passCount,
      fail: row.failCount,
      not_applicable: row.notApplicableCount,
      review: row.reviewCount,
      error: row.errorCount,
    },
    as_of: row.asOf,
    created_at: row.createdAt,
  };
}

export function toStoredVerdict(row: typeof verdicts.$inferSelect): StoredVerdict {
  return {
    rule: row.ruleId,
    status: row.status,
    severity: row.severity,
    kind: row.kind,
    evidence: JSON.parse(row.evidence) as Evidence[],
    message: row.message,
  };
}

const latestRunIdOf = (articleId: string) => sql`(SELECT ${articles.latestRunId} FROM ${articles} WHERE ${articles.id} = ${articleId})`;

function runAndVerdicts(db: Db, runId: string | SQL) {
  return [
    db.select().from(runs).where(eq(runs.id, runId)),
    db.select().from(verdicts).where(eq(verdicts.runId, runId)).orderBy(asc(verdicts.ruleId)),
  ] as const;
}

function withVerdicts(runRows: (typeof runs.$inferSelect)[], verdictRows: (typeof verdicts.$inferSelect)[]): RunWithVerdicts | null {
  const run = runRows[0];
  return run ? { ...toStoredRun(run), verdicts: verdictRows.map(toStoredVerdict) } : null;
}

/** One run with every verdict, or null. */
export async function getRun(db: Db, id: string): Promise<RunWithVerdicts | null> {
  const [runRows, verdictRows] = await db.batch(runAndVerdicts(db, id));
  return withVerdicts(runRows, verdictRows);
}

/** The article's latest run with every verdict, or null (unknown article or never scored). */
export async function getLatestRunWithVerdicts(db: Db, articleId: string): Promise<RunWithVerdicts | null> {
  const [runRows, verdictRows] = await db.batch(runAndVerdicts(db, latestRunIdOf(articleId)));
  return withVerdicts(runRows, verdictRows);
}

/** The article (with text) and its latest run with verdicts, in one round trip; null if no such article. */
export async function getArticleWithLatestRun(
  db: Db,
  articleId: string,
): Promise<{ article: ArticleRecord; latest_run: RunWithVerdicts | null } | null> {
  const [articleRows, runRows, verdictRows] = await db.batch([
    db.select().from(articles).where(eq(articles.id, articleId)),
    ...runAndVerdicts(db, latestRunIdOf(articleId)),
  ]);
  const article = articleRows[0];
  return article ? { article: toArticleRecord(article), latest_run: withVerdicts(runRows, verdictRows) } : null;
}

/** An article's runs, newest first, one keyset page at a time (verdicts not included). */
export async function listRuns(db: Db, articleId: string, page: PageRequest): Promise<Page<StoredRun>> {
  const cursor = page.cursor;
  const rows = await db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.articleId, articleId),
        cursor?.at ? or(lt(runs.createdAt, cursor.at), and(eq(runs.createdAt, cursor.at), lt(runs.id, cursor.id))) : undefined,
      ),
    )
    .orderBy(desc(runs.createdAt), desc(runs.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => ({ at: r.createdAt, id: r.id }), toStoredRun);
}
