// Read queries only the dashboard needs (the rest come from articles.ts, queries-*.ts and
// audits.ts): filtered totals and the source menu.
import { sql } from "drizzle-orm";
import { articleFilterWhere, type ArticleFilters } from "./articles";
import type { Db } from "./db";
import { articles } from "./schema";

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
