// A dismissed finding through the CMS path, with alerts on: the first publish alerts; after the
// editors dismiss it, a re-delivery and an edit that keeps the wording store no failing run and
// send no alert; an edit that changes the wording is judged afresh and alerts again.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../src/env";
import worker from "../../src/index";
import { findingId } from "../../src/engine";
import { buildAlert } from "../../src/jobs/notify";
import { getDb } from "../../src/storage/db";
import { callJson } from "./fixtures/api";
import { evidence, storeArticle, verdict } from "./fixtures/ui";
import { fails, labelAll, verdictsOf } from "./fixtures/feedback";
import { lifecycles } from "./fixtures/webhooks/lifecycle";
import { consume, count } from "./fixtures/webhooks/consume";
import { sign } from "./fixtures/webhooks/sign";

const alertsEnv = { ...(env as Bindings), NOTIFY_URL: "https://alerts.example.test/hook" };
// The intake's own queue message is held back, so only this test's consumer call (alerts on) scores it.
const heldQueue = { ...alertsEnv, JOBS: { send: async () => {} } } as unknown as Bindings;

const TEXT = "CECOT, the prison in Ecuador, held 244 Venezuelans for four months.";
const T0 = Date.UTC(2025, 6, 20, 12);

/** Delivers a Ghost publish event and runs the delivery job; returns the delivery row. */
async function publish(at: number, text: string, body?: string) {
  const payload = body ?? JSON.stringify(lifecycles.ghost.publish("fb-ghost", at, text).payload);
  const request = new Request("https://harness.test/v1/webhooks/ghost", {
    method: "POST",
    headers: await sign("ghost", payload),
    body: payload,
  });
  const res = await worker.fetch(request, heldQueue, createExecutionContext());
  const { delivery_id } = (await res.json()) as { delivery_id: string };
  await consume({ type: "delivery", deliveryId: delivery_id }, { env: alertsEnv });
  const row = await env.DB.prepare("SELECT status, article_id, run_id FROM deliveries WHERE id = ?")
    .bind(delivery_id)
    .first<{ status: string; article_id: string; run_id: string | null }>();
  return { ...row!, body: payload };
}

const alertsFor = (runId: string | null) => count("deliveries WHERE provider = 'notify' AND delivery_key = ?", runId);

describe("a dismissed finding through webhooks", () => {
  it("stays dismissed on re-delivery and on edits that keep its wording, and stops alerting", async () => {
    const first = await publish(T0, TEXT);
    expect(first.status).toBe("scored");
    expect(await alertsFor(first.run_id)).toBe(1);
    expect((await verdictsOf(first.article_id)).article.outcome).toBe("fail");

    await labelAll(first.article_id, "false_alarm");

    // The same event again: nothing new is stored, nothing is sent.
    const notifies = await count("deliveries WHERE provider = 'notify'");
    await publish(T0, TEXT, first.body);
    expect(await count("deliveries WHERE provider = 'notify'")).toBe(notifies);

    // An edit elsewhere in the text: a new run, the finding still dismissed, no alert.
    const edited = await publish(T0 + 60_000, `${TEXT} The minister spoke to reporters on Tuesday.`);
    expect(edited.status).toBe("scored");
    expect(edited.run_id).not.toBe(first.run_id);
    const { article, verdicts } = await verdictsOf(edited.article_id);
    expect(article.latest_run.id).toBe(edited.run_id);
    expect(fails(verdicts).filter((v) => v.rule === "cecot.country")).toMatchObject([{ dismissed: true }]);
    expect(fails(verdicts).every((v) => v.dismissed)).toBe(true);
    expect(article.outcome).not.toBe("fail");
    expect(await alertsFor(edited.run_id)).toBe(0);

    // New wording is a new finding: judged afresh, and it alerts.
    const reworded = await publish(T0 + 120_000, TEXT.replace("Ecuador", "Peru"));
    expect((await verdictsOf(reworded.article_id)).article.outcome).toBe("fail");
    expect(await alertsFor(reworded.run_id)).toBe(1);
  });
});

describe("a partly dismissed fail", () => {
  it("alerts and the corrections queue quote only the spans still standing", async () => {
    const text = "CECOT is in Ecuador. Later, CECOT in Ecuador again.";
    const saved = await storeArticle({
      externalId: "fb-alert-partial",
      source: "ghost",
      title: "Two spans",
      text,
      verdicts: [verdict("cecot.country", "fail", [evidence(text, "CECOT is in Ecuador"), evidence(text, "CECOT in Ecuador again")])],
    });
    const finding = findingId({ source: "ghost", externalId: "fb-alert-partial" }, "cecot.country", "CECOT is in Ecuador");
    await callJson(`/v1/articles/${saved.articleId}/feedback`, { body: { finding, label: "false_alarm" }, status: 201 });
    const alert = await buildAlert(getDb(env.DB), saved.articleId, saved.runId);
    expect(alert!.data.failing_rules).toMatchObject([{ rule: "cecot.country", quotes: [{ quote: "CECOT in Ecuador again" }] }]);
    expect(alert!.data.run.outcome).toBe("fail");
    const queue = await callJson("/v1/corrections?limit=100", { status: 200 });
    const item = queue.items.find((i: { article: { id: string } }) => i.article.id === saved.articleId);
    expect(item.failing.map((v: { quotes: { quote: string }[] }) => v.quotes.map((e) => e.quote))).toEqual([["CECOT in Ecuador again"]]);
  });
});
