// Bearer-token auth for the API: API_TOKEN (the bootstrap admin) may do anything, the optional
// READ_TOKEN only GET/HEAD, and per-person tokens (D1, hashed) act for their owner with their role.
// The shared-token comparison (also used by the dashboard login) is src/lib/tokens.ts.
import type { Context, MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import type { Bindings } from "../env";
import { type TokenRole, tokenFingerprint, tokenRole } from "../lib/tokens";
import { findApiToken } from "../storage/api-tokens";
import { getDb } from "../storage/db";
import { ApiError, errorResponse } from "./errors";

export interface AuthEnv {
  Bindings: Bindings;
  Variables: {
    tokenRole: TokenRole;
    /** The person a per-person token acts for; null for the shared tokens. Recorded on runs. */
    actor: string | null;
    /** True only for the shared API_TOKEN: it alone manages per-person tokens. */
    admin: boolean;
    /** Who to credit with a label (feedback): the person, else "token:<fingerprint>" of a shared token. */
    labeller: string;
  };
}

const READ_METHODS = new Set(["GET", "HEAD"]);

const unauthorized = (message: string) => () => errorResponse(401, "unauthorized", message);

/**
 * `Authorization: Bearer <token>` on every request it guards. Without an API_TOKEN secret the
 * API is closed with 503 `not_configured` (never open by accident). A read token on a write
 * method is 403 `forbidden`. Sets `c.var.tokenRole`.
 */
export function requireToken(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (!c.env.API_TOKEN) {
      throw new ApiError(
        503,
        "not_configured",
        "The API_TOKEN secret is not set: `wrangler secret put API_TOKEN` (or add it to .dev.vars locally).",
      );
    }
    let role: TokenRole | null = null;
    let actor: string | null = null;
    let fingerprint = "";
    // bearerAuth is created per request because the secrets live in c.env.
    const check = bearerAuth<AuthEnv>({
      verifyToken: async (token) => {
        role = await tokenRole(c.env, token);
        // A fingerprint names the shared token without revealing it (the dashboard session uses the same form).
        if (role) fingerprint = `token:${await tokenFingerprint(token)}`;
        if (role) return true;
        const personal = await findApiToken(getDb(c.env.DB), token);
        if (personal) [role, actor] = [personal.role, personal.owner];
        return role !== null;
      },
      noAuthenticationHeader: { message: unauthorized("Missing Authorization header: send `Authorization: Bearer <API_TOKEN>`.") },
      invalidAuthenticationHeader: { message: unauthorized("Malformed Authorization header: expected `Bearer <token>`.") },
      invalidToken: { message: unauthorized("Invalid bearer token.") },
    });
    await check(c, async () => {
      if (role === "read" && !READ_METHODS.has(c.req.method)) {
        throw new ApiError(403, "forbidden", `The read-only token cannot ${c.req.method}; use the API token.`);
      }
      c.set("tokenRole", role!);
      c.set("actor", actor);
      c.set("admin", role === "write" && actor === null);
      c.set("labeller", actor ?? fingerprint);
      await next();
    });
  };
}

/** The API's guard: every /v1 route except /v1/webhooks/*, which verify CMS signatures themselves. */
export function apiAuth(): MiddlewareHandler<AuthEnv> {
  const guard = requireToken();
  return (c: Context<AuthEnv>, next) => (c.req.path.startsWith("/v1/webhooks/") ? next() : guard(c, next));
}
