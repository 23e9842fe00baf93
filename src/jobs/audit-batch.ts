// The `audit-batch` job: scores one batch of an audit (or runs a scan step) and settles it in
// one transaction — every run, verdict, audit_changes row, the counters and the batch's claim
// commit together, so a retried or duplicated message never counts an article twice. Dead
// letters are settled as failures, so the audit still finishes.
import type { BatchItem } from "drizzle-orm/batch";
import { type CheckResult, judgingDate, type Outcome, type Ruleset } from "../engine";
import type { Bindings } from "../env";
import {
  type BatchArticle,
  type BatchRow,
  claimBatch,
  countActiveAfter,
  getBatch,
  loadBatchArticles,
  loadVerdicts,
  markChecked,
  pendingChildren,
} from "../storage/audit-batches";
import { type AuditChange, insertChanges } from "../storage/audit-changes";
import { type AuditDelta, applyDelta, finishIfComplete } from "../storage/audits";
import { type Db, getDb, transact } from "../storage/db";
import { loadStoredRules } from "../storage/rulesets";
import { prepareRunsWrite } from "../storage/runs";
import { labelsOf } from "../storage/feedback";
import type { StoredRule } from "../lib/implied-verdicts";
import { scoreArticle, type ScoredArticle } from "../use-cases/score-article";
import { type AuditEnv, processScan, settle } from "../use-cases/audit";
import { currentRuleset } from "../use-cases/current-ruleset";
import { diffRulesets, diffRun, type PreviousRun, sameVerdicts } from "../use-cases/audit-diff";
import { keptVerdicts } from "../use-cases/kept-verdicts";
import { maybeEnqueueDigest } from "./audit-digest";
import type { JobHandler } from "./handlers";
import type { JobMessage, JobOf } from "../lib/job-messages";

type AuditBatchJob = JobOf<"audit-batch">;

export interface BatchOutcome {
  /** Changes committed by this delivery (empty for a duplicate or a scan). */
  changes: AuditChange[];
}

/** Processes one audit batch message; `ruleset` defaults to the deployed rules (tests pass their own). */
export async function processAuditBatch(env: AuditEnv, job: AuditBatchJob, rules?: Ruleset): Promise<BatchOutcome> {
  const ruleset = rules ?? (await currentRuleset(env));
  const db = getDb(env.DB);
  const batch = await getBatch(db, job.auditId, job.seq);
  if (!batch) {
    console.warn(`audit batch ${job.auditId}/${job.seq} does not exist; dropping the message`);
    return { changes: [] };
  }
  if (batch.kind === "scan") {
    await processScan(env, batch, ruleset);
    return { changes: [] };
  }
  if (batch.status !== "pending") return { changes: [] };
  return scoreBatch(db, batch, ruleset);
}

// Stored rulesets per version (format 2 ones never change): keep them for the isolate's life.
const storedRulesCache = new Map<string, Map<string, StoredRule>>();

