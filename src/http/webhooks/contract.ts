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
}

/** What a delivery asks us to do. `deliveryKey` is the payload-derived dedupe key, when the scheme has no id of its own. */
export type Intake =
  | { action: "score"; event: string; deliveryKey?: string; article: WebhookArticle }
  | { action: "withdraw"; event: string; deliveryKey?: string; externalId: string }
  | { action: "ignore"; event: string; deliveryKey?: string; reason: string };

export interface Provider {
  name: string;
  /** The Worker secret holding this provider's signing secret or token; unset → the route answers 404. */
  secret: keyof Secrets;
  /** Throws a 401 ApiError unless the request is authentic and fresh; returns the scheme's own delivery id, if any. */
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
