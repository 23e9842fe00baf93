// The contract every webhook provider module implements (verify exactly as the CMS signs, then
// map its payload to score / withdraw / ignore) and the payload helpers they share.
import type { z } from "zod";
import type { Secrets } from "../../env";
import type { WebhookArticle } from "../../lib/webhook-article";
import { ApiError } from "../errors";

/** What the intake hands a provider: the exact bytes received plus the request around them. */
export interface WebhookRequest {
  raw: Uint8Array;
  headers: Headers;
  method: string;
  url: URL;
  nowMs: number;
  toleranceMs: number;
  /** Set by verify when a provider accepts several schemes (WordPress: "signature" or "token"). */
  scheme?: string;
}

/**
 * What a delivery asks us to do. `deliveryKey` is the dedupe key derived from signed bytes, when the
 * scheme has no signed id of its own. `order` is the CMS's own order of the event (ms since epoch):
 * an article's state only moves to a later order.
 */
export type Intake =
  | { action: "score"; event: string; deliveryKey?: string; order: number; article: WebhookArticle }
  | { action: "withdraw"; event: string; deliveryKey?: string; order: number; externalId: string }
  | { action: "ignore"; event: string; deliveryKey?: string; reason: string };

export interface Provider {
  name: string;
  /** The Worker secret holding this provider's signing secret or token; unset → the route answers 404. */
  secret: keyof Secrets;
  /** Query parameters the webhook URL may carry; any other one is refused (400). */
  query?: string[];
  /** Throws a 401 ApiError unless the request is authentic and fresh; returns the scheme's own signed delivery id, if any. */
  verify(req: WebhookRequest, secret: string): Promise<string | null>;
  /** Maps the verified JSON body to an action; throws a 422 ApiError when a needed field is missing. */
  classify(payload: unknown, req: WebhookRequest): Intake;
}

/** zod-parses a verified payload; a shape we cannot use is the sender's configuration problem → 422. */
export function parsePayload<T extends z.ZodType>(provider: string, schema: T, payload: unknown): z.infer<T> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.join(".") : "body";
  throw new ApiError(422, "validation_failed", `${provider} payload: ${where}: ${issue.message}.`);
}

/** "" and whitespace-only strings carry nothing: treat them as absent. */
export function nonEmpty(s: string | null | undefined): string | null {
  return typeof s === "string" && s.trim() ? s : null;
}

/** Heuristic for free-form body fields (Strapi rich text, Standard payloads): markup → html, else text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-z][a-z0-9-]*(?:\s[^>]*)?>/i.test(s);
}

/**
 * The event order from a CMS timestamp field: ms since epoch. A present but unreadable value is the
 * sender's problem (422); an absent one falls back to the time we received the delivery.
 */
export function timeOrder(provider: string, field: string, value: string | null | undefined, receivedMs: number): number {
  if (value === null || value === undefined || value === "") return receivedMs;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms))
    throw new ApiError(422, "validation_failed", `${provider} payload: ${field}: "${value.slice(0, 40)}" is not an ISO 8601 time.`);
  return ms;
}

/**
 * Refuses a publish with nothing to score (422 naming the field), so an empty or mis-mapped body
 * never replaces a stored article's text. HTML counts as empty when only tags and spaces remain.
 */
export function requireBody(provider: string, field: string, article: WebhookArticle): WebhookArticle {
  const body = article.html ?? article.text ?? "";
  const visible = article.html !== null ? body.replace(/<[^>]*>/g, " ").replace(/&nbsp;|&#160;/g, " ") : body;
  if (!visible.trim()) {
    throw new ApiError(
      422,
      "validation_failed",
      `${provider} payload: ${field}: missing or empty; there is nothing to score. Map the article body to ${field}.`,
    );
  }
  return article;
}

/** How deep a rich-text tree may nest; real documents stay under ~10 levels. */
const MAX_TREE_DEPTH = 64;

interface TreeSpec {
  /** A leaf's text, or null when the node has children to descend into. */
  leaf(node: unknown): string | null;
  children(node: unknown): unknown[];
  /** Inline children run together; when any child is a block, non-empty children become paragraphs. */
  isInline(node: unknown): boolean;
}

/**
 * Rich text (Contentful Rich Text, Strapi blocks) → plain text, walked with an explicit stack so a
 * hostile tree cannot overflow the call stack; deeper than MAX_TREE_DEPTH → 422.
 */
export function flattenTree(provider: string, field: string, roots: unknown[], spec: TreeSpec): string {
  interface Frame {
    kids: unknown[];
    i: number;
    parts: string[];
    blocks: boolean;
  }
  const frame = (kids: unknown[]): Frame => ({ kids, i: 0, parts: [], blocks: kids.some((k) => !spec.isInline(k)) });
  const add = (f: Frame, text: string) => {
    if (!f.blocks || text) f.parts.push(text);
  };
  const stack: Frame[] = [frame(roots)];
  for (;;) {
    const top = stack[stack.length - 1]!;
    if (top.i < top.kids.length) {
      const node = top.kids[top.i++];
      const text = spec.leaf(node);
      if (text !== null) add(top, text);
      else if (stack.length >= MAX_TREE_DEPTH) {
        throw new ApiError(
          422,
          "validation_failed",
          `${provider} payload: ${field}: rich text nested deeper than ${MAX_TREE_DEPTH} levels.`,
        );
      } else stack.push(frame(spec.children(node)));
      continue;
    }
    stack.pop();
    const text = top.parts.join(top.blocks ? "\n\n" : "");
    if (!stack.length) return text;
    add(stack[stack.length - 1]!, text);
  }
}

/** A plain object's property, or undefined (rich-text nodes are untrusted JSON: null, numbers, arrays …). */
export function prop(node: unknown, name: string): unknown {
  return node !== null && typeof node === "object" && !Array.isArray(node) ? (node as Record<string, unknown>)[name] : undefined;
}
