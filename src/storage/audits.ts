// Audit queries: the audits row and its counters, the batches it fans out (with the claim that
// makes each batch count exactly once), keyset paging of the archive, what changed, and the
// corrections queue. Plain functions over the drizzle handle, returning domain types.
import { and, desc, eq, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Evidence, VerdictStatus } from "../engine";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import { auditBatches, auditChanges, audits } from "./schema";
import { parseStoredRules, type StoredRule } from "./verdicts";

export type AuditTrigger = "cron" | "api";
export type ChangeKind = "regression" | "fixed" | "changed";

/** Which rules differ between two ruleset versions, by content hash. */
export interface RuleChanges {
  added: string[];
  removed: string[];
  edited: string[];
}

/** One rule whose status changed for an article, and why. */
export interface RuleDelta {
  rule: string;
  from: VerdictStatus | null;
  to: VerdictStatus | null;
  /** The quoted spans behind the new verdict (or the old one when the new has none). */
  quotes: string[];
  /** What explains the change: the rule was added/edited/removed, the text changed, or the judging date moved across a rule's validity window. */
  cause: "rule_added" | "rule_edited" | "rule_removed" | "text_changed" | "as_of";
}

export interface AuditChange {
  article_id: string;
  change: ChangeKind;
  previous_outcome: string | null;
  outcome: string;
  previous_run_id: string | null;
  run_id: string;
  rules: RuleDelta[];
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

export interface BatchRow {
  auditId: string;
  seq: number;
  kind: "scan" | "score";
  articleIds: string[];
  cursor: string | null;
  status: "pending" | "done" | "dead";
  audit: { status: "running" | "finished"; rulesetVersion: string; startedAt: string; batchesTotal: number };
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

export { transact } from "./db";

// ---- rulesets -------------------------------------------------------------------------------

/** The stored rules of each requested ruleset version that is stored. */
export async function loadStoredRules(db: Db, versions: string[]): Promise<Map<string, StoredRule[]>> {
  const out = new Map<string, StoredRule[]>();
  if (!versions.length) return out;
  const rows = await db.all<{ version: string; rules: string; format: number }>(
    sql`SELECT version, rules, format FROM rulesets WHERE version IN (SELECT value FROM json_each(${JSON.stringify(versions)}))`,
  );
  for (const row of rows) out.set(row.version, parseStoredRules(row.version, row.rules, row.format));
  return out;
}

/** rule id → content hash for each requested ruleset version that is stored. */
export async function loadRuleHashes(db: Db, versions: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [version, rules] of await loadStoredRules(db, versions)) out.set(version, new Map(rules.map((r) => [r.id, r.hash])));
  return out;
}

/** The ruleset the previous audit used; before any audit, the newest other version seen in runs. */
export async function previousRulesetVersion(db: Db, current: string): Promise<string | null> {
  const row = await db.get<{ version: string | null }>(sql`SELECT coalesce(
      (SELECT ruleset_version FROM audits ORDER BY id DESC LIMIT 1),
      (SELECT version FROM rulesets WHERE version <> ${current} ORDER BY first_seen_at DESC LIMIT 1)) AS version`);
  return row?.version ?? null;
}

// ---- starting -------------------------------------------------------------------------------

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
  const sameCronDay =
    a.trigger === "cron"
      ? sql`OR (trigger = 'cron' AND started_at >= ${day} AND started_at < ${nextDay(day)})`
      : sql``;
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
    .where(sql`${audits.status} = 'running' OR (${audits.trigger} = 'cron' AND ${audits.startedAt} >= ${day} AND ${audits.startedAt} < ${nextDay(day)})`)
    .orderBy(sql`${audits.status} = 'running' DESC`, desc(audits.id))
    .get();
}

/** The newest scan batch of an audit: re-processing it resumes paging or re-sends what it created. */
export async function latestScanSeq(db: Db, auditId: string): Promise<number | null> {
  const row = await db.get<{ seq: number | null }>(
    sql`SELECT max(seq) AS seq FROM audit_batches WHERE audit_id = ${auditId} AND kind = 'scan'`,
  );
  return row?.seq ?? null;
}

// ---- batches --------------------------------------------------------------------------------

