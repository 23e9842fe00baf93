// POST /v1/webhooks/:provider: verify the CMS's signature over the raw body, record the delivery
// (idempotent on the provider's delivery id), enqueue its scoring and answer in milliseconds.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Bindings } from "../../env";
import type { JobMessage } from "../../lib/job-messages";
import { secretProblem } from "../../lib/config";
import { sha256Hex } from "../../lib/crypto";
import { getDb } from "../../storage/db";
import { recordDelivery } from "../../storage/deliveries";
import { ApiError, errorResponse } from "../errors";
import type { Provider, WebhookRequest } from "./contract";
import { findProvider, providers } from "./providers";

/** 1 MiB: far above any article, well under D1's 2 MB row cap for the stored payload. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;
const DEFAULT_TOLERANCE_SECONDS = 300;

export const webhookRoutes = new Hono<{ Bindings: Bindings }>();

function configured(env: Bindings, name: string): { provider: Provider; secret: string } {
  const provider = findProvider(name);
  if (!provider) {
    throw new ApiError(404, "not_found", `Unknown webhook provider "${name}"; use one of: ${Object.keys(providers).join(", ")}.`);
  }
  const secret = env[provider.secret];
  // No secret, no endpoint: an unconfigured provider must not accept unsigned deliveries.
  if (!secret) throw new ApiError(404, "not_found", `Webhook provider "${name}" is not enabled: set the ${provider.secret} secret.`);
  // Set but unusable (a Standard Webhooks secret without whsec_ base64 …): say how to fix it, not 500.
  const problem = secretProblem(provider.secret, secret);
  if (problem) throw new ApiError(503, "not_configured", problem);
  return { provider, secret };
}

/**
 * Enqueues scoring for a recorded delivery. If the queue refuses, the row stays `queued` and we
 * answer 503: the CMS retries, the retry hits the same delivery key and enqueues it again.
 */
async function enqueue(env: Bindings, deliveryId: string): Promise<void> {
  try {
    await env.JOBS.send({ type: "delivery", deliveryId } satisfies JobMessage);
  } catch (err) {
    console.error(`enqueue of delivery ${deliveryId} failed`, err);
    throw new ApiError(503, "unavailable", `Delivery ${deliveryId} was recorded but could not be queued; send it again.`, { "retry-after": "30" });
  }
}

function toleranceMs(env: Bindings): number {
  const seconds = Number(env.WEBHOOK_TOLERANCE_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOLERANCE_SECONDS) * 1000;
}

webhookRoutes.post(
  "/:provider",
  // 404 before reading a byte of an unconfigured provider's body.
  async (c, next) => {
    configured(c.env, c.req.param("provider"));
    await next();
  },
  bodyLimit({
    maxSize: MAX_WEBHOOK_BYTES,
    onError: () => errorResponse(413, "payload_too_large", `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes.`),
  }),
  async (c) => {
    const { provider, secret } = configured(c.env, c.req.param("provider"));
    const req: WebhookRequest = {
      raw: new Uint8Array(await c.req.arrayBuffer()),
      headers: c.req.raw.headers,
      method: c.req.method,
      url: new URL(c.req.url),
      nowMs: Date.now(),
      toleranceMs: toleranceMs(c.env),
    };
    const verifiedKey = await provider.verify(req, secret);

    const text = new TextDecoder().decode(req.raw);
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new ApiError(400, "invalid_json", `The ${provider.name} delivery is signed but its body is not JSON.`);
    }
    const intake = provider.classify(payload, req);
    const deliveryKey = verifiedKey ?? intake.deliveryKey ?? `sha256:${await sha256Hex(text)}`;

    const db = getDb(c.env.DB);
    const base = { provider: provider.name, deliveryKey, event: intake.event };
    const recorded =
      intake.action === "score"
        ? await recordDelivery(db, { ...base, status: "queued", payload: JSON.stringify(intake.article) })
        : intake.action === "withdraw"
          ? await recordDelivery(db, {
              ...base,
              status: "ignored",
              article: { source: provider.name, externalId: intake.externalId },
              withdraw: { source: provider.name, externalId: intake.externalId },
            })
          : await recordDelivery(db, { ...base, status: "ignored" });

    if (!recorded.created) {
      // A CMS retry, or a replay inside the timestamp window: success, so the sender stops, and
      // nothing changes. A delivery still queued is enqueued again (its first enqueue may have failed).
      if (recorded.status === "queued") await enqueue(c.env, recorded.id);
      return c.json({ delivery_id: recorded.id, status: "duplicate", delivery_status: recorded.status }, 200);
    }
    if (intake.action === "score") {
      await enqueue(c.env, recorded.id);
      return c.json({ delivery_id: recorded.id, status: "queued" }, 202);
    }
    if (intake.action === "withdraw") return c.json({ delivery_id: recorded.id, status: "withdrawn", event: intake.event }, 200);
    return c.json({ delivery_id: recorded.id, status: "ignored", event: intake.event, reason: intake.reason }, 200);
  },
);
