// GET /v1/corrections: the corrections desk's queue — active articles whose latest run fails,
// oldest failure first, with each failing claim, its quotes and the suggested replacements.
import { Hono } from "hono";
import { z } from "zod";
import { getDb } from "../storage/db";
import { listCorrections } from "../storage/corrections";
import type { AuthEnv } from "./auth";
import { common, ok, pageDescriptions, pageOf, type Paths, queryParameters } from "./openapi/kit";
import { activeRules } from "../use-cases/current-ruleset";
import { pageQuery } from "../use-cases/query-schemas";
import { parseQuery } from "./validation";

const correctionsQuery = z.strictObject({ rule: z.string().min(1).max(200).optional(), ...pageQuery });

export const correctionRoutes = new Hono<AuthEnv>();

correctionRoutes.get("/", async (c) => {
  const { rule, limit, cursor } = parseQuery(correctionsQuery, c.req.query());
  const [page, { byId }] = await Promise.all([listCorrections(getDb(c.env.DB), { rule }, { limit, cursor }), activeRules(c.env)]);
  return c.json({
    items: page.items.map((item) => ({
      ...item,
      failing: item.failing.map((v) => ({
        rule: v.rule,
        // The rule's claim as deployed now; null when the rule has since been removed.
        claim: byId.get(v.rule)?.claim ?? null,
        severity: v.severity,
        message: v.message,
        quotes: v.evidence.map((e) => ({
          quote: e.quote,
          offset: e.offset,
          length: e.length,
          found: e.found,
          expected: e.expected,
          replacements: e.replacements,
          attribution: e.attribution,
          message: e.message ?? null,
        })),
      })),
    })),
    next_cursor: page.next_cursor,
  });
});

export const correctionApiDoc = (): Paths => ({
  "/v1/corrections": {
    get: {
      summary: "The corrections queue: active articles failing now, oldest failure first, with quotes and suggestions",
      tags: ["articles"],
      operationId: "listCorrections",
      parameters: queryParameters(correctionsQuery, { rule: "Only articles failing this rule id.", ...pageDescriptions }),
      responses: { 200: ok("One page of failing articles.", pageOf("Correction")), 400: common[400], 401: common[401] },
    },
  },
});
