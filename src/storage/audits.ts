// The audits row: starting one (at most one running, one cron audit a day), its counters, how
// it finishes or expires, and reading audits back. Plain functions over the drizzle handle.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import { audits } from "./schema";

export type AuditTrigger = "cron" | "api";

/** Which rules differ between two ruleset versions, by content hash. */
export interface RuleChanges {
  added: string[];
  removed: string[];
  edited: string[];
}

export interface AuditSummary {
  id: string;
  trigger: AuditTrigger;
  status: "running" | "finished";
  ruleset_version: string;
  previous_ruleset_version: string | null;
  started_at: string;
  finished_at: string | null;
  /** due = scored + failed once finished; skipped articles were not due. */
  articles: { due: number; scored: number; skipped: number; failed: number };
  mean_score: number | null;
  outcomes: { pass: number; warn: number; fail: number };
  changes: { regressions: number; fixed: number; changed: number };
  rule_changes: RuleChanges | null;
  batches: { total: number; accounted: number };
}

type AuditRow = typeof audits.$inferSelect;

export function toSummary(a: AuditRow): AuditSummary {
  return {
    id: a.id,
    trigger: a.trigger,
    status: a.status,
    ruleset_version: a.rulesetVersion,
    previous_ruleset_version: a.previousRulesetVersion,
    started_at: a.startedAt,
    finished_at: a.finishedAt,
    articles: { due: a.articlesDue, scored: a.scored, skipped: a.skipped, failed: a.failed },
    mean_score: a.scoreCount ? Math.round((a.scoreSum / a.scoreCount) * 10) / 10 : null,
    outcomes: { pass: a.passCount, warn: a.warnCount, fail: a.failCount },
    changes: { regressions: a.regressions, fixed: a.fixed, changed: a.changed },
    rule_changes: a.ruleChanges ? (JSON.parse(a.ruleChanges) as RuleChanges) : null,
    batches: { total: a.batchesTotal, accounted: a.batchesDone },
  };
}

export interface NewAudit {
  id: string;
  trigger: AuditTrigger;
  rulesetVersion: string;
  previousRulesetVersion: string | null;
  ruleChanges: RuleChanges | null;
  startedAt: string;
}

/**
 * Statements that create the audit and its first scan batch, unless another audit is running
 * or (cron) the same UTC day already has a cron audit — decided inside the transaction, so two
 * overlapping cron deliveries cannot both start one. The audit row's insert is item 0.
 */
