import { exports, env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";

describe("platform smoke", () => {
  it("serves /healthz from the real Worker", async () => {
    const res = await exports.default.fetch("https://harness.test/healthz");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });

  it("has the migrated D1 schema", async () => {
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all<{ name: string }>();
    expect(results.map((r) => r.name)).toEqual(
      expect.arrayContaining(["articles", "runs", "verdicts", "rulesets", "deliveries", "audits"]),
    );
  });
});
