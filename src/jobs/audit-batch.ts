// The `audit-batch` job: scores one batch of an audit (or runs a scan step) and settles it in
// one transaction — every run, verdict, audit_changes row, the counters and the batch's claim
// commit together, so a retried or duplicated message never counts an article twice. Dead
// letters are settled as failures, so the audit still finishes.
import type { BatchItem } from "drizzle-orm/batch";
import type { Outcome, Ruleset } from "../engine";
import type { Bindings } from "../env";
import { currentRuleset } from "../rules";
import {
  type AuditChange,
  type AuditDelta,
  type BatchRow,
  applyDelta,
  claimBatch,
  countActiveAfter,
  finishIfComplete,
  getBatch,
  insertChange,
  loadBatchArticles,
  loadRuleHashes,
  loadVerdicts,
  pendingChildren,
  transact,
} from "../storage/audits";
import { type Db, getDb } from "../storage/db";
import { scoreArticle, type ScoredArticle } from "../use-cases/score-article";
import { type AuditEnv, processScan, settle } from "./audit";
import { diffRulesets, diffRun } from "./audit-diff";
import type { JobHandler } from "./handlers";
import type { JobOf } from "../lib/job-messages";
import { maybeEnqueueAlert } from "./notify";

type AuditBatchJob = JobOf<"audit-batch">;

export interface BatchOutcome {
  /** Changes committed by this delivery (empty for a duplicate or a scan). */
  changes: AuditChange[];
}

/** Processes one audit batch message; `ruleset` defaults to the deployed rules (tests pass their own). */
export async function processAuditBatch(env: AuditEnv, job: AuditBatchJob, ruleset: Ruleset = currentRuleset()): Promise<BatchOutcome> {
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

// Rule hashes per ruleset version never change: keep them for the isolate's life.
const ruleHashCache = new Map<string, Map<string, string>>();

async function scoreBatch(db: Db, batch: BatchRow, ruleset: Ruleset): Promise<BatchOutcome> {
  const auditId = batch.auditId;
  const articles = await loadBatchArticles(db, auditId, batch.articleIds);
  const previousRuns = articles.flatMap((a) => (a.previous ? [a.previous] : []));
  const verdicts = await loadVerdicts(db, previousRuns.map((p) => p.runId));
  const missing = [...new Set(previousRuns.map((p) => p.rulesetVersion))].filter((v) => !ruleHashCache.has(v));
  for (const [version, hashes] of await loadRuleHashes(db, missing)) ruleHashCache.set(version, hashes);
  const current = new Map(ruleset.rules.map((r) => [r.id, r.hash]));

  // The engine judges undated articles as of the audit's start, so every batch of an audit agrees.
  const now = new Date(batch.audit.startedAt);
  const writtenAt = new Date();
  const delta: Required<Omit<AuditDelta, "settled" | "due" | "batchesAdded">> & { due: number } = {
    due: 0, scored: 0, skipped: 0, failed: 0, scoreSum: 0, scoreCount: 0, pass: 0, warn: 0, fail: 0, regressions: 0, fixed: 0, changed: 0,
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
    let scored: ScoredArticle;
    try {
      scored = scoreArticle(
        { source: article.source, external_id: article.externalId, url: article.url, title: article.title, text: article.text, published_at: article.publishedAt, language: article.language },
        { now, ruleset },
      );
    } catch (err) {
      // The engine is deterministic: a throw would recur on retry, so record it and move on.
      console.error(`audit ${auditId}: scoring article ${article.id} threw`, err);
      delta.failed++;
      continue;
    }
    const { result } = scored;
    const write = await scored.prepare(db, { trigger: "audit", auditId, at: writtenAt });
    statements.push(...write.statements);
    delta.scored++;
    delta[result.outcome]++;
    if (result.score !== null) {
      delta.scoreSum += result.score;
      delta.scoreCount++;
    }
    if (!article.previous) continue;
    const before = ruleHashCache.get(article.previous.rulesetVersion);
    const change = diffRun(
      { ...article.previous, verdicts: verdicts.get(article.previous.runId) ?? new Map() },
      result,
      write.runId,
      article.id,
      { ruleChanges: before ? diffRulesets(before, current) : null, contentHash: write.contentHash },
    );
    if (!change) continue;
    changes.push(change);
    statements.push(insertChange(db, auditId, change));
    delta[change.change === "regression" ? "regressions" : change.change]++;
  }

  statements.push(applyDelta(db, auditId, delta), finishIfComplete(db, auditId, writtenAt.toISOString()));
  return (await settle(db, batch, statements)) ? { changes } : { changes: [] };
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
    await settle(db, batch, [...claimBatch(db, batch.auditId, batch.seq, "dead", now), applyDelta(db, batch.auditId, delta), finishIfComplete(db, batch.auditId, now)]);
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

export const auditBatchHandler: JobHandler<"audit-batch"> = {
  async process(job, env: Bindings) {
    const { changes } = await processAuditBatch(env, job);
    // Regressions alert (when NOTIFY_URL is set). The batch is already committed, so a queue
    // refusal is logged rather than retried: the alert stays recorded as queued for a resend.
    for (const c of changes) {
      if (c.change !== "regression") continue;
      try {
        await maybeEnqueueAlert(env, { articleId: c.article_id, runId: c.run_id, outcome: c.outcome as Outcome, previousOutcome: c.previous_outcome as Outcome });
      } catch (err) {
        console.error(`audit ${job.auditId}: alert for run ${c.run_id} not enqueued`, err);
      }
    }
  },
  async deadLetter(job, env: Bindings) {
    await deadLetterAuditBatch(env, job);
  },
};
