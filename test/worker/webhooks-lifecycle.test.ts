// Each CMS's whole article life cycle through the real Worker, signed by the CMS's own code:
// publish, replays, edit, unpublish, republish, delete, events overtaking each other in the queue,
// late retries, and replays whose unsigned metadata was changed. The article's state must follow
// the CMS's order of events, never the queue's.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { consume, count, deliveryRow } from "./fixtures/webhooks/consume";
import { type CmsEvent, lifecycles } from "./fixtures/webhooks/lifecycle";
import { deliver, PROVIDERS, type ProviderName, sign } from "./fixtures/webhooks/sign";

const T0 = Date.parse("2025-07-20T10:00:00Z");
const at = (minutes: number) => T0 + minutes * 60_000;

interface Sent {
  status: number;
  json: { delivery_id: string; status: string; delivery_status?: string; reason?: string };
  replay: () => Promise<Sent>;
}

async function post(provider: ProviderName, ev: CmsEvent): Promise<Sent> {
  const body = JSON.stringify(ev.payload);
  const headers = await sign(provider, body, ev.o);
  const go = async (): Promise<Sent> => {
    const res = await deliver(provider, body, headers, ev.o);
    return { status: res.status, json: (await res.json()) as Sent["json"], replay: go };
  };
  return go();
}

/** Sends and, when queued, runs the consumer; returns the delivery's final row. */
async function settle(provider: ProviderName, ev: CmsEvent) {
  const sent = await post(provider, ev);
  expect([200, 202]).toContain(sent.status);
  if (sent.status === 202) await consume({ type: "delivery", deliveryId: sent.json.delivery_id });
  return { sent, row: (await deliveryRow(sent.json.delivery_id)) as { status: string; reason: string | null } };
}

const externalId = (provider: ProviderName, id: string) => (provider === "strapi" ? `article:${id}` : id);

async function article(provider: ProviderName, id: string) {
  return env.DB.prepare("SELECT id, status, text FROM articles WHERE source = ? AND external_id = ?")
    .bind(provider, externalId(provider, id))
    .first<{ id: string; status: string; text: string }>();
}

const runsOf = async (provider: ProviderName, id: string) => {
  const a = await article(provider, id);
  return a ? count("runs WHERE article_id = ?", a.id) : 0;
};