export async function getBatch(db: Db, auditId: string, seq: number): Promise<BatchRow | null> {
  const row = await db.get<{
    kind: "scan" | "score";
    article_ids: string;
    cursor: string | null;
    status: BatchRow["status"];
    audit_status: BatchRow["audit"]["status"];
    ruleset_version: string;
    started_at: string;
    batches_total: number;
  }>(sql`SELECT b.kind, b.article_ids, b.cursor, b.status, a.status AS audit_status, a.ruleset_version, a.started_at, a.batches_total
    FROM audit_batches b JOIN audits a ON a.id = b.audit_id WHERE b.audit_id = ${auditId} AND b.seq = ${seq}`);
  if (!row) return null;
  return {
    auditId,
    seq,
    kind: row.kind,
    articleIds: JSON.parse(row.article_ids) as string[],
    cursor: row.cursor,
    status: row.status,
    audit: { status: row.audit_status, rulesetVersion: row.ruleset_version, startedAt: row.started_at, batchesTotal: row.batches_total },
  };
}

export interface PendingChild {
  seq: number;
  kind: "scan" | "score";
  articles: number;
  cursor: string | null;
}

/** Pending batches a scan created (to re-send their messages, or dead-letter them). */
export async function pendingChildren(db: Db, auditId: string, parentSeq: number): Promise<PendingChild[]> {
  return db.all<PendingChild>(sql`SELECT seq, kind, json_array_length(article_ids) AS articles, cursor
    FROM audit_batches WHERE audit_id = ${auditId} AND parent_seq = ${parentSeq} AND status = 'pending' ORDER BY seq`);
}

/**
 * The claim, first in every transaction that settles a batch: it re-inserts the batch's own
 * primary key when the batch is no longer pending, which fails the whole transaction. So of
 * two deliveries of the same message (queues are at-least-once) exactly one commits its runs
 * and counters; the other rolls back entirely and is acknowledged as a duplicate.
 */
export function claimBatch(db: Db, auditId: string, seq: number, status: "done" | "dead", now: string): BatchItem<"sqlite">[] {
  return [
    db.run(sql`INSERT INTO audit_batches (audit_id, seq, kind, article_ids)
      SELECT audit_id, seq, kind, article_ids FROM audit_batches WHERE audit_id = ${auditId} AND seq = ${seq} AND status <> 'pending'`),
    db.update(auditBatches).set({ status, updatedAt: now }).where(and(eq(auditBatches.auditId, auditId), eq(auditBatches.seq, seq))),
  ];
}

/** Inserts score batches (one per id chunk, seqs from `firstSeq`) created by scan `parentSeq`. */
export function insertScoreBatches(db: Db, auditId: string, parentSeq: number, firstSeq: number, chunks: string[][], now: string) {
  return db.run(sql`INSERT INTO audit_batches (audit_id, seq, kind, article_ids, parent_seq, status, updated_at)
    SELECT ${auditId}, ${firstSeq} + j.key, 'score', j.value, ${parentSeq}, 'pending', ${now} FROM json_each(${JSON.stringify(chunks)}) j`);
}

export function insertScanBatch(db: Db, auditId: string, parentSeq: number, seq: number, cursor: string, now: string) {
  return db.insert(auditBatches).values({ auditId, seq, kind: "scan", articleIds: "[]", cursor, parentSeq, status: "pending", updatedAt: now });
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
  const rows = await db.select({ id: audits.id }).from(audits).where(and(eq(audits.status, "running"), lt(audits.startedAt, before)));
  return rows.map((r) => r.id);
}

export function insertChange(db: Db, auditId: string, c: AuditChange) {
  return db.insert(auditChanges).values({
    auditId,
    articleId: c.article_id,
    previousRunId: c.previous_run_id,
    runId: c.run_id,
    change: c.change,
    previousOutcome: c.previous_outcome,
    outcome: c.outcome,
    ruleChanges: JSON.stringify(c.rules),
  });
}

// ---- paging the archive ---------------------------------------------------------------------

export interface ScanPage {
  dueIds: string[];
  skipped: number;
  /** The last id read; null when the page was empty. */
  lastId: string | null;
  rows: number;
}

/**
 * One keyset page of active articles after `after`, each decided due or skipped in SQL.
 * Skipped = the latest check (a run, or an audit that found the same verdicts) used this ruleset
 * version and the latest run this exact text, and its judging date
 * equals the one an audit today would use, or no rule validity boundary lies between the two.
 * The engine judges as of published_at when present, so such articles keep their judging date
 * and boundaries passing by cannot change them; undated ones move to `today`. (as_of is compared
 * loosely to substr(published_at, 1, 10): a mismatch only makes the article due, never skips it.)
 */
