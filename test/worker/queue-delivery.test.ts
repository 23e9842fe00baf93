// The `delivery` queue job under at-least-once delivery: retries with backoff, the dead-letter
// queue marking the delivery failed (visible in the API), racing consumers storing one run.
import { env, exports } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "../../src/storage/db";
import { assertStillQueued, recordDelivery } from "../../src/storage/deliveries";
import { deliveries } from "../../src/storage/schema";
import { api, consume, count, deliveryRow } from "./fixtures/webhooks/consume";
import { send } from "./fixtures/webhooks/sign";

async function queued(payload: string): Promise<string> {
  const { id } = await recordDelivery(getDb(env.DB), {
    provider: "standard",
    deliveryKey: crypto.randomUUID(),
    event: "article.published",
    status: "queued",
    payload,
  });
  return id;
}

describe("delivery job", () => {
  it("an unscorable payload is retried with backoff (not acked), the error visible on the delivery", async () => {
    const id = await queued(JSON.stringify({ source: "standard", external_id: "x" }));
    const first = await consume({ type: "delivery", deliveryId: id }, { attempts: 1 });
    expect(first).toMatchObject({ acked: false, retried: true });
    const second = await consume({ type: "delivery", deliveryId: id }, { attempts: 2 });
    expect(second.retried).toBe(true);
    expect(await deliveryRow(id)).toMatchObject({
      status: "queued",
      attempts: 2,
      error: expect.stringContaining("not a scorable article"),
    });
    expect(await count("runs WHERE delivery_id = ?", id)).toBe(0);
  });

  it("a delivery row that does not exist is retried, then the dead-letter consumer acks it (nothing to mark)", async () => {
    expect(await consume({ type: "delivery", deliveryId: "dlv_nope" })).toMatchObject({ retried: true });
    expect(await consume({ type: "delivery", deliveryId: "dlv_nope" }, { queue: "accuracy-jobs-dlq" })).toMatchObject({ acked: true });
  });

  it("dead-lettered → failed with the last error, listed by GET /v1/deliveries?status=failed, and retryable once fixed", async () => {
    const id = await queued("{not json");
    await consume({ type: "delivery", deliveryId: id }, { attempts: 4 });
    expect(await consume({ type: "delivery", deliveryId: id }, { queue: "accuracy-jobs-dlq" })).toMatchObject({ acked: true });
    expect(await deliveryRow(id)).toMatchObject({ status: "failed", attempts: 4, error: expect.stringMatching(/JSON/) });
    // The DLQ is at-least-once too: a second copy changes nothing.
    await consume({ type: "delivery", deliveryId: id }, { queue: "accuracy-jobs-dlq" });

    const failed = (await (await api("/v1/deliveries?status=failed")).json()) as { items: { id: string; status: string; error: string }[] };
    expect(failed.items).toContainEqual(expect.objectContaining({ id, status: "failed", error: expect.stringMatching(/JSON/) }));
    expect(await (await api(`/v1/deliveries/${id}`)).json()).toMatchObject({ status: "failed", payload: "{not json", run: null });

    // Fix the cause, then POST /retry puts it back on the queue.
    await env.DB.prepare("UPDATE deliveries SET payload = ? WHERE id = ?")
      .bind(
        JSON.stringify({
          source: "standard",
          external_id: "fixed",
          title: null,
          html: null,
          text: "Fixed.",
          url: null,
          published_at: null,
          updated_at: null,
          language: null,
        }),
        id,
      )
      .run();
    const retry = await exports.default.fetch(`https://harness.test/v1/deliveries/${id}/retry`, {
      method: "POST",
      headers: { authorization: "Bearer test-token" },
    });
    expect(retry.status).toBe(202);
    await consume({ type: "delivery", deliveryId: id });
    expect(await deliveryRow(id)).toMatchObject({ status: "scored", error: null });
    const again = await exports.default.fetch(`https://harness.test/v1/deliveries/${id}/retry`, {
      method: "POST",
      headers: { authorization: "Bearer test-token" },
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe("conflict");
  });

  it("a late dead letter does not undo a delivery that was scored meanwhile", async () => {
    const res = await send("standard", { type: "article.published", data: { id: "std-late-dlq", text: "Late." } });
    const { delivery_id } = (await res.json()) as { delivery_id: string };
    await consume({ type: "delivery", deliveryId: delivery_id });
    await consume({ type: "delivery", deliveryId: delivery_id }, { queue: "accuracy-jobs-dlq" });
    expect(await deliveryRow(delivery_id)).toMatchObject({ status: "scored" });
  });

  it("two consumers racing on one delivery store exactly one run", async () => {
    const res = await send("standard", { type: "article.published", data: { id: "std-race", text: "Raced." } });
    const { delivery_id } = (await res.json()) as { delivery_id: string };
    const results = await Promise.all([
      consume({ type: "delivery", deliveryId: delivery_id }),
      consume({ type: "delivery", deliveryId: delivery_id }),
    ]);
    expect(results.every((r) => r.acked)).toBe(true);
    expect(await count("runs WHERE delivery_id = ?", delivery_id)).toBe(1);
    expect(await deliveryRow(delivery_id)).toMatchObject({ status: "scored" });
  });

  it("the batch guard rolls back the whole transaction once the delivery is no longer queued", async () => {
    const db = getDb(env.DB);
    const id = await queued("{}");
    const rename = () => db.update(deliveries).set({ event: "renamed" }).where(eq(deliveries.id, id));
    await db.batch([rename(), assertStillQueued(db, id)]);
    expect(await deliveryRow(id)).toMatchObject({ event: "renamed" });
    await env.DB.prepare("UPDATE deliveries SET status = 'scored', event = 'kept' WHERE id = ?").bind(id).run();
    await expect(db.batch([rename(), assertStillQueued(db, id)])).rejects.toThrow();
    expect(await deliveryRow(id)).toMatchObject({ event: "kept" });
  });
});
