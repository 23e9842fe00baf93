// Dashboard sessions kept server-side, so logging out revokes a session even when a copy of its
// cookie survives. Rows are keyed by a hash of the cookie's session id, never the id itself.
import { and, eq, gt, lt } from "drizzle-orm";
import type { Db } from "./db";
import { dashboardSessions } from "./schema";

type SessionRole = "write" | "read";

export async function createSession(db: Db, idHash: string, role: SessionRole, expiresAt: number): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  // Expired rows go when someone logs in: no cron needed, the table stays the size of live sessions.
  await db.batch([
    db.delete(dashboardSessions).where(lt(dashboardSessions.expiresAt, now)),
    db.insert(dashboardSessions).values({ idHash, role, expiresAt }),
  ]);
}

/** True when the session exists with this role and has not expired. */
export async function sessionIsLive(db: Db, idHash: string, role: SessionRole, nowSeconds: number): Promise<boolean> {
  const row = await db
    .select({ idHash: dashboardSessions.idHash })
    .from(dashboardSessions)
    .where(and(eq(dashboardSessions.idHash, idHash), eq(dashboardSessions.role, role), gt(dashboardSessions.expiresAt, nowSeconds)))
    .get();
  return row !== undefined;
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(dashboardSessions).where(eq(dashboardSessions.idHash, idHash));
}