export async function scanPage(
  db: Db,
  p: { after: string; limit: number; rulesetVersion: string; today: string; boundaries: string[] },
): Promise<ScanPage> {
  const asOfNow = sql`coalesce(substr(a.published_at, 1, 10), ${p.today})`;
  // The latest check: the article's checked_* columns, or (rows older than migration 0003) its latest run's.
  const asOf = sql`coalesce(a.checked_as_of, r.as_of)`;
  const rows = await db.all<{ id: string; due: number }>(sql`SELECT a.id,
      NOT (r.id IS NOT NULL AND coalesce(a.checked_ruleset_version, r.ruleset_version) = ${p.rulesetVersion} AND r.content_hash = a.content_hash AND (
        ${asOf} = ${asOfNow} OR NOT EXISTS (SELECT 1 FROM json_each(${JSON.stringify(p.boundaries)}) b
          WHERE b.value BETWEEN min(${asOf}, ${asOfNow}) AND max(${asOf}, ${asOfNow})))) AS due
    FROM articles a LEFT JOIN runs r ON r.id = a.latest_run_id
    WHERE a.status = 'active' AND a.id > ${p.after} ORDER BY a.id LIMIT ${p.limit}`);
  const dueIds: string[] = [];
  for (const r of rows) if (r.due) dueIds.push(r.id);
  return { dueIds, skipped: rows.length - dueIds.length, lastId: rows.at(-1)?.id ?? null, rows: rows.length };
}

/** Active articles after a cursor: what a dead scan leaves unaudited. */
export async function countActiveAfter(db: Db, after: string): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM articles WHERE status = 'active' AND id > ${after}`);
  return row?.n ?? 0;
}

// ---- scoring a batch ------------------------------------------------------------------------

export interface BatchArticle {
  id: string;
  source: string;
  externalId: string;
  url: string | null;
  title: string | null;
  text: string;
  contentHash: string;
  publishedAt: string | null;
  language: string | null;
  active: boolean;
  /** Already checked by this audit (a retried batch must not count it twice). */
  auditedAlready: boolean;
  previous: { runId: string; outcome: string; rulesetVersion: string; contentHash: string; asOf: string; implied: number } | null;
}

export async function loadBatchArticles(db: Db, auditId: string, ids: string[]): Promise<BatchArticle[]> {
  const rows = await db.all<{
    id: string;
    source: string;
    external_id: string;
    url: string | null;
    title: string | null;
    text: string;
    content_hash: string;
    published_at: string | null;
    language: string | null;
    status: string;
    audited: number;
    run_id: string | null;
    outcome: string | null;
    ruleset_version: string | null;
    run_hash: string | null;
    as_of: string | null;
    implied_verdicts: number | null;
  }>(sql`SELECT a.id, a.source, a.external_id, a.url, a.title, a.text, a.content_hash, a.published_at, a.language, a.status,
      coalesce(a.checked_audit_id = ${auditId}, 0) AS audited,
      r.id AS run_id, r.outcome, r.ruleset_version, r.content_hash AS run_hash, r.as_of, r.implied_verdicts
    FROM articles a LEFT JOIN runs r ON r.id = a.latest_run_id
    WHERE a.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    externalId: r.external_id,
    url: r.url,
    title: r.title,
    text: r.text,
    contentHash: r.content_hash,
    publishedAt: r.published_at,
    language: r.language,
    active: r.status === "active",
    auditedAlready: Boolean(r.audited),
    previous: r.run_id
      ? { runId: r.run_id, outcome: r.outcome!, rulesetVersion: r.ruleset_version!, contentHash: r.run_hash!, asOf: r.as_of!, implied: r.implied_verdicts! }
      : null,
  }));
}

export interface StoredVerdict {
  status: VerdictStatus;
  severity: string;
  kind: string;
  message: string | null;
  /** Raw JSON evidence, parsed only for the rules whose status changed. */
  evidence: string;
}

/** run id → rule id → stored verdict row. */
export async function loadVerdicts(db: Db, runIds: string[]): Promise<Map<string, Map<string, StoredVerdict>>> {
  const out = new Map<string, Map<string, StoredVerdict>>();
  if (!runIds.length) return out;
  const rows = await db.all<{ run_id: string; rule_id: string; status: VerdictStatus; severity: string; kind: string; message: string | null; evidence: string }>(
    sql`SELECT run_id, rule_id, status, severity, kind, message, evidence FROM verdicts WHERE run_id IN (SELECT value FROM json_each(${JSON.stringify(runIds)}))`,
  );
  for (const r of rows) {
    let m = out.get(r.run_id);
    if (!m) out.set(r.run_id, (m = new Map()));
    m.set(r.rule_id, { status: r.status, severity: r.severity, kind: r.kind, message: r.message, evidence: r.evidence });
  }
  return out;
}

/**
 * Records that an audit checked these articles and found every verdict identical to their
 * latest run's: no new run, only the check (ruleset, judging date, audit, time).
 */
