// GET /v1/rules, /v1/rules/:id (with counts over latest runs), /healthz and /openapi.json
// (which must describe every route the app serves).
import { describe, expect, it } from "vitest";
import { app } from "../../src/app";
import { ERROR_CODES } from "../../src/http/errors";
import { providers } from "../../src/http/webhooks/providers";
import { bundledRuleset } from "../../src/rules";
import { DELIVERY_STATUSES } from "../../src/storage/deliveries";
import { articleListQuery } from "../../src/use-cases/query-schemas";
import { call, callJson } from "./fixtures/api";
import { store, verdict } from "./fixtures/runs";

describe("GET /v1/rules", () => {
  it("lists the current ruleset with claim, kind, severity, sources and validity", async () => {
    const ruleset = bundledRuleset();
    const body = await callJson("/v1/rules", { status: 200 });
    expect(body.ruleset).toEqual({ version: ruleset.version, rules: ruleset.rules.length });
    // Each rule as deployed, plus its editors' feedback (none yet in this file's database).
    expect(body.rules).toEqual(
      ruleset.rules.map((r) => ({ ...r, feedback: { confirmed: 0, false_alarm: 0, precision: null, noisy: false } })),
    );
    expect(body.noisy_threshold).toEqual({ precision: 0.8, min_labels: 5 });
    for (const rule of body.rules) {
      expect(Object.keys(rule)).toEqual(
        expect.arrayContaining(["id", "claim", "kind", "severity", "sources", "valid_from", "valid_until"]),
      );
    }
  });

  it("serves one rule with pass/fail/… counts over each article's latest run", async () => {
    const rule = bundledRuleset().rules[0];
    if (!rule) {
      // No rule files bundled yet (the engine's rule pack is not in rules/): nothing to count.
      expect(bundledRuleset().rules).toEqual([]);
      return;
    }
    await store({ externalId: "r1", at: new Date("2026-01-01T00:00:00Z"), verdicts: [verdict(rule.id, "fail")] });
    await store({ externalId: "r1", at: new Date("2026-01-02T00:00:00Z"), verdicts: [verdict(rule.id, "pass")] });
    await store({ externalId: "r2", at: new Date("2026-01-02T00:00:00Z"), verdicts: [verdict(rule.id, "fail")] });
    await store({ externalId: "r3", at: new Date("2026-01-02T00:00:00Z"), verdicts: [verdict(rule.id, "not_applicable")] });
    const body = await callJson(`/v1/rules/${encodeURIComponent(rule.id)}`, { status: 200 });
    expect(body).toMatchObject({ ...rule, ruleset_version: bundledRuleset().version });
    expect(body.stats).toEqual({ articles: 3, pass: 1, fail: 1, not_applicable: 1, review: 0, error: 0 });
  });
});

describe("GET /healthz", () => {
  it("reports the Worker, D1 and the loaded ruleset, without auth", async () => {
    const body = await callJson("/healthz", { token: null, status: 200 });
    expect(body).toEqual({
      ok: true,
      db: "ok",
      ruleset: { version: bundledRuleset().version, rules: bundledRuleset().rules.length },
      config: [],
    });
  });
});

describe("GET /openapi.json", () => {
  it("is public OpenAPI 3.1 JSON", async () => {
    const res = await call("/openapi.json", { token: null });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = (await res.json()) as { openapi: string; components: { securitySchemes: object } };
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.securitySchemes).toHaveProperty("bearer");
  });

  it("describes every API route the app serves, with every method", async () => {
    const doc = (await callJson("/openapi.json", { token: null, status: 200 })) as { paths: Record<string, Record<string, unknown>> };
    // The API is /v1, /healthz and this document; the dashboard's HTML pages are not part of it.
    const served = app.routes
      .filter((r) => r.method !== "ALL" && /^\/(v1\/|healthz$|openapi\.json$)/.test(r.path))
      .map(
        (r) =>
          `${r.method.toLowerCase()} ${r.path
            .replace(/:\w+\{\[\^\/\]\+\\\.(\w+)\}/g, "{id}.$1") // file-name params (":file{[^/]+\\.csv}") are documented as {id}.csv
            .replace(/:(\w+)(\{[^}]*\})?\??/g, "{$1}")}`,
      );
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(served.length).toBeGreaterThan(8);
    expect([...new Set(served)].filter((route) => !documented.includes(route))).toEqual([]);
    expect(documented.filter((route) => !served.includes(route))).toEqual([]);
  });

  it("documents the score body with the schema that validates it", async () => {
    const doc = await callJson("/openapi.json", { token: null, status: 200 });
    const schema = doc.paths["/v1/score"].post.requestBody.content["application/json"].schema;
    expect(Object.keys(schema.properties).sort()).toEqual([
      "external_id",
      "html",
      "language",
      "markdown",
      "published_at",
      "source",
      "text",
      "title",
      "url",
    ]);
    expect(schema.additionalProperties).toBe(false);
  });
  it("takes its enums from their source: error codes, providers, delivery statuses, list filters", async () => {
    const doc = await callJson("/openapi.json", { token: null, status: 200 });
    expect(doc.components.schemas.Error.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
    expect(doc.paths["/v1/webhooks/{provider}"].post.parameters[0].schema.enum).toEqual(Object.keys(providers));
    const deliveryStatus = doc.paths["/v1/deliveries"].get.parameters.find((p: { name: string }) => p.name === "status");
    expect(deliveryStatus.schema.enum).toEqual([...DELIVERY_STATUSES]);
    // The documented list parameters are the validated ones, name for name.
    expect(doc.paths["/v1/articles"].get.parameters.map((p: { name: string }) => p.name)).toEqual(Object.keys(articleListQuery.shape));
  });
});
