// D1 overload is a busy database, not a bad batch: the batch is sent again after a growing
// delay and the message acknowledged, so its retries are not used up and its articles are not
// dead-lettered; past MAX_OVERLOAD_RESENDS it takes the ordinary retry path.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Bindings } from "../../src/env";
import { auditBatchHandler, isOverloaded, MAX_OVERLOAD_RESENDS } from "../../src/jobs/audit-batch";
import { startAudit } from "../../src/use-cases/audit";
import type { JobMessage } from "../../src/lib/job-messages";
import { auditRow, batchRows, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const v1 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"));
const v2 = ruleset(phraseRule("audit.city", "San Salvador", "Santa Ana"));
const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);

beforeEach(async () => {
  await resetArchive();
  await env.DB.prepare("DROP TRIGGER IF EXISTS overload").run();
});

function sendingEnv(sent: { body: JobMessage; delaySeconds?: number }[]): Bindings {
  return {
    ...env,
    JOBS: {
      async send(body: JobMessage, options?: { delaySeconds?: number }) {
        sent.push({ body, delaySeconds: options?.delaySeconds });
      },
    },
  } as unknown as Bindings;
}

describe("D1 overload during an audit batch", () => {
  it("recognises D1's overload errors and nothing else", () => {
    expect(isOverloaded(new Error("D1_ERROR: D1 DB is overloaded. Requests queued for too long."))).toBe(true);
    expect(isOverloaded(new Error("wrapped", { cause: new Error("D1 DB is overloaded. Too many requests queued.") }))).toBe(true);
    expect(isOverloaded(Object.assign(new Error("busy"), { overloaded: true }))).toBe(true);
    expect(isOverloaded(new Error("UNIQUE constraint failed"))).toBe(false);
  });

  it("re-sends the batch with a growing delay, then scores it once D1 recovers", async () => {
    for (let i = 0; i < 3; i++) await storeArticle(`o${i}`, "The prison is near San Salvador.", v1, { now: new Date(NIGHT - 86_400_000) });
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    const job = rec.sent.find((m) => m.type === "audit-batch")! as Extract<JobMessage, { type: "audit-batch" }>;
    await env.DB.prepare(
      "CREATE TRIGGER overload BEFORE INSERT ON runs BEGIN SELECT RAISE(ABORT, 'D1 DB is overloaded. Requests queued for too long.'); END",
    ).run();

    const sent: { body: JobMessage; delaySeconds?: number }[] = [];
    await auditBatchHandler.process(job, sendingEnv(sent), 1);
    expect(sent).toEqual([{ body: { ...job, overloads: 1 }, delaySeconds: expect.any(Number) }]);
    await auditBatchHandler.process(sent[0]!.body as typeof job, sendingEnv(sent), 1);
    expect(sent[1]!.body).toEqual({ ...job, overloads: 2 });
    expect(sent[1]!.delaySeconds!).toBeGreaterThan(sent[0]!.delaySeconds! - 5);
    expect((await batchRows(audit.id)).find((b) => b.seq === job.seq)!.status).toBe("pending");

    // Past the limit the error propagates, so the queue's own retries (and dead letter) apply.
    await expect(auditBatchHandler.process({ ...job, overloads: MAX_OVERLOAD_RESENDS }, sendingEnv(sent), 1)).rejects.toThrow(/overloaded/);

    await env.DB.prepare("DROP TRIGGER overload").run();
    await auditBatchHandler.process(sent[1]!.body as typeof job, sendingEnv(sent), 1);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", scored: 3, failed: 0 });
  });
});
