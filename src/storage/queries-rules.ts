// Rule statistics: how each rule fares across the archive, counted over every active article's
// LATEST run (so re-scoring an article never counts it twice). Read from the counters triggers
// keep (migration 0010: rule_counts, ruleset_counts), never from the archive: stored verdict rows
// are counted per rule and status; the not_applicable verdicts a run implies (lib/implied-verdicts.ts)
// are the lean runs whose ruleset has the rule, less the rows those runs stored for it.
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
  const [rows, versions] = await transact(db, [
    db.run(
      sql`SELECT rule_id AS rule, status, articles AS n, lean FROM rule_counts WHERE (articles <> 0 OR lean <> 0) ${oneRule("rule_id")}`,
    ),
    // A row per ruleset version still some article's latest (a handful), each with its rules' ids.
    db.run(sql`SELECT j.value ->> 'id' AS rule, sum(ruleset_counts.articles) AS n
      FROM ruleset_counts JOIN rulesets s ON s.version = ruleset_counts.version, json_each(s.rules) j
      WHERE ruleset_counts.articles > 0 ${oneRule("j.value ->> 'id'")} GROUP BY 1`),
  ]);
  const stats: Record<string, RuleCounts> = {};
  const leanStored = new Map<string, number>();
  for (const row of rows!.results as { rule: string; status: VerdictStatus | "dismissed"; n: number; lean: number }[]) {
    if (row.n > 0) (stats[row.rule] ??= emptyRuleCounts())[row.status] = row.n;
    leanStored.set(row.rule, (leanStored.get(row.rule) ?? 0) + row.lean);
  }
  for (const row of versions!.results as { rule: string; n: number }[]) {
    const implied = row.n - (leanStored.get(row.rule) ?? 0);
    if (implied > 0) (stats[row.rule] ??= emptyRuleCounts()).not_applicable += implied;
  }
  return stats;
}
