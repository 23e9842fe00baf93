// POST /v1/webhooks/:provider: verify the CMS's signature over the raw body, record the delivery
// (idempotent on the provider's delivery id), enqueue its scoring and answer in milliseconds.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Bindings } from "../../env";
import type { JobMessage } from "../../lib/job-messages";
import { secretProblem } from "../../lib/config";
import { sha256Hex } from "../../lib/crypto";
import { recordWithdrawal } from "../../storage/article-states";
import { getDb } from "../../storage/db";
import { recordDelivery } from "../../storage/deliveries";
import { ApiError, errorResponse } from "../errors";
import { decodeUtf8, hasLoneSurrogate, replaceLoneSurrogates } from "../text-input";
import { validationError } from "../validation";
import type { Intake, Provider, WebhookRequest } from "./contract";
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
    throw new ApiError(503, "unavailable", `Delivery ${deliveryId} was recorded but could not be queued; send it again.`, {
      "retry-after": "30",
    });
  }
}

function toleranceMs(env: Bindings): number {
  const seconds = Number(env.WEBHOOK_TOLERANCE_SECONDS);
  return (Number.isFinite(seconds) && seconds > 0 ? seconds : DEFAULT_TOLERANCE_SECONDS) * 1000;
}

webhookRoutes.post(
  "/:provider",
  // 404 before reading a byte of an unconfigured provider's body; unknown query parameters → 400.
  async (c, next) => {
    const { provider } = configured(c.env, c.req.param("provider"));
    const unknown = Object.keys(c.req.query()).filter((name) => !(provider.query ?? []).includes(name));
    if (unknown.length) throw validationError(unknown.map((name) => `${name}: unknown query parameter`).join("; "));
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

    const text = decodeUtf8(req.raw);
    if (text === null)
      throw new ApiError(
        400,
        "invalid_json",
        `The ${provider.name} delivery is signed but its body is not valid UTF-8 (JSON must be UTF-8).`,
      );
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new ApiError(400, "invalid_json", `The ${provider.name} delivery is signed but its body is not JSON.`);
    }
    const intake = wellFormed(provider.name, provider.classify(payload, req));
    // The classified key comes from signed bytes; the scheme's id is next; the body's hash last.
    const deliveryKey = intake.deliveryKey ?? verifiedKey ?? `sha256:${await sha256Hex(text)}`;

    const db = getDb(c.env.DB);
    const base = { provider: provider.name, deliveryKey, event: intake.event };
    if (intake.action === "withdraw") {
      const recorded = await recordWithdrawal(db, {
        ...base,
        key: { source: provider.name, externalId: intake.externalId },
        order: intake.order,
      });
      if (!recorded.created) return c.json({ delivery_id: recorded.id, status: "duplicate", delivery_status: recorded.status }, 200);
      return recorded.status === "withdrawn"
        ? c.json({ delivery_id: recorded.id, status: "withdrawn", event: intake.event }, 200)
        : c.json({ delivery_id: recorded.id, status: "ignored", event: intake.event, reason: recorded.reason }, 200);
    }
    const recorded =
      intake.action === "score"
        ? await recordDelivery(db, { ...base, status: "queued", eventOrder: intake.order, payload: JSON.stringify(intake.article) })
        : await recordDelivery(db, { ...base, status: "ignored", reason: intake.reason });

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
    return c.json({ delivery_id: recorded.id, status: "ignored", event: intake.event, reason: intake.reason }, 200);
  },
);

/**
 * Lone UTF-16 surrogates cannot be stored as UTF-8, so D1 would alter the text under every evidence
 * offset: prose fields get U+FFFD in their place (same length) before scoring, and an external id
 * with one is refused, so two distinct invalid ids never merge into one article.
 */
function wellFormed(provider: string, intake: Intake): Intake {
  const id = intake.action === "score" ? intake.article.external_id : intake.action === "withdraw" ? intake.externalId : null;
  if (id !== null && hasLoneSurrogate(id)) {
    throw new ApiError(
      422,
      "validation_failed",
      `${provider} payload: the article id contains an unpaired UTF-16 surrogate; send well-formed text.`,
    );
  }
  if (intake.action !== "score") return intake;
  const a = intake.article;
  const fix = replaceLoneSurrogates;
  return {
    ...intake,
    article: { ...a, title: fix(a.title), html: fix(a.html), text: fix(a.text), url: fix(a.url), language: fix(a.language) },
  };
}
