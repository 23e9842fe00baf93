// Which role a presented token grants. Shared by the API's bearer guard and the dashboard login.
import type { Secrets } from "../env";
import { sha256, sha256Hex } from "./crypto";

export type TokenRole = "write" | "read";

// Per isolate and secret (a handful): each secret's digest and fingerprint are computed once, not
// on every request. Keyed by the secret's value, so a rotated secret gets its own entry.
const digests = new Map<string, Promise<ArrayBuffer>>();
const fingerprints = new Map<string, Promise<string>>();

function memo<T>(cache: Map<string, Promise<T>>, secret: string, make: () => Promise<T>): Promise<T> {
  let value = cache.get(secret);
  if (!value) cache.set(secret, (value = make()));
  return value;
}

/**
 * API_TOKEN grants "write", READ_TOKEN "read", anything else null. Compared in constant time
 * (SHA-256 digests of both sides, so the length does not leak); both secrets are always compared,
 * so the timing does not reveal which one matched.
 */
export async function tokenRole(env: Pick<Secrets, "API_TOKEN" | "READ_TOKEN">, token: string): Promise<TokenRole | null> {
  const presented = await sha256(token);
  const matches = async (secret: string | undefined) =>
    secret ? crypto.subtle.timingSafeEqual(await memo(digests, secret, () => sha256(secret)), presented) : false;
  const [write, read] = await Promise.all([matches(env.API_TOKEN), matches(env.READ_TOKEN)]);
  return write ? "write" : read ? "read" : null;
}

/** 16 hex naming a shared secret without revealing it (labels' "token:<fingerprint>", dashboard sessions). Pass only a secret. */
export function tokenFingerprint(secret: string): Promise<string> {
  return memo(fingerprints, secret, async () => (await sha256Hex(`fingerprint\u0000${secret}`)).slice(0, 16));
}