describe.each(PROVIDERS)("%s life cycle", (provider) => {
  const cms = lifecycles[provider];

  it("publish, replay, same content anew, edit, unpublish, replayed unpublish, republish unchanged, delete, late retries", async () => {
    const id = `${provider}-life`;
    // publish → scored, active
    const first = await settle(provider, cms.publish(id, at(1), "The 252 Venezuelans were flown to Caracas."));
    expect(first.row.status).toBe("scored");
    expect(await article(provider, id)).toMatchObject({ status: "active" });
    expect(await runsOf(provider, id)).toBe(1);

    // the identical request again → duplicate of the first delivery
    expect((await first.sent.replay()).json).toMatchObject({ delivery_id: first.sent.json.delivery_id, status: "duplicate" });

    // the same content sent anew (new signature / delivery id) → no new run
    const anew = await settle(provider, cms.publish(id, at(1), "The 252 Venezuelans were flown to Caracas."));
    expect(["duplicate"]).toContain(anew.sent.json.status === "duplicate" ? "duplicate" : anew.row.status);
    expect(await runsOf(provider, id)).toBe(1);

    // edit → a new run over the new text
    const edit = await settle(provider, cms.publish(id, at(2), "The 252 Venezuelans were flown to Caracas on Friday."));
    expect(edit.row.status).toBe("scored");
    expect((await article(provider, id))!.text).toContain("on Friday");
    expect(await runsOf(provider, id)).toBe(2);

    // unpublish → withdrawn; replayed → duplicate, still withdrawn
    const unpublish = await post(provider, cms.unpublish(id, at(3), at(2)));
    expect(unpublish.json).toMatchObject({ status: "withdrawn" });
    expect(await article(provider, id)).toMatchObject({ status: "withdrawn" });
    expect((await unpublish.replay()).json).toMatchObject({ delivery_id: unpublish.json.delivery_id, status: "duplicate" });
    expect(await article(provider, id)).toMatchObject({ status: "withdrawn" });

    // republish with unchanged content → active again, no new run
    const republish = await settle(provider, cms.publish(id, at(4), "The 252 Venezuelans were flown to Caracas on Friday."));
    expect(republish.row.status).toBe("duplicate");
    expect(await article(provider, id)).toMatchObject({ status: "active" });
    expect(await runsOf(provider, id)).toBe(2);

    // delete → withdrawn
    expect((await post(provider, cms.delete(id, at(5), at(4)))).json).toMatchObject({ status: "withdrawn" });
    expect(await article(provider, id)).toMatchObject({ status: "withdrawn" });

    // the CMS retrying the last publish after the delete, and an older edit delivered late: neither resurrects
    const retry = await settle(provider, cms.publish(id, at(4), "The 252 Venezuelans were flown to Caracas on Friday."));
    if (retry.sent.status === 202) expect(retry.row).toMatchObject({ status: "ignored", reason: expect.stringMatching(/^stale/) });
    else expect(retry.sent.json.status).toBe("duplicate");
    const late = await settle(provider, cms.publish(id, at(3.5), "A late edit that never went live."));
    expect(late.row).toMatchObject({ status: "ignored", reason: expect.stringMatching(/^stale/) });
    expect(await article(provider, id)).toMatchObject({ status: "withdrawn" });
    expect((await article(provider, id))!.text).toContain("on Friday");
    expect(await runsOf(provider, id)).toBe(2);
  });

  it("an edit then an unpublish, both before the consumer runs → withdrawn, the edit recorded as stale", async () => {
    const id = `${provider}-overtaken`;
    await settle(provider, cms.publish(id, at(1), "First text."));
    const edit = await post(provider, cms.publish(id, at(2), "Second text."));
    expect(edit.status).toBe(202);
    expect((await post(provider, cms.unpublish(id, at(3), at(2)))).json).toMatchObject({ status: "withdrawn" });
    await consume({ type: "delivery", deliveryId: edit.json.delivery_id });
    expect(await deliveryRow(edit.json.delivery_id)).toMatchObject({ status: "ignored", reason: expect.stringMatching(/^stale/) });
    expect(await article(provider, id)).toMatchObject({ status: "withdrawn", text: expect.stringContaining("First text") });
  });

  it("a first publish and its unpublish before the consumer runs → no live article", async () => {
    const id = `${provider}-never-live`;
    const publish = await post(provider, cms.publish(id, at(1), "Briefly published."));
    expect(publish.status).toBe(202);
    expect((await post(provider, cms.unpublish(id, at(2), at(1)))).json).toMatchObject({ status: "withdrawn" });
    await consume({ type: "delivery", deliveryId: publish.json.delivery_id });
    expect(await deliveryRow(publish.json.delivery_id)).toMatchObject({ status: "ignored" });
    expect((await article(provider, id))?.status ?? "absent").not.toBe("active");
    // …and a later publish brings it live.
    expect((await settle(provider, cms.publish(id, at(3), "Published for good."))).row.status).toBe("scored");
    expect(await article(provider, id)).toMatchObject({ status: "active" });
  });

  it("a withdrawal older than the article's last publish is recorded, not applied", async () => {
    const id = `${provider}-old-withdrawal`;
    await settle(provider, cms.publish(id, at(5), "Live text."));
    const old = await post(provider, cms.unpublish(id, at(2), at(1)));
    expect(old.json).toMatchObject({ status: "ignored", reason: expect.stringMatching(/^stale/) });
    expect(await deliveryRow(old.json.delivery_id)).toMatchObject({ status: "ignored" });
    expect(await article(provider, id)).toMatchObject({ status: "active" });
  });
});

