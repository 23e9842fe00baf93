// POST /v1/audits (start one now), GET /v1/audits (newest first) and GET /v1/audits/:id (the
// summary, rule changes and the changed articles with rule ids and quotes).
import { Hono } from "hono";
import { z } from "zod";
import { startAudit } from "../jobs/audit";
import { countDeadBatches, getAudit, listAudits, listChanges } from "../storage/audits";
import { getDb } from "../storage/db";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { pageQuery } from "../use-cases/query-schemas";
import { parseQuery } from "./validation";

const listQuery = z.strictObject(pageQuery);
const detailQuery = z.strictObject({ change: z.enum(["regression", "fixed", "changed"]).optional(), ...pageQuery });

export const auditRoutes = new Hono<AuthEnv>();

// 202 with the new audit; 200 with the running audit when one is already under way (starting a
// second would re-score the same articles), so polling clients can follow either.
auditRoutes.post("/", async (c) => {
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
