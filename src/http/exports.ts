// The export routes of the API (behind the /v1 bearer-token guard): verdicts as CSV, one
// article's ClaimReview JSON-LD, one audit's changes as CSV. Builders: src/use-cases/exports/.
import { Hono } from "hono";
import { getDb } from "../storage/db";
import { articlesCsvResponse, auditCsvResponse, claimReviewResponse, verdictStatusesQuery } from "../use-cases/exports";
import { articleListQuery, queryBoolean } from "../use-cases/query-schemas";
import { z } from "zod";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, csv, idParameter, type Paths, queryParameters } from "./openapi/kit";
import { noQuery, parseQuery } from "./validation";

// `status` already filters articles (active/withdrawn); `verdicts` picks the verdict statuses.
const csvQuery = articleListQuery.safeExtend({ verdicts: verdictStatusesQuery });

export const exportRoutes = new Hono<AuthEnv>();

exportRoutes.get("/v1/articles.csv", (c) => {
  const { limit: _limit, cursor: _cursor, verdicts, ...filters } = parseQuery(csvQuery, c.req.query());
  return articlesCsvResponse(getDb(c.env.DB), filters, verdicts);
});

// `confirmed=true`: only findings an editor confirmed (what a fact desk publishes under its name).
const claimReviewQuery = z.strictObject({ confirmed: queryBoolean.default(false) });

exportRoutes.get("/v1/articles/:id/claimreview", async (c) => {
  const { confirmed } = parseQuery(claimReviewQuery, c.req.query());
  const res = await claimReviewResponse(getDb(c.env.DB), c.env, c.req.param("id"), new URL(c.req.url).origin, { confirmedOnly: confirmed });
  if (!res) throw new ApiError(404, "not_found", `No article with id "${c.req.param("id")}".`);
  return res;
});

// `:file{…\.csv}` so this route, registered before /v1/audits, never shadows GET /v1/audits/:id.
exportRoutes.get("/v1/audits/:file{[^/]+\\.csv}", noQuery, async (c) => {
  const id = c.req.param("file").slice(0, -".csv".length);
  const res = await auditCsvResponse(getDb(c.env.DB), id);
  if (!res) throw new ApiError(404, "not_found", `No audit with id "${id}".`);
  return res;
});

export const exportApiDoc = (): Paths => ({
  "/v1/articles.csv": {
    get: {
      summary: "Every article's latest verdicts as CSV (UTF-8 with BOM, streamed)",
      tags: ["exports"],
      operationId: "exportArticlesCsv",
      // The list filters of GET /v1/articles (paging does not apply: the export streams every page).
      parameters: queryParameters(csvQuery, {
        verdicts: '"all", or comma-separated verdict statuses to include (default: all but not_applicable).',
      })
        .filter((p) => p.name !== "limit" && p.name !== "cursor")
        .map((p) => (p.description ? p : { ...p, description: "As for GET /v1/articles." })),
      responses: { 200: csv("One row per verdict (and evidence quote)."), 400: common[400], 401: common[401] },
    },
  },
  "/v1/articles/{id}/claimreview": {
    get: {
      summary: "schema.org ClaimReview JSON-LD for each claim the article gets wrong",
      tags: ["exports"],
      operationId: "articleClaimReview",
      parameters: [
        idParameter("article"),
        ...queryParameters(claimReviewQuery, {
          confirmed:
            "Only the findings editors confirmed (feedback label `confirmed`); default: every failing span not labelled a false alarm.",
        }),
      ],
      responses: {
        200: {
          description: "ClaimReview items.",
          content: { "application/ld+json": { schema: { type: "array", items: { type: "object" } } } },
        },
        400: common[400],
        401: common[401],
        404: common[404],
      },
    },
  },
  "/v1/audits/{id}.csv": {
    get: {
      summary: "One audit's changed articles as CSV",
      tags: ["exports"],
      operationId: "exportAuditCsv",
      parameters: [idParameter("audit")],
      responses: { 200: csv("One row per changed rule."), 401: common[401], 404: common[404] },
    },
  },
});
