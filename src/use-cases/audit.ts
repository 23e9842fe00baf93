// Starting an audit (nightly cron or POST /v1/audits) and paging the archive: each "scan" batch
// reads a bounded number of keyset pages, decides in SQL which articles are due, writes the
// score batches plus the next scan batch, and enqueues their ids — so the cron invocation and
// every consumer invocation stay bounded however large the archive is.
import type { BatchItem } from "drizzle-orm/batch";
import { intVar } from "../lib/config";
import type { Ruleset } from "../engine";
import { currentRuleset } from "./current-ruleset";
import {
  type BatchRow,
  claimBatch,
  getBatch,
  insertScanBatch,
  insertScoreBatches,
  latestScanSeq,
  pendingChildren,
  scanPage,
} from "../storage/audit-batches";
import {
  type AuditSummary,
  type AuditTrigger,
  applyDelta,
  blockingAudit,
  createAuditStatements,
  expireAuditStatements,
  finishIfComplete,
  getAudit,
  staleRunningAudits,
  toSummary,
} from "../storage/audits";
import { type Db, getDb, transact } from "../storage/db";
import { newId } from "../storage/ids";
import { loadRuleHashes, previousRulesetVersion, storeRuleset } from "../storage/rulesets";
import { diffRulesets } from "./audit-diff";
import type { JobMessage } from "../lib/job-messages";

/**
 * Default articles per queue message (the `AUDIT_BATCH_SIZE` var overrides it, see
 * scoreBatchSize). 50 keeps one message's scoring to tens of milliseconds of CPU (~46 ms on
 * average, ~91 ms at the peak, measured) and its D1 work to 4 queries (batch row, articles,
 * previous verdicts, one write transaction), so a consumer invocation of 10 messages stays near
 * 40 queries. That fits the Paid plan; the Free plan's 10 ms of CPU per invocation needs ~5
 * articles per message and one message per invocation (README, "Nightly audits").
 */
export const SCORE_BATCH_SIZE = 50;
/** Bounds of `AUDIT_BATCH_SIZE`: one message's transaction already writes ~1,300 rows at 50. */
export const MIN_SCORE_BATCH_SIZE = 1;
export const MAX_SCORE_BATCH_SIZE = 100;
/** Articles read per keyset page (ids + a due flag: a few KB). */
export const SCAN_PAGE_SIZE = 1000;
/**
 * Pages per scan step: 5,000 articles → at most 5,000 / batch size score batches: 100 at the
 * default (one sendBatch), 1,000 at 5 (10 sendBatch calls), 5,000 at 1 (50 calls).
 */
export const SCAN_PAGES_PER_STEP = 5;
/** A running audit older than this is stuck (its messages were lost): the next cron expires it. */
export const AUDIT_MAX_AGE_MS = 20 * 60 * 60 * 1000;

/** What audits need from the Worker's bindings (tests pass a recording JOBS). */
export interface AuditEnv {
  DB: D1Database;
  JOBS: Pick<Queue<JobMessage>, "sendBatch">;
  /** Articles per score batch, from wrangler.toml `[vars]`: an integer 1–100; unset = 50. */
  AUDIT_BATCH_SIZE?: string | number;
}

/**
 * Articles per score batch: `env.AUDIT_BATCH_SIZE` when it is an integer from 1 to 100,
 * otherwise SCORE_BATCH_SIZE. Unset (or empty) falls back silently; any other bad value falls
 * back with one warning per isolate. Never throws: a typo in a var must not stop the audit.
 */
export function scoreBatchSize(env: Pick<AuditEnv, "AUDIT_BATCH_SIZE">): number {
  return intVar("AUDIT_BATCH_SIZE", env.AUDIT_BATCH_SIZE, MIN_SCORE_BATCH_SIZE, MAX_SCORE_BATCH_SIZE, SCORE_BATCH_SIZE);
}

export interface StartedAudit {
  audit: AuditSummary;
  /** False when another audit was running (or today's cron audit exists): `audit` is that one. */
  started: boolean;
}

/**
 * The cron entry: expire stuck audits, then start today's audit unless it already exists.
 * `expired` lists the audits it finished by expiry (their digests are the caller's: jobs/nightly.ts).
 */
export async function runNightlyAudit(
  env: AuditEnv,
  scheduledTime: number,
  ruleset?: Ruleset,
): Promise<StartedAudit & { expired: string[] }> {
  const db = getDb(env.DB);
  const now = new Date(scheduledTime).toISOString();
  const expired: string[] = [];
  for (const id of await staleRunningAudits(db, new Date(scheduledTime - AUDIT_MAX_AGE_MS).toISOString())) {
    console.warn(`audit ${id}: still running after ${AUDIT_MAX_AGE_MS / 3_600_000} h, expiring its pending batches`);
    await transact(db, expireAuditStatements(db, id, now));
    expired.push(id);
  }
  return { ...(await startAudit(env, { trigger: "cron", now: new Date(scheduledTime), ruleset })), expired };
}

/**
 * Records a new audit (with the rule changes since the previous audit's ruleset) and runs its
 * first scan step inline: a small archive is fully fanned out, and an audit with nothing due
 * finishes, before this returns.
 */
