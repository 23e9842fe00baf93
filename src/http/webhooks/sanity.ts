// Sanity (GROQ-powered webhooks): `sanity-webhook-signature: t=<ms>,v1=<base64url HMAC-SHA256(secret, "t.body")>`
// as @sanity/webhook computes it. Body = your projection. Only the body is signed, so the operation
// and the dedupe key come from it ("operation": delta::operation(), _rev), never from headers.
import { z } from "zod";
import { ApiError } from "../errors";
import type { Intake, Provider } from "./contract";
import { nonEmpty, parsePayload, requireBody, timeOrder } from "./contract";
import { concatBytes, fromBase64, hmacVerify, utf8 } from "../../lib/crypto";
import { assertFresh, requireHeader, unauthorized } from "./verify";

const HEADER = "sanity-webhook-signature";

const portableText = z.array(
  z.object({ _type: z.string().optional(), children: z.array(z.object({ text: z.string().optional() })).optional() }),
);

// Accepts the recommended projection ({ id, title, url, body, publishedAt, updatedAt }) and the whole document (_id, _updatedAt …).
const sanityDoc = z.object({
  _id: z.string().optional(),
  id: z.string().optional(),
  title: z.string().nullish(),
  body: z.union([portableText, z.string()]).nullish(),
  url: z.string().nullish(),
  publishedAt: z.string().nullish(),
  updatedAt: z.string().nullish(),
  _updatedAt: z.string().nullish(),
  _rev: z.string().nullish(),
  operation: z.enum(["create", "update", "delete"]).nullish(),
  language: z.string().nullish(),
});

/** Portable Text → plain text: one paragraph per block, spans concatenated; images and embeds carry no prose. */
export function portableTextToText(blocks: z.infer<typeof portableText>): string {
  return blocks
    .filter((b) => (b._type ?? "block") === "block" && b.children)
    .map((b) => b.children!.map((s) => s.text ?? "").join(""))
    .join("\n\n");
}

export const sanity: Provider = {
  name: "sanity",
  secret: "SANITY_WEBHOOK_SECRET",

  async verify(req, secret) {
    const header = requireHeader(req.headers, HEADER);
    const match = /^t=(\d+)[, ]+v1=([^, ]+)$/.exec(header.trim());
    if (!match) throw unauthorized(`Malformed ${HEADER} header: expected "t=<ms>,v1=<signature>".`);
    const [, t, sig] = match as unknown as [string, string, string];
    if (!(await hmacVerify(secret, fromBase64(sig), concatBytes(utf8(`${t}.`), req.raw)))) {
      throw unauthorized(`Invalid ${HEADER}: the body was altered or SANITY_WEBHOOK_SECRET does not match the webhook's secret.`);
    }
    assertFresh(Number(t), req.nowMs, req.toleranceMs, `${HEADER} t=`);
    // Not the idempotency-key header: it is outside the signature, so a replay could pick a fresh one.
    return `${t}:${sig}`;
  },

  classify(payload, req): Intake {
    const doc = parsePayload("sanity", sanityDoc, payload);
    const id = doc.id ?? doc._id;
    if (!id)
      throw new ApiError(
        422,
        "validation_failed",
        'sanity payload: _id: no document id; include _id (or "id": _id) in the webhook projection.',
      );
    const operation = doc.operation;
    if (!operation) {
      throw new ApiError(
        422,
        "validation_failed",
        'sanity payload: operation: missing; add "operation": delta::operation() to the webhook projection (the sanity-operation header is not signed).',
      );
    }
    const header = req.headers.get("sanity-operation");
    if (header !== null && header !== operation)
      throw unauthorized(`The sanity-operation header (${header}) contradicts the signed operation (${operation}).`);
    const event = `document.${operation}`;
    const order = timeOrder("sanity", doc._updatedAt ? "_updatedAt" : "updatedAt", doc._updatedAt ?? doc.updatedAt, req.nowMs);
    // _rev names a document revision; with the operation it identifies the event across retries.
    const deliveryKey = doc._rev ? `${operation}:${id}:${doc._rev}` : undefined;
    // Drafts and release versions are not published content.
    if (/^(drafts|versions)\./.test(id))
      return { action: "ignore", event, deliveryKey, reason: "draft documents are checked when published" };
    if (operation === "delete") return { action: "withdraw", event, deliveryKey, order, externalId: id };
    return {
      action: "score",
      event,
      deliveryKey,
      order,
      article: requireBody("sanity", "body", {
        source: "sanity",
        external_id: id,
        title: nonEmpty(doc.title),
        html: null,
        text: typeof doc.body === "string" ? doc.body : doc.body ? portableTextToText(doc.body) : null,
        // Sanity documents carry no URL: project one, e.g. "url": "https://example.com/" + slug.current.
        url: nonEmpty(doc.url),
        published_at: nonEmpty(doc.publishedAt) ?? nonEmpty(doc._updatedAt),
        updated_at: nonEmpty(doc.updatedAt) ?? nonEmpty(doc._updatedAt),
        language: nonEmpty(doc.language),
      }),
    };
  },
};
