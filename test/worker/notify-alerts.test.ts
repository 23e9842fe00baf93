// Outbound alerts: when a run deserves one, what it says, and that receivers can verify it with
// the standardwebhooks library. The Worker's outbound fetch is captured, not our code.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CheckResult, Outcome, Verdict } from "../../src/engine";
import type { Bindings } from "../../src/env";
import worker from "../../src/index";
import { alertReason, buildAlert, maybeEnqueueAlert } from "../../src/jobs/notify";
import { getDb } from "../../src/storage/db";
import { saveRun } from "../../src/storage/runs";
import { consume, count } from "./fixtures/webhooks/consume";
import { secrets, sign } from "./fixtures/webhooks/sign";

/** Alerts are off in the shared test bindings (no NOTIFY_URL); these tests switch them on. */
const NOTIFY_URL = "https://alerts.example.test/hook";
const alertsEnv = { ...(env as Bindings), NOTIFY_URL };

const TEXT = "CECOT, the prison in Ecuador, held 244 Venezuelans.";

function failing(): Verdict {
  return {
    rule: "cecot.country",
    claim: "CECOT is in El Salvador",
    kind: "place",
    severity: "critical",
    status: "fail",
    evidence: [
      {
        offset: 24,
        length: 7,
        quote: "Ecuador",
        found: "Ecuador",
        expected: "El Salvador",
        replacements: ["El Salvador"],
        attribution: "article",
        message: "places CECOT in Ecuador",
      },
    ],
  };
}

async function storeRun(externalId: string, outcome: Outcome, verdicts: Verdict[] = outcome === "fail" ? [failing()] : []) {
  const counts = { pass: 0, fail: verdicts.length, not_applicable: 0, review: 0, error: 0 };
  const result: CheckResult = {
    ruleset: { version: "rs-alerts", rules: 1 },
    score: outcome === "fail" ? 0 : 100,
    outcome,
    counts,
    verdicts,
    as_of: "2025-07-19",
    text: TEXT,
  };
  return saveRun(getDb(env.DB), {
    article: { source: "ghost", externalId, title: "CECOT story", url: "https://news.example.com/cecot", text: `${TEXT} ${outcome}` },
    result,
    ruleset: { version: "rs-alerts", rules: [] },
    trigger: "webhook",
  });
}

function captureFetch(status = 200) {
  const sent: Request[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    sent.push(new Request(input as RequestInfo, init));
    return new Response(null, { status });
  });
  return sent;
}

afterEach(() => vi.restoreAllMocks());

describe("alertReason", () => {
  it("alerts on every failing run and on any outcome change, not on a steady pass/warn", () => {
    expect(alertReason({ outcome: "fail", previousOutcome: null })).toBe("fail");
    expect(alertReason({ outcome: "fail", previousOutcome: "fail" })).toBe("fail");
    expect(alertReason({ outcome: "pass", previousOutcome: "fail" })).toBe("changed");
    expect(alertReason({ outcome: "warn", previousOutcome: "pass" })).toBe("changed");
    expect(alertReason({ outcome: "pass", previousOutcome: null })).toBeNull();
    expect(alertReason({ outcome: "warn", previousOutcome: "warn" })).toBeNull();
  });
});