export async function startAudit(env: AuditEnv, opts: { trigger: AuditTrigger; now: Date; ruleset?: Ruleset }): Promise<StartedAudit> {
  const ruleset = opts.ruleset ?? (await currentRuleset(env));
  const db = getDb(env.DB);
  const startedAt = opts.now.toISOString();
  const current = new Map(ruleset.rules.map((r) => [r.id, r.hash]));
  const previous = await previousRulesetVersion(db, ruleset.version);
  const before = previous ? (await loadRuleHashes(db, [previous])).get(previous) : undefined;
  const id = newId("aud", opts.now.getTime());
  const create = createAuditStatements(db, {
    id,
    trigger: opts.trigger,
    rulesetVersion: ruleset.version,
    previousRulesetVersion: previous,
    ruleChanges: before ? diffRulesets(before, current) : null,
    startedAt,
  });
  const [inserted] = await transact(db, [...create, storeRuleset(db, ruleset, startedAt)]);

  if (inserted!.meta.changes === 0) {
    const existing = await blockingAudit(db, startedAt);
    if (!existing) throw new Error("audit not started and no blocking audit found");
    // A cron re-run meeting a running audit nudges it: its newest scan resumes paging or
    // re-sends the batches it created (duplicates are harmless, see claimBatch).
    if (opts.trigger === "cron" && existing.status === "running") {
      const seq = await latestScanSeq(db, existing.id);
      if (seq !== null) await enqueueBatches(env, existing.id, [seq]);
    }
    return { audit: toSummary(existing), started: false };
  }

  try {
    const first = await getBatch(db, id, 0);
    await processScan(env, first!, ruleset);
  } catch (err) {
    // Let the queue retry the first scan rather than leave the audit waiting for it.
    console.error(`audit ${id}: first scan failed inline, queueing it`, err);
    await enqueueBatches(env, id, [0]);
  }
  return { audit: (await getAudit(db, id))!, started: true };
}

/**
 * One scan step: up to SCAN_PAGES_PER_STEP keyset pages after the batch's cursor, cut into score
 * batches of scoreBatchSize(env) ids. Commits the new batches and counters with the scan's claim
 * in one transaction, then enqueues them. If the send fails the message is retried, finds the
 * scan done, and re-sends its pending batches.
 */
export async function processScan(env: AuditEnv, batch: BatchRow, ruleset: Ruleset): Promise<void> {
  const db = getDb(env.DB);
  if (batch.status !== "pending") return resendChildren(env, db, batch);

  const boundaries = validityBoundaries(ruleset);
  const today = batch.audit.startedAt.slice(0, 10);
  let after = batch.cursor ?? "";
  let skipped = 0;
  let finished = false;
  const due: string[] = [];
  for (let page = 0; page < SCAN_PAGES_PER_STEP && !finished; page++) {
    const read = await scanPage(db, { after, limit: SCAN_PAGE_SIZE, rulesetVersion: ruleset.version, today, boundaries });
    due.push(...read.dueIds);
    skipped += read.skipped;
    after = read.lastId ?? after;
    finished = read.rows < SCAN_PAGE_SIZE;
  }

  const size = scoreBatchSize(env);
  const chunks: string[][] = [];
  for (let i = 0; i < due.length; i += size) chunks.push(due.slice(i, i + size));
  const firstSeq = batch.audit.batchesTotal;
  const children = chunks.map((_, i) => firstSeq + i);
  const now = new Date().toISOString();
  const statements: BatchItem<"sqlite">[] = [...claimBatch(db, batch.auditId, batch.seq, "done", now)];
  if (chunks.length) statements.push(insertScoreBatches(db, batch.auditId, batch.seq, firstSeq, chunks, now));
  if (!finished) {
    const next = firstSeq + chunks.length;
    statements.push(insertScanBatch(db, batch.auditId, batch.seq, next, after, now));
    children.push(next);
  }
  statements.push(
    applyDelta(db, batch.auditId, { due: due.length, skipped, batchesAdded: children.length }),
    finishIfComplete(db, batch.auditId, now),
  );

  if (!(await settle(db, batch, statements))) return resendChildren(env, db, batch);
  await enqueueBatches(env, batch.auditId, children);
}

/**
 * Runs a batch's settling transaction (claim first). Returns false when the claim lost — the
 * batch was settled by another delivery — and rethrows any other failure so the message retries.
 */
export async function settle(db: Db, batch: BatchRow, statements: BatchItem<"sqlite">[]): Promise<boolean> {
  try {
    await transact(db, statements);
    return true;
  } catch (err) {
    const now = await getBatch(db, batch.auditId, batch.seq);
    if (now && now.status !== "pending") return false;
    throw err;
  }
}

async function resendChildren(env: AuditEnv, db: Db, batch: BatchRow): Promise<void> {
  if (batch.kind !== "scan") return;
  const pending = await pendingChildren(db, batch.auditId, batch.seq);
  await enqueueBatches(
    env,
    batch.auditId,
    pending.map((c) => c.seq),
  );
}

/** Messages carry (audit, seq) only; sendBatch takes at most 100 messages. */
export async function enqueueBatches(env: AuditEnv, auditId: string, seqs: number[]): Promise<void> {
  for (let i = 0; i < seqs.length; i += 100) {
    await env.JOBS.sendBatch(seqs.slice(i, i + 100).map((seq) => ({ body: { type: "audit-batch", auditId, seq }, contentType: "json" })));
  }
}

/** Every date on which some rule starts or stops applying. */
export function validityBoundaries(ruleset: Ruleset): string[] {
  const dates = new Set<string>();
  for (const r of ruleset.rules) {
    if (r.valid_from) dates.add(r.valid_from.slice(0, 10));
    if (r.valid_until) dates.add(r.valid_until.slice(0, 10));
  }
  return [...dates].sort();
}
