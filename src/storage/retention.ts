// Run retention: deletes old runs (and their verdict rows) an archive no longer needs, in
// bounded steps. A run is kept while it is one of its article's newest `keepRuns`, younger than
// `keepDays`, its article's latest run, or named by an audit change (as the run or the one
// before it). Runs are walked oldest first by id (ids are time-sortable) from a cursor kept in
// retention_state, so each step reads at most `examine` runs and a pass never reads a run twice.
import { sql } from "drizzle-orm";
import type { Db } from "./db";
import { transact } from "./db";
import { newId } from "./ids";

export interface RetentionPolicy {
  /** Newest runs kept per article (at least 1: the latest run always stays). */
  keepRuns: number;
  /** Runs younger than this many days are kept whatever their rank. */
  keepDays: number;
}

export interface RetentionStep {
  examined: number;
  deleted: number;
  /** True when this step reached the young end: the next step starts a new pass from the oldest run. */
  passDone: boolean;
}

/** The SQL condition under which the run `r` may go (the same in the read and in the deletes). */
function deletable(r: string, policy: RetentionPolicy, cutoffIso: string) {
  const run = sql.raw(r);
  return sql`${run}.created_at < ${cutoffIso}
    AND (SELECT count(*) FROM runs n WHERE n.article_id = ${run}.article_id AND n.created_at > ${run}.created_at) >= ${policy.keepRuns}
    AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = ${run}.article_id AND a.latest_run_id = ${run}.id)
    AND NOT EXISTS (SELECT 1 FROM audit_changes c WHERE c.article_id = ${run}.article_id AND (c.run_id = ${run}.id OR c.previous_run_id = ${run}.id))`;
}

/** One bounded step: read up to `examine` runs after the cursor, delete the deletable ones and their verdicts, move the cursor. */
export async function pruneRunsStep(db: Db, policy: RetentionPolicy, opts: { now: Date; examine: number }): Promise<RetentionStep> {
  const keep = { keepRuns: Math.max(1, policy.keepRuns), keepDays: Math.max(0, policy.keepDays) };
  const cutoffMs = opts.now.getTime() - keep.keepDays * 86_400_000;
  const cutoffIso = new Date(cutoffMs).toISOString();
  // Every run id created before the cutoff sorts below this one.
  const idBound = newId("run", cutoffMs).slice(0, 14);
  const state = await db.get<{ cursor: string }>(sql`SELECT cursor FROM retention_state WHERE id = 1`);
  const cursor = state?.cursor ?? "";
  const rows = await db.all<{ id: string; doomed: number }>(
    sql`SELECT r.id, (${deletable("r", keep, cutoffIso)}) AS doomed FROM runs r
      WHERE r.id > ${cursor} AND r.id < ${idBound} ORDER BY r.id LIMIT ${opts.examine}`,
  );
  const doomed = JSON.stringify(rows.filter((r) => r.doomed).map((r) => r.id));
  const passDone = rows.length < opts.examine;
  const next = passDone ? "" : rows.at(-1)!.id;
  // Verdict rows first (they reference their run); both deletes re-check the condition inside the transaction.
  const results = await transact(db, [
    db.run(sql`INSERT INTO retention_state (id, cursor, passes, runs_deleted, updated_at) VALUES (1, ${next}, ${passDone ? 1 : 0}, 0, ${opts.now.toISOString()})
      ON CONFLICT (id) DO UPDATE SET cursor = excluded.cursor, passes = passes + excluded.passes, updated_at = excluded.updated_at`),
    db.run(sql`DELETE FROM verdicts WHERE run_id IN (SELECT r.id FROM runs r
      WHERE r.id IN (SELECT value FROM json_each(${doomed})) AND ${deletable("r", keep, cutoffIso)})`),
    db.run(sql`DELETE FROM runs WHERE id IN (SELECT value FROM json_each(${doomed})) AND ${deletable("runs", keep, cutoffIso)}`),
    // changes() is the runs delete's count: the statement just before.
    db.run(sql`UPDATE retention_state SET runs_deleted = runs_deleted + changes() WHERE id = 1`),
  ]);
  return { examined: rows.length, deleted: results[2]!.meta.changes ?? 0, passDone };
}
