// GET /healthz: the Worker answers, D1 answers a trivial query, the ruleset loaded, and no set
// secret is unusable (`config` lists each problem with its fix; any problem is a 503).
import { Hono } from "hono";
import type { Bindings } from "../env";
import { configProblems } from "../lib/config";
import { currentRuleset } from "../use-cases/current-ruleset";
import { ok, type Paths } from "./openapi/kit";
import { noQuery } from "./validation";

export const healthRoutes = new Hono<{ Bindings: Bindings }>();

healthRoutes.get("/", noQuery, async (c) => {
  const { version, rules } = await currentRuleset(c.env);
  const ruleset = { version, rules: rules.length };
  const config = configProblems(c.env);
  let db: "ok" | "error" = "ok";
  try {
    await c.env.DB.prepare("SELECT 1").first();
  } catch (err) {
    console.error("healthz: D1 check failed", err);
    db = "error";
  }
  const ok = db === "ok" && config.length === 0;
  return c.json({ ok, db, ruleset, config }, ok ? 200 : 503);
});

export const healthApiDoc = (): Paths => ({
  "/healthz": {
    get: {
      summary: "Health: the Worker answers, D1 answers a trivial query and every set secret is usable",
      tags: ["meta"],
      operationId: "health",
      security: [],
      responses: {
        200: ok("Healthy.", {
          type: "object",
          properties: { ok: { const: true }, db: { const: "ok" }, ruleset: { type: "object" }, config: { type: "array", maxItems: 0 } },
        }),
        503: ok("D1 is unreachable, or a secret is set but unusable (`config` lists each problem with its fix).", {
          type: "object",
          properties: { ok: { const: false }, db: { enum: ["ok", "error"] }, config: { type: "array", items: { type: "string" } } },
        }),
      },
    },
  },
});
