// Fault test: the consumer never sees the intake's messages (the Worker died after its 202s), so
// deliveries sit `queued`. The cron sweeper re-enqueues them; delivering every message twice (the
// original may reappear too) ends every delivery in a final state with exactly one run each.
import { createExecutionContext, createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import type { JobMessage } from "../../src/lib/job-messages";
import { SWEEP_CRON } from "../../src/jobs/sweep";
import { api, consume, count, deliveryRow } from "./fixtures/webhooks/consume";
import { lifecycles } from "./fixtures/webhooks/lifecycle";
import { PROVIDERS, type ProviderName, type SignOptions, sign, webhookPath } from "./fixtures/webhooks/sign";

/** A queue that accepts messages and loses them, and one that records them. */
const lost = { send: async () => {}, sendBatch: async () => {} };
function recording() {
  const sent: JobMessage[] = [];
  return {
    sent,
    queue: {
      send: async (body: JobMessage) => void sent.push(body),
      sendBatch: async (batch: { body: JobMessage }[]) => void sent.push(...batch.map((m) => m.body)),
    },
  };
}

async function intake(body: string, queue: unknown, provider: ProviderName = "standard", o: SignOptions = {}): Promise<string> {
  const request = new Request(`https://harness.test${webhookPath(provider, o)}`, {
    method: "POST",
    headers: await sign(provider, body, o),
    body,
  });
  const res = await worker.fetch(request, { ...(env as Bindings), JOBS: queue } as unknown as Bindings, createExecutionContext());
  expect(res.status).toBe(202);
  return ((await res.json()) as { delivery_id: string }).delivery_id;
}

async function sweep(at: number, queues: { JOBS?: unknown; ALERTS?: unknown }) {
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: SWEEP_CRON }), {
    ...(env as Bindings),
    ...queues,
  } as unknown as Bindings);
}

describe("delivery sweeper", () => {
  it("25 deliveries from all six CMSs whose messages were lost all reach a final state after a sweep; 0 lost, 0 duplicate runs", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const provider = PROVIDERS[i % PROVIDERS.length]!;
      // Every fifth delivery repeats an earlier article's text under a later time: it ends `duplicate`.
      const text = i % 5 === 0 ? "Same words for a duplicate." : `The 252 Venezuelans, article ${i}.`;
      const ev = lifecycles[provider].publish(`sweep-${i % 12}`, Date.parse("2025-07-22T10:00:00Z") + i * 60_000, text);
      ids.push(await intake(JSON.stringify(ev.payload), lost, provider, ev.o));
    }
    for (const id of ids) expect(await deliveryRow(id)).toMatchObject({ status: "queued" });

    // Too early: a delivery queued 1 minute ago may still have its message in flight.
    const early = recording();
    await sweep(Date.now() + 60_000, { JOBS: early.queue });
    expect(early.sent).toHaveLength(0);

    const swept = recording();
    await sweep(Date.now() + 10 * 60_000, { JOBS: swept.queue });
    expect(swept.sent.map((m) => (m as { deliveryId: string }).deliveryId).sort()).toEqual([...ids].sort());
    // Every message twice: the sweeper's copy and the original turning up late.
    for (const message of [...swept.sent, ...swept.sent]) expect(await consume(message)).toMatchObject({ acked: true });

    const finals: Record<string, number> = {};
    for (const id of ids) {
      const status = String((await deliveryRow(id))!.status);
      finals[status] = (finals[status] ?? 0) + 1;
    }
    console.log(`sweeper fault test: ${swept.sent.length} re-sent, each consumed twice → ${JSON.stringify(finals)}`);
    // Final states only: scored, or duplicate / ignored (stale) where a same-article delivery won.
    for (const id of ids) expect(["scored", "duplicate", "ignored"]).toContain((await deliveryRow(id))!.status);
    expect(await count(`deliveries WHERE status = 'queued' AND id IN (${ids.map(() => "?").join(",")})`, ...ids)).toBe(0);
    // Exactly one run per scored delivery, none for duplicates: 50 messages, no double scoring.
    const placeholders = ids.map(() => "?").join(",");
    expect(await count(`runs WHERE delivery_id IN (${placeholders})`, ...ids)).toBe(
      await count(`deliveries WHERE status = 'scored' AND id IN (${placeholders})`, ...ids),
    );
    for (const id of ids) expect(await count("runs WHERE delivery_id = ?", id)).toBeLessThanOrEqual(1);
  });

  it("re-sends back off (5, 10, 20 … minutes); a delivery still queued 24 h on is failed; /retry accepts failed and stuck-queued ones", async () => {
    const id = await intake(JSON.stringify({ type: "article.published", data: { id: "sweep-forever", text: "Lost each time." } }), lost);
    // POST /retry: a freshly queued delivery may still be in flight → 409.
    expect((await api(`/v1/deliveries/${id}/retry`, "POST")).status).toBe(409);

    const t0 = Date.now();
    const sentAt = async (minutes: number) => {
      const q = recording();
      await sweep(t0 + minutes * 60_000, { JOBS: q.queue });
      return q.sent.some((m) => (m as { deliveryId: string }).deliveryId === id);
    };
    expect(await sentAt(6)).toBe(true); // 1st re-send after 5 min
    expect(await sentAt(12)).toBe(false); // the 2nd waits 10 min
    expect(await sentAt(17)).toBe(true);
    expect(await sentAt(30)).toBe(false); // the 3rd waits 20 min
    expect(await sentAt(38)).toBe(true);
    expect(await deliveryRow(id)).toMatchObject({ status: "queued", sweeps: 3 });

    expect(await sentAt(25 * 60)).toBe(false);
    expect(await deliveryRow(id)).toMatchObject({ status: "failed", error: expect.stringContaining("never processed") });
    const retried = await api(`/v1/deliveries/${id}/retry`, "POST");
    expect(retried.status).toBe(202);
    expect(await deliveryRow(id)).toMatchObject({ status: "queued" });
  });

  it("/retry accepts a delivery stuck in queued for more than 5 minutes", async () => {
    const id = await intake(JSON.stringify({ type: "article.published", data: { id: "sweep-stuck", text: "Stuck." } }), lost);
    await env.DB.prepare("UPDATE deliveries SET updated_at = ? WHERE id = ?")
      .bind(new Date(Date.now() - 6 * 60_000).toISOString(), id)
      .run();
    expect((await api(`/v1/deliveries/${id}/retry`, "POST")).status).toBe(202);
  });
});
