// Read queries over articles: the filtered, newest-first list, single lookups and the dashboard's
// aggregates (filtered totals, the source menu), returned as domain objects (snake_case, like the
// engine contract and the API) rather than raw rows.
import { and, desc, eq, getTableColumns, gte, isNull, lt, lte, sql, type SQL } from "drizzle-orm";
import type { Outcome } from "../engine";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import { articleCounts, articles } from "./schema";
import { resolveText } from "./texts";

export type ArticleStatus = "active" | "withdrawn";

export interface ArticleSummary {
  id: string;
  source: string;
  external_id: string;
  url: string | null;
  title: string | null;
  published_at: string | null;
  language: string | null;
  status: ArticleStatus;
  /** SHA-256 hex of the stored text. */
  content_hash: string;
  latest_run_id: string | null;
  /** Score and outcome of the latest run. */
  score: number | null;
  outcome: Outcome | null;
  /** Rule ids that failed in the latest run. */
  failed_rules: string[];
  last_checked_at: string | null;
  /** When the article started failing (kept while it stays failing). */
  failing_since: string | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleRecord extends ArticleSummary {
  /** The text the latest run judged; evidence offsets point into it. */
  text: string;
}

export interface ArticleFilters {
  outcome?: Outcome;
  min_score?: number;
  max_score?: number;
  /** Only articles whose latest run failed this rule id. */
  rule?: string;
  source?: string;
  status?: ArticleStatus;
  /** Case-insensitive substring of the title. */
  q?: string;
}

// Every column but the text: lists never ship article bodies.
const { text: _text, ...summaryColumns } = getTableColumns(articles);

type SummaryRow = Omit<typeof articles.$inferSelect, "text">;

export function toArticleSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    source: row.source,
    external_id: row.externalId,
    url: row.url,
    title: row.title,
    published_at: row.publishedAt,
    language: row.language,
    status: row.status,
    content_hash: row.contentHash,
    latest_run_id: row.latestRunId,
    score: row.latestScore,
    outcome: row.latestOutcome,
    failed_rules: row.latestFailedRules?.trim().split(" ").filter(Boolean) ?? [],
    last_checked_at: row.lastCheckedAt,
    failing_since: row.failingSince,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

/** The record with its text, read from R2 when the row holds none (storage/texts.ts). */
export async function toArticleRecord(row: typeof articles.$inferSelect): Promise<ArticleRecord> {
  return { ...toArticleSummary(row), text: await resolveText(row) };
}

/** The WHERE clause of the article filters (shared by the list, the dashboard totals and CSV exports). */
export function articleFilterWhere(filters: ArticleFilters): SQL | undefined {
  return and(
    filters.outcome ? eq(articles.latestOutcome, filters.outcome) : undefined,
    filters.min_score !== undefined ? gte(articles.latestScore, filters.min_score) : undefined,
    filters.max_score !== undefined ? lte(articles.latestScore, filters.max_score) : undefined,
    // latest_failed_rules is space-padded (" a.b c.d "); instr avoids LIKE's wildcards and D1's 50-byte pattern cap.
    filters.rule ? sql`instr(${articles.latestFailedRules}, ${` ${filters.rule} `}) > 0` : undefined,
    filters.source ? eq(articles.source, filters.source) : undefined,
    filters.status ? eq(articles.status, filters.status) : undefined,
    filters.q ? sql`instr(lower(${articles.title}), lower(${filters.q})) > 0` : undefined,
  );
}

/**
 * Articles newest-checked first, filtered, one keyset page at a time. The sort is
 * last_checked_at DESC (NULLs last), id DESC; each page seeks straight to the cursor in
 * articles_last_checked (a row-value range), so page N costs what page 1 does. Never-checked
 * articles (NULL) come after the checked ones, from a second range when a page reaches them.
 */
export async function listArticles(db: Db, filters: ArticleFilters, page: PageRequest): Promise<Page<ArticleSummary>> {
  const cursor = page.cursor;
  const select = (range: SQL, limit: number) =>
    db
      .select(summaryColumns)
      .from(articles)
      .where(and(articleFilterWhere(filters), range))
      .orderBy(desc(articles.lastCheckedAt), desc(articles.id))
      .limit(limit);
  const want = page.limit + 1;
  let rows: SummaryRow[] = [];
  if (cursor?.at !== null) {
    rows = await select(
      cursor ? sql`(${articles.lastCheckedAt}, ${articles.id}) < (${cursor.at}, ${cursor.id})` : sql`${articles.lastCheckedAt} IS NOT NULL`,
      want,
    );
  }
  if (rows.length < want) {
    const unchecked =
      cursor?.at === null ? and(isNull(articles.lastCheckedAt), lt(articles.id, cursor.id))! : isNull(articles.lastCheckedAt);
    rows = [...rows, ...(await select(unchecked, want - rows.length))];
  }
  return toPage(rows, page.limit, (r) => ({ at: r.lastCheckedAt, id: r.id }), toArticleSummary);
}

/** One article with its text, or null. */
export async function getArticle(db: Db, id: string): Promise<ArticleRecord | null> {
  const row = await db.select().from(articles).where(eq(articles.id, id)).get();
  return row ? await toArticleRecord(row) : null;
}

// ---- dashboard aggregates -------------------------------------------------------------------

export interface ArticleTotals {
  articles: number;
  failing: number;
  meanScore: number | null;
  /**
   * Set when no counter answers the filter (a rule, a score range, a title) and the archive is
   * larger than what one request examines: the figures are those of the newest `examined`
   * checked articles (of the filtered outcome, when there is one), so the real counts are at
   * least `articles` and `failing`, and `meanScore` is that slice's.
   */
  partial?: { examined: number };
}

// Filters the article_counts rows answer: the rest (rule, score range, title) count the articles.
const COUNTED_FILTERS: ReadonlySet<string> = new Set(["source", "status", "outcome"]);

/** At most this many articles are read for one total that no counter answers (docs/operations.md). */
export const TOTALS_EXAMINED = 10_000;

/**
 * Count, failing count and mean latest score of every article matching the filters. Unfiltered
 * (the dashboard's first page) or filtered by source, status or outcome it sums the few
 * `article_counts` rows the triggers keep, not the archive. A filter on a
 * rule, a score range or the title reads at most `examined` articles, newest checked first:
 * exact when the archive (or the filtered outcome) has no more, else marked `partial`.
 */
export async function articleTotals(db: Db, filters: ArticleFilters, examined = TOTALS_EXAMINED): Promise<ArticleTotals> {
  const set = Object.entries(filters).filter(([, v]) => v !== undefined && v !== "");
  if (set.every(([k]) => COUNTED_FILTERS.has(k))) {
    const c = articleCounts;
    const row = await db
      .select({
        articles: sql<number>`coalesce(sum(${c.articles}), 0)`,
        failing: sql<number>`coalesce(sum(CASE WHEN ${c.outcome} = 'fail' THEN ${c.articles} END), 0)`,
        scoreSum: sql<number>`coalesce(sum(${c.scoreSum}), 0)`,
        scoreCount: sql<number>`coalesce(sum(${c.scoreCount}), 0)`,
      })
      .from(c)
      .where(
        and(
          filters.source ? eq(c.source, filters.source) : undefined,
          filters.status ? eq(c.status, filters.status) : undefined,
          filters.outcome ? eq(c.outcome, filters.outcome) : undefined,
        ),
      )
      .get();
    if (row) return { articles: row.articles, failing: row.failing, meanScore: row.scoreCount ? row.scoreSum / row.scoreCount : null };
  }
  // The newest `examined` articles through articles_last_checked (articles_outcome when the
  // outcome is filtered), each tested against the rest of the filters.
  const { outcome, ...rest } = filters;
  const match = articleFilterWhere(rest) ?? sql`1`;
  const row = await db.get<{ examined: number; articles: number; failing: number; meanScore: number | null }>(
    sql`SELECT count(*) AS examined, coalesce(sum(m), 0) AS articles, coalesce(sum(m AND latest_outcome = 'fail'), 0) AS failing,
        avg(CASE WHEN m THEN latest_score END) AS meanScore
      FROM (SELECT CASE WHEN ${match} THEN 1 ELSE 0 END AS m, latest_outcome, latest_score FROM articles
        ${outcome ? sql`WHERE latest_outcome = ${outcome}` : sql``} ORDER BY last_checked_at DESC LIMIT ${examined})`,
  );
  const totals: ArticleTotals = { articles: row?.articles ?? 0, failing: row?.failing ?? 0, meanScore: row?.meanScore ?? null };
  return row && row.examined >= examined ? { ...totals, partial: { examined: row.examined } } : totals;
}

/** Distinct sources with articles, for the filter menu (from the article_counts rows, not the archive). */
export async function listSources(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ source: articleCounts.source })
    .from(articleCounts)
    .where(sql`${articleCounts.articles} > 0`)
    .orderBy(articleCounts.source);
  return rows.map((r) => r.source);
}
