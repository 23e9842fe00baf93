// GET /healthz: the Worker answers, D1 answers a trivial query, and the ruleset loaded.
import { Hono } from "hono";
import type { Bindings } from "../env";
import { currentRuleset } from "../rules";

export const healthRoutes = new Hono<{ Bindings: Bindings }>();

healthRoutes.get("/", async (c) => {
  const { version, rules } = currentRuleset();
  const ruleset = { version, rules: rules.length };
  try {
    await c.env.DB.prepare("SELECT 1").first();
  } catch (err) {
    console.error("healthz: D1 check failed", err);
    return c.json({ ok: false, db: "error", ruleset }, 503);
  }
  return c.json({ ok: true, db: "ok", ruleset });
});
