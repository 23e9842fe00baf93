// Configuration checks: which secrets are set but unusable, each with the fix. Reported when the
// isolate starts (src/index.ts), by GET /healthz, and by the webhook route of a misconfigured
// provider (503 not_configured), instead of a generic 500 at the first signed request.
import type { Secrets } from "../env";
import { fromBase64 } from "./crypto";

const whsec = (v: string) =>
  fromBase64(v.replace(/^whsec_/, ""))?.length ? null : "must be whsec_ followed by base64, as the sender prints it";

// Per secret: why a set value cannot work, or null. Unset secrets are not problems (features off).
const CHECKS: Partial<Record<keyof Secrets, (value: string) => string | null>> = {
  STANDARD_WEBHOOK_SECRET: whsec,
  NOTIFY_SECRET: whsec,
  // Contentful's constraints on a signing secret: exactly 64 characters of [0-9a-zA-Z+/=_-].
  CONTENTFUL_WEBHOOK_SECRET: (v) =>
    v.length !== 64
      ? `must be Contentful's 64-character signing secret (this one has ${v.length})`
      : /^[0-9a-zA-Z+/=_-]+$/.test(v)
        ? null
        : "may contain only letters, digits and + / = _ - (Contentful's signing secret alphabet)",
  NOTIFY_URL: (v) => (/^https?:\/\//.test(v) && URL.canParse(v) ? null : "must be an absolute http(s) URL"),
  CMS_EDIT_URLS: (v) => {
    let map: unknown;
    try {
      map = JSON.parse(v);
    } catch {
      return 'must be JSON like {"ghost":"https://news.example/ghost/#/editor/post/{external_id}"}';
    }
    if (!map || typeof map !== "object" || Array.isArray(map)) return "must be a JSON object from article source to edit URL";
    const bad = Object.entries(map).filter(([, t]) => typeof t !== "string" || !/^https:\/\//i.test(t) || !t.includes("{external_id}"));
    return bad.length ? `has edit URLs that are not https URLs containing {external_id} (${bad.map(([k]) => k).join(", ")})` : null;
  },
};

const fix = (name: string) => `fix it with \`wrangler secret put ${name}\` (or in .dev.vars locally)`;

/** The problem with one secret's value, with its fix, or null when it is unset or fine. */
export function secretProblem(name: keyof Secrets, value: string | undefined): string | null {
  const problem = value ? CHECKS[name]?.(value) : null;
  return problem ? `${name} ${problem}: ${fix(name)}.` : null;
}

/** Every configuration problem in `env`, each a sentence with its fix; empty when all is well. */
export function configProblems(env: Secrets): string[] {
  const problems = (Object.keys(CHECKS) as (keyof Secrets)[]).flatMap((name) => secretProblem(name, env[name]) ?? []);
  // A secret without a URL is just "alerts off"; a URL without a secret looks on but sends nothing.
  if (env.NOTIFY_URL && !env.NOTIFY_SECRET) {
    problems.push(`NOTIFY_URL is set but NOTIFY_SECRET is not, so no alert is sent: ${fix("NOTIFY_SECRET")}, or unset NOTIFY_URL.`);
  }
  if (Boolean(env.ACCESS_TEAM_DOMAIN) !== Boolean(env.ACCESS_AUD)) {
    problems.push(
      `Cloudflare Access sign-in needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD (only ${env.ACCESS_AUD ? "ACCESS_AUD" : "ACCESS_TEAM_DOMAIN"} is set), so it is off: set the other in wrangler.toml [vars].`,
    );
  }
  return problems;
}

// Bad integer vars already warned about in this isolate: one warning each, not one per use.
const warnedVars = new Set<string>();

/**
 * An integer var from wrangler.toml `[vars]`: `raw` when it is an integer from `min` to `max`,
 * else `fallback`. Unset or empty falls back silently; any other bad value with one warning per
 * isolate. Never throws: a typo in a var must not stop a cron job or an audit.
 */
export function intVar(name: string, raw: string | number | undefined | null, min: number, max: number, fallback: number): number {
  if (raw === undefined || raw === null) return fallback;
  const text = String(raw).trim();
  if (text === "") return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (n >= min && n <= max) return n;
  if (!warnedVars.has(`${name}=${text}`)) {
    warnedVars.add(`${name}=${text}`);
    console.warn(`${name}=${JSON.stringify(raw)} is not an integer from ${min} to ${max}; using ${fallback}`);
  }
  return fallback;
}
