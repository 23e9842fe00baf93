// Ghost: `X-Ghost-Signature: sha256=<hex HMAC-SHA256(secret, body + t)>, t=<ms>` as computed in
// Ghost's webhook-trigger.js. Ghost sends no delivery id, so the signature + timestamp is one.
import { z } from "zod";
import type { Intake, Provider } from "./contract";
import { nonEmpty, parsePayload, requireBody, timeOrder } from "./contract";
import { concatBytes, fromHex, hmacVerify, utf8 } from "../../lib/crypto";
import { assertFresh, requireHeader, unauthorized } from "./verify";

const HEADER = "x-ghost-signature";

const ghostPost = z.object({
  id: z.string().min(1),
  title: z.string().nullish(),
  html: z.string().nullish(),
  plaintext: z.string().nullish(),
  status: z.string().nullish(),
  url: z.string().nullish(),
  published_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});

const ghostPayload = z.object({
  post: z
    .object({
      current: z.record(z.string(), z.unknown()).default({}),
      previous: z.record(z.string(), z.unknown()).default({}),
    })
    .optional(),
});

export const ghost: Provider = {
  name: "ghost",
  secret: "GHOST_WEBHOOK_SECRET",

  async verify(req, secret) {
    const header = requireHeader(req.headers, HEADER);
    const match = /^sha256=([0-9a-f]+),\s*t=(\d+)$/i.exec(header.trim());
    if (!match) throw unauthorized(`Malformed ${HEADER} header: expected "sha256=<hex>, t=<ms>".`);
    const [, hex, t] = match as unknown as [string, string, string];
    if (!(await hmacVerify(secret, fromHex(hex), concatBytes(req.raw, utf8(t))))) {
      throw unauthorized(
        `Invalid ${HEADER}: the body was altered or GHOST_WEBHOOK_SECRET does not match the integration's webhook secret.`,
      );
    }
    // Checked after the signature so a forged header cannot probe the clock.
    assertFresh(Number(t), req.nowMs, req.toleranceMs, `${HEADER} t=`);
    return `${t}:${hex.toLowerCase()}`;
  },

  classify(payload, req): Intake {
    const body = parsePayload("ghost", ghostPayload, payload);
    if (!body.post) {
      const kind = payload && typeof payload === "object" ? (Object.keys(payload)[0] ?? "unknown") : "unknown";
      return { action: "ignore", event: kind, reason: "only post events are checked" };
    }
    const { current, previous } = body.post;
    if (!("id" in current)) {
      // post.deleted: current is empty and previous holds the post as it last was.
      const gone = parsePayload(
        "ghost",
        z.object({ post: z.object({ previous: ghostPost.pick({ id: true, updated_at: true }) }) }),
        payload,
      ).post.previous;
      const order = timeOrder("ghost", "post.previous.updated_at", gone.updated_at, req.nowMs);
      return { action: "withdraw", event: "post.deleted", order, externalId: gone.id };
    }
    const post = parsePayload("ghost", z.object({ post: z.object({ current: ghostPost }) }), payload).post.current;
    const order = timeOrder("ghost", "post.current.updated_at", post.updated_at, req.nowMs);
    const wasPublished = previous.status === "published";
    if (post.status !== "published") {
      return wasPublished
        ? { action: "withdraw", event: "post.unpublished", order, externalId: post.id }
        : { action: "ignore", event: `post.${post.status ?? "edited"}`, reason: "drafts and scheduled posts are checked when published" };
    }
    const html = nonEmpty(post.html);
    return {
      action: "score",
      event: "status" in previous && !wasPublished ? "post.published" : "post.published.edited",
      order,
      article: requireBody("ghost", "post.current.html", {
        source: "ghost",
        external_id: post.id,
        title: nonEmpty(post.title),
        html,
        text: html ? null : (post.plaintext ?? null),
        url: nonEmpty(post.url),
        published_at: nonEmpty(post.published_at),
        updated_at: nonEmpty(post.updated_at),
        language: null,
      }),
    };
  },
};
