// Dashboard sessions: a signed __Host- cookie recording the role (never the token), its expiry,
// a per-session CSRF token, a fingerprint of the token used (rotating a secret ends its sessions)
// and a session id whose row in D1 must exist: logging out deletes it, so a copied cookie dies too.
import type { Context } from "hono";
import { deleteCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
import { timingSafeEqual } from "hono/utils/buffer";
import type { Bindings } from "../env";
import { sha256Hex } from "../lib/crypto";
import { type TokenRole, tokenFingerprint } from "../lib/tokens";
import { getDb } from "../storage/db";
import { createSession, deleteSession, sessionIsLive } from "../storage/sessions";

export interface Session {
  role: TokenRole;
  /** Unix seconds. */
  expires: number;
  csrf: string;
  /** SHA-256 of the cookie's session id: the D1 row that logout deletes (absent for sessions without our cookie). */
  idHash?: string;
  /** The signed-in person (Cloudflare Access email); absent for the shared tokens. */
  name?: string;
}

const COOKIE = "session"; // sent as __Host-session: Secure, Path=/, no Domain
const TTL_SECONDS = 12 * 60 * 60;

// The signing key is derived from API_TOKEN, so the token itself never signs anything directly.
function signingKey(env: Bindings): Promise<string> {
  return sha256Hex(`accuracy-harness/dashboard-session/v1\u0000${env.API_TOKEN ?? ""}`);
}

async function fingerprint(env: Bindings, role: TokenRole): Promise<string | null> {
  const token = role === "write" ? env.API_TOKEN : env.READ_TOKEN;
  return token ? tokenFingerprint(token) : null;
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function startSession<E extends { Bindings: Bindings }>(c: Context<E>, role: TokenRole): Promise<void> {
  const expires = Math.floor(Date.now() / 1000) + TTL_SECONDS;
  const id = randomToken();
  await createSession(getDb(c.env.DB), await sha256Hex(id), role, expires);
  const value = [role, expires, randomToken(), await fingerprint(c.env, role), id].join(".");
  await setSignedCookie(c, COOKIE, value, await signingKey(c.env), {
    prefix: "host",
    httpOnly: true,
    secure: true,
    sameSite: "Strict",
    maxAge: TTL_SECONDS,
  });
}

/** The valid session of this request, or null (no cookie, bad signature, expired, its secret rotated, or logged out). */
export async function readSession<E extends { Bindings: Bindings }>(c: Context<E>): Promise<Session | null> {
  if (!c.env.API_TOKEN) return null;
  const value = await getSignedCookie(c, await signingKey(c.env), COOKIE, "host");
  if (!value) return null;
  const [role, expires, csrf, print, id] = value.split(".");
  if ((role !== "write" && role !== "read") || !csrf || !print || !id) return null;
  const exp = Number(expires);
  const now = Date.now() / 1000;
  if (!Number.isFinite(exp) || exp <= now) return null;
  if (print !== (await fingerprint(c.env, role))) return null;
  const idHash = await sha256Hex(id);
  if (!(await sessionIsLive(getDb(c.env.DB), idHash, role, Math.floor(now)))) return null;
  return { role, expires: exp, csrf, idHash };
}

/** Revokes the session server-side and clears its cookie. */
export async function endSession<E extends { Bindings: Bindings }>(c: Context<E>, session: Session): Promise<void> {
  if (session.idHash) await deleteSession(getDb(c.env.DB), session.idHash);
  deleteCookie(c, COOKIE, { prefix: "host", path: "/", secure: true, httpOnly: true, sameSite: "Strict" });
}

/** Constant-time check of the form's CSRF token against the session's. */
export function csrfTokenMatches(session: Session, submitted: unknown): Promise<boolean> {
  return typeof submitted === "string" && submitted.length > 0 ? timingSafeEqual(session.csrf, submitted) : Promise.resolve(false);
}
