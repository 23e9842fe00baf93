// Every provider end to end in workerd with real D1: a signed publish event → 202 → the queue
// consumer stores a webhook run; forged, stale, replayed or unsigned deliveries → 401, nothing stored.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import { api, consume, count, deliveryRow } from "./fixtures/webhooks/consume";
import { deliver, fixtures, PROVIDERS, type ProviderName, send, sign } from "./fixtures/webhooks/sign";

/** The header whose absence must be refused, per provider. */
const AUTH_HEADER: Record<ProviderName, string> = {
  ghost: "x-ghost-signature",
  sanity: "sanity-webhook-signature",
  contentful: "x-contentful-signature",
  strapi: "authorization",
  wordpress: "x-wp-webhook-signature",
  standard: "webhook-signature",
};
const TIMESTAMPED: ProviderName[] = ["ghost", "sanity", "contentful", "standard"];
// Only Standard Webhooks signs its delivery id; Sanity's and Contentful's keys come from the signed body.
const WITH_DELIVERY_ID: ProviderName[] = ["standard"];

/** The payload with a distinct article id, so each test scores its own article. */
function variant(provider: ProviderName, tag: string): Record<string, unknown> {
  const p = structuredClone(fixtures[provider]) as Record<string, any>;
  switch (provider) {
    case "ghost":
      p.post.current.id = `ghost-${tag}`;
      break;
    case "sanity":
      p.id = `sanity-${tag}`;
      break;
    case "contentful":
      p.sys.id = `cf-${tag}`;
      break;
    case "strapi":
      p.entry.documentId = `strapi-${tag}`;
      break;
    case "wordpress":
      p.post_id = `${tag}`;
      break;
    case "standard":
      p.data.id = `std-${tag}`;
      break;
  }
  return p;
}

const storedTotal = async () => (await count("deliveries")) + (await count("runs")) + (await count("articles"));

async function expect401(res: Response, message: RegExp) {
  expect(res.status).toBe(401);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("unauthorized");
  expect(body.error.message).toMatch(message);
}