async function scoreBatch(db: Db, batch: BatchRow, ruleset: Ruleset): Promise<BatchOutcome> {
  const auditId = batch.auditId;
  const articles = await loadBatchArticles(db, auditId, batch.articleIds);
  // The batch's labels in one query; scoreArticle applies them, so dismissed findings stay dismissed.
  const labels = await labelsOf(
    db,
    articles.map((a) => a.id),
  );
  const previousRuns = articles.flatMap((a) => (a.previous ? [a.previous] : []));
  const verdicts = await loadVerdicts(
    db,
    previousRuns.map((p) => p.runId),
  );
  const rulesets = new Map<string, Map<string, StoredRule>>();
  const missing: string[] = [];
  for (const version of new Set(previousRuns.map((p) => p.rulesetVersion))) {
    const cached = storedRulesCache.get(version);
    if (cached) rulesets.set(version, cached);
    else missing.push(version);
  }
  for (const [version, rules] of await loadStoredRules(db, missing)) {
    const byId = new Map(rules.map((r) => [r.id, r]));
    rulesets.set(version, byId);
    // A format 1 row (no kind/severity yet) may still be upgraded: read it again next time.
    if (rules.every((r) => r.kind && r.severity)) storedRulesCache.set(version, byId);
  }
  const rulesOf = (version: string) => rulesets.get(version) ?? null;
  const current = new Map(ruleset.rules.map((r) => [r.id, r.hash]));
  const unchanged: { id: string; asOf: string }[] = [];
  const toStore: { article: BatchArticle; scored: ScoredArticle; previous: PreviousRun | null }[] = [];

  // The engine judges undated articles as of the audit's start, so every batch of an audit agrees.
  const now = new Date(batch.audit.startedAt);
  const writtenAt = new Date();
  const delta: Required<Omit<AuditDelta, "settled" | "due" | "batchesAdded">> & { due: number } = {
    due: 0,
    scored: 0,
    skipped: 0,
    failed: 0,
    scoreSum: 0,
    scoreCount: 0,
    pass: 0,
    warn: 0,
    fail: 0,
    regressions: 0,
    fixed: 0,
    changed: 0,
  };
  const statements: BatchItem<"sqlite">[] = [...claimBatch(db, auditId, batch.seq, "done", writtenAt.toISOString())];
  const changes: AuditChange[] = [];
  // Ids the scan chose but that vanished since count as skipped, not due.
  delta.skipped += batch.articleIds.length - articles.length;
  delta.due -= batch.articleIds.length - articles.length;

  for (const article of articles) {
    if (article.auditedAlready) continue;
    if (!article.active) {
      delta.skipped++;
      delta.due--;
      continue;
    }
    const rules = article.previous ? rulesOf(article.previous.rulesetVersion) : null;
    const previous: (PreviousRun & { rulesetVersion: string }) | null = article.previous && {
      ...article.previous,
      verdicts: verdicts.get(article.previous.runId) ?? new Map(),
      rules,
    };
    let scored: ScoredArticle;
    try {
      const input = {
        source: article.source,
        external_id: article.externalId,
        url: article.url,
        title: article.title,
        text: article.text,
        published_at: article.publishedAt,
        language: article.language,
      };
      const articleLabels = labels.get(article.id) ?? new Map();
      // Only added and edited rules are judged again when the text and judging date are the previous run's.
      const keep = keptVerdicts(ruleset, previous, { contentHash: article.contentHash, asOf: judgingDate(article.publishedAt, now).asOf });
      scored = await scoreArticle(db, input, { now, ruleset, keep, labels: articleLabels });
      // The text may state another date than the stored one: then the kept verdicts were for another day.
      if (keep.size && scored.result.as_of !== previous?.asOf)
        scored = await scoreArticle(db, input, { now, ruleset, labels: articleLabels });
    } catch (err) {
      // The engine is deterministic: a throw would recur on retry, so record it and move on.
      console.error(`audit ${auditId}: scoring article ${article.id} threw`, err);
      delta.failed++;
      continue;
    }
    const { result } = scored;
    if (previous && article.contentHash === previous.contentHash && sameVerdicts(previous, result)) {
      // Every verdict as stored: record the check, not a run that would read the same.
      unchanged.push({ id: article.id, asOf: result.as_of });
      count(delta, result);
      continue;
    }
    count(delta, result);
    toStore.push({ article, scored, previous });
  }

  // Every new run of the batch in one statement (articles, runs, verdict rows). startAudit
  // stored the audit's ruleset; a newer one (a deploy mid-audit) is stored with the runs.
  const inputs = await Promise.all(toStore.map(({ scored }) => scored.writeInput({ trigger: "audit", auditId, at: writtenAt })));
  const writes = await prepareRunsWrite(db, inputs, { withRuleset: ruleset.version !== batch.audit.rulesetVersion });
  if (toStore.length) statements.push(...writes.statements);
  for (const [i, { article, scored, previous }] of toStore.entries()) {
    if (!previous) continue;
    const before = previous.rules && new Map([...previous.rules.values()].map((r) => [r.id, r.hash]));
    const change = diffRun(previous, scored.result, writes.runs[i]!.runId, article.id, {
      ruleChanges: before ? diffRulesets(before, current) : null,
      contentHash: writes.runs[i]!.contentHash,
    });
    if (!change) continue;
    changes.push(change);
    delta[change.change === "regression" ? "regressions" : change.change]++;
  }
  if (changes.length) statements.push(insertChanges(db, auditId, changes));

  if (unchanged.length)
    statements.push(markChecked(db, { articles: unchanged, rulesetVersion: ruleset.version, auditId, now: writtenAt.toISOString() }));
  statements.push(applyDelta(db, auditId, delta), finishIfComplete(db, auditId, writtenAt.toISOString()));
  return (await settle(db, batch, statements)) ? { changes } : { changes: [] };
}

