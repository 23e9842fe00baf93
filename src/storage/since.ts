// "Since yesterday": the articles whose verdict changed in a time window — new failures (first
// checked in the window and failing), regressions (passing before, failing now) and fixes.
import { sql } from "drizzle-orm";
import type { Outcome } from "../engine";
import type { Db } from "./db";
import { type Flag, flagsOf } from "./triage";

export type SinceChange = "new_failure" | "regression" | "fixed";

export interface SinceRow {
  id: string;
  title: string | null;
  external_id: string;
  source: string;
  published_at: string | null;
  last_checked_at: string;
  change: SinceChange;
  /** Outcome of the last run before the window (null: first checked in the window). */
  before: Outcome | null;
  outcome: Outcome;
  /** Who asked for the latest run (null: webhook, audit or a shared token). */
  actor: string | null;
  flags: Flag[];
}

/** At most `limit` changes since `since` (ISO), newest check first; `more` when there are others. */
export async function listChangesSince(db: Db, since: string, limit = 200): Promise<{ items: SinceRow[]; more: boolean }> {
  const rows = await db.all<Omit<SinceRow, "change" | "flags"> & { latest_run_id: string }>(sql`
    SELECT * FROM (
      SELECT a.id, a.title, a.external_id, a.source, a.published_at, a.last_checked_at, a.latest_run_id,
        a.latest_outcome AS outcome,
        (SELECT r.actor FROM runs r WHERE r.id = a.latest_run_id) AS actor,
        (SELECT r.outcome FROM runs r WHERE r.article_id = a.id AND r.created_at < ${since} ORDER BY r.created_at DESC LIMIT 1) AS before
      FROM articles a
      WHERE a.status = 'active' AND a.last_checked_at >= ${since} AND a.latest_outcome IS NOT NULL
    )
    WHERE (before IS NULL AND outcome = 'fail') OR (before IS NOT NULL AND (before = 'fail') <> (outcome = 'fail'))
    ORDER BY last_checked_at DESC, id DESC
    LIMIT ${limit + 1}`);
  const served = rows.slice(0, limit);
  const flags = await flagsOf(
    db,
    served.filter((r) => r.outcome === "fail").map((r) => r.latest_run_id),
  );
  return {
    more: rows.length > limit,
    items: served.map(({ latest_run_id, ...r }) => ({
      ...r,
      change: r.before === null ? "new_failure" : r.outcome === "fail" ? "regression" : "fixed",
      flags: (flags.get(latest_run_id) ?? []).filter((f) => f.status === "fail").slice(0, 3),
    })),
  };
}
