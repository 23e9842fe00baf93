// The drizzle handle over the D1 binding, and the one-transaction batch helper storage shares.
import type { BatchItem } from "drizzle-orm/batch";
import { drizzle } from "drizzle-orm/d1";
import type { SQLiteRaw } from "drizzle-orm/sqlite-core/query-builders/raw";
import * as schema from "./schema";

const connect = (d1: D1Database) => drizzle(d1, { schema });
export type Db = ReturnType<typeof connect>;

// One handle per binding and isolate: building one walks the whole schema (measurable CPU on
// every request otherwise). A handle holds no per-request state.
const handles = new WeakMap<D1Database, Db>();

export function getDb(d1: D1Database): Db {
  let db = handles.get(d1);
  if (!db) handles.set(d1, (db = connect(d1)));
  return db;
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
