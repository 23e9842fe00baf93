// Contentful request verification as in @contentful/node-apps-toolkit: hex HMAC-SHA256 over
// "METHOD\npath\nname:value;…(signed headers, sorted)\nbody", timestamp in ms, UTF-8 secret.
import { z } from "zod";
import { ApiError } from "../errors";
import type { Intake, Provider } from "./contract";
import { flattenTree, nonEmpty, parsePayload, prop, requireBody, timeOrder } from "./contract";
import { concatBytes, fromHex, hmacVerify, utf8 } from "../../lib/crypto";
import { assertFresh, requireHeader, unauthorized } from "./verify";

const SIGNATURE = "x-contentful-signature";
const SIGNED_HEADERS = "x-contentful-signed-headers";
const TIMESTAMP = "x-contentful-timestamp";
const TOPIC = "x-contentful-topic";
const IDEMPOTENCY = "x-contentful-idempotency-key";
const PREFERRED_LOCALE = "en-US";

const localeMap = z.record(z.string(), z.unknown());

const entry = z.object({
  sys: z.object({
    id: z.string().min(1),
    type: z.string().optional(),
    version: z.number().optional(),
    revision: z.number().optional(),
    updatedAt: z.string().nullish(),
    publishedAt: z.string().nullish(),
    deletedAt: z.string().nullish(),
    archivedAt: z.string().nullish(),
    firstPublishedAt: z.string().nullish(),
  }),
  fields: z.record(z.string(), localeMap).default({}),
});

/** The toolkit's getNormalizedEncodedURI: the query string is escaped, then the whole path encodeURI'd. */
function canonicalPath(url: URL): string {
  const search = url.search.slice(1);
  return encodeURI(search ? `${url.pathname}?${encodeURIComponent(search)}` : url.pathname);
}

/** A field's value in the preferred locale, else its first locale (fields arrive as { "en-US": value }). */
function pick(fields: Record<string, Record<string, unknown>>, name: string): { value: unknown; locale: string } | null {
  const map = fields[name];
  if (!map) return null;
  const locale = PREFERRED_LOCALE in map ? PREFERRED_LOCALE : Object.keys(map)[0];
  return locale === undefined ? null : { value: map[locale], locale };
}

const INLINE = new Set(["text", "hyperlink", "entry-hyperlink", "asset-hyperlink", "resource-hyperlink", "embedded-entry-inline"]);

/** Rich Text document → plain text: blocks become paragraphs, inline nodes run together, embeds carry no prose. */
export function richTextToText(document: unknown, field = "body"): string {
  return flattenTree("contentful", `fields.${field}`, [document], {
    leaf(node) {
      const type = prop(node, "nodeType");
      if (type === "text") return typeof prop(node, "value") === "string" ? (prop(node, "value") as string) : "";
      if (typeof type === "string" && type.startsWith("embedded-")) return "";
      return Array.isArray(prop(node, "content")) ? null : "";
    },
    children: (node) => prop(node, "content") as unknown[],
    isInline: (node) => INLINE.has(String(prop(node, "nodeType"))),
  });
}

function asText(value: unknown, field: string): string | null {
  if (typeof value === "string") return value;
  if (prop(value, "nodeType") === "document") return richTextToText(value, field);
  return null;
}

export const contentful: Provider = {
  name: "contentful",
  secret: "CONTENTFUL_WEBHOOK_SECRET",

  async verify(req, secret) {
    const signature = requireHeader(req.headers, SIGNATURE);
    const signed = requireHeader(req.headers, SIGNED_HEADERS)
      .split(",")
      .map((h) => h.trim().toLowerCase());
    const timestamp = requireHeader(req.headers, TIMESTAMP);
    // The timestamp must be covered by the signature, or a replay could simply refresh it.
    if (!signed.includes(TIMESTAMP) || !signed.includes(SIGNED_HEADERS)) {
      throw unauthorized(`${SIGNED_HEADERS} must list ${TIMESTAMP} and ${SIGNED_HEADERS}.`);
    }
    // Like the toolkit: signed headers sorted by name; the signed-headers value is that sorted list.
    const names = [...new Set(signed)].sort((a, b) => (a > b ? 1 : -1));
    const lines = names.map((name) => {
      const value = name === SIGNED_HEADERS ? names.join(",") : req.headers.get(name);
      if (value === null) throw unauthorized(`Signed header ${name} is missing from the request.`);
      return `${name}:${value.trim()}`;
    });
    const canonical = `${req.method.toUpperCase()}\n${canonicalPath(req.url)}\n${lines.join(";")}\n`;
    if (!(await hmacVerify(secret, fromHex(signature.trim()), concatBytes(utf8(canonical), req.raw)))) {
      throw unauthorized(
        `Invalid ${SIGNATURE}: the body or a signed header was altered, or CONTENTFUL_WEBHOOK_SECRET does not match the space's signing secret.`,
      );
    }
    assertFresh(Number(timestamp), req.nowMs, req.toleranceMs, TIMESTAMP);
    // Only signed headers may decide anything: the topic picks publish vs unpublish, the key dedupes.
    if (!names.includes(TOPIC))
      throw unauthorized(`${SIGNED_HEADERS} must list ${TOPIC}: an unsigned topic could turn a publish into an unpublish.`);
    return names.includes(IDEMPOTENCY) ? req.headers.get(IDEMPOTENCY) : null;
  },

  classify(payload, req): Intake {
    const topic = req.headers.get(TOPIC);
    if (!topic) throw new ApiError(422, "validation_failed", "contentful delivery without X-Contentful-Topic header.");
    const [, type, action] = topic.split(".");
    const event = `${type}.${action}`;
    if (type !== "Entry") return { action: "ignore", event, reason: "only entries are checked" };
    const { sys, fields } = parsePayload("contentful", entry, payload);
    // Ordered by time, not sys.version: an unpublish/delete sends a DeletedEntry tombstone whose
    // counters are not comparable with the entry's version, but its deletedAt is.
    const withdraw = action === "unpublish" || action === "delete" || action === "archive";
    const order = withdraw
      ? timeOrder("contentful", "sys.deletedAt", sys.deletedAt ?? sys.archivedAt ?? sys.updatedAt, req.nowMs)
      : timeOrder("contentful", "sys.publishedAt", sys.publishedAt ?? sys.updatedAt, req.nowMs);
    const deliveryKey = `${topic}:${sys.id}:${sys.version ?? sys.revision ?? ""}:${order}`;
    if (withdraw) return { action: "withdraw", event, deliveryKey, order, externalId: sys.id };
    if (action !== "publish") return { action: "ignore", event, deliveryKey, reason: "entries are checked when published" };
    const bodyField = "body" in fields ? "body" : "content" in fields ? "content" : "body";
    const body = pick(fields, bodyField);
    const title = pick(fields, "title");
    const url = pick(fields, "url");
    return {
      action: "score",
      event,
      deliveryKey,
      order,
      article: requireBody("contentful", `fields.${bodyField}`, {
        source: "contentful",
        external_id: sys.id,
        title: typeof title?.value === "string" ? nonEmpty(title.value) : null,
        html: null,
        text: asText(body?.value, bodyField),
        url: typeof url?.value === "string" ? nonEmpty(url.value) : null,
        published_at: nonEmpty(sys.firstPublishedAt) ?? nonEmpty(sys.publishedAt),
        updated_at: nonEmpty(sys.updatedAt),
        language: body ? body.locale.split("-")[0]! : null,
      }),
    };
  },
};
