// A dashboard session from Cloudflare Access: when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set,
// the verified `Cf-Access-Jwt-Assertion` names the person on every request (no cookie of ours).
// People Access lets in are editors; Access's policy decides who they are.
import type { Context } from "hono";
import { ACCESS_HEADER, AccessError, accessConfig, verifyAccessJwt } from "../lib/access";
import type { Bindings } from "../env";
import { sha256Hex } from "../lib/crypto";
import type { Session } from "./session";

/** The Access session, null when Access is off or sent no token, or the reason it was refused. */
export async function accessSession<E extends { Bindings: Bindings }>(c: Context<E>): Promise<Session | { refused: string } | null> {
  const config = accessConfig(c.env);
  const jwt = c.req.header(ACCESS_HEADER);
  // The form's CSRF token is derived from a server secret, so without API_TOKEN there is no session.
  if (!config || !jwt || !c.env.API_TOKEN) return null;
  try {
    const who = await verifyAccessJwt(jwt, config);
    // Stable for one Access sign-in (same iat), unguessable without API_TOKEN.
    const csrf = (
      await sha256Hex(
        `accuracy-harness/access-csrf/v1\u0000${c.env.API_TOKEN}\u0000${config.audience}\u0000${who.email}\u0000${who.issuedAt}`,
      )
    ).slice(0, 36);
    return { role: "write", expires: who.expires, csrf, name: who.email };
  } catch (err) {
    if (err instanceof AccessError) return { refused: err.message };
    throw err;
  }
}
