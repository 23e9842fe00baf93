// Bindings and secrets the Worker sees. Bindings come from wrangler.toml (`wrangler types`);
// secrets are set with `wrangler secret put` (production) or .dev.vars (local).
export interface Secrets {
  API_TOKEN?: string;
  READ_TOKEN?: string;
  // Webhook intake (src/http/webhooks): a provider whose secret is unset answers 404.
  GHOST_WEBHOOK_SECRET?: string;
  SANITY_WEBHOOK_SECRET?: string;
  /** Contentful's signing secret: exactly 64 characters. */
  CONTENTFUL_WEBHOOK_SECRET?: string;
  /** Strapi sends no signature: its webhook must send `Authorization: Bearer <this token>`. */
  STRAPI_WEBHOOK_TOKEN?: string;
  WORDPRESS_WEBHOOK_SECRET?: string;
  /** "whsec_" + base64 (Standard Webhooks). */
  STANDARD_WEBHOOK_SECRET?: string;
  // Outbound alerts (src/jobs/notify.ts): both set, or no alerts.
  NOTIFY_URL?: string;
  /** "whsec_" + base64: alerts are signed per Standard Webhooks with it. */
  NOTIFY_SECRET?: string;
  // Dashboard (src/ui). JSON {source: "https://…{external_id}…"}: the "Edit in CMS" link per source.
  CMS_EDIT_URLS?: string;
  /** Cloudflare Access sign-in: the team domain ("newsroom.cloudflareaccess.com") and the application's AUD tag; both set, or off. */
  ACCESS_TEAM_DOMAIN?: string;
  ACCESS_AUD?: string;
  /** Where Access's signing keys are fetched; defaults to https://<team domain>/cdn-cgi/access/certs (tests point it at loopback). */
  ACCESS_CERTS_URL?: string;
}

export type Bindings = Env & Secrets;
