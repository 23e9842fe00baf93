// Which role a presented token grants. Shared by the API's bearer guard and the dashboard login.
import type { Secrets } from "../env";
import { timingSafeEqualStrings } from "./crypto";

export type TokenRole = "write" | "read";

/**
 * API_TOKEN grants "write", READ_TOKEN "read", anything else null. Compared in constant time
 * (both sides are hashed first, so the length does not leak); both secrets are always compared,
 * so the timing does not reveal which one matched.
 */
export async function tokenRole(env: Pick<Secrets, "API_TOKEN" | "READ_TOKEN">, token: string): Promise<TokenRole | null> {
  const [write, read] = await Promise.all([
    env.API_TOKEN ? timingSafeEqualStrings(env.API_TOKEN, token) : false,
    env.READ_TOKEN ? timingSafeEqualStrings(env.READ_TOKEN, token) : false,
  ]);
  return write ? "write" : read ? "read" : null;
}
