// The dashboard answers with its own HTML pages when a page is missing or fails (the API keeps
// its JSON errors), and a set-but-unusable secret is reported with its fix: at /healthz, and as
// 503 not_configured on the webhook route, never a generic 500.
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { app } from "../../src/app";
import type { Bindings } from "../../src/env";
import { configProblems } from "../../src/lib/config";
import { call, expectError, ORIGIN } from "./fixtures/api";
import { fetchPage, login, visibleText } from "./fixtures/ui";

const bindings = env as unknown as Bindings;

describe("dashboard error pages", () => {
  it("serves an HTML not-found page for unknown dashboard paths, with or without a session", async () => {
    for (const cookie of [undefined, await login(env.API_TOKEN)]) {
      const res = await fetchPage("/no/such/page", { cookie });
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
      const text = visibleText(await res.text());
      expect(text).toContain("Page not found");
      expect(text).toContain("/no/such/page");
      // A logged-in visitor keeps the dashboard's header (the logout button).
      if (cookie) expect(text).toContain("Log out");
    }
  });

  it("escapes the path it echoes", async () => {
    const html = await (await fetchPage("/%3Cscript%3Ealert(1)%3C/script%3E")).text();
    expect(html).not.toContain("<script>alert(1)");
  });

  it("leaves the API's misses as JSON: 404 under /v1, 405 on a known path", async () => {
    await expectError(await call("/v1/no-such-thing"), 404, "not_found");
    expect((await call("/v1/score")).headers.get("allow")).toBe("POST");
    await expectError(await call("/v1/score"), 405, "method_not_allowed");
    await expectError(await call("/healthz", { method: "POST", token: null }), 405, "method_not_allowed");
  });

  it("renders a failing page as an HTML 500 that reveals nothing and logs the cause", async () => {
    const cookie = await login(env.API_TOKEN);
    const brokenDb = {
      prepare() {
        throw new Error("D1_ERROR: simulated outage");
      },
      batch() {
        throw new Error("D1_ERROR: simulated outage");
      },
    } as unknown as D1Database;
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await app.fetch(new Request(`${ORIGIN}/`, { headers: { cookie } }), { ...bindings, DB: brokenDb });
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    const text = visibleText(await res.text());
    expect(text).toContain("Something went wrong");
    expect(text).not.toContain("simulated outage");
    expect(logged.mock.calls.some((args) => String(args[1]).includes("simulated outage"))).toBe(true);
    logged.mockRestore();
  });
});

describe("configuration problems", () => {
  it("finds none in the test configuration", () => {
    expect(configProblems(bindings)).toEqual([]);
  });

  it("names each unusable secret with its fix", () => {
    const problems = configProblems({
      STANDARD_WEBHOOK_SECRET: "not base64 !",
      CONTENTFUL_WEBHOOK_SECRET: "too-short",
      NOTIFY_URL: "example.com/hook",
    });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^STANDARD_WEBHOOK_SECRET must be whsec_ followed by base64.*wrangler secret put STANDARD_WEBHOOK_SECRET/);
    expect(problems.some((p) => /^CONTENTFUL_WEBHOOK_SECRET must be .*64-character.*\(this one has 9\)/.test(p))).toBe(true);
    expect(problems.some((p) => /^NOTIFY_URL must be an absolute http\(s\) URL/.test(p))).toBe(true);
    expect(problems.some((p) => /NOTIFY_URL is set but NOTIFY_SECRET is not/.test(p))).toBe(true);
  });

  it("checks a Contentful secret's alphabet as well as its length", () => {
    expect(configProblems({ CONTENTFUL_WEBHOOK_SECRET: "a".repeat(63) + "!" })).toEqual([
      expect.stringMatching(/^CONTENTFUL_WEBHOOK_SECRET may contain only/),
    ]);
    expect(configProblems({ CONTENTFUL_WEBHOOK_SECRET: "aZ09+/=_-".padEnd(64, "x") })).toEqual([]);
  });

  it("answers a webhook for a misconfigured provider with 503 not_configured and the fix, not a 500", async () => {
    const req = new Request(`${ORIGIN}/v1/webhooks/standard`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const res = await app.fetch(req, { ...bindings, STANDARD_WEBHOOK_SECRET: "whsec_!!not-base64!!" });
    expect(await expectError(res, 503, "not_configured")).toMatch(/STANDARD_WEBHOOK_SECRET .*wrangler secret put STANDARD_WEBHOOK_SECRET/);
  });

  it("reports problems on /healthz as a 503 that lists them", async () => {
    const ok = await app.fetch(new Request(`${ORIGIN}/healthz`), bindings);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { config: string[] }).config).toEqual([]);
    const bad = await app.fetch(new Request(`${ORIGIN}/healthz`), { ...bindings, NOTIFY_URL: "not a url" });
    expect(bad.status).toBe(503);
    const body = (await bad.json()) as { ok: boolean; db: string; config: string[] };
    expect(body).toMatchObject({ ok: false, db: "ok" });
    expect(body.config).toEqual([expect.stringMatching(/^NOTIFY_URL must be an absolute http\(s\) URL/)]);
  });
});
