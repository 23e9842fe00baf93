// The drizzle handle over the D1 binding.
import { drizzle } from "drizzle-orm/d1";
import * as schema from "./schema";

// storage/runs.ts still imports the hash from here; the helper lives in src/lib/crypto.ts.
// TODO(lead): point runs.ts at ../lib/crypto once the audit-scale branch has merged, then drop this line.
export { sha256Hex } from "../lib/crypto";

export type Db = ReturnType<typeof getDb>;

export function getDb(d1: D1Database) {
  return drizzle(d1, { schema });
}
