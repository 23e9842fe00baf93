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
});
