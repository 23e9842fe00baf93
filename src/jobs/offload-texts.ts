// The text offload (cron, every 5 minutes, beside the delivery sweeper): moves article texts
// still inline in D1 to R2 (storage/texts.ts), TEXT_OFFLOAD_BATCH articles per run. New and
// changed texts reach R2 within minutes; rows stored before R2 are backfilled the same way.
import type { Bindings } from "../env";
import { intVar } from "../lib/config";
import { getDb } from "../storage/db";
import { offloadTexts, type OffloadResult } from "../storage/texts";

/** Default per run: one R2 write per distinct text, inside the Free plan's 50 subrequests per invocation. */
export const TEXT_OFFLOAD_BATCH = 40;

export async function offloadArticleTexts(env: Pick<Bindings, "DB" | "TEXT_OFFLOAD_BATCH">): Promise<OffloadResult> {
  const limit = intVar("TEXT_OFFLOAD_BATCH", env.TEXT_OFFLOAD_BATCH, 1, 500, TEXT_OFFLOAD_BATCH);
  return offloadTexts(getDb(env.DB), limit);
}
