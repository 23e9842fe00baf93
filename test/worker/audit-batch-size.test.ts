// AUDIT_BATCH_SIZE: the scan step cuts score batches of that many ids (Free plan: small batches),
// the audit still completes with exact counts, and a bad value falls back to 50 with one warning.
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import { SCAN_PAGE_SIZE, SCAN_PAGES_PER_STEP, SCORE_BATCH_SIZE, scoreBatchSize, startAudit } from "../../src/use-cases/audit";
import { auditRow, batchRows, count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const v1 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"));
const v2 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), phraseRule("audit.prison", "CECOTT", "CECOT"));
const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);

beforeEach(resetArchive);
afterEach(() => {
  vi.restoreAllMocks();
});

async function scoreBatchLengths(auditId: string): Promise<number[]> {
  return (await batchRows(auditId)).filter((r) => r.kind === "score").map((r) => (JSON.parse(r.article_ids) as string[]).length);
}

describe("AUDIT_BATCH_SIZE", () => {
  it("is 50 in wrangler.toml (the Paid-plan default the Worker runs with)", () => {
    expect((env as unknown as Record<string, unknown>).AUDIT_BATCH_SIZE).toBe("50");
    expect(scoreBatchSize(env as never)).toBe(50);
  });

  it("cuts ceil(N/3) score batches of at most 3 ids when set to 3, and the audit completes with exact counts", async () => {
    const N = 11;
    // 8 stored passes that v2 keeps passing, 3 that v2's new rule turns into failures
    for (let i = 0; i < N; i++) {
      const text = i < 8 ? `Report ${i} from San Salvador.` : `Report ${i} from San Salvador, sent to CECOTT.`;
      await storeArticle(`s${i}`, text, v1, { now: new Date(NIGHT - 86_400_000) });
    }
    const rec = recordingEnv();
    rec.AUDIT_BATCH_SIZE = "3";
    const { audit, started } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    expect(started).toBe(true);

    const batches = Math.ceil(N / 3);
    expect(await scoreBatchLengths(audit.id)).toEqual([3, 3, 3, 2]);
    expect(rec.sent).toHaveLength(batches);
    const ids = (await batchRows(audit.id)).filter((r) => r.kind === "score").flatMap((r) => JSON.parse(r.article_ids) as string[]);
    const all = (await env.DB.prepare("SELECT id FROM articles ORDER BY id").all<{ id: string }>()).results.map((r) => r.id);
    expect(ids).toEqual(all); // keyset order, each article exactly once

    expect(await drain(rec, v2)).toBe(batches);
    expect(await auditRow(audit.id)).toMatchObject({
      status: "finished",
      articles_due: N,
      scored: N,
      skipped: 0,
      failed: 0,
      pass_count: 8,
      fail_count: 3,
      regressions: 3,
      batches_total: 1 + batches,
      batches_done: 1 + batches,
    });
    expect(await count("SELECT count(*) AS n FROM runs WHERE audit_id = ?", audit.id)).toBe(N);
    expect(await count("SELECT count(*) AS n FROM audit_changes WHERE audit_id = ? AND change = 'regression'", audit.id)).toBe(3);
  });

  it("is read by continuation scans too (the queue consumer's env), not only by the first step", async () => {
    const perStep = SCAN_PAGE_SIZE * SCAN_PAGES_PER_STEP;
    await env.DB.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
      INSERT INTO articles (id, source, external_id, text, content_hash)
      SELECT printf('art_bulk_%05d', i), 'bulk', 'b' || i, 'Text number ' || i || ' about San Salvador.', 'h' || i FROM seq`,
    )
      .bind(perStep + 4 - 1)
      .run();
    const rec = recordingEnv();
    rec.AUDIT_BATCH_SIZE = "3";
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    const firstStep = Math.ceil(perStep / 3);
    // 1,667 score batches + the next scan, in sendBatch calls of at most 100
    expect(rec.calls.every((n) => n <= 100)).toBe(true);
    expect(rec.sent).toHaveLength(firstStep + 1);
    const scan = rec.sent.at(-1)!;
    expect(scan.type === "audit-batch" && (await batchRows(audit.id)).find((r) => r.seq === scan.seq)?.kind).toBe("scan");

    rec.sent = [];
    await processAuditBatch(rec, scan as Extract<typeof scan, { type: "audit-batch" }>, v2);
    const lengths = await scoreBatchLengths(audit.id);
    expect(lengths).toHaveLength(firstStep + 2); // + the 4 articles after the first step, as 3 + 1
    expect(lengths.slice(-2)).toEqual([3, 1]);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(perStep + 4);
    expect(await auditRow(audit.id)).toMatchObject({ articles_due: perStep + 4, batches_total: 1 + 1 + firstStep + 2 });
  });

  it("accepts integers from 1 to 100 and falls back to 50 when unset or empty, without a warning", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: "1" })).toBe(1);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: "5" })).toBe(5);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: " 7 " })).toBe(7);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: "100" })).toBe(100);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: 20 })).toBe(20);
    expect(scoreBatchSize({})).toBe(SCORE_BATCH_SIZE);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: "" })).toBe(SCORE_BATCH_SIZE);
    expect(warn).not.toHaveBeenCalled();
  });

  it("falls back to 50 on a bad value, with one warning per value, never throwing", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bad = ["0", "101", "-3", "2.5", "1e1", "0x10", "five", "NaN", "Infinity", "3 articles"];
    for (const value of bad) expect(scoreBatchSize({ AUDIT_BATCH_SIZE: value }), value).toBe(SCORE_BATCH_SIZE);
    expect(scoreBatchSize({ AUDIT_BATCH_SIZE: 0 })).toBe(SCORE_BATCH_SIZE);
    expect(warn).toHaveBeenCalledTimes(bad.length); // numeric 0 was already warned about as "0"
    expect(String(warn.mock.calls[0]![0])).toMatch(/AUDIT_BATCH_SIZE="0" is not an integer from 1 to 100; using 50/);
    for (const value of bad) scoreBatchSize({ AUDIT_BATCH_SIZE: value });
    expect(warn).toHaveBeenCalledTimes(bad.length); // once per isolate, not once per scan step
  });

  it("cuts 50-id batches when the value is invalid, and the audit still completes", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 120; i++)
      await storeArticle(`b${i}`, `Dispatch ${i} from San Salvador.`, v1, { now: new Date(NIGHT - 86_400_000) });
    const rec = recordingEnv();
    rec.AUDIT_BATCH_SIZE = "zero-point-five";
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    expect(await scoreBatchLengths(audit.id)).toEqual([50, 50, 20]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toContain('AUDIT_BATCH_SIZE="zero-point-five"');

    await drain(rec, v2);
    expect(await auditRow(audit.id)).toMatchObject({
      status: "finished",
      articles_due: 120,
      scored: 120,
      failed: 0,
      batches_total: 4,
      batches_done: 4,
    });
    expect(warn).toHaveBeenCalledTimes(1);
  });
});
