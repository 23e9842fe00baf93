// The drizzle handle over the D1 binding, and the one-transaction batch helper storage shares.
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteRaw } from "drizzle-orm/sqlite-core/query-builders/raw";
import * as schema from "./schema";

export type Db = ReturnType<typeof getDb>;

export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}

/**
 * Runs statements as one D1 transaction. drizzle's db.batch cannot bind the parameters of raw
 * statements (db.run(sql`…`) items have no prepared statement), so each statement is compiled
 * by drizzle and bound here; the result is still a single D1 batch.
 */
export async function transact(db: Db, items: BatchItem<"sqlite">[]): Promise<D1Result[]> {
  const d1 = db.$client;
  return d1.batch(
    items.map((item) => {
      const q =
        "toSQL" in item ? (item as { toSQL(): { sql: string; params: unknown[] } }).toSQL() : (item as SQLiteRaw<unknown>).getQuery();
      return d1.prepare(q.sql).bind(...q.params);
    }),
  );
}
