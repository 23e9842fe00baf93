// WordPress via the WP Webhooks plugin, two schemes with the one WORDPRESS_WEBHOOK_SECRET:
// - token (current releases, 3.0.1+): an authentication template sends `Authorization: Bearer <secret>`,
//   compared in constant time. Nothing is signed: the token authenticates the whole request.
// - signature (legacy trigger secret, pre-3.0.1 or set by the wpwhpro/admin/webhooks/secret_key filter):
//   `X-WP-Webhook-Signature: base64(HMAC-SHA256(body, secret))`. Only the body is signed, so the
//   trigger name (X-WP-Webhook-Name, ?trigger=) may not decide a withdrawal under this scheme.
// Neither scheme has a timestamp or delivery id: post id + status + modified time dedupes.
import { z } from "zod";
import { ApiError } from "../errors";
import type { Intake, Provider, WebhookRequest } from "./contract";
import { nonEmpty, parsePayload, requireBody, timeOrder } from "./contract";
import { fromBase64, hmacVerify, timingSafeEqualStrings } from "../../lib/crypto";
import { unauthorized } from "./verify";

const SIGNATURE = "x-wp-webhook-signature";
const DELETE_TRIGGERS = new Set(["post_delete"]);

const wpPayload = z.object({
  post_id: z.union([z.number(), z.string()]),
  post: z.object({
    post_title: z.string().nullish(),
    post_content: z.string().nullish(),
    post_status: z.string(),
    post_type: z.string().nullish(),
    post_date_gmt: z.string().nullish(),
    post_modified_gmt: z.string().nullish(),
    guid: z.string().nullish(),
  }),
  post_permalink: z.string().nullish(),
});

/** WordPress stores GMT as "2025-07-19 10:00:00" and "0000-00-00 00:00:00" for never: → ISO 8601 or null. */
function gmt(value: string | null | undefined): string | null {
  if (!value || value.startsWith("0000")) return null;
  return /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(" ", "T")}Z` : value;
}

/** Whether the trigger the plugin names (X-WP-Webhook-Name; ?trigger= in older setups) is a delete: either one counts. */
function isDeleteTrigger(req: WebhookRequest): boolean {
  return [req.headers.get("x-wp-webhook-name"), req.url.searchParams.get("trigger")].some((t) => t !== null && DELETE_TRIGGERS.has(t));
}

const NOT_ARTICLES = new Set(["attachment", "revision", "nav_menu_item", "wp_block", "wp_template", "wp_template_part", "wp_navigation"]);

export const wordpress: Provider = {
  name: "wordpress",
  secret: "WORDPRESS_WEBHOOK_SECRET",
  // Older setups named the trigger in the URL (?trigger=post_delete).
  query: ["trigger"],

  async verify(req, secret) {
    const signature = req.headers.get(SIGNATURE);
    if (signature !== null) {
      if (!(await hmacVerify(secret, fromBase64(signature.trim()), req.raw))) {
        throw unauthorized(
          `Invalid ${SIGNATURE}: the body was altered or WORDPRESS_WEBHOOK_SECRET does not match WP Webhooks' trigger secret.`,
        );
      }
      req.scheme = "signature";
      return null;
    }
    const authorization = req.headers.get("authorization");
    if (authorization === null) {
      throw unauthorized(
        `Missing authorization: add a Bearer-token authentication template (token = WORDPRESS_WEBHOOK_SECRET) to the WP Webhooks trigger URL.`,
      );
    }
    if (!(await timingSafeEqualStrings(authorization.trim(), `Bearer ${secret}`))) {
      throw unauthorized('Invalid Authorization header: expected the authentication template\'s "Bearer <WORDPRESS_WEBHOOK_SECRET>".');
    }
    req.scheme = "token";
    return null;
  },

  classify(payload, req): Intake {
    const { post_id, post, post_permalink } = parsePayload("wordpress", wpPayload, payload);
    const deleting = isDeleteTrigger(req);
    // post_delete sends the post as it was (often still "publish"): only the trigger says it is gone,
    // and under the legacy signature the trigger is not signed — a captured body could be replayed as a delete.
    if (deleting && req.scheme !== "token") {
      throw new ApiError(
        400,
        "validation_failed",
        "wordpress: a post_delete trigger is not covered by the legacy body signature; send it with a Bearer authentication template instead.",
      );
    }
    const externalId = String(post_id);
    const deliveryKey = `${externalId}:${post.post_status}:${post.post_modified_gmt ?? ""}${deleting ? ":post_delete" : ""}`;
    const event = deleting ? "post_delete" : `post.${post.post_status}`;
    const order = timeOrder("wordpress", "post.post_modified_gmt", gmt(post.post_modified_gmt), req.nowMs);
    if (NOT_ARTICLES.has(post.post_type ?? "post"))
      return { action: "ignore", event, deliveryKey, reason: `${post.post_type} is not an article` };
    // Trash, draft, private, pending, scheduled: not (or no longer) live.
    if (deleting || post.post_status !== "publish") return { action: "withdraw", event, deliveryKey, order, externalId };
    return {
      action: "score",
      event,
      deliveryKey,
      order,
      article: requireBody("wordpress", "post.post_content", {
        source: "wordpress",
        external_id: externalId,
        title: nonEmpty(post.post_title),
        html: post.post_content ?? null,
        text: null,
        url: nonEmpty(post_permalink) ?? nonEmpty(post.guid),
        published_at: gmt(post.post_date_gmt),
        updated_at: gmt(post.post_modified_gmt),
        language: null,
      }),
    };
  },
};
