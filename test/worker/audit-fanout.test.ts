// Starting audits: the cron handler's fan-out into audit_batches rows and queue messages,
// keyset continuation for big archives, once-per-day cron, and zero-due audits finishing at once.
import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { runNightlyAudit, SCAN_PAGE_SIZE, SCAN_PAGES_PER_STEP, SCORE_BATCH_SIZE, startAudit } from "../../src/use-cases/audit";
import { auditRow, batchRows, count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const v1 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"));
const v2 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), phraseRule("audit.prison", "CECOTT", "CECOT"));
const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);

/** Inserts n active articles without runs (so all are due), ids art_bulk_00000… in key order. */
async function bulkArticles(n: number): Promise<void> {
  await env.DB.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
    INSERT INTO articles (id, source, external_id, text, content_hash)
    SELECT printf('art_bulk_%05d', i), 'bulk', 'b' || i, 'Text number ' || i || ' about San Salvador.', 'h' || i FROM seq`,
  )
    .bind(n - 1)
    .run();
}

beforeEach(resetArchive);

describe("the nightly cron", () => {
  it("starts an audit from the scheduled handler, writes the batches and enqueues exactly their ids", async () => {
    for (let i = 0; i < 120; i++) await storeArticle(`c${i}`, `Report ${i} from San Salvador.`, v1, { now: new Date(NIGHT - 86_400_000) });
    await worker.scheduled(createScheduledController({ scheduledTime: NIGHT, cron: "0 3 * * *" }), env);

    const audit = (await env.DB.prepare("SELECT * FROM audits").all<Record<string, any>>()).results;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      trigger: "cron",
      started_at: new Date(NIGHT).toISOString(),
      articles_due: 120,
      skipped: 0,
      batches_total: 4,
    });
    const rows = await batchRows(audit[0]!.id);
    expect(rows.map((r) => [r.seq, r.kind, r.parent_seq])).toEqual([
      [0, "scan", null],
      [1, "score", 0],
      [2, "score", 0],
      [3, "score", 0],
    ]);
    expect(rows[0]!.status).toBe("done");
    const ids = rows.slice(1).map((r) => JSON.parse(r.article_ids) as string[]);
    expect(ids.map((b) => b.length)).toEqual([SCORE_BATCH_SIZE, SCORE_BATCH_SIZE, 20]);
    const all = (await env.DB.prepare("SELECT id FROM articles ORDER BY id").all<{ id: string }>()).results.map((r) => r.id);
    expect(ids.flat()).toEqual(all); // keyset order, each article exactly once

    // the real queue delivers those messages to the real consumer, which finishes the audit
    await vi.waitFor(async () => expect((await auditRow(audit[0]!.id)).status).toBe("finished"), { timeout: 20_000, interval: 200 });
    expect(await auditRow(audit[0]!.id)).toMatchObject({ scored: 120, failed: 0, batches_done: 4 });
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit[0]!.id)).toBe(120);
  });

  it("sends (audit, seq) messages only, at most 100 per sendBatch, and continues paging big archives in scan steps", async () => {
    const perStep = SCAN_PAGE_SIZE * SCAN_PAGES_PER_STEP;
    await bulkArticles(perStep + 120);
    const rec = recordingEnv();
    const { audit, started } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    expect(started).toBe(true);
    const batchesPerStep = perStep / SCORE_BATCH_SIZE;
    // first step: its score batches + the next scan, in sendBatch calls of <= 100
    expect(rec.calls).toEqual([100, batchesPerStep + 1 - 100].filter((n) => n > 0));
    expect(rec.sent.every((m) => m.type === "audit-batch" && m.auditId === audit.id && Object.keys(m).length === 3)).toBe(true);
    const nextScan = rec.sent.at(-1)!;
    const rows = await batchRows(audit.id);
    const scan = rows.find((r) => r.kind === "scan" && r.status === "pending")!;
    expect(nextScan).toEqual({ type: "audit-batch", auditId: audit.id, seq: scan.seq });
    expect(scan.cursor).toBe(`art_bulk_${String(perStep - 1).padStart(5, "0")}`);
    expect((await auditRow(audit.id)).articles_due).toBe(perStep);

    // the continuation scans the rest; no article is enqueued twice
    rec.sent = rec.sent.filter((m) => m.type === "audit-batch" && m.seq === scan.seq);
    await drain(rec, v2);
    const after = await batchRows(audit.id);
    const ids = after.filter((r) => r.kind === "score").flatMap((r) => JSON.parse(r.article_ids) as string[]);
    expect(ids).toHaveLength(perStep + 120);
    expect(new Set(ids).size).toBe(perStep + 120);
    expect((await auditRow(audit.id)).articles_due).toBe(perStep + 120);
  });

  it("runs once per UTC day: a re-delivered cron does not start a second audit", async () => {
    await storeArticle("once", "From San Salvador.", v1);
    const rec = recordingEnv();
    const first = await runNightlyAudit(rec, NIGHT, v2);
    await drain(rec, v2);
    expect((await auditRow(first.audit.id)).status).toBe("finished");
    const again = await runNightlyAudit(rec, NIGHT + 60_000, v2);
    expect(again).toMatchObject({ started: false, audit: { id: first.audit.id } });
    expect(await count("SELECT count(*) AS n FROM audits")).toBe(1);
    const tomorrow = await runNightlyAudit(rec, NIGHT + 86_400_000, v2);
    expect(tomorrow.started).toBe(true);
  });

  it("finishes at once when nothing is due, and refuses to start while another audit runs", async () => {
    await storeArticle("fresh", "From San Salvador.", v2, { now: new Date(NIGHT) });
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    expect(audit).toMatchObject({ status: "finished", articles: { due: 0, scored: 0, skipped: 1, failed: 0 } });
    expect(rec.sent).toEqual([]);

    await storeArticle("changed", "Another from San Salvador.", v1);
    const running = await startAudit(rec, { trigger: "api", now: new Date(NIGHT + 1000), ruleset: v2 });
    expect(running.audit.status).toBe("running");
    const blocked = await startAudit(rec, { trigger: "api", now: new Date(NIGHT + 2000), ruleset: v2 });
    expect(blocked).toMatchObject({ started: false, audit: { id: running.audit.id } });
  });
});
