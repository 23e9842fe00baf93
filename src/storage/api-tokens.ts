// Per-person API tokens for scripts. The token is random (256 bits) and shown once; D1 keeps
// only its SHA-256, so a leaked table cannot be replayed. A revoked token keeps its row.
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { sha256Hex } from "../lib/crypto";
import type { Db } from "./db";
import { newId } from "./ids";
import { apiTokens } from "./schema";

export type TokenRoleName = "write" | "read";

export interface ApiToken {
  id: string;
  /** The person the token acts for (email): actions it takes are credited to them. */
  owner: string;
  name: string;
  role: TokenRoleName;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const PREFIX = "ahp_"; // recognisable in logs and secret scanners

function toApiToken(row: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: row.id,
    owner: row.owner,
    name: row.name,
    role: row.role,
    created_by: row.createdBy,
    created_at: row.createdAt,
    last_used_at: row.lastUsedAt,
    revoked_at: row.revokedAt,
  };
}

export function looksLikePersonalToken(token: string): boolean {
  return token.startsWith(PREFIX);
}

/** Creates a token; the secret is returned here and never again. */
export async function createApiToken(
  db: Db,
  input: { owner: string; name: string; role: TokenRoleName; createdBy: string },
): Promise<{ token: string; record: ApiToken }> {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const token =
    PREFIX +
    btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  const row = await db
    .insert(apiTokens)
    .values({
      id: newId("tok"),
      tokenHash: await sha256Hex(token),
      owner: input.owner,
      name: input.name,
      role: input.role,
      createdBy: input.createdBy,
    })
    .returning()
    .get();
  return { token, record: toApiToken(row) };
}

/** The live (not revoked) token with this secret, or null. Records its use at most every 5 minutes (no write per request). */
export async function findApiToken(db: Db, token: string, now = new Date()): Promise<ApiToken | null> {
  if (!looksLikePersonalToken(token)) return null;
  const row = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, await sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .get();
  if (!row) return null;
  const stamp = now.toISOString();
  if (!row.lastUsedAt || Date.parse(row.lastUsedAt) < now.getTime() - 5 * 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: stamp }).where(eq(apiTokens.id, row.id));
    row.lastUsedAt = stamp;
  }
  return toApiToken(row);
}

export async function listApiTokens(db: Db): Promise<ApiToken[]> {
  const rows = await db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(apiTokens.id)).limit(500);
  return rows.map(toApiToken);
}

/** Revokes a token; null when there is no such token. Revoking twice keeps the first time. */
export async function revokeApiToken(db: Db, id: string): Promise<ApiToken | null> {
  await db
    .update(apiTokens)
    .set({ revokedAt: sql`strftime('%Y-%m-%dT%H:%M:%fZ','now')` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  const row = await db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
  return row ? toApiToken(row) : null;
}
