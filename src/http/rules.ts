// GET /v1/rules (the current ruleset, each rule with its editors' feedback) and /v1/rules/:id (one
// rule plus how it fares over every active article's latest run, its precision from editors'
// labels and the wordings they dismissed).
import { Hono } from "hono";
import { activeRules } from "../use-cases/current-ruleset";
import { getDb } from "../storage/db";
import { emptyRuleCounts, ruleStats } from "../storage/queries-rules";
import { ruleFeedback, ruleFeedbackOf, rulesFeedback } from "../use-cases/rule-feedback";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, counts, idParameter, int, nullable, ok, type Paths, ref, str } from "./openapi/kit";
import { noQuery } from "./validation";

export const ruleRoutes = new Hono<AuthEnv>();

ruleRoutes.get("/", noQuery, async (c) => {
  const { ruleset } = await activeRules(c.env);
  const { byRule, thresholds } = await rulesFeedback(getDb(c.env.DB), c.env);
  return c.json({
    ruleset: { version: ruleset.version, rules: ruleset.rules.length },
    noisy_threshold: { precision: thresholds.precision, min_labels: thresholds.minLabels },
    rules: ruleset.rules.map((r) => ({ ...r, feedback: byRule.get(r.id) ?? ruleFeedbackOf(undefined, thresholds) })),
  });
});

ruleRoutes.get("/:id", noQuery, async (c) => {
  const { ruleset, byId } = await activeRules(c.env);
  const rule = byId.get(c.req.param("id"));
  if (!rule) throw new ApiError(404, "not_found", `No rule "${c.req.param("id")}" in ruleset ${ruleset.version}.`);
  const db = getDb(c.env.DB);
  const [stats, fb] = await Promise.all([ruleStats(db, rule.id), ruleFeedback(db, c.env, rule.id)]);
  const counts = stats[rule.id] ?? emptyRuleCounts();
  const articles = Object.values(counts).reduce((a, b) => a + b, 0);
  return c.json({
    ...rule,
    ruleset_version: ruleset.version,
    stats: { articles, ...counts },
    feedback: fb.feedback,
    dismissed_quotes: fb.dismissed,
  });
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
            noisy_threshold: {
              type: "object",
              description:
                "A rule is noisy under this precision once it has min_labels labels (FEEDBACK_NOISY_PRECISION, FEEDBACK_MIN_LABELS).",
              properties: { precision: { type: "number" }, min_labels: int },
              required: ["precision", "min_labels"],
            },
            rules: {
              type: "array",
              items: { allOf: [ref("Rule"), { type: "object", properties: { feedback: ref("RuleFeedback") }, required: ["feedback"] }] },
            },
          },
          required: ["ruleset", "noisy_threshold", "rules"],
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
                stats: {
                  allOf: [
                    counts,
                    {
                      type: "object",
                      properties: {
                        articles: int,
                        dismissed: { ...int, description: "Fails editors dismissed as false alarms (not in `fail`); present when any." },
                      },
                      required: ["articles"],
                    },
                  ],
                },
                feedback: ref("RuleFeedback"),
                dismissed_quotes: {
                  type: "array",
                  description: "The wordings editors labelled false alarms for this rule, the most often dismissed first (at most 100).",
                  items: {
                    type: "object",
                    properties: {
                      quote: str,
                      articles: int,
                      article_id: { type: "string", description: "The newest dismissal's article." },
                      note: nullable(str),
                      actor: str,
                      at: str,
                    },
                    required: ["quote", "articles", "article_id", "note", "actor", "at"],
                  },
                },
              },
              required: ["ruleset_version", "stats", "feedback", "dismissed_quotes"],
            },
          ],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
});