export function createAuditStatements(db: Db, a: NewAudit): BatchItem<"sqlite">[] {
  const day = a.startedAt.slice(0, 10);
  const sameCronDay = a.trigger === "cron" ? sql`OR (trigger = 'cron' AND started_at >= ${day} AND started_at < ${nextDay(day)})` : sql``;
  return [
    db.run(sql`INSERT INTO audits (id, trigger, status, ruleset_version, previous_ruleset_version, started_at, batches_total, rule_changes)
      SELECT ${a.id}, ${a.trigger}, 'running', ${a.rulesetVersion}, ${a.previousRulesetVersion}, ${a.startedAt}, 1, ${a.ruleChanges ? JSON.stringify(a.ruleChanges) : null}
      WHERE NOT EXISTS (SELECT 1 FROM audits WHERE status = 'running' ${sameCronDay})`),
    db.run(sql`INSERT INTO audit_batches (audit_id, seq, kind, article_ids, cursor, status, updated_at)
      SELECT ${a.id}, 0, 'scan', '[]', '', 'pending', ${a.startedAt} WHERE EXISTS (SELECT 1 FROM audits WHERE id = ${a.id})`),
  ];
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The audit that kept a new one from starting: a running one, else today's cron audit. */
export async function blockingAudit(db: Db, startedAt: string): Promise<AuditRow | undefined> {
  const day = startedAt.slice(0, 10);
  return db
    .select()
    .from(audits)
    .where(
      sql`${audits.status} = 'running' OR (${audits.trigger} = 'cron' AND ${audits.startedAt} >= ${day} AND ${audits.startedAt} < ${nextDay(day)})`,
    )
    .orderBy(sql`${audits.status} = 'running' DESC`, desc(audits.id))
    .get();
}

/** Counter deltas for settled batches (`settled` defaults to the one batch being settled). */
export interface AuditDelta {
  settled?: number;
  due?: number;
  batchesAdded?: number;
  scored?: number;
  skipped?: number;
  failed?: number;
  scoreSum?: number;
  scoreCount?: number;
  pass?: number;
  warn?: number;
  fail?: number;
  regressions?: number;
  fixed?: number;
  changed?: number;
}

export function applyDelta(db: Db, auditId: string, d: AuditDelta) {
  return db
    .update(audits)
    .set({
      articlesDue: sql`${audits.articlesDue} + ${d.due ?? 0}`,
      batchesTotal: sql`${audits.batchesTotal} + ${d.batchesAdded ?? 0}`,
      batchesDone: sql`${audits.batchesDone} + ${d.settled ?? 1}`,
      scored: sql`${audits.scored} + ${d.scored ?? 0}`,
      skipped: sql`${audits.skipped} + ${d.skipped ?? 0}`,
      failed: sql`${audits.failed} + ${d.failed ?? 0}`,
      scoreSum: sql`${audits.scoreSum} + ${d.scoreSum ?? 0}`,
      scoreCount: sql`${audits.scoreCount} + ${d.scoreCount ?? 0}`,
      passCount: sql`${audits.passCount} + ${d.pass ?? 0}`,
      warnCount: sql`${audits.warnCount} + ${d.warn ?? 0}`,
      failCount: sql`${audits.failCount} + ${d.fail ?? 0}`,
      regressions: sql`${audits.regressions} + ${d.regressions ?? 0}`,
      fixed: sql`${audits.fixed} + ${d.fixed ?? 0}`,
      changed: sql`${audits.changed} + ${d.changed ?? 0}`,
    })
    .where(eq(audits.id, auditId));
}

/** Finishes the audit once every batch (scans included) is accounted for: done or dead. */
export function finishIfComplete(db: Db, auditId: string, now: string) {
  return db
    .update(audits)
    .set({ status: "finished", finishedAt: now })
    .where(sql`${audits.id} = ${auditId} AND ${audits.status} = 'running' AND ${audits.batchesDone} >= ${audits.batchesTotal}`);
}

/**
 * Settles every pending batch of a stuck audit as dead in one transaction: unscored articles
 * of pending score batches, and the active articles a pending scan never reached, count as
 * due and failed; then the audit finishes. The last resort that bounds an audit's life.
 */
export function expireAuditStatements(db: Db, auditId: string, now: string): BatchItem<"sqlite">[] {
  const unscanned = sql`(SELECT count(*) FROM articles WHERE status = 'active' AND id > (
    SELECT cursor FROM audit_batches WHERE audit_id = ${auditId} AND kind = 'scan' AND status = 'pending'))`;
  const unscored = sql`(SELECT coalesce(sum(json_array_length(article_ids)), 0) FROM audit_batches
    WHERE audit_id = ${auditId} AND kind = 'score' AND status = 'pending')`;
  return [
    db.run(sql`UPDATE audits SET articles_due = articles_due + ${unscanned}, failed = failed + ${unscanned} + ${unscored}, batches_done = batches_total
      WHERE id = ${auditId} AND status = 'running'`),
    db.run(sql`UPDATE audit_batches SET status = 'dead', updated_at = ${now} WHERE audit_id = ${auditId} AND status = 'pending'`),
    finishIfComplete(db, auditId, now),
  ];
}

/** Running audits started before `before` (ISO): candidates for expiry. */
export async function staleRunningAudits(db: Db, before: string): Promise<string[]> {
  const rows = await db
    .select({ id: audits.id })
    .from(audits)
    .where(and(eq(audits.status, "running"), lt(audits.startedAt, before)));
  return rows.map((r) => r.id);
}

export async function getAudit(db: Db, id: string): Promise<AuditSummary | null> {
  const row = await db.select().from(audits).where(eq(audits.id, id)).get();
  return row ? toSummary(row) : null;
}

/** Newest first (ids sort by start time). */
export async function listAudits(db: Db, page: PageRequest): Promise<Page<AuditSummary>> {
  const rows = await db
    .select()
    .from(audits)
    .where(page.cursor ? lt(audits.id, page.cursor.id) : undefined)
    .orderBy(desc(audits.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => ({ at: null, id: r.id }), toSummary);
}
