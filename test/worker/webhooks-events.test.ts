// Intake beyond the happy path: withdrawals, ignored events, body limit, unknown providers, bad
// JSON, the queue refusing a delivery, and unchanged content that must not add a run.
import { createExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import { api, consume, count, deliveryRow } from "./fixtures/webhooks/consume";
import { deliver, fixtures, send, sign } from "./fixtures/webhooks/sign";

async function scored(provider: Parameters<typeof send>[0], payload: unknown, o: Parameters<typeof send>[2] = {}) {
  const res = await send(provider, payload, o);
  expect(res.status).toBe(202);
  const { delivery_id } = (await res.json()) as { delivery_id: string };
  await consume({ type: "delivery", deliveryId: delivery_id });
  return (await deliveryRow(delivery_id)) as { article_id: string; run_id: string; status: string };
}

const articleStatus = async (id: string) =>
  (await env.DB.prepare("SELECT status FROM articles WHERE id = ?").bind(id).first<{ status: string }>())?.status;

describe("withdrawals", () => {
  it("ghost post.unpublished marks the article withdrawn (200 withdrawn); republishing makes it active again", async () => {
    const published = structuredClone(fixtures.ghost) as any;
    published.post.current.id = "ghost-withdraw";
    const { article_id } = await scored("ghost", published);

    const unpublished = structuredClone(published);
    unpublished.post.current.status = "draft";
    unpublished.post.previous = { status: "published" };
    const res = await send("ghost", unpublished);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { delivery_id: string; status: string };
    expect(body).toMatchObject({ status: "withdrawn", event: "post.unpublished" });
    expect(await deliveryRow(body.delivery_id)).toMatchObject({ status: "withdrawn", article_id });
    expect(await articleStatus(article_id)).toBe("withdrawn");

    published.post.current.updated_at = "2025-07-20T10:00:00.000Z";
    published.post.current.html += "<p>Updated.</p>";
    await scored("ghost", published);
    expect(await articleStatus(article_id)).toBe("active");
  });

  it("ghost post.deleted (empty current, previous holds the post) withdraws it", async () => {
    const published = structuredClone(fixtures.ghost) as any;
    published.post.current.id = "ghost-deleted";
    const { article_id } = await scored("ghost", published);
    const res = await send("ghost", { post: { current: {}, previous: published.post.current } });
    expect(await res.json()).toMatchObject({ status: "withdrawn", event: "post.deleted" });
    expect(await articleStatus(article_id)).toBe("withdrawn");
  });

  it.each([
    ["sanity", { id: "sanity-del", operation: "delete", title: "x" }, {}],
    ["contentful", { sys: { id: "cf-del", type: "DeletedEntry", version: 9 } }, { event: "ContentManagement.Entry.unpublish" }],
    [
      "strapi",
      { event: "entry.unpublish", model: "article", entry: { id: 5, documentId: "strapi-del", updatedAt: "2025-07-20T00:00:00Z" } },
      {},
    ],
    ["wordpress", { post_id: 777, post: { post_status: "trash", post_type: "post", post_modified_gmt: "2025-07-20 00:00:00" } }, {}],
    ["standard", { type: "article.deleted", data: { id: "std-del" } }, {}],
  ] as const)("%s delete/unpublish → 200 withdrawn, recorded as a withdrawn delivery", async (provider, payload, o) => {
    const res = await send(provider, payload, o);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { delivery_id: string };
    expect(body).toMatchObject({ status: "withdrawn" });
    expect(await deliveryRow(body.delivery_id)).toMatchObject({ provider, status: "withdrawn" });
  });

  it("a withdrawal replayed after the article was republished changes nothing", async () => {
    const publish = { type: "article.published", data: { id: "std-replayed-delete", text: "Body one." } };
    const { article_id } = await scored("standard", publish);
    const del = JSON.stringify({ type: "article.deleted", data: { id: "std-replayed-delete" } });
    const headers = await sign("standard", del);
    await deliver("standard", del, headers);
    await scored("standard", { ...publish, data: { ...publish.data, text: "Body two." } });
    expect(await articleStatus(article_id)).toBe("active");
    expect(await (await deliver("standard", del, headers)).json()).toMatchObject({ status: "duplicate" });
    expect(await articleStatus(article_id)).toBe("active");
  });
});

describe("ignored events → 2xx, recorded, nothing scored", () => {
  it.each([
    ["ghost", { tag: { current: { id: "t1", name: "World" }, previous: {} } }, {}, "tag"],
    [
      "ghost",
      { post: { current: { ...(fixtures.ghost as any).post.current, id: "ghost-draft", status: "draft" }, previous: {} } },
      {},
      "post.draft",
    ],
    ["sanity", { _id: "drafts.article-1", operation: "update", title: "Draft" }, {}, "document.update"],
    ["contentful", { sys: { id: "cf-save", type: "Entry" }, fields: {} }, { event: "ContentManagement.Entry.save" }, "Entry.save"],
    ["contentful", { sys: { id: "asset-1", type: "Asset" } }, { event: "ContentManagement.Asset.publish" }, "Asset.publish"],
    ["strapi", { event: "media.create", media: { id: 1, name: "photo.jpg" } }, { event: "media.create" }, "media.create"],
    [
      "strapi",
      { event: "entry.update", model: "article", entry: { id: 9, documentId: "d9", publishedAt: null, updatedAt: "2025-07-20T00:00:00Z" } },
      {},
      "entry.update",
    ],
    ["wordpress", { post_id: 9, post: { post_status: "inherit", post_type: "attachment" } }, {}, "post.inherit"],
    ["standard", { type: "tag.created", data: { id: "t" } }, {}, "tag.created"],
  ] as const)("%s %j", async (provider, payload, o, event) => {
    const runsBefore = await count("runs");
    const res = await send(provider, payload, o);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { delivery_id: string; status: string; event: string };
    expect(body).toMatchObject({ status: "ignored", event });
    expect(await deliveryRow(body.delivery_id)).toMatchObject({ provider, status: "ignored", event });
    expect(await count("runs")).toBe(runsBefore);
  });
});

describe("request handling", () => {
  it("a body over 1 MiB → 413 before any verification", async () => {
    const big = JSON.stringify({ type: "article.published", data: { id: "big", text: "x".repeat(1024 * 1024) } });
    const res = await deliver("standard", big, await sign("standard", big));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("an unknown provider → 404 naming the supported ones; GET on a webhook is not 2xx", async () => {
    const res = await exports.default.fetch("https://harness.test/v1/webhooks/storyblok", { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining("ghost") } });
    expect((await exports.default.fetch("https://harness.test/v1/webhooks/ghost")).status).toBeGreaterThanOrEqual(400);
  });

  it("a signed body that is not JSON → 400 invalid_json; a signed payload without an id → 422", async () => {
    const res = await deliver("wordpress", "not json", await sign("wordpress", "not json"));
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_json" } });
    const bad = await send("standard", { type: "article.published", data: { title: "no id" } });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("data.id") } });
  });

  it("Contentful's vendor content type is read from the raw bytes, not mis-parsed", async () => {
    const row = await scored("contentful", {
      ...(fixtures.contentful as any),
      sys: { ...(fixtures.contentful as any).sys, id: "cf-vendor" },
    });
    expect(row.status).toBe("scored");
  });

  it("the queue refusing a delivery → 503; the CMS's retry finds it queued, enqueues it and nothing is lost", async () => {
    const body = JSON.stringify({ type: "article.published", data: { id: "std-queue-down", text: "Queued later." } });
    const headers = await sign("standard", body);
    const queueDown = { ...(env as Bindings), JOBS: { send: () => Promise.reject(new Error("queue unavailable")) } } as unknown as Bindings;
    const request = () => new Request("https://harness.test/v1/webhooks/standard", { method: "POST", headers, body });
    const failed = await worker.fetch(request(), queueDown, createExecutionContext());
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("30");
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    const stored = await env.DB.prepare("SELECT id, status FROM deliveries WHERE delivery_key = ?")
      .bind(headers["webhook-id"])
      .first<{ id: string; status: string }>();
    expect(stored).toMatchObject({ status: "queued" });

    const retry = await worker.fetch(request(), env as Bindings, createExecutionContext());
    expect(await retry.json()).toEqual({ delivery_id: stored!.id, status: "duplicate", delivery_status: "queued" });
    await consume({ type: "delivery", deliveryId: stored!.id });
    expect(await deliveryRow(stored!.id)).toMatchObject({ status: "scored" });
  });
});

