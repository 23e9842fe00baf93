// GET /v1/runs/:id: one run with every verdict and its parsed evidence, each verdict carrying
// its rule's claim as deployed now (null for a rule since removed).
import { Hono } from "hono";
import { getDb } from "../storage/db";
import { getRun, type RunWithVerdicts, type StoredVerdict } from "../storage/queries-runs";
import type { RuleSummary } from "../engine";
import { activeRules } from "../use-cases/current-ruleset";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, idParameter, ok, type Paths, ref } from "./openapi/kit";
import { noQuery } from "./validation";

export type RunView = Omit<RunWithVerdicts, "verdicts"> & { verdicts: (StoredVerdict & { claim: string | null })[] };

/** Adds each verdict's claim (stored runs keep rule ids only; claims live in the ruleset). */
export function withClaims(run: RunWithVerdicts, rules: ReadonlyMap<string, RuleSummary>): RunView {
  return { ...run, verdicts: run.verdicts.map((v) => ({ ...v, claim: rules.get(v.rule)?.claim ?? null })) };
}

export const runRoutes = new Hono<AuthEnv>();

runRoutes.get("/:id", noQuery, async (c) => {
  const run = await getRun(getDb(c.env.DB), c.req.param("id"));
  if (!run) throw new ApiError(404, "not_found", `No run with id "${c.req.param("id")}".`);
  return c.json(withClaims(run, (await activeRules(c.env)).byId));
});

export const runApiDoc = (): Paths => ({
  "/v1/runs/{id}": {
    get: {
      summary: "One run with every verdict and its evidence",
      tags: ["runs"],
      operationId: "getRun",
      parameters: [idParameter("run")],
      responses: { 200: ok("The run.", ref("RunWithVerdicts")), 401: common[401], 404: common[404] },
    },
  },
});
