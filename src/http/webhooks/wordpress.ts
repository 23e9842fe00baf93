// WordPress via the WP Webhooks plugin: `X-WP-Webhook-Signature: base64(HMAC-SHA256(body, secret))`
// (generate_trigger_signature). No timestamp or delivery id: post id + status + modified time dedupes.
import { z } from "zod";
import type { Intake, Provider } from "./contract";
import { nonEmpty, parsePayload } from "./contract";
import { fromBase64, hmacVerify } from "../../lib/crypto";
import { requireHeader, unauthorized } from "./verify";

const HEADER = "x-wp-webhook-signature";

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

const NOT_ARTICLES = new Set(["attachment", "revision", "nav_menu_item", "wp_block", "wp_template", "wp_template_part", "wp_navigation"]);

export const wordpress: Provider = {
  name: "wordpress",
  secret: "WORDPRESS_WEBHOOK_SECRET",

  async verify(req, secret) {
    const signature = requireHeader(req.headers, HEADER);
    if (!(await hmacVerify(secret, fromBase64(signature.trim()), req.raw))) {
      throw unauthorized(`Invalid ${HEADER}: the body was altered or WORDPRESS_WEBHOOK_SECRET does not match WP Webhooks' trigger secret.`);
    }
    return null;
  },

  classify(payload, req): Intake {
    const { post_id, post, post_permalink } = parsePayload("wordpress", wpPayload, payload);
    // post_delete sends the post as it was; give that trigger's URL ?trigger=post_delete so a force-deleted published post is withdrawn too.
    const trigger = req.url.searchParams.get("trigger");
    const externalId = String(post_id);
    const deliveryKey = `${externalId}:${post.post_status}:${post.post_modified_gmt ?? ""}${trigger ? `:${trigger}` : ""}`;
    const event = trigger ?? `post.${post.post_status}`;
    if (NOT_ARTICLES.has(post.post_type ?? "post")) return { action: "ignore", event, deliveryKey, reason: `${post.post_type} is not an article` };
    // Trash, draft, private, pending, scheduled: not (or no longer) live.
    if (trigger === "post_delete" || post.post_status !== "publish") return { action: "withdraw", event, deliveryKey, externalId };
    return {
      action: "score",
      event,
      deliveryKey,
      article: {
        source: "wordpress",
        external_id: externalId,
        title: nonEmpty(post.post_title),
        html: post.post_content ?? "",
        text: null,
        url: nonEmpty(post_permalink) ?? nonEmpty(post.guid),
        published_at: gmt(post.post_date_gmt),
        updated_at: gmt(post.post_modified_gmt),
        language: null,
      },
    };
  },
};
