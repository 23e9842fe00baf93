// Read queries over runs and their verdicts: one run with its verdicts (evidence parsed, the
// implied not_applicable ones restored), an article's latest run, an article's run history.
// Multi-query reads go in one D1 batch (one round trip).
import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Evidence, Outcome, Severity, VerdictStatus } from "../engine";
import { type ArticleRecord, toArticleRecord } from "./articles";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import type { RunTrigger } from "./runs";
import { articles, rulesets, runs, verdicts } from "./schema";
import { parseStoredRules, withImplied } from "../lib/implied-verdicts";

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

/** The one verdict query: the verdicts of one run (or a list of runs) by run and rule id, optionally of one status. */
function verdictsOf(db: Db, runIds: string | SQL | string[], status?: VerdictStatus) {
  return db
    .select()
    .from(verdicts)
    .where(
      and(
        Array.isArray(runIds) ? inArray(verdicts.runId, runIds) : eq(verdicts.runId, runIds),
        status ? eq(verdicts.status, status) : undefined,
      ),
    )
    .orderBy(asc(verdicts.runId), asc(verdicts.ruleId));
}

/**
 * Every verdict of the given runs, grouped by run id (chunked under D1's 100 bound parameters).
 * `withImplied: false` leaves out the not_applicable verdicts that are not stored as rows (for
 * callers that drop not_applicable anyway); by default they are restored from the ruleset.
 */
export async function verdictsByRun(db: Db, runIds: string[], opts: { withImplied?: boolean } = {}): Promise<Map<string, StoredVerdict[]>> {
  const out = new Map<string, StoredVerdict[]>();
  for (let i = 0; i < runIds.length; i += 90) {
    for (const row of await verdictsOf(db, runIds.slice(i, i + 90))) {
      const list = out.get(row.runId) ?? [];
      list.push(toStoredVerdict(row));
      out.set(row.runId, list);
    }
  }
  if (opts.withImplied === false || !runIds.length) return out;
  const lean = await db
    .select({ id: runs.id, version: runs.rulesetVersion, asOf: runs.asOf, implied: runs.impliedVerdicts })
    .from(runs)
    .where(sql`${runs.id} IN (SELECT value FROM json_each(${JSON.stringify(runIds)})) AND ${runs.impliedVerdicts} > 0`);
  const versions = [...new Set(lean.map((r) => r.version))];
  const rulesetRows = versions.length
    ? await db
        .select()
        .from(rulesets)
        .where(sql`${rulesets.version} IN (SELECT value FROM json_each(${JSON.stringify(versions)}))`)
    : [];
  const rulesOf = new Map(rulesetRows.map((r) => [r.version, parseStoredRules(r.version, r.rules, r.format)]));
  for (const run of lean) out.set(run.id, withImplied(out.get(run.id) ?? [], rulesOf.get(run.version) ?? null, run.asOf, run.implied));
  return out;
}

// The run, its stored verdicts, and its ruleset's rules (which restore the implied verdicts; read
// only when the run implies some).
function runAndVerdicts(db: Db, runId: string | SQL) {
  return [
    db.select().from(runs).where(eq(runs.id, runId)),
    verdictsOf(db, runId),
    db
      .select({ version: rulesets.version, rules: rulesets.rules, format: rulesets.format })
      .from(rulesets)
      .where(
        sql`${rulesets.version} = (SELECT ${runs.rulesetVersion} FROM ${runs} WHERE ${runs.id} = ${runId} AND ${runs.impliedVerdicts} > 0)`,
      ),
  ] as const;
}

type RulesetRow = { version: string; rules: string; format: number };

function withVerdicts(
  runRows: (typeof runs.$inferSelect)[],
  verdictRows: (typeof verdicts.$inferSelect)[],
  rulesetRows: RulesetRow[],
): RunWithVerdicts | null {
  const run = runRows[0];
  if (!run) return null;
  const rs = rulesetRows[0];
  const rules = rs ? parseStoredRules(rs.version, rs.rules, rs.format) : null;
  return { ...toStoredRun(run), verdicts: withImplied(verdictRows.map(toStoredVerdict), rules, run.asOf, run.impliedVerdicts) };
}

/** One run with every verdict, or null. */
export async function getRun(db: Db, id: string): Promise<RunWithVerdicts | null> {
  const [runRows, verdictRows, rulesetRows] = await db.batch(runAndVerdicts(db, id));
  return withVerdicts(runRows, verdictRows, rulesetRows);
}

/** One run without its verdicts, or null. */
export async function getStoredRun(db: Db, id: string): Promise<StoredRun | null> {
  const row = await db.select().from(runs).where(eq(runs.id, id)).get();
  return row ? toStoredRun(row) : null;
}

/** The latest run of the article with this source + external id, or null (unknown, or never scored). */
export async function latestRunOf(db: Db, ref: { source: string; externalId: string }): Promise<StoredRun | null> {
  const row = await db
    .select({ run: runs })
    .from(articles)
    .innerJoin(runs, eq(runs.id, articles.latestRunId))
    .where(and(eq(articles.source, ref.source), eq(articles.externalId, ref.externalId)))
    .get();
  return row ? toStoredRun(row.run) : null;
}

/** What an alert reports about one run: its article, the run, the outcome before it and its failing verdicts. */
export interface RunReport {
  article: ArticleRecord;
  run: StoredRun;
  /** The article's outcome in the run before this one; null for its first run. */
  previousOutcome: Outcome | null;
  failing: StoredVerdict[];
}

/** One round trip for a RunReport, or null when the run (or its article) does not exist. */
export async function getRunReport(db: Db, articleId: string, runId: string): Promise<RunReport | null> {
  const [articleRows, runRows, previousRows, failing] = await db.batch([
    db.select().from(articles).where(eq(articles.id, articleId)).limit(1),
    db
      .select()
      .from(runs)
      .where(and(eq(runs.id, runId), eq(runs.articleId, articleId)))
      .limit(1),
    // Run ids are time-sortable: the previous run is the greatest id below this one.
    db
      .select({ outcome: runs.outcome })
      .from(runs)
      .where(and(eq(runs.articleId, articleId), lt(runs.id, runId)))
      .orderBy(desc(runs.id))
      .limit(1),
    verdictsOf(db, runId, "fail"),
  ]);
  const article = articleRows[0];
  const run = runRows[0];
  if (!article || !run) return null;
  return {
    article: await toArticleRecord(article),
    run: toStoredRun(run),
    previousOutcome: previousRows[0]?.outcome ?? null,
    failing: failing.map(toStoredVerdict),
  };
}

/** The article's latest run with every verdict, or null (unknown article or never scored). */
export async function getLatestRunWithVerdicts(db: Db, articleId: string): Promise<RunWithVerdicts | null> {
  const [runRows, verdictRows, rulesetRows] = await db.batch(runAndVerdicts(db, latestRunIdOf(articleId)));
  return withVerdicts(runRows, verdictRows, rulesetRows);
}

/** The article (with text) and its latest run with verdicts, in one round trip; null if no such article. */
export async function getArticleWithLatestRun(
  db: Db,
  articleId: string,
): Promise<{ article: ArticleRecord; latest_run: RunWithVerdicts | null } | null> {
  const [articleRows, runRows, verdictRows, rulesetRows] = await db.batch([
    db.select().from(articles).where(eq(articles.id, articleId)),
    ...runAndVerdicts(db, latestRunIdOf(articleId)),
  ]);
  const article = articleRows[0];
  return article ? { article: await toArticleRecord(article), latest_run: withVerdicts(runRows, verdictRows, rulesetRows) } : null;
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
