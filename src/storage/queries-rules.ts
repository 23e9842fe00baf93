// Rule statistics: how each rule fares across the archive, counted over every active article's
// LATEST run (so re-scoring an article never counts it twice). Stored verdict rows are counted
// directly; the not_applicable verdicts a run implies (storage/verdicts.ts) are the runs whose
// ruleset has the rule, less the rows stored for it.
import { sql } from "drizzle-orm";
import type { VerdictStatus } from "../engine";
import { type Db, transact } from "./db";

/** Per status; a fail editors dismissed counts under `dismissed` (present only when there is one), not `fail`. */
export type RuleCounts = Record<VerdictStatus, number> & { dismissed?: number };

export function emptyRuleCounts(): RuleCounts {
  return { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
}

/** Verdict counts per rule id (only rules that have verdicts appear); pass `ruleId` for one rule. */
export async function ruleStats(db: Db, ruleId?: string): Promise<Record<string, RuleCounts>> {
  const oneRule = (column: string) => (ruleId === undefined ? sql`` : sql`AND ${sql.raw(column)} = ${ruleId}`);
  const [rows, implied] = await transact(db, [
    db.run(sql`SELECT v.rule_id AS rule, CASE WHEN v.status = 'fail' AND v.dismissed THEN 'dismissed' ELSE v.status END AS status, count(*) AS n
      FROM articles a JOIN verdicts v ON v.run_id = a.latest_run_id
      WHERE a.status = 'active' ${oneRule("v.rule_id")} GROUP BY 1, 2`),
    db.run(sql`WITH lean AS (
        SELECT r.id, r.ruleset_version FROM articles a JOIN runs r ON r.id = a.latest_run_id
        WHERE a.status = 'active' AND r.implied_verdicts > 0),
      totals AS (
        SELECT j.value ->> 'id' AS rule, sum(p.n) AS n
        FROM (SELECT ruleset_version, count(*) AS n FROM lean GROUP BY ruleset_version) p
        JOIN rulesets s ON s.version = p.ruleset_version, json_each(s.rules) j
        WHERE 1 ${oneRule("j.value ->> 'id'")} GROUP BY 1),
      stored AS (
        SELECT v.rule_id AS rule, count(*) AS n FROM lean l JOIN verdicts v ON v.run_id = l.id
        WHERE 1 ${oneRule("v.rule_id")} GROUP BY 1)
      SELECT t.rule, t.n - coalesce(s.n, 0) AS n FROM totals t LEFT JOIN stored s ON s.rule = t.rule`),
  ]);
  const stats: Record<string, RuleCounts> = {};
  for (const row of rows!.results as { rule: string; status: VerdictStatus | "dismissed"; n: number }[])
    (stats[row.rule] ??= emptyRuleCounts())[row.status] = row.n;
  for (const row of implied!.results as { rule: string; n: number }[])
    if (row.n > 0) (stats[row.rule] ??= emptyRuleCounts()).not_applicable += row.n;
  return stats;
}