describe.each(PROVIDERS)("%s webhook", (provider) => {
  it("valid publish → 202, then the consumer stores a webhook run visible on the delivery", async () => {
    const res = await send(provider, variant(provider, "valid"));
    expect(res.status).toBe(202);
    const { delivery_id, status } = (await res.json()) as { delivery_id: string; status: string };
    expect(status).toBe("queued");
    expect(await deliveryRow(delivery_id)).toMatchObject({ provider, status: "queued" });

    const consumed = await consume({ type: "delivery", deliveryId: delivery_id });
    expect(consumed).toMatchObject({ acked: true, retried: false });

    const delivery = (await (await api(`/v1/deliveries/${delivery_id}`)).json()) as Record<string, any>;
    expect(delivery).toMatchObject({ id: delivery_id, provider, status: "scored", error: null });
    expect(delivery.run).toMatchObject({ id: delivery.run_id, trigger: "webhook", delivery_id, article_id: delivery.article_id });
    expect(delivery.payload).toMatchObject({ source: provider, title: "Venezuelans held in CECOT return home" });
    const article = await env.DB.prepare("SELECT source, title, text, url, published_at, status FROM articles WHERE id = ?")
      .bind(delivery.article_id)
      .first<Record<string, string>>();
    expect(article).toMatchObject({ source: provider, title: "Venezuelans held in CECOT return home", status: "active" });
    // The body made it through each CMS's format (HTML, Portable Text, Rich Text, blocks) with its non-ASCII intact.
    expect(article!.text).toContain("252 Venezuelans held at CECOT in El Salvador");
    expect(article!.text).toContain("Maiquetía");
  });

  it("the same delivery twice → 200 duplicate, one delivery row and no second run", async () => {
    const body = JSON.stringify(variant(provider, "dup"));
    const headers = await sign(provider, body);
    const first = (await (await deliver(provider, body, headers)).json()) as { delivery_id: string };
    await consume({ type: "delivery", deliveryId: first.delivery_id });

    const deliveriesBefore = await count("deliveries WHERE provider = ?", provider);
    const again = await deliver(provider, body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ delivery_id: first.delivery_id, status: "duplicate", delivery_status: "scored" });
    // A redelivered queue message for it is acked without scoring again.
    expect(await consume({ type: "delivery", deliveryId: first.delivery_id })).toMatchObject({ acked: true });
    expect(await count("deliveries WHERE provider = ?", provider)).toBe(deliveriesBefore);
    expect(await count("runs WHERE delivery_id = ?", first.delivery_id)).toBe(1);
  });

  it("tampered body → 401, nothing stored", async () => {
    const body = JSON.stringify(variant(provider, "tamper"));
    const headers = await sign(provider, body);
    const before = await storedTotal();
    const res = await deliver(provider, body.replace("El Salvador", "Ecuador"), headers);
    if (provider === "strapi") {
      // Strapi signs nothing: its token authenticates the sender, not the body. Documented in docs/webhooks/strapi.md.
      expect(res.status).toBe(202);
      return;
    }
    await expect401(res, /Invalid .*(altered|secret)/);
    expect(await storedTotal()).toBe(before);
  });

  it("wrong secret → 401, nothing stored", async () => {
    const before = await storedTotal();
    const secret =
      provider === "standard"
        ? "whsec_d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZyE="
        : provider === "contentful"
          ? "x".repeat(64)
          : "wrong-secret";
    await expect401(await send(provider, variant(provider, "wrong"), { secret }), /Invalid/);
    expect(await storedTotal()).toBe(before);
  });

  it(`missing ${AUTH_HEADER[provider]} → 401, nothing stored`, async () => {
    const body = JSON.stringify(variant(provider, "missing"));
    const headers = await sign(provider, body);
    delete headers[AUTH_HEADER[provider]];
    const before = await storedTotal();
    // WordPress takes either scheme, so without a signature it asks for the authentication template's header.
    await expect401(
      await deliver(provider, body, headers),
      new RegExp(`Missing ${provider === "wordpress" ? "authorization" : AUTH_HEADER[provider]}`, "i"),
    );
    expect(await storedTotal()).toBe(before);
  });

  if (TIMESTAMPED.includes(provider)) {
    it("stale timestamp (10 minutes old, validly signed) → 401, nothing stored", async () => {
      const before = await storedTotal();
      await expect401(await send(provider, variant(provider, "stale"), { now: Date.now() - 10 * 60_000 }), /Stale/);
      expect(await storedTotal()).toBe(before);
    });

    it("timestamp 10 minutes in the future → 401", async () => {
      await expect401(await send(provider, variant(provider, "future"), { now: Date.now() + 10 * 60_000 }), /future/);
    });
  } else {
    it("has no timestamp: a replay days later is still only a duplicate (deduped on the payload), never re-scored", async () => {
      const body = JSON.stringify(variant(provider, "replay"));
      const headers = await sign(provider, body);
      const first = (await (await deliver(provider, body, headers)).json()) as { delivery_id: string };
      await consume({ type: "delivery", deliveryId: first.delivery_id });
      const replay = await deliver(provider, body, headers);
      expect(await replay.json()).toMatchObject({ delivery_id: first.delivery_id, status: "duplicate" });
      expect(await count("runs WHERE delivery_id = ?", first.delivery_id)).toBe(1);
    });
  }

  if (WITH_DELIVERY_ID.includes(provider)) {
    it("replayed delivery id: inside the window → duplicate; re-signed after the window → 401; nothing re-scored", async () => {
      const id = `replay-${crypto.randomUUID()}`;
      const signedAt = Date.now() - 4 * 60_000;
      const first = (await (await send(provider, variant(provider, "replay-id"), { id, now: signedAt })).json()) as { delivery_id: string };
      await consume({ type: "delivery", deliveryId: first.delivery_id });
      // A legitimate CMS retry carries the same id.
      expect(await (await send(provider, variant(provider, "replay-id"), { id })).json()).toMatchObject({
        delivery_id: first.delivery_id,
        status: "duplicate",
      });
      // A captured request replayed once its timestamp has aged out.
      await expect401(await send(provider, variant(provider, "replay-id"), { id, now: signedAt - 2 * 60_000 }), /Stale/);
      expect(await count("runs WHERE delivery_id = ?", first.delivery_id)).toBe(1);
      expect(await count("deliveries WHERE delivery_key = ?", id)).toBe(1);
    });
  }

  it("answers 404 when its secret is not configured (not an open door)", async () => {
    const secretName = {
      ghost: "GHOST_WEBHOOK_SECRET",
      sanity: "SANITY_WEBHOOK_SECRET",
      contentful: "CONTENTFUL_WEBHOOK_SECRET",
      strapi: "STRAPI_WEBHOOK_TOKEN",
      wordpress: "WORDPRESS_WEBHOOK_SECRET",
      standard: "STANDARD_WEBHOOK_SECRET",
    }[provider];
    const body = JSON.stringify(variant(provider, "off"));
    const request = new Request(`https://harness.test/v1/webhooks/${provider}`, {
      method: "POST",
      headers: await sign(provider, body),
      body,
    });
    const res = await worker.fetch(request, { ...(env as Bindings), [secretName]: undefined }, createExecutionContext());
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: "not_found", message: expect.stringContaining(secretName) } });
  });
});
