// The nightly cron: expire stuck audits and start today's (use-cases/audit.ts), send the digest
// of each audit the expiry finished (it had no settled batch left to do it), and prune old runs.
// Each part runs even if another fails; the invocation still reports the failure.
import type { Bindings } from "../env";
import { runNightlyAudit } from "../use-cases/audit";
import { maybeEnqueueDigest } from "./audit-digest";
import { pruneOldRuns } from "./retention";

export async function runNightly(env: Bindings, scheduledTime: number): Promise<void> {
  const audit = async () => {
    const { expired } = await runNightlyAudit(env, scheduledTime);
    for (const id of expired) await maybeEnqueueDigest(env, id);
  };
  const results = await Promise.allSettled([audit(), pruneOldRuns(env, new Date(scheduledTime))]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}
