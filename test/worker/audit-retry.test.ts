// Failure accounting through the real queue consumer: a failing batch is retried (not acked)
// and the audit still completes with exact counts; duplicates never count twice; dead letters,
// lost sends and stuck audits all end in a finished audit whose counts add up.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { deadLetterAuditBatch, processAuditBatch } from "../../src/jobs/audit-batch";
import { runNightlyAudit, SCAN_PAGE_SIZE, SCAN_PAGES_PER_STEP, startAudit } from "../../src/use-cases/audit";
import type { JobMessage } from "../../src/lib/job-messages";
import { bundledRuleset } from "../../src/rules";
import { auditRow, batchRows, count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

// Stored runs use this test ruleset; the Worker audits with the deployed one, so all are due.
const old = ruleset(
  phraseRule("audit.old", "Salvadr", "Salvador"),
  phraseRule("audit.older", "Cecott", "CECOT"),
  phraseRule("audit.oldest", "Bukele's", "Bukele"),
);
const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);

async function deliver(queue: string, jobs: JobMessage[], attempts = 1) {
  const batch = createMessageBatch<JobMessage>(
    queue,
    jobs.map((body, i) => ({ id: `m${i}-${attempts}`, timestamp: new Date(), attempts, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, env);
  return getQueueResult(batch, ctx);
}

async function seedArchive(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await storeArticle(`r${i}`, `Dispatch ${i} from San Salvador.`, old, { now: new Date(NIGHT - 86_400_000) });
}

beforeEach(async () => {
  await resetArchive();
  await env.DB.prepare("DROP TRIGGER IF EXISTS audit_fault").run();
});

describe("audit failure accounting", () => {
  it("retries a batch whose write fails, then completes with exact counts and one run per article", async () => {
    expect(bundledRuleset().version).not.toBe(old.version);
    await seedArchive(120);
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT) });
    const jobs = [...rec.sent];
    expect(jobs.map((j) => j.type === "audit-batch" && j.seq)).toEqual([1, 2, 3]);
    const victim = (JSON.parse((await batchRows(audit.id))[2]!.article_ids) as string[])[7]!;
    // A real D1 failure inside batch 2's transaction (an article's run insert aborts).
    await env.DB.prepare(
      `CREATE TRIGGER audit_fault BEFORE INSERT ON runs WHEN NEW.audit_id IS NOT NULL AND NEW.article_id = '${victim}' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`,
    ).run();

    const first = await deliver("accuracy-jobs", jobs);
    expect(first.explicitAcks.sort()).toEqual(["m0-1", "m2-1"]);
    expect(first.retryMessages.map((m) => m.msgId)).toEqual(["m1-1"]);
    expect(await auditRow(audit.id)).toMatchObject({ status: "running", scored: 70, articles_due: 120, batches_done: 3 });
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(70); // seq 2 (50 articles) rolled back whole
    expect((await batchRows(audit.id)).map((b) => b.status)).toEqual(["done", "done", "pending", "done"]);

    await env.DB.prepare("DROP TRIGGER audit_fault").run();
    const retry = await deliver("accuracy-jobs", [jobs[1]!], 2);
    expect(retry.explicitAcks).toEqual(["m0-2"]);
    const done = await auditRow(audit.id);
    expect(done).toMatchObject({
      status: "finished",
      articles_due: 120,
      scored: 120,
      failed: 0,
      skipped: 0,
      batches_total: 4,
      batches_done: 4,
    });
    expect(done.pass_count + done.warn_count + done.fail_count).toBe(120);
    expect(await count("SELECT count(DISTINCT article_id) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(120);
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(120);

    // a late duplicate of an already settled batch is acked and changes nothing
    const dup = await deliver("accuracy-jobs", [jobs[1]!], 3);
    expect(dup.explicitAcks).toEqual(["m0-3"]);
    expect(await auditRow(audit.id)).toMatchObject({ scored: 120, batches_done: 4 });
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(120);
  });

  it("two simultaneous deliveries of one batch commit once (the claim aborts the loser)", async () => {
    await seedArchive(30);
    const rec = recordingEnv();
    const rules = bundledRuleset();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: rules });
    const job = rec.sent[0]!;
    if (job.type !== "audit-batch") throw new Error("expected an audit batch");
    const results = await Promise.all([processAuditBatch(rec, job, rules), processAuditBatch(rec, job, rules)]);
    expect(results).toHaveLength(2);
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(30);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", scored: 30, batches_done: 2 });
  });

  it("a dead-lettered batch is settled as failed and the audit still finishes", async () => {
    await seedArchive(60);
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT) });
    const [b1, b2] = rec.sent;
    const dead = await deliver("accuracy-jobs-dlq", [b2!]);
    expect(dead.explicitAcks).toEqual(["m0-1"]);
    expect((await batchRows(audit.id)).map((b) => b.status)).toEqual(["done", "pending", "dead"]);
    await deliver("accuracy-jobs-dlq", [b2!], 2); // the DLQ is at-least-once too
    await deliver("accuracy-jobs", [b1!]);
    const row = await auditRow(audit.id);
    expect(row).toMatchObject({ status: "finished", articles_due: 60, scored: 50, failed: 10, batches_done: 3 });
    expect(row.scored + row.failed).toBe(row.articles_due);
  });

  it("re-sends a scan's batches when the queue refused them, and dead-letters them if it keeps refusing", async () => {
    await seedArchive(60);
    const rec = recordingEnv();
    rec.failSends = 1; // the inline scan commits, then its sendBatch fails
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT) });
    expect(rec.sent).toEqual([{ type: "audit-batch", auditId: audit.id, seq: 0 }]); // handed to the queue instead
    await drain(rec, bundledRuleset());
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", scored: 60, failed: 0 });

    const rec2 = recordingEnv();
    await storeArticle("late", "Late dispatch from San Salvador.", old);
    rec2.failSends = 2; // inline send and the fallback both fail: the start fails loudly
    await expect(startAudit(rec2, { trigger: "api", now: new Date(NIGHT + 1000) })).rejects.toThrow(/queue unavailable/);
    const stuck = (await env.DB.prepare("SELECT id FROM audits WHERE status = 'running'").first<{ id: string }>())!.id;
    await deadLetterAuditBatch(rec2, { type: "audit-batch", auditId: stuck, seq: 0 });
    expect(await auditRow(stuck)).toMatchObject({ status: "finished", articles_due: 1, scored: 0, failed: 1 });
  });

  it("a dead scan fails the articles it never reached", async () => {
    const n = SCAN_PAGE_SIZE * SCAN_PAGES_PER_STEP + 40;
    await env.DB.prepare(
      `WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ?)
      INSERT INTO articles (id, source, external_id, text, content_hash) SELECT printf('art_bulk_%05d', i), 'bulk', 'b' || i, 'x', 'h' || i FROM s`,
    )
      .bind(n - 1)
      .run();
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT) });
    const scan = rec.sent.at(-1)!;
    await deadLetterAuditBatch(rec, scan as Extract<JobMessage, { type: "audit-batch" }>);
    for (const job of rec.sent.slice(0, -1)) await deadLetterAuditBatch(rec, job as Extract<JobMessage, { type: "audit-batch" }>);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", articles_due: n, scored: 0, failed: n });
  });

  it("the next night's cron expires an audit whose messages were lost, then starts a new one", async () => {
    await seedArchive(10);
    const lost = recordingEnv();
    const first = await runNightlyAudit(lost, NIGHT); // its messages are never delivered
    expect((await auditRow(first.audit.id)).status).toBe("running");
    const next = await runNightlyAudit(recordingEnv(), NIGHT + 86_400_000);
    expect(next.started).toBe(true);
    expect(await auditRow(first.audit.id)).toMatchObject({ status: "finished", articles_due: 10, scored: 0, failed: 10 });
  });
});