function count(delta: { scored: number; scoreSum: number; scoreCount: number } & Record<Outcome, number>, result: CheckResult): void {
  delta.scored++;
  delta[result.outcome]++;
  if (result.score !== null) {
    delta.scoreSum += result.score;
    delta.scoreCount++;
  }
}

/**
 * A batch that exhausted its retries: settle it as dead. Its articles count as failed; a dead
 * scan also fails every active article it never reached; a scan that committed but could not
 * send its batches takes those pending batches down with it. Idempotent through the claim.
 */
export async function deadLetterAuditBatch(env: Pick<AuditEnv, "DB">, job: AuditBatchJob): Promise<void> {
  const db = getDb(env.DB);
  const batch = await getBatch(db, job.auditId, job.seq);
  if (!batch) return;
  const now = new Date().toISOString();
  if (batch.status === "pending") {
    const lost = batch.kind === "score" ? batch.articleIds.length : await countActiveAfter(db, batch.cursor ?? "");
    const delta: AuditDelta = batch.kind === "score" ? { failed: lost } : { due: lost, failed: lost };
    await settle(db, batch, [
      ...claimBatch(db, batch.auditId, batch.seq, "dead", now),
      applyDelta(db, batch.auditId, delta),
      finishIfComplete(db, batch.auditId, now),
    ]);
    return;
  }
  if (batch.kind !== "scan") return;
  const orphans = await pendingChildren(db, batch.auditId, batch.seq);
  if (!orphans.length) return;
  let due = 0;
  let failed = 0;
  const statements: BatchItem<"sqlite">[] = [];
  for (const child of orphans) {
    const lost = child.kind === "score" ? child.articles : await countActiveAfter(db, child.cursor ?? "");
    if (child.kind === "scan") due += lost;
    failed += lost;
    statements.push(...claimBatch(db, batch.auditId, child.seq, "dead", now));
  }
  statements.push(applyDelta(db, batch.auditId, { due, failed, settled: orphans.length }), finishIfComplete(db, batch.auditId, now));
  await transact(db, statements);
}

/**
 * How often a batch is re-sent after D1 reported overload before it takes the ordinary retry
 * path (and, after max_retries, the dead-letter queue). With the backoff capped at 5 minutes,
 * 12 re-sends wait ~40 minutes in all.
 */
export const MAX_OVERLOAD_RESENDS = 12;

/** D1 sheds load with "D1 DB is overloaded. …" errors (Durable Object errors set `overloaded`). */
export function isOverloaded(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if ((e as { overloaded?: boolean }).overloaded || /overloaded/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Runs the batch; when D1 is overloaded, sends the same batch again after a growing delay and
 * acknowledges this message, so overload (a busy database, not a bad batch) does not use up the
 * message's retries and dead-letter its articles. A duplicate is harmless (see claimBatch).
 */
async function processOrResend(env: Bindings, job: AuditBatchJob): Promise<BatchOutcome> {
  try {
    return await processAuditBatch(env, job);
  } catch (err) {
    const overloads = (job.overloads ?? 0) + 1;
    if (!isOverloaded(err) || overloads > MAX_OVERLOAD_RESENDS) throw err;
    // 5 s, 10 s, 20 s … capped at 5 minutes, with jitter so re-sent batches do not arrive together.
    const delaySeconds = Math.min(300, 5 * 2 ** (overloads - 1)) + Math.floor(Math.random() * 5);
    console.warn(`audit batch ${job.auditId}/${job.seq}: D1 overloaded (${overloads}), re-sent in ${delaySeconds} s`);
    await env.JOBS.send({ ...job, overloads } satisfies JobMessage, { delaySeconds });
    return { changes: [] };
  }
}

export const auditBatchHandler: JobHandler<"audit-batch"> = {
  async process(job, env: Bindings) {
    await processOrResend(env, job);
    await digestIfFinished(env, job.auditId);
  },
  async deadLetter(job, env: Bindings) {
    await deadLetterAuditBatch(env, job);
    await digestIfFinished(env, job.auditId);
  },
};

/**
 * Regressions alert once per audit, when it finishes (NOTIFY_URL set): one digest, not one
 * message per article. The batch is already committed, so a queue refusal is logged, not
 * retried: the digest stays recorded as queued and the next settled batch (or a duplicate
 * message) sends it again.
 */
async function digestIfFinished(env: Bindings, auditId: string): Promise<void> {
  try {
    await maybeEnqueueDigest(env, auditId);
  } catch (err) {
    console.error(`audit ${auditId}: digest not enqueued`, err);
  }
}