describe("content that did not change", () => {
  it("a new delivery with identical content and ruleset → delivery 'duplicate' pointing at the existing run, no new run", async () => {
    const first = await scored("standard", { type: "article.published", data: { id: "std-same", text: "Same words." } });
    const second = await scored("standard", { type: "article.updated", data: { id: "std-same", text: "Same words." } });
    expect(second).toMatchObject({ status: "duplicate", run_id: first.run_id, article_id: first.article_id });
    expect(await count("runs WHERE article_id = ?", first.article_id)).toBe(1);
    const changed = await scored("standard", { type: "article.updated", data: { id: "std-same", text: "Different words." } });
    expect(changed.status).toBe("scored");
    expect(await count("runs WHERE article_id = ?", first.article_id)).toBe(2);
  });
});

describe("GET /v1/deliveries", () => {
  it("filters by provider and status, newest first, with cursor pages; needs the bearer token", async () => {
    for (const id of ["p1", "p2", "p3"]) await send("standard", { type: "tag.created", data: { id } });
    const page1 = (await (await api("/v1/deliveries?provider=standard&status=ignored&limit=2")).json()) as {
      items: { id: string; provider: string }[];
      next_cursor: string;
    };
    expect(page1.items).toHaveLength(2);
    expect(page1.items.every((d) => d.provider === "standard")).toBe(true);
    expect(page1.items[0]!.id > page1.items[1]!.id).toBe(true);
    const page2 = (await (await api(`/v1/deliveries?provider=standard&status=ignored&limit=2&cursor=${page1.next_cursor}`)).json()) as {
      items: { id: string }[];
    };
    expect(page2.items.length).toBeGreaterThan(0);
    expect(page2.items[0]!.id < page1.items[1]!.id).toBe(true);

    expect((await api("/v1/deliveries?status=bogus")).status).toBe(400);
    expect((await api("/v1/deliveries/dlv_missing")).status).toBe(404);
    expect((await exports.default.fetch("https://harness.test/v1/deliveries")).status).toBe(401);
  });
});