export function markChecked(db: Db, p: { articles: { id: string; asOf: string }[]; rulesetVersion: string; auditId: string; now: string }) {
  return db.run(sql`UPDATE articles SET last_checked_at = ${p.now}, checked_ruleset_version = ${p.rulesetVersion}, checked_audit_id = ${p.auditId},
      checked_as_of = j.value ->> 1
    FROM json_each(${JSON.stringify(p.articles.map((a) => [a.id, a.asOf]))}) j WHERE articles.id = j.value ->> 0`);
}

// ---- reading audits -------------------------------------------------------------------------

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

export async function countDeadBatches(db: Db, auditId: string): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_batches WHERE audit_id = ${auditId} AND status = 'dead'`);
  return row?.n ?? 0;
}

export interface ChangedArticle extends AuditChange {
  title: string | null;
  url: string | null;
}

/** The changed articles of an audit, by article id, optionally of one kind. */
export async function listChanges(db: Db, auditId: string, change: ChangeKind | undefined, page: PageRequest): Promise<Page<ChangedArticle>> {
  const rows = await db.all<{
    article_id: string;
    change: ChangeKind;
    previous_outcome: string | null;
    outcome: string;
    previous_run_id: string | null;
    run_id: string;
    rule_changes: string;
    title: string | null;
    url: string | null;
  }>(sql`SELECT c.article_id, c.change, c.previous_outcome, c.outcome, c.previous_run_id, c.run_id, c.rule_changes, a.title, a.url
    FROM audit_changes c JOIN articles a ON a.id = c.article_id
    WHERE c.audit_id = ${auditId} AND c.article_id > ${page.cursor?.id ?? ""} ${change ? sql`AND c.change = ${change}` : sql``}
    ORDER BY c.article_id LIMIT ${page.limit + 1}`);
  return toPage(
    rows,
    page.limit,
    (r) => ({ at: null, id: r.article_id }),
    (r) => ({
      article_id: r.article_id,
      title: r.title,
      url: r.url,
      change: r.change,
      previous_outcome: r.previous_outcome,
      outcome: r.outcome,
      previous_run_id: r.previous_run_id,
      run_id: r.run_id,
      rules: JSON.parse(r.rule_changes) as RuleDelta[],
    }),
  );
}

// ---- corrections queue ----------------------------------------------------------------------

export interface FailingVerdict {
  rule: string;
  severity: string;
  message: string | null;
  evidence: Evidence[];
}

export interface CorrectionRow {
  article: { id: string; title: string | null; url: string | null; published_at: string | null };
  failing_since: string;
  run_id: string;
  score: number | null;
  failing: FailingVerdict[];
}

/** Active articles whose latest run fails, oldest failure first, with that run's failing verdicts. */
export async function listCorrections(db: Db, filter: { rule?: string }, page: PageRequest): Promise<Page<CorrectionRow>> {
  const c = page.cursor;
  const rows = await db.all<{ id: string; title: string | null; url: string | null; published_at: string | null; failing_since: string; latest_run_id: string; latest_score: number | null }>(
    sql`SELECT id, title, url, published_at, failing_since, latest_run_id, latest_score FROM articles
      WHERE status = 'active' AND latest_outcome = 'fail' AND failing_since IS NOT NULL
      ${filter.rule ? sql`AND instr(latest_failed_rules, ${` ${filter.rule} `}) > 0` : sql``}
      ${c ? sql`AND (failing_since > ${c.at} OR (failing_since = ${c.at} AND id > ${c.id}))` : sql``}
      ORDER BY failing_since, id LIMIT ${page.limit + 1}`,
  );
  const served = rows.slice(0, page.limit);
  const failing = new Map<string, FailingVerdict[]>();
  if (served.length) {
    const verdicts = await db.all<{ run_id: string; rule_id: string; severity: string; message: string | null; evidence: string }>(
      sql`SELECT run_id, rule_id, severity, message, evidence FROM verdicts
        WHERE status = 'fail' AND run_id IN (SELECT value FROM json_each(${JSON.stringify(served.map((r) => r.latest_run_id))})) ORDER BY run_id, rule_id`,
    );
    for (const v of verdicts) {
      const list = failing.get(v.run_id) ?? [];
      list.push({ rule: v.rule_id, severity: v.severity, message: v.message, evidence: JSON.parse(v.evidence) as Evidence[] });
      failing.set(v.run_id, list);
    }
  }
  return toPage(
    rows,
    page.limit,
    (r) => ({ at: r.failing_since, id: r.id }),
    (r) => ({
      article: { id: r.id, title: r.title, url: r.url, published_at: r.published_at },
      failing_since: r.failing_since,
      run_id: r.latest_run_id,
      score: r.latest_score,
      failing: failing.get(r.latest_run_id) ?? [],
    }),
  );
}
