// GET /v1/rules (the current ruleset) and /v1/rules/:id (one rule plus how it fares over every
// active article's latest run).
import { Hono } from "hono";
import { activeRules } from "../use-cases/current-ruleset";
import { getDb } from "../storage/db";
import { emptyRuleCounts, ruleStats } from "../storage/queries-rules";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, counts, idParameter, int, ok, type Paths, ref, str } from "./openapi/kit";
import { noQuery } from "./validation";

export const ruleRoutes = new Hono<AuthEnv>();

ruleRoutes.get("/", noQuery, async (c) => {
  const { ruleset } = await activeRules(c.env);
  return c.json({ ruleset: { version: ruleset.version, rules: ruleset.rules.length }, rules: ruleset.rules });
});

ruleRoutes.get("/:id", noQuery, async (c) => {
  const { ruleset, byId } = await activeRules(c.env);
  const rule = byId.get(c.req.param("id"));
  if (!rule) throw new ApiError(404, "not_found", `No rule "${c.req.param("id")}" in ruleset ${ruleset.version}.`);
  const counts = (await ruleStats(getDb(c.env.DB), rule.id))[rule.id] ?? emptyRuleCounts();
  const articles = Object.values(counts).reduce((a, b) => a + b, 0);
  return c.json({ ...rule, ruleset_version: ruleset.version, stats: { articles, ...counts } });
});

export const ruleApiDoc = (): Paths => ({
  "/v1/rules": {
    get: {
      summary: "The current ruleset",
      tags: ["rules"],
      operationId: "listRules",
      responses: {
        200: ok("Every rule.", {
          type: "object",
          properties: {
            ruleset: { type: "object", properties: { version: str, rules: int }, required: ["version", "rules"] },
            rules: { type: "array", items: ref("Rule") },
          },
          required: ["ruleset", "rules"],
        }),
        401: common[401],
      },
    },
  },
  "/v1/rules/{id}": {
    get: {
      summary: "One rule, with verdict counts over every active article's latest run",
      tags: ["rules"],
      operationId: "getRule",
      parameters: [idParameter("rule")],
      responses: {
        200: ok("The rule.", {
          allOf: [
            ref("Rule"),
            {
              type: "object",
              properties: {
                ruleset_version: str,
                stats: { allOf: [counts, { type: "object", properties: { articles: int }, required: ["articles"] }] },
              },
              required: ["ruleset_version", "stats"],
            },
          ],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
});
