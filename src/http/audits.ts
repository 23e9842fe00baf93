// POST /v1/audits (start one now), GET /v1/audits (newest first) and GET /v1/audits/:id (the
// summary, rule changes and the changed articles with rule ids and quotes).
import { Hono } from "hono";
import { z } from "zod";
import { startAudit } from "../use-cases/audit";
import { countDeadBatches } from "../storage/audit-batches";
import { listChanges } from "../storage/audit-changes";
import { getAudit, listAudits } from "../storage/audits";
import { getDb } from "../storage/db";
import { auditChanges } from "../storage/schema";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, error, idParameter, ok, pageDescriptions, pageOf, type Paths, queryParameters, ref } from "./openapi/kit";
import { pageQuery } from "../use-cases/query-schemas";
import { noQuery, parseQuery } from "./validation";

const listQuery = z.strictObject(pageQuery);
const detailQuery = z.strictObject({ change: z.enum(auditChanges.change.enumValues).optional(), ...pageQuery });

export const auditRoutes = new Hono<AuthEnv>();

// 202 with the new audit; 200 with the running audit when one is already under way (starting a
// second would re-score the same articles), so polling clients can follow either.
auditRoutes.post("/", noQuery, async (c) => {
  const { audit, started } = await startAudit(c.env, { trigger: "api", now: new Date() });
  c.header("location", `/v1/audits/${audit.id}`);
  return c.json({ started, audit }, started ? 202 : 200);
});

auditRoutes.get("/", async (c) => {
  const { limit, cursor } = parseQuery(listQuery, c.req.query());
  return c.json(await listAudits(getDb(c.env.DB), { limit, cursor }));
});

auditRoutes.get("/:id", async (c) => {
  const { change, limit, cursor } = parseQuery(detailQuery, c.req.query());
  const db = getDb(c.env.DB);
  const id = c.req.param("id");
  const audit = await getAudit(db, id);
  if (!audit) throw new ApiError(404, "not_found", `No audit with id "${id}"; GET /v1/audits lists them.`);
  const [dead, changed] = await Promise.all([countDeadBatches(db, id), listChanges(db, id, change, { limit, cursor })]);
  return c.json({ ...audit, batches: { ...audit.batches, dead }, changed_articles: changed });
});

export const auditApiDoc = (): Paths => ({
  "/v1/audits": {
    get: {
      summary: "Audits (re-checks of the archive), newest first",
      tags: ["audits"],
      operationId: "listAudits",
      parameters: queryParameters(listQuery, pageDescriptions),
      responses: { 200: ok("One page of audits.", pageOf("Audit")), 400: common[400], 401: common[401] },
    },
    post: {
      summary: "Start an audit now (the nightly cron starts one at 03:00 UTC)",
      tags: ["audits"],
      operationId: "startAudit",
      responses: {
        200: ok("An audit is already running; it is returned.", {
          type: "object",
          properties: { started: { const: false }, audit: ref("Audit") },
        }),
        202: ok("Started.", { type: "object", properties: { started: { const: true }, audit: ref("Audit") } }),
        401: common[401],
        403: error("The read-only token cannot start audits."),
      },
    },
  },
  "/v1/audits/{id}": {
    get: {
      summary: "One audit: summary, rule changes and the articles whose verdicts changed",
      tags: ["audits"],
      operationId: "getAudit",
      parameters: [idParameter("audit"), ...queryParameters(detailQuery, { change: "Only this kind of change.", ...pageDescriptions })],
      responses: { 200: ok("The audit.", ref("Audit")), 400: common[400], 401: common[401], 404: common[404] },
    },
  },
});
