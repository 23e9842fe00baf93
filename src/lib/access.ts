// Cloudflare Access sign-in: Access puts a signed JWT in `Cf-Access-Jwt-Assertion` on every
// request it lets through. We verify it with jose against the team's published keys (signature,
// issuer, audience = the Access application's AUD tag, expiry) and take the person's email.
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import type { Bindings } from "../env";

export const ACCESS_HEADER = "cf-access-jwt-assertion";

export interface AccessConfig {
  /** "https://<team>.cloudflareaccess.com": the JWT's issuer. */
  issuer: string;
  audience: string;
  certsUrl: string;
}

export interface AccessIdentity {
  email: string;
  /** Unix seconds. */
  issuedAt: number;
  expires: number;
}

export class AccessError extends Error {}

/** The Access settings, or null when sign-in through Access is not configured (both vars needed). */
export function accessConfig(env: Pick<Bindings, "ACCESS_TEAM_DOMAIN" | "ACCESS_AUD" | "ACCESS_CERTS_URL">): AccessConfig | null {
  const domain = env.ACCESS_TEAM_DOMAIN?.trim()
    .replace(/^https:\/\//, "")
    .replace(/\/+$/, "");
  const audience = env.ACCESS_AUD?.trim();
  if (!domain || !audience) return null;
  const issuer = `https://${domain}`;
  // An override of where the keys live, for local tests only: plain http is accepted for loopback alone.
  const override = env.ACCESS_CERTS_URL?.trim();
  const local = override && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(override);
  const certsUrl = override && (local || override.startsWith("https://")) ? override : `${issuer}/cdn-cgi/access/certs`;
  return { issuer, audience, certsUrl };
}

// One remote key set per URL and isolate: jose caches the keys and refetches on an unknown `kid`.
const keySets = new Map<string, JWTVerifyGetKey>();
function remoteKeys(url: string): JWTVerifyGetKey {
  let set = keySets.get(url);
  if (!set) keySets.set(url, (set = createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })));
  return set;
}

/**
 * Verifies an Access JWT and returns who it names. Throws AccessError with a reason a person can
 * act on (expired, wrong audience, bad signature…). `keys` defaults to the team's published keys.
 */
export async function verifyAccessJwt(
  token: string,
  config: AccessConfig,
  keys: JWTVerifyGetKey = remoteKeys(config.certsUrl),
): Promise<AccessIdentity> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      issuer: config.issuer,
      audience: config.audience,
      algorithms: ["RS256"],
      clockTolerance: 30,
    });
    const email = typeof payload.email === "string" ? payload.email.trim().toLowerCase() : "";
    if (!email) throw new AccessError("the Access token names no email (service tokens cannot use the dashboard)");
    return { email, issuedAt: payload.iat ?? 0, expires: payload.exp ?? 0 };
  } catch (err) {
    if (err instanceof AccessError) throw err;
    if (err instanceof errors.JWTExpired) throw new AccessError("the Access sign-in has expired: reload the page to sign in again");
    if (err instanceof errors.JWTClaimValidationFailed)
      throw new AccessError(`the Access token's ${err.claim} claim does not match this application`);
    if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey)
      throw new AccessError("the Access token is not signed by this team's keys");
    if (err instanceof errors.JOSEError) throw new AccessError(`the Access token could not be verified (${err.code})`);
    throw err;
  }
}
