// Sanity (GROQ-powered webhooks): `sanity-webhook-signature: t=<ms>,v1=<base64url HMAC-SHA256(secret, "t.body")>`
// as @sanity/webhook computes it; `idempotency-key` names the delivery. Body = your projection.
import { z } from "zod";
import { ApiError } from "../errors";
import type { Intake, Provider } from "./contract";
import { nonEmpty, parsePayload } from "./contract";
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
    return req.headers.get("idempotency-key") ?? `${t}:${sig}`;
  },

  classify(payload, req): Intake {
    const doc = parsePayload("sanity", sanityDoc, payload);
    const id = doc.id ?? doc._id ?? req.headers.get("sanity-document-id");
    if (!id) throw new ApiError(422, "validation_failed", "sanity payload: no document id; include _id (or \"id\": _id) in the webhook projection.");
    const operation = req.headers.get("sanity-operation") ?? "update";
    const event = `document.${operation}`;
    // Drafts and release versions are not published content.
    if (/^(drafts|versions)\./.test(id)) return { action: "ignore", event, reason: "draft documents are checked when published" };
    if (operation === "delete") return { action: "withdraw", event, externalId: id };
    return {
      action: "score",
      event,
      article: {
        source: "sanity",
        external_id: id,
        title: nonEmpty(doc.title),
        html: null,
        text: typeof doc.body === "string" ? doc.body : portableTextToText(doc.body ?? []),
        // Sanity documents carry no URL: project one, e.g. "url": "https://example.com/" + slug.current.
        url: nonEmpty(doc.url),
        published_at: nonEmpty(doc.publishedAt) ?? nonEmpty(doc._updatedAt),
        updated_at: nonEmpty(doc.updatedAt) ?? nonEmpty(doc._updatedAt),
        language: nonEmpty(doc.language),
      },
    };
  },
};
