// GET /v1/articles (filtered, newest first, cursor pages), /v1/articles/:id (with the latest run
// and its verdicts) and /v1/articles/:id/runs (run history).
import { Hono } from "hono";
import { z } from "zod";
import { getArticle, listArticles } from "../storage/articles";
import { getDb } from "../storage/db";
import { getArticleWithLatestRun, listRuns } from "../storage/queries-runs";
import { articleListQuery, pageQuery } from "../use-cases/query-schemas";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, idParameter, nullable, ok, pageDescriptions, pageOf, type Paths, queryParameters, ref, str } from "./openapi/kit";
import { withClaims } from "./runs";
import { activeRules } from "../use-cases/current-ruleset";
import { noQuery, parseQuery } from "./validation";

const runListQuery = z.strictObject(pageQuery);

export const articleRoutes = new Hono<AuthEnv>();

articleRoutes.get("/", async (c) => {
  const { limit, cursor, ...filters } = parseQuery(articleListQuery, c.req.query());
  return c.json(await listArticles(getDb(c.env.DB), filters, { limit, cursor }));
});

articleRoutes.get("/:id", noQuery, async (c) => {
  const found = await getArticleWithLatestRun(getDb(c.env.DB), c.req.param("id"));
  if (!found) throw articleNotFound(c.req.param("id"));
  return c.json({ ...found.article, latest_run: found.latest_run && withClaims(found.latest_run, (await activeRules(c.env)).byId) });
});

articleRoutes.get("/:id/runs", async (c) => {
  const { limit, cursor } = parseQuery(runListQuery, c.req.query());
  const db = getDb(c.env.DB);
  const page = await listRuns(db, c.req.param("id"), { limit, cursor });
  // Every stored article has a run, so only an empty first page needs the existence check.
  if (page.items.length === 0 && !cursor && !(await getArticle(db, c.req.param("id")))) throw articleNotFound(c.req.param("id"));
  return c.json(page);
});

function articleNotFound(id: string): ApiError {
  return new ApiError(404, "not_found", `No article with id "${id}".`);
}

export const articleApiDoc = (): Paths => ({
  "/v1/articles": {
    get: {
      summary: "List articles, newest-checked first",
      tags: ["articles"],
      operationId: "listArticles",
      parameters: queryParameters(articleListQuery, {
        outcome: "Latest run's outcome.",
        min_score: "Latest score ≥ this (0–100).",
        max_score: "Latest score ≤ this (0–100).",
        rule: "Only articles whose latest run failed this rule id.",
        source: "Exact source.",
        status: "active or withdrawn.",
        q: "Case-insensitive title substring.",
        ...pageDescriptions,
      }),
      responses: { 200: ok("One page of articles (without text).", pageOf("ArticleSummary")), 400: common[400], 401: common[401] },
    },
  },
  "/v1/articles/{id}": {
    get: {
      summary: "One article with its text and latest run (verdicts included)",
      tags: ["articles"],
      operationId: "getArticle",
      parameters: [idParameter("article")],
      responses: {
        200: ok("The article.", {
          allOf: [
            ref("ArticleSummary"),
            { type: "object", properties: { text: str, latest_run: nullable(ref("RunWithVerdicts")) }, required: ["text", "latest_run"] },
          ],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
  "/v1/articles/{id}/runs": {
    get: {
      summary: "An article's runs, newest first",
      tags: ["articles"],
      operationId: "listArticleRuns",
      parameters: [idParameter("article"), ...queryParameters(runListQuery, pageDescriptions)],
      responses: { 200: ok("One page of runs (without verdicts).", pageOf("Run")), 400: common[400], 401: common[401], 404: common[404] },
    },
  },
});
