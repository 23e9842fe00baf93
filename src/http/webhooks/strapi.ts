// Strapi: no signature exists, so the webhook's configured `Authorization: Bearer <token>`
// header is compared in constant time. No timestamp or delivery id: event + entry + updatedAt dedupes.
import { z } from "zod";
import type { Intake, Provider } from "./contract";
import { flattenTree, looksLikeHtml, nonEmpty, parsePayload, prop, requireBody, timeOrder } from "./contract";
import { timingSafeEqualStrings } from "../../lib/crypto";
import { requireHeader, unauthorized } from "./verify";

const strapiPayload = z.object({
  event: z.string().optional(),
  model: z.string().optional(),
  entry: z
    .object({
      id: z.union([z.number(), z.string()]),
      documentId: z.string().optional(),
      updatedAt: z.string().nullish(),
      publishedAt: z.string().nullish(),
      locale: z.string().nullish(),
    })
    .catchall(z.unknown())
    .optional(),
});

const INLINE = new Set(["text", "link"]);

/** Strapi 5 "blocks" rich text → plain text: blocks become paragraphs, inline runs join, images carry no prose. */
export function blocksToText(nodes: unknown[], field = "entry.content"): string {
  return flattenTree("strapi", field, nodes, {
    leaf(node) {
      if (prop(node, "type") === "text") return typeof prop(node, "text") === "string" ? (prop(node, "text") as string) : "";
      return Array.isArray(prop(node, "children")) ? null : "";
    },
    children: (node) => prop(node, "children") as unknown[],
    isInline: (node) => INLINE.has(String(prop(node, "type"))),
  });
}

const firstString = (entry: Record<string, unknown>, names: string[]): string | null => {
  for (const name of names) if (typeof entry[name] === "string" && entry[name]) return entry[name] as string;
  return null;
};

export const strapi: Provider = {
  name: "strapi",
  secret: "STRAPI_WEBHOOK_TOKEN",

  async verify(req, token) {
    const header = requireHeader(req.headers, "authorization");
    if (!(await timingSafeEqualStrings(header.trim(), `Bearer ${token}`))) {
      throw unauthorized('Invalid Authorization header: expected the webhook\'s configured "Bearer <STRAPI_WEBHOOK_TOKEN>".');
    }
    return null;
  },

  classify(payload, req): Intake {
    const body = parsePayload("strapi", strapiPayload, payload);
    const event = body.event ?? req.headers.get("x-strapi-event") ?? "unknown";
    if (!event.startsWith("entry.") || !body.entry) return { action: "ignore", event, reason: "only entry events are checked" };
    const { entry } = body;
    const model = body.model ?? "entry";
    const externalId = `${model}:${entry.documentId ?? entry.id}`;
    const deliveryKey = `${event}:${externalId}:${entry.updatedAt ?? ""}`;
    const order = timeOrder("strapi", "entry.updatedAt", entry.updatedAt, req.nowMs);
    if (event === "entry.unpublish" || event === "entry.delete") return { action: "withdraw", event, deliveryKey, order, externalId };
    // With Draft & Publish on, create/update fire for drafts (publishedAt null); without it every entry is live.
    const live = event === "entry.publish" || ((event === "entry.create" || event === "entry.update") && entry.publishedAt !== null);
    if (!live) return { action: "ignore", event, deliveryKey, reason: "drafts are checked when published" };
    const field = ["content", "body", "text"].find((name) => entry[name] !== undefined && entry[name] !== null) ?? "content";
    const rich = entry[field];
    const text = Array.isArray(rich) ? blocksToText(rich, `entry.${field}`) : typeof rich === "string" ? rich : null;
    const html = !Array.isArray(rich) && text !== null && looksLikeHtml(text);
    return {
      action: "score",
      event,
      deliveryKey,
      order,
      article: requireBody("strapi", `entry.${field}`, {
        source: "strapi",
        external_id: externalId,
        title: firstString(entry, ["title", "headline", "name"]),
        html: html ? text : null,
        text: html ? null : text,
        url: firstString(entry, ["url"]),
        published_at: nonEmpty(entry.publishedAt),
        updated_at: nonEmpty(entry.updatedAt),
        language: nonEmpty(entry.locale),
      }),
    };
  },
};
