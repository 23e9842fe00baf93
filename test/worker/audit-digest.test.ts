// An audit alerts once: when it finishes with regressions and alerts are on, one `audit-digest`
// message is queued (none per article), and the digest it sends lists the regressions, signed
// so receivers verify it with the standardwebhooks library. (The batch handler judges with the
// deployed rules, so the digest's content is tested on an audit drained with test rules.)
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Bindings } from "../../src/env";
import { auditBatchHandler } from "../../src/jobs/audit-batch";
import { auditDigest, maybeEnqueueDigest } from "../../src/jobs/audit-digest";
import { runNightly } from "../../src/jobs/nightly";
import { sweepStuckDeliveries } from "../../src/jobs/sweep";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import { AUDIT_MAX_AGE_MS } from "../../src/use-cases/audit";
import { getDb } from "../../src/storage/db";
import { ALERT_PROVIDER, recordDelivery } from "../../src/storage/deliveries";
import { startAudit } from "../../src/use-cases/audit";
import type { JobMessage } from "../../src/lib/job-messages";
import { drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);
const prison = phraseRule("audit.prison", "CECOTT", "CECOT");
const v1 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), prison);
const v2 = ruleset(phraseRule("audit.city", "San Salvador", "Santa Ana"), prison);

beforeEach(resetArchive);
afterEach(() => vi.restoreAllMocks());

function alertsEnv(sent: JobMessage[]): Bindings {
  const rec = recordingEnv();
  return {
    ...(env as Bindings),
    NOTIFY_URL: "https://alerts.example.test/hook",
    JOBS: {
      async send(body: JobMessage) {
        sent.push(body);
      },
      async sendBatch(messages: Iterable<MessageSendRequest<JobMessage>>) {
        for (const m of messages) sent.push(m.body);
      },
    },
    DB: rec.DB,
  } as unknown as Bindings;
}

describe("the audit digest", () => {
  it("is queued once when the audit finishes, and lists every regression", async () => {
    const dayBefore = { now: new Date(NIGHT - 86_400_000) };
    const regressed = [];
    for (let i = 0; i < 3; i++) regressed.push(await storeArticle(`reg${i}`, "The prison is near San Salvador.", v1, dayBefore));
    await storeArticle("fixed", "The prison is near San Salvadr.", v1, dayBefore);

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    await drain(rec, v2);
    const sent: JobMessage[] = [];
    const e = alertsEnv(sent);
    expect(await maybeEnqueueDigest({ ...e, NOTIFY_URL: "" }, audit.id)).toBe(false);
    expect(await maybeEnqueueDigest(e, audit.id)).toBe(true);
    expect(sent).toEqual([{ type: "audit-digest", auditId: audit.id }]);

    const posted: Request[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
      posted.push(new Request(input as RequestInfo, init));
      return new Response(null, { status: 200 });
    });
    await auditDigest.process({ type: "audit-digest", auditId: audit.id }, e, 1);
    await auditDigest.process({ type: "audit-digest", auditId: audit.id }, e, 2);
    expect(posted).toHaveLength(1);
    // Once sent, a later settled batch of the same audit queues nothing more.
    await maybeEnqueueDigest(e, audit.id);
    expect(sent).toHaveLength(1);

    const body = await posted[0]!.text();
    const headers = Object.fromEntries(posted[0]!.headers);
    const digest = new Webhook((env as Bindings).NOTIFY_SECRET!).verify(body, headers) as { type: string; data: any };
    expect(digest.type).toBe("audit.digest");
    expect(digest.data.audit).toMatchObject({ id: audit.id, changes: { regressions: 3, fixed: 1, changed: 0 } });
    expect(digest.data.regressions.map((r: { article_id: string }) => r.article_id).sort()).toEqual(
      regressed.map((r) => r.articleId).sort(),
    );
    expect(digest.data.regressions[0].rules).toEqual(["audit.city"]);
    expect(digest.data.more_regressions).toBe(0);
  });

  it("is not queued by the audit's batches when nothing regressed, and no per-article alert is", async () => {
    await storeArticle("same", "Nothing here.", v1, { now: new Date(NIGHT - 86_400_000) });
    const sent: JobMessage[] = [];
    const e = alertsEnv(sent);
    await startAudit(e, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    while (sent.some((m) => m.type === "audit-batch")) {
      const [job] = sent.splice(
        sent.findIndex((m) => m.type === "audit-batch"),
        1,
      );
      await auditBatchHandler.process(job as Extract<JobMessage, { type: "audit-batch" }>, e, 1);
    }
    expect(sent).toEqual([]);
  });

  it("is queued for an audit the nightly cron expires, and a digest whose message was lost is re-sent by the sweeper", async () => {
    const dayBefore = { now: new Date(NIGHT - 86_400_000) };
    for (let i = 0; i < 4; i++) await storeArticle(`reg${i}`, "The prison is near San Salvador.", v1, dayBefore);
    // Two batches of two; only the first is delivered, so the audit is left running with regressions.
    const rec = { ...recordingEnv(), AUDIT_BATCH_SIZE: "2" };
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    const first = rec.sent.find((m) => m.type === "audit-batch" && m.seq > 0)!;
    await processAuditBatch(rec, first as Extract<JobMessage, { type: "audit-batch" }>, v2);

    const sent: JobMessage[] = [];
    const e = alertsEnv(sent);
    await runNightly(e, NIGHT + AUDIT_MAX_AGE_MS + 60_000);
    expect(sent.filter((m) => m.type === "audit-digest")).toEqual([{ type: "audit-digest", auditId: audit.id }]);

    // The digest's message is lost: the sweeper finds its delivery queued and sends the job again.
    const later = Date.now() + 6 * 60_000;
    const swept: JobMessage[] = [];
    await sweepStuckDeliveries({ ...alertsEnv(swept), ALERTS: { sendBatch: async () => undefined } } as unknown as Bindings, later);
    expect(swept).toEqual([{ type: "audit-digest", auditId: audit.id }]);
    // A digest recorded but never sent for another audit is re-sent the same way (not as a per-article alert).
    await recordDelivery(getDb(env.DB), {
      provider: ALERT_PROVIDER,
      deliveryKey: "digest_aud_other",
      event: "alert.audit_digest",
      status: "queued",
    });
    const again: JobMessage[] = [];
    await sweepStuckDeliveries(
      { ...alertsEnv(again), ALERTS: { sendBatch: async () => undefined } } as unknown as Bindings,
      later + 60 * 60_000,
    );
    expect(again).toContainEqual({ type: "audit-digest", auditId: "aud_other" });
  });
});