describe("notify job", () => {
  it("POSTs a compact summary signed per Standard Webhooks that standardwebhooks' Webhook.verify accepts", async () => {
    const { runId, articleId } = await storeRun("alert-1", "fail");
    expect(await maybeEnqueueAlert(alertsEnv, { articleId, runId, outcome: "fail", previousOutcome: null })).toBe(true);
    const sent = captureFetch();
    expect(await consume({ type: "notify", articleId, runId }, { env: alertsEnv })).toMatchObject({ acked: true });

    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    expect(request.url).toBe(NOTIFY_URL);
    expect(request.method).toBe("POST");
    const body = await request.text();
    const headers = Object.fromEntries(request.headers);
    const verified = new Webhook(secrets.NOTIFY_SECRET).verify(body, headers) as Record<string, any>;
    expect(headers["webhook-id"]).toBe(`alert_${runId}`);
    expect(verified).toMatchObject({
      type: "article.alert",
      data: {
        reason: "fail",
        article: { id: articleId, source: "ghost", external_id: "alert-1", title: "CECOT story", url: "https://news.example.com/cecot" },
        run: { id: runId, score: 0, outcome: "fail", previous_outcome: null, trigger: "webhook" },
        failing_rules: [
          {
            rule: "cecot.country",
            severity: "critical",
            quotes: [
              { quote: "Ecuador", offset: 24, expected: "El Salvador", suggestion: "El Salvador", message: "places CECOT in Ecuador" },
            ],
          },
        ],
        more_failing_rules: 0,
      },
    });
    // A tampered alert does not verify.
    expect(() => new Webhook(secrets.NOTIFY_SECRET).verify(body.replace("Ecuador", "Peru"), headers)).toThrow();

    const record = await env.DB.prepare("SELECT status, event, payload FROM deliveries WHERE provider = 'notify' AND delivery_key = ?")
      .bind(runId)
      .first<Record<string, string>>();
    expect(record).toMatchObject({ status: "sent", event: "alert.fail", payload: body });
    // Redelivery of the same message sends nothing twice.
    await consume({ type: "notify", articleId, runId }, { env: alertsEnv });
    expect(sent).toHaveLength(1);
  });

  it("names the previous outcome when a run changes it, and skips runs that deserve no alert", async () => {
    const before = await storeRun("alert-2", "fail");
    const after = await storeRun("alert-2", "pass");
    expect(
      await maybeEnqueueAlert(alertsEnv, { articleId: after.articleId, runId: after.runId, outcome: "pass", previousOutcome: "fail" }),
    ).toBe(true);
    const alert = await buildAlert(getDb(env.DB), after.articleId, after.runId);
    expect(alert?.data).toMatchObject({ reason: "changed", run: { outcome: "pass", previous_outcome: "fail" }, failing_rules: [] });
    expect(before.articleId).toBe(after.articleId);

    const steady = await storeRun("alert-3", "pass");
    expect(await maybeEnqueueAlert(alertsEnv, { ...steady, outcome: "pass", previousOutcome: "pass" })).toBe(false);
    expect(await maybeEnqueueAlert(env as Bindings, { ...steady, outcome: "fail", previousOutcome: null })).toBe(false);
    expect(await count("deliveries WHERE provider = 'notify' AND delivery_key = ?", steady.runId)).toBe(0);
  });

  it("a non-2xx answer is retried through the queue; exhausted retries mark the alert failed", async () => {
    const { runId, articleId } = await storeRun("alert-4", "fail");
    await maybeEnqueueAlert(alertsEnv, { articleId, runId, outcome: "fail", previousOutcome: null });
    captureFetch(500);
    expect(await consume({ type: "notify", articleId, runId }, { attempts: 3, env: alertsEnv })).toMatchObject({
      acked: false,
      retried: true,
    });
    const row = () =>
      env.DB.prepare("SELECT status, attempts, error FROM deliveries WHERE provider = 'notify' AND delivery_key = ?").bind(runId).first();
    expect(await row()).toMatchObject({ status: "queued", attempts: 3, error: expect.stringContaining("500") });
    await consume({ type: "notify", articleId, runId }, { queue: "accuracy-jobs-dlq", env: alertsEnv });
    expect(await row()).toMatchObject({ status: "failed", error: expect.stringContaining("500") });
  });

  it("one alert per run, however often it is requested", async () => {
    const { runId, articleId } = await storeRun("alert-5", "fail");
    for (let i = 0; i < 3; i++) await maybeEnqueueAlert(alertsEnv, { articleId, runId, outcome: "fail", previousOutcome: null });
    expect(await count("deliveries WHERE provider = 'notify' AND delivery_key = ?", runId)).toBe(1);
  });
});

describe("webhook → run → alert", () => {
  it("the delivery consumer enqueues an alert when the new run's outcome differs from the previous one", async () => {
    // A previous failing run for the article the webhook updates (engine-independent: whatever the
    // new outcome is, fail or changed, it deserves an alert).
    await storeRun("ghost-alerting", "fail");
    const body = JSON.stringify({
      post: {
        current: { id: "ghost-alerting", status: "published", title: "Council meets", html: "<p>The council met on Tuesday.</p>" },
        previous: {},
      },
    });
    // The intake's queue message is held back so only this test's consumer call (with alerts on) processes it.
    const heldQueue = { ...alertsEnv, JOBS: { send: async () => {} } } as unknown as Bindings;
    const request = new Request("https://harness.test/v1/webhooks/ghost", { method: "POST", headers: await sign("ghost", body), body });
    const res = await worker.fetch(request, heldQueue, createExecutionContext());
    const { delivery_id } = (await res.json()) as { delivery_id: string };
    await consume({ type: "delivery", deliveryId: delivery_id }, { env: alertsEnv });
    const run = await env.DB.prepare("SELECT run_id FROM deliveries WHERE id = ?").bind(delivery_id).first<{ run_id: string }>();
    expect(await count("deliveries WHERE provider = 'notify' AND delivery_key = ?", run!.run_id)).toBe(1);
  });
});
