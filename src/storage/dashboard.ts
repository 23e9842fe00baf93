// Read queries only the dashboard and the exports need (the rest come from articles.ts,
// queries-*.ts and audits.ts): filtered totals, the source menu and the verdicts of many runs.
import { inArray, sql } from "drizzle-orm";
import { articleFilterWhere, type ArticleFilters } from "./articles";
import type { Db } from "./db";
import { type StoredVerdict, toStoredVerdict } from "./queries-runs";
import { articles, rulesets, runs, verdicts } from "./schema";
import { parseStoredRules, withImplied } from "./verdicts";

export interface ArticleTotals {
  articles: number;
  failing: number;
  meanScore: number | null;
}

/** Count, failing count and mean latest score of every article matching the filters. */
export async function articleTotals(db: Db, filters: ArticleFilters): Promise<ArticleTotals> {
  const row = await db
    .select({
      articles: sql<number>`count(*)`,
      failing: sql<number>`coalesce(sum(${articles.latestOutcome} = 'fail'), 0)`,
      meanScore: sql<number | null>`avg(${articles.latestScore})`,
    })
    .from(articles)
    .where(articleFilterWhere(filters))
    .get();
  return row ?? { articles: 0, failing: 0, meanScore: null };
}

/** Distinct sources, for the filter menu (an index scan over articles_source_external_id). */
export async function listSources(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ source: articles.source }).from(articles).orderBy(articles.source);
  return rows.map((r) => r.source);
}

/**
 * Every verdict of the given runs, grouped by run id (chunked under D1's 100 bound parameters).
 * `withImplied: false` leaves out the not_applicable verdicts that are not stored as rows (for
 * callers that drop not_applicable anyway); by default they are restored from the ruleset.
 */
export async function verdictsByRun(db: Db, runIds: string[], opts: { withImplied?: boolean } = {}): Promise<Map<string, StoredVerdict[]>> {
  const out = new Map<string, StoredVerdict[]>();
  for (let i = 0; i < runIds.length; i += 90) {
    const rows = await db
      .select()
      .from(verdicts)
      .where(inArray(verdicts.runId, runIds.slice(i, i + 90)))
      .orderBy(verdicts.runId, verdicts.ruleId);
    for (const row of rows) {
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
    ? await db.select().from(rulesets).where(sql`${rulesets.version} IN (SELECT value FROM json_each(${JSON.stringify(versions)}))`)
    : [];
  const rulesOf = new Map(rulesetRows.map((r) => [r.version, parseStoredRules(r.version, r.rules, r.format)]));
  for (const run of lean) out.set(run.id, withImplied(out.get(run.id) ?? [], rulesOf.get(run.version) ?? null, run.asOf, run.implied));
  return out;
}
