// Auth (API token, read token, none, wrong, unconfigured) and every error path of the API:
// each answers the JSON error shape with the right status and code, never a 500 for bad input.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { call, expectError, ORIGIN, READ, WRITE } from "./fixtures/api";

const article = { text: "CECOT is in Tecoluca, El Salvador." };

describe("auth", () => {
  it("refuses a request without a token with 401 and a Bearer challenge", async () => {
    const res = await call("/v1/articles", { token: null });
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await expectError(res, 401, "unauthorized")).toMatch(/Authorization/);
  });

  it("refuses a wrong token, a wrong scheme and a malformed header with 401", async () => {
    await expectError(await call("/v1/articles", { token: "not-the-token" }), 401, "unauthorized");
    await expectError(await call("/v1/articles", { token: null, headers: { authorization: `Basic ${btoa("a:b")}` } }), 401, "unauthorized");
    await expectError(await call("/v1/articles", { token: null, headers: { authorization: "Bearer two words" } }), 401, "unauthorized");
    await expectError(await call("/v1/score", { token: WRITE.slice(0, -1), body: article }), 401, "unauthorized");
  });

  it("lets the API token read and write", async () => {
    expect((await call("/v1/articles")).status).toBe(200);
    expect((await call("/v1/score?dry_run=true", { body: article })).status).toBe(200);
  });

  it("lets the read token GET and HEAD but not POST (403 forbidden)", async () => {
    expect((await call("/v1/articles", { token: READ })).status).toBe(200);
    expect((await call("/v1/rules", { token: READ })).status).toBe(200);
    const head = await call("/v1/articles", { token: READ, method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    const message = await expectError(await call("/v1/score", { token: READ, body: article }), 403, "forbidden");
    expect(message).toMatch(/read-only/);
  });

  it("checks the token before anything else: no body is parsed for an unauthenticated caller", async () => {
    await expectError(await call("/v1/score", { token: null, body: "{not json", type: "application/json" }), 401, "unauthorized");
  });

  it("leaves /v1/webhooks/* to the webhook handlers (they verify CMS signatures, not bearer tokens)", async () => {
    const res = await call("/v1/webhooks/no-such-cms", { token: null, method: "POST", body: "{}", type: "application/json" });
    expect(res.status).not.toBe(401);
    expect(res.status).toBeLessThan(500);
  });

  it("closes the API with 503 not_configured when the API_TOKEN secret is missing", async () => {
    const res = await app.fetch(new Request(`${ORIGIN}/v1/articles`, { headers: { authorization: `Bearer ${READ}` } }), {
      ...env,
      API_TOKEN: undefined,
    });
    expect(await expectError(res, 503, "not_configured")).toMatch(/wrangler secret put API_TOKEN/);
    // Public routes stay up.
    const health = await app.fetch(new Request(`${ORIGIN}/healthz`), { ...env, API_TOKEN: undefined });
    expect(health.status).toBe(200);
  });

  it("works without a READ_TOKEN: the API token still reads, nothing else does", async () => {
    const noRead = { ...env, READ_TOKEN: undefined };
    const get = (token: string) => app.fetch(new Request(`${ORIGIN}/v1/rules`, { headers: { authorization: `Bearer ${token}` } }), noRead);
    expect((await get(WRITE)).status).toBe(200);
    await expectError(await get(READ), 401, "unauthorized");
  });
});

describe("POST /v1/score errors", () => {
  it("answers 400 invalid_json for malformed JSON", async () => {
    const message = await expectError(
      await call("/v1/score", { body: '{"text": "unterminated', type: "application/json" }),
      400,
      "invalid_json",
    );
    expect(message).toMatch(/not valid JSON/);
    await expectError(await call("/v1/score", { body: "", type: "application/json" }), 400, "invalid_json");
  });

  const invalid: [string, unknown, RegExp][] = [
    ["a date that is not ISO 8601", { ...article, published_at: "yesterday" }, /^published_at: expected an ISO 8601 date/],
    ["an impossible date", { ...article, published_at: "2025-02-30" }, /^published_at: /],
    ["an unknown field", { ...article, author: "x" }, /^author: unknown field/],
    ["both text and html", { text: "a", html: "<p>a</p>" }, /^text: send exactly one of `text`, `html` or `markdown`/],
    ["neither text nor html", { title: "t" }, /^text: send exactly one of `text`, `html` or `markdown`/],
    ["blank text", { text: "   \n" }, /^text: must contain some text/],
    ["text that is not a string", { text: 42 }, /^text: .*expected string/],
    ["a non-http url", { ...article, url: "ftp://example.com/a" }, /^url: expected an absolute http\(s\) URL/],
    ["a relative url", { ...article, url: "/a/b" }, /^url: /],
    ["a source with spaces", { ...article, source: "my cms" }, /^source: expected 1–64 characters/],
    ["an empty external_id", { ...article, external_id: "" }, /^external_id: /],
    ["a bad language tag", { ...article, language: "english!" }, /^language: expected a BCP 47 language tag/],
    ["a JSON array", [article], /^body: .*expected object/],
    ["JSON null", null, /^body: /],
  ];
  for (const [what, body, pattern] of invalid) {
    it(`answers 400 validation_failed naming the field for ${what}`, async () => {
      const res = await call("/v1/score", { body: JSON.stringify(body), type: "application/json" });
      expect(await expectError(res, 400, "validation_failed")).toMatch(pattern);
    });
  }

  it("names every failing field at once", async () => {
    const res = await call("/v1/score", { body: { ...article, published_at: "soon", url: "nope" } });
    const message = await expectError(res, 400, "validation_failed");
    expect(message).toMatch(/published_at: /);
    expect(message).toMatch(/url: /);
  });

  it("accepts null for optional metadata (treated as absent)", async () => {
    const res = await call("/v1/score?dry_run=true", { body: { ...article, title: null, url: null, published_at: null } });
    expect(res.status).toBe(200);
  });

  it("validates the query string strictly", async () => {
    expect(await expectError(await call("/v1/score?dry_run=maybe", { body: article }), 400, "validation_failed")).toMatch(
      /^dry_run: expected true or false/,
    );
    expect(await expectError(await call("/v1/score?title=x", { body: article }), 400, "validation_failed")).toMatch(
      /^title: unknown query parameter/,
    );
    expect(await expectError(await call("/v1/score?published_at=someday", { body: "plain text" }), 400, "validation_failed")).toMatch(
      /^published_at: /,
    );
    expect(await expectError(await call("/v1/score", { body: " \n " }), 400, "validation_failed")).toMatch(/^text: /);
  });

  it("answers 413 payload_too_large over 1 MiB, with or without Content-Length", async () => {
    const big = "a".repeat(1024 * 1024 + 1);
    expect(await expectError(await call("/v1/score", { body: big }), 413, "payload_too_large")).toMatch(/1 MiB/);
    // A streamed body has no Content-Length: the limit is enforced while reading.
    const res = await call("/v1/score", { body: new Blob([big]).stream() });
    await expectError(res, 413, "payload_too_large");
  });

  it("accepts a body of exactly 1 MiB", async () => {
    // Neutral filler: the limit is under test here, not the engine's speed on claim-dense text.
    const unit = "The weather was mild and the market opened early. ";
    const text = unit.repeat(Math.floor((1024 * 1024) / unit.length)).padEnd(1024 * 1024, ".");
    expect(new TextEncoder().encode(text).length).toBe(1024 * 1024);
    const res = await call("/v1/score?dry_run=true", { body: text });
    expect(res.status).toBe(200);
  });

  it("answers 415 unsupported_media_type for other or missing content types and non-UTF-8 charsets", async () => {
    const withType = (type: string) => call("/v1/score", { body: "x", headers: { "content-type": type } });
    expect(await expectError(await withType("application/xml"), 415, "unsupported_media_type")).toMatch(
      /application\/json, text\/plain, text\/html or text\/markdown/,
    );
    expect(await expectError(await withType("multipart/form-data; boundary=x"), 415, "unsupported_media_type")).toBeTruthy();
    expect(await expectError(await withType("text/plain; charset=iso-8859-1"), 415, "unsupported_media_type")).toMatch(/UTF-8/);
    const none = await call("/v1/score", { method: "POST", body: undefined });
    expect(await expectError(none, 415, "unsupported_media_type")).toMatch(/missing/);
    const utf8 = await call("/v1/score?dry_run=true", { body: article, headers: { "content-type": "Application/JSON; charset=UTF-8" } });
    expect(utf8.status).toBe(200);
  });
});

describe("routing errors", () => {
  it("answers 404 not_found as JSON for unknown API paths (the dashboard's misses are HTML pages: pages-and-config.test.ts)", async () => {
    expect(await expectError(await call("/v1/nothing-here"), 404, "not_found")).toMatch(/GET \/v1\/nothing-here/);
  });

  it("survives malformed percent-encoding in paths and query strings", async () => {
    expect((await call("/v1/articles?q=%E0%A4%A")).status).toBe(200);
    await expectError(await call("/v1/articles/%E0%A4%A"), 404, "not_found");
    await expectError(await call("/v1/articles?limit=%ZZ"), 400, "validation_failed");
  });

  it("answers 404 not_found for unknown ids", async () => {
    await expectError(await call("/v1/articles/art_missing"), 404, "not_found");
    await expectError(await call("/v1/articles/art_missing/runs"), 404, "not_found");
    await expectError(await call("/v1/runs/run_missing"), 404, "not_found");
    await expectError(await call("/v1/rules/no.such.rule"), 404, "not_found");
  });

  it("answers 405 method_not_allowed with an Allow header for a known path and the wrong method", async () => {
    const get = await call("/v1/score");
    expect(get.headers.get("allow")).toBe("POST");
    expect(await expectError(get, 405, "method_not_allowed")).toMatch(/use POST/);
    const del = await call("/v1/articles/art_1", { method: "DELETE" });
    expect(del.headers.get("allow")).toBe("GET, HEAD");
    await expectError(del, 405, "method_not_allowed");
  });

  it("sends security headers on every response, errors included", async () => {
    for (const res of [await call("/healthz", { token: null }), await call("/v1/articles", { token: null }), await call("/v1/nothing")]) {
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    }
  });
});
