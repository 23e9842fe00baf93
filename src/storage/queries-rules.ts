// Rule statistics: how each rule fares across the archive, counted over every active article's
// LATEST run (so re-scoring an article never counts it twice).
import { and, eq, sql } from "drizzle-orm";
import type { VerdictStatus } from "../engine";
import type { Db } from "./db";
import { articles, verdicts } from "./schema";

export type RuleCounts = Record<VerdictStatus, number>;

export function emptyRuleCounts(): RuleCounts {
  return { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
}

/** Verdict counts per rule id (only rules that have verdicts appear); pass `ruleId` for one rule. */
export async function ruleStats(db: Db, ruleId?: string): Promise<Record<string, RuleCounts>> {
  const rows = await db
    .select({ rule: verdicts.ruleId, status: verdicts.status, n: sql<number>`count(*)` })
    .from(articles)
    .innerJoin(verdicts, eq(verdicts.runId, articles.latestRunId))
    .where(and(eq(articles.status, "active"), ruleId === undefined ? undefined : eq(verdicts.ruleId, ruleId)))
    .groupBy(verdicts.ruleId, verdicts.status);
  const stats: Record<string, RuleCounts> = {};
  for (const row of rows) (stats[row.rule] ??= emptyRuleCounts())[row.status] = row.n;
  return stats;
}
