// Standard Webhooks (Payload CMS, custom CMSs): `webhook-signature: v1,<base64 HMAC-SHA256(key, "id.ts.body")>`
// with the base64-decoded whsec_ key, `webhook-timestamp` in seconds, `webhook-id` as the delivery id.
import { z } from "zod";
import type { Intake, Provider } from "./contract";
import { nonEmpty, parsePayload, requireBody, timeOrder } from "./contract";
import { concatBytes, fromBase64, hmacVerify, standardKey, utf8 } from "../../lib/crypto";
import { assertFresh, requireHeader, unauthorized } from "./verify";

// The payload contract for `standard` senders: { type, timestamp, data: <article> }.
const standardPayload = z.object({
  type: z.string(),
  /** When the event happened (ISO 8601), per the Standard Webhooks payload convention: orders state changes. */
  timestamp: z.string().nullish(),
  data: z
    .object({
      id: z.union([z.string().min(1), z.number()]),
      title: z.string().nullish(),
      html: z.string().nullish(),
      text: z.string().nullish(),
      url: z.string().nullish(),
      published_at: z.string().nullish(),
      updated_at: z.string().nullish(),
      language: z.string().nullish(),
    })
    .optional(),
});

const SCORE = new Set(["article.published", "article.updated"]);
const WITHDRAW = new Set(["article.unpublished", "article.deleted"]);

export const standard: Provider = {
  name: "standard",
  secret: "STANDARD_WEBHOOK_SECRET",

  async verify(req, secret) {
    const id = requireHeader(req.headers, "webhook-id");
    const timestamp = requireHeader(req.headers, "webhook-timestamp");
    const signatures = requireHeader(req.headers, "webhook-signature");
    if (!/^\d+$/.test(timestamp)) throw unauthorized("Malformed webhook-timestamp: expected integer seconds.");
    const key = standardKey(secret);
    const signed = concatBytes(utf8(`${id}.${timestamp}.`), req.raw);
    // The header lists space-separated "version,signature" pairs (several during key rotation); any v1 match wins.
    let valid = false;
    for (const entry of signatures.trim().split(/\s+/)) {
      const [version, sig] = entry.split(",", 2);
      if (version === "v1" && sig && (await hmacVerify(key, fromBase64(sig), signed))) {
        valid = true;
        break;
      }
    }
    if (!valid)
      throw unauthorized(
        "Invalid webhook-signature: no v1 signature matches; the body, id or timestamp was altered, or STANDARD_WEBHOOK_SECRET differs.",
      );
    assertFresh(Number(timestamp) * 1000, req.nowMs, req.toleranceMs, "webhook-timestamp");
    return id;
  },

  classify(payload, req): Intake {
    const { type, timestamp, data } = parsePayload("standard", standardPayload, payload);
    if (!data || (!SCORE.has(type) && !WITHDRAW.has(type))) {
      return { action: "ignore", event: type, reason: "only article.published/updated/unpublished/deleted are handled" };
    }
    const externalId = String(data.id);
    const order = timeOrder("standard", timestamp ? "timestamp" : "data.updated_at", timestamp ?? data.updated_at, req.nowMs);
    if (WITHDRAW.has(type)) return { action: "withdraw", event: type, order, externalId };
    const html = data.html != null;
    const body = data.html ?? data.text ?? null;
    return {
      action: "score",
      event: type,
      order,
      article: requireBody("standard", html ? "data.html" : "data.text", {
        source: "standard",
        external_id: externalId,
        title: nonEmpty(data.title),
        html: html ? body : null,
        text: html ? null : body,
        url: nonEmpty(data.url),
        published_at: nonEmpty(data.published_at),
        updated_at: nonEmpty(data.updated_at),
        language: nonEmpty(data.language),
      }),
    };
  },
};
