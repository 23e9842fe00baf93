// The batches an audit fans out (with the claim that makes each count exactly once), keyset
// paging of the archive that creates them, and what a score batch reads and records: its
// articles with their latest run, that run's verdict rows, and the checks that found no change.
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { VerdictStatus } from "../engine";
import type { Db } from "./db";
import { resolveTexts } from "./texts";
import { auditBatches } from "./schema";

export interface BatchRow {
  auditId: string;
  seq: number;
  kind: "scan" | "score";
  articleIds: string[];
  cursor: string | null;
  status: "pending" | "done" | "dead";
  audit: { status: "running" | "finished"; rulesetVersion: string; startedAt: string; batchesTotal: number };
}

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

/** The newest scan batch of an audit: re-processing it resumes paging or re-sends what it created. */
export async function latestScanSeq(db: Db, auditId: string): Promise<number | null> {
  const row = await db.get<{ seq: number | null }>(
    sql`SELECT max(seq) AS seq FROM audit_batches WHERE audit_id = ${auditId} AND kind = 'scan'`,
  );
  return row?.seq ?? null;
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
    db
      .update(auditBatches)
      .set({ status, updatedAt: now })
      .where(and(eq(auditBatches.auditId, auditId), eq(auditBatches.seq, seq))),
  ];
}

/** Inserts score batches (one per id chunk, seqs from `firstSeq`) created by scan `parentSeq`. */
export function insertScoreBatches(db: Db, auditId: string, parentSeq: number, firstSeq: number, chunks: string[][], now: string) {
  return db.run(sql`INSERT INTO audit_batches (audit_id, seq, kind, article_ids, parent_seq, status, updated_at)
    SELECT ${auditId}, ${firstSeq} + j.key, 'score', j.value, ${parentSeq}, 'pending', ${now} FROM json_each(${JSON.stringify(chunks)}) j`);
}

export function insertScanBatch(db: Db, auditId: string, parentSeq: number, seq: number, cursor: string, now: string) {
  return db
    .insert(auditBatches)
    .values({ auditId, seq, kind: "scan", articleIds: "[]", cursor, parentSeq, status: "pending", updatedAt: now });
}

export async function countDeadBatches(db: Db, auditId: string): Promise<number> {
  const row = await db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_batches WHERE audit_id = ${auditId} AND status = 'dead'`);
  return row?.n ?? 0;
}

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
  return resolveTexts(
    rows.map((r) => ({
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
        ? {
            runId: r.run_id,
            outcome: r.outcome!,
            rulesetVersion: r.ruleset_version!,
            contentHash: r.run_hash!,
            asOf: r.as_of!,
            implied: r.implied_verdicts!,
          }
        : null,
    })),
    // Only the articles the batch will score need their text (withdrawn or already checked ones keep '').
    (a) => a.active && !a.auditedAlready,
  );
}

export interface PreviousVerdict {
  status: VerdictStatus;
  severity: string;
  kind: string;
  message: string | null;
  /** Raw JSON evidence, parsed only for the rules whose status changed. */
  evidence: string;
}

/** run id → rule id → stored verdict row. */
export async function loadVerdicts(db: Db, runIds: string[]): Promise<Map<string, Map<string, PreviousVerdict>>> {
  const out = new Map<string, Map<string, PreviousVerdict>>();
  if (!runIds.length) return out;
  const rows = await db.all<{
    run_id: string;
    rule_id: string;
    status: VerdictStatus;
    severity: string;
    kind: string;
    message: string | null;
    evidence: string;
  }>(
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
