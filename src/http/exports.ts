// The export routes of the API (behind the /v1 bearer-token guard): verdicts as CSV, one
// article's ClaimReview JSON-LD, one audit's changes as CSV. Builders: src/use-cases/exports.ts.
import { Hono } from "hono";
import { getDb } from "../storage/db";
import { articlesCsvResponse, auditCsvResponse, claimReviewResponse, verdictStatusesQuery } from "../use-cases/exports";
import { articleListQuery } from "../use-cases/query-schemas";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { parseQuery } from "./validation";

// `status` already filters articles (active/withdrawn); `verdicts` picks the verdict statuses.
const csvQuery = articleListQuery.safeExtend({ verdicts: verdictStatusesQuery });

export const exportRoutes = new Hono<AuthEnv>();

exportRoutes.get("/v1/articles.csv", (c) => {
  const { limit: _limit, cursor: _cursor, verdicts, ...filters } = parseQuery(csvQuery, c.req.query());
  return articlesCsvResponse(getDb(c.env.DB), filters, verdicts);
});

exportRoutes.get("/v1/articles/:id/claimreview", async (c) => {
  const res = await claimReviewResponse(getDb(c.env.DB), c.env, c.req.param("id"), new URL(c.req.url).origin);
  if (!res) throw new ApiError(404, "not_found", `No article with id "${c.req.param("id")}".`);
  return res;
});

// `:file{…\.csv}` so this route, registered before /v1/audits, never shadows GET /v1/audits/:id.
exportRoutes.get("/v1/audits/:file{[^/]+\\.csv}", async (c) => {
  const id = c.req.param("file").slice(0, -".csv".length);
  const res = await auditCsvResponse(getDb(c.env.DB), id);
  if (!res) throw new ApiError(404, "not_found", `No audit with id "${id}".`);
  return res;
});
