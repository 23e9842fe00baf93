// Alerts travel on their own queue (ALERTS) and a batch of them is sent side by side, so a slow
// NOTIFY_URL costs one timeout per batch and never holds up webhook scoring on the jobs queue.
import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CheckResult } from "../../src/engine";
import type { Bindings } from "../../src/env";
import worker from "../../src/index";
import { maybeEnqueueAlert } from "../../src/jobs/notify";
import type { JobMessage } from "../../src/lib/job-messages";
import { getDb } from "../../src/storage/db";
import { saveRun } from "../../src/storage/runs";

const alertsEnv = { ...(env as Bindings), NOTIFY_URL: "https://alerts.example.test/hook" };

async function failingRun(externalId: string) {
  const result: CheckResult = {
    ruleset: { version: "rs-queue", rules: 1 },
    score: 0,
    outcome: "fail",
    counts: { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 },
    verdicts: [],
    as_of: "2025-07-19",
    text: `Text of ${externalId}.`,
  };
  return saveRun(getDb(env.DB), {
    article: { source: "ghost", externalId, text: result.text },
    result,
    ruleset: { version: "rs-queue", rules: [] },
    trigger: "webhook",
  });
}

afterEach(() => vi.restoreAllMocks());

describe("alerts queue", () => {
  it("an alert is sent to ALERTS, never to the scoring queue", async () => {
    const { runId, articleId } = await failingRun("q-alert-1");
    const jobs: unknown[] = [];
    const alerts: unknown[] = [];
    const queues = { JOBS: { send: async (m: unknown) => void jobs.push(m) }, ALERTS: { send: async (m: unknown) => void alerts.push(m) } };
    expect(
      await maybeEnqueueAlert({ ...alertsEnv, ...queues } as unknown as Bindings, {
        articleId,
        runId,
        outcome: "fail",
        previousOutcome: null,
      }),
    ).toBe(true);
    expect(jobs).toEqual([]);
    expect(alerts).toEqual([{ type: "notify", articleId, runId }]);
  });

  it("a batch of 3 alerts against a receiver that takes 400 ms each settles in about one wait, all sent", async () => {
    const messages: { id: string; timestamp: Date; attempts: number; body: JobMessage }[] = [];
    for (let i = 0; i < 3; i++) {
      const { runId, articleId } = await failingRun(`q-slow-${i}`);
      await maybeEnqueueAlert({ ...alertsEnv, ALERTS: { send: async () => {} } } as unknown as Bindings, {
        articleId,
        runId,
        outcome: "fail",
        previousOutcome: null,
      });
      messages.push({ id: `m${i}`, timestamp: new Date(), attempts: 1, body: { type: "notify", articleId, runId } });
    }
    let sent = 0;
    vi.spyOn(globalThis, "fetch").mockImplementation(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      sent++;
      return new Response(null, { status: 200 });
    });
    const batch = createMessageBatch<JobMessage>("accuracy-alerts", messages);
    const started = Date.now();
    await worker.queue(batch, alertsEnv as Bindings);
    const took = Date.now() - started;
    const result = await getQueueResult(batch, createExecutionContext());
    expect(sent).toBe(3);
    expect(result.explicitAcks.sort()).toEqual(["m0", "m1", "m2"]);
    expect(took).toBeLessThan(1000);
  });
});
