// Read queries only the dashboard and the exports need (the rest come from articles.ts,
// queries-*.ts and audits.ts): filtered totals, the source menu and the verdicts of many runs.
import { inArray, sql } from "drizzle-orm";
import { articleFilterWhere, type ArticleFilters } from "./articles";
import type { Db } from "./db";
import { type StoredVerdict, toStoredVerdict } from "./queries-runs";
import { articles, verdicts } from "./schema";

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

/** Every verdict of the given runs, grouped by run id (chunked under D1's 100 bound parameters). */
export async function verdictsByRun(db: Db, runIds: string[]): Promise<Map<string, StoredVerdict[]>> {
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
  return out;
}