describe("replays with changed unsigned metadata are refused", () => {
  it("sanity: the sanity-operation header cannot turn a signed update into a delete; a new idempotency-key is still a duplicate", async () => {
    const first = await settle("sanity", lifecycles.sanity.publish("sanity-swap", at(1), "Signed text."));
    const body = JSON.stringify(lifecycles.sanity.publish("sanity-swap", at(1), "Signed text.").payload);
    const headers = await sign("sanity", body);
    const asDelete = await deliver("sanity", body, { ...headers, "sanity-operation": "delete" });
    expect(asDelete.status).toBe(401);
    expect(await asDelete.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("contradicts") } });
    const freshKey = await deliver("sanity", body, { ...headers, "idempotency-key": "msg_forged" });
    expect(await freshKey.json()).toMatchObject({ delivery_id: first.sent.json.delivery_id, status: "duplicate" });
    expect(await article("sanity", "sanity-swap")).toMatchObject({ status: "active" });
  });

  it("sanity: a projection without the signed operation → 422 naming the field", async () => {
    const res = await deliver(
      "sanity",
      JSON.stringify({ id: "sanity-no-op", body: "x" }),
      await sign("sanity", JSON.stringify({ id: "sanity-no-op", body: "x" })),
    );
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({
      error: { code: "validation_failed", message: expect.stringContaining("delta::operation()") },
    });
  });

  it("contentful: a topic outside the signed headers → 401; a signed topic swapped for unpublish → 401", async () => {
    const ev = lifecycles.contentful.publish("cf-swap", at(1), "Signed text.");
    const body = JSON.stringify(ev.payload);
    const unsigned = await deliver("contentful", body, await sign("contentful", body, { ...ev.o, unsignedTopic: true }));
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { message: expect.stringContaining("x-contentful-topic") } });
    const headers = await sign("contentful", body, ev.o);
    const swapped = await deliver("contentful", body, { ...headers, "x-contentful-topic": "ContentManagement.Entry.unpublish" });
    expect(swapped.status).toBe(401);
  });

  it("wordpress: a captured, signed body replayed as post_delete (?trigger= or X-WP-Webhook-Name) → 400, the article stays live", async () => {
    const ev = lifecycles.wordpress.publish("9001", at(1), "Live text.");
    await settle("wordpress", ev);
    const body = JSON.stringify(ev.payload);
    const headers = await sign("wordpress", body);
    const byQuery = await deliver("wordpress", body, headers, { event: "post_delete" });
    expect(byQuery.status).toBe(400);
    expect(await byQuery.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("post_delete") } });
    const byHeader = await deliver("wordpress", body, { ...headers, "x-wp-webhook-name": "post_delete" });
    expect(byHeader.status).toBe(400);
    expect(await article("wordpress", "9001")).toMatchObject({ status: "active" });
  });

  it("wordpress: the Bearer authentication template (current WP Webhooks) is accepted; a wrong token → 401", async () => {
    const ev = lifecycles.wordpress.publish("9002", at(1), "Token text.");
    const { row } = await settle("wordpress", { ...ev, o: { scheme: "token" } });
    expect(row.status).toBe("scored");
    const body = JSON.stringify(ev.payload);
    const wrong = await deliver("wordpress", body, await sign("wordpress", body, { scheme: "token", secret: "not-the-secret" }));
    expect(wrong.status).toBe(401);
  });
});

describe("only the CMS changes an article's state", () => {
  it("a run stored by another trigger (an audit racing a withdrawal, an API re-score) leaves a withdrawn article withdrawn", async () => {
    const cms = lifecycles.standard;
    await settle("standard", cms.publish("std-race", at(1), "Live text."));
    expect((await post("standard", cms.unpublish("std-race", at(2), at(1)))).json).toMatchObject({ status: "withdrawn" });
    const res = await exports.default.fetch("https://harness.test/v1/score", {
      method: "POST",
      headers: { authorization: "Bearer test-token", "content-type": "application/json" },
      body: JSON.stringify({ source: "standard", external_id: "std-race", text: "Re-scored through the API." }),
    });
    expect(res.status).toBe(201);
    expect(await article("standard", "std-race")).toMatchObject({ status: "withdrawn", text: "Re-scored through the API." });
  });
});
