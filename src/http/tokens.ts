// /v1/tokens: per-person API tokens for scripts, managed only with the bootstrap API_TOKEN.
// POST creates one (the secret is in that response only), GET lists them, DELETE revokes one.
import { Hono } from "hono";
import { z } from "zod";
import { createApiToken, listApiTokens, revokeApiToken } from "../storage/api-tokens";
import { getDb } from "../storage/db";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, error, idParameter, object, ok, type Paths } from "./openapi/kit";
import { validationError } from "./validation";

const createSchema = z.strictObject({
  owner: z.email().max(254).describe("The person the token acts for; their runs are credited to this address"),
  name: z.string().trim().min(1).max(100).describe('What the token is for, e.g. "nightly export script"'),
  role: z.enum(["write", "read"]).default("write"),
});

export const tokenRoutes = new Hono<AuthEnv>();

tokenRoutes.use("*", async (c, next) => {
  if (!c.var.admin) throw new ApiError(403, "forbidden", "Only the bootstrap API_TOKEN can manage personal tokens.");
  await next();
});

tokenRoutes.post("/", async (c) => {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (err) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = createSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const { owner, name, role } = parsed.data;
  const { token, record } = await createApiToken(getDb(c.env.DB), { owner: owner.toLowerCase(), name, role, createdBy: "API_TOKEN" });
  c.header("cache-control", "no-store");
  return c.json({ ...record, token }, 201);
});

tokenRoutes.get("/", async (c) => c.json({ items: await listApiTokens(getDb(c.env.DB)) }));

tokenRoutes.delete("/:id", async (c) => {
  const revoked = await revokeApiToken(getDb(c.env.DB), c.req.param("id"));
  if (!revoked) throw new ApiError(404, "not_found", `No token with id "${c.req.param("id")}".`);
  return c.json(revoked);
});

const adminOnly = error("Only the bootstrap API_TOKEN manages personal tokens.");
const record = "{ id, owner, name, role, created_by, created_at, last_used_at, revoked_at }";

export const tokenApiDoc = (): Paths => ({
  "/v1/tokens": {
    post: {
      summary: "Create a per-person API token; its secret is in this response only",
      tags: ["meta"],
      operationId: "createToken",
      requestBody: {
        required: true,
        content: { "application/json": { schema: z.toJSONSchema(createSchema, { io: "input", target: "draft-2020-12" }) } },
      },
      responses: {
        201: ok("The token record and its secret `token` (D1 keeps only its SHA-256).", object(`${record} + token`)),
        400: common[400],
        401: common[401],
        403: adminOnly,
      },
    },
    get: {
      summary: "List per-person API tokens (no secrets), newest first",
      tags: ["meta"],
      operationId: "listTokens",
      responses: { 200: ok("Every token.", object(`{ items: [${record}] }`)), 401: common[401], 403: adminOnly },
    },
  },
  "/v1/tokens/{id}": {
    delete: {
      summary: "Revoke a per-person API token (runs it started keep its owner's name)",
      tags: ["meta"],
      operationId: "revokeToken",
      parameters: [idParameter("token")],
      responses: { 200: ok("The revoked token.", object(record)), 401: common[401], 403: adminOnly, 404: common[404] },
    },
  },
});
