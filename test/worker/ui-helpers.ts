// Test helpers for the dashboard and export tests: log in through the real form, store runs with
// hand-made evidence (so offsets are known exactly), and read pages as text.
import { env, exports } from "cloudflare:workers";
import type { CheckResult, Evidence, Verdict } from "../../src/engine";
import { currentRuleset } from "../../src/rules";
import { getDb } from "../../src/storage/db";
import { saveRun } from "../../src/storage/runs";

export const ORIGIN = "https://harness.test";

export function fetchPage(path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("cookie", init.cookie);
  return exports.default.fetch(`${ORIGIN}${path}`, { ...init, headers, redirect: "manual" });
}

/** POSTs an urlencoded form the way a browser on our origin does (Origin header set). */
export function postForm(path: string, fields: Record<string, string>, opts: { cookie?: string; origin?: string | null } = {}): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  return fetchPage(path, { method: "POST", body: new URLSearchParams(fields).toString(), headers, cookie: opts.cookie });
}

/** Logs in with a token and returns the `name=value` cookie pair to send back. */
export async function login(token: string): Promise<string> {
  const res = await postForm("/login", { token, next: "/" });
  if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
  return sessionCookie(res)!;
}

export function sessionCookie(res: Response): string | null {
  const header = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="));
  return header ? header.split(";")[0]! : null;
}

/** The per-session CSRF token, read from a rendered form like a browser would submit it. */
export async function csrfToken(cookie: string, path = "/"): Promise<string> {
  const html = await (await fetchPage(path, { cookie })).text();
  const token = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error("no csrf field on the page");
  return token;
}

export function evidence(text: string, quote: string, extra: Partial<Evidence> = {}, from = 0): Evidence {
  const offset = text.indexOf(quote, from);
  if (offset < 0) throw new Error(`quote not in text: ${quote}`);
  return { offset, length: quote.length, quote, found: null, expected: null, replacements: [], attribution: "article", ...extra };
}

/** Stores an article with the given verdicts through the real write path (saveRun). */
export async function storeArticle(opts: { externalId: string; title: string; text: string; verdicts: Verdict[]; url?: string; publishedAt?: string; source?: string }) {
  const counts = { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
  for (const v of opts.verdicts) counts[v.status]++;
  const result: CheckResult = {
    ruleset: { version: currentRuleset().version, rules: opts.verdicts.length },
    score: counts.fail ? 40 : 100,
    outcome: counts.fail ? "fail" : "pass",
    counts,
    verdicts: opts.verdicts,
    as_of: "2025-07-19",
    text: opts.text,
  };
  return saveRun(getDb(env.DB), {
    article: { source: opts.source ?? "test", externalId: opts.externalId, title: opts.title, text: opts.text, url: opts.url ?? null, publishedAt: opts.publishedAt ?? null },
    result,
    ruleset: currentRuleset(),
    trigger: "api",
  });
}

export function verdict(rule: string, status: Verdict["status"], ev: Evidence[]): Verdict {
  return { rule, claim: `claim of ${rule}`, kind: "phrase", severity: "critical", status, evidence: ev };
}

/** Decodes the few entities hono/jsx emits, after stripping tags: the text a reader sees. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
