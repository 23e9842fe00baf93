// Paths and query strings are strict: a trailing slash is a 404 that names the right path (never a
// 405 naming the method that was used), and a query parameter a route does not take is a 400.
import { describe, expect, it } from "vitest";
import { call, expectError } from "./fixtures/api";
import { send } from "./fixtures/webhooks/sign";

describe("trailing slashes", () => {
  it.each([
    ["POST", "/v1/score/"],
    ["GET", "/v1/articles/"],
    ["GET", "/v1/deliveries/"],
    ["POST", "/v1/webhooks/standard/"],
  ])("%s %s → 404 naming the path without the slash", async (method, path) => {
    const res = await call(path, { method, body: method === "POST" ? { text: "x" } : undefined });
    const message = await expectError(res, 404, "not_found");
    expect(message).toContain(`use ${path.slice(0, -1)}`);
  });
});

describe("unknown query parameters → 400", () => {
  it("on a webhook route (WordPress alone takes ?trigger)", async () => {
    const res = await send("standard", { type: "article.published", data: { id: "q-1", text: "Text." } }, {});
    expect(res.status).toBe(202);
    const withQuery = await call("/v1/webhooks/standard?debug=1", { method: "POST", token: null, body: "{}" });
    expect(await expectError(withQuery, 400, "validation_failed")).toContain("debug: unknown query parameter");
  });

  it("on GET /v1/deliveries/:id and POST /v1/deliveries/:id/retry", async () => {
    expect(await expectError(await call("/v1/deliveries/dlv_x?verbose=1"), 400, "validation_failed")).toContain("verbose");
    expect(await expectError(await call("/v1/deliveries/dlv_x/retry?force=1", { method: "POST" }), 400, "validation_failed")).toContain(
      "force",
    );
  });
});

describe("every route refuses a query parameter it does not take (400)", () => {
  it.each([
    ["GET", "/healthz?verbose=1"],
    ["GET", "/openapi.json?format=yaml"],
    ["GET", "/v1/rules?kind=place"],
    ["GET", "/v1/rules/cecot.country?x=1"],
    ["GET", "/v1/articles/art_x?include=text"],
    ["GET", "/v1/runs/run_x?expand=1"],
    ["GET", "/v1/articles/art_x/claimreview?pretty=1"],
    ["GET", "/v1/audits/aud_x.csv?sep=;"],
    ["POST", "/v1/audits?dry_run=1"],
    ["GET", "/v1/articles?bogus=1"],
    ["POST", "/v1/score?bogus=1"],
  ])("%s %s", async (method, path) => {
    const res = await call(path, { method, body: path.startsWith("/v1/score") ? { text: "x" } : undefined });
    expect(await expectError(res, 400, "validation_failed")).toMatch(/unknown query parameter/);
  });
});
