// Run retention (nightly cron, after the audit starts): keeps each article's newest
// RETENTION_KEEP_RUNS runs and every run younger than RETENTION_DAYS, plus latest runs and runs
// an audit change names; deletes the rest in bounded steps (storage/retention.ts). A large
// archive is walked over several nights: each invocation does at most RETENTION_STEPS steps.
import type { Bindings } from "../env";
import { intVar } from "../lib/config";
import { getDb } from "../storage/db";
import { pruneRunsStep } from "../storage/retention";

export const RETENTION_DEFAULTS = { keepRuns: 10, keepDays: 180, examine: 500, steps: 5 } as const;

type RetentionEnv = Pick<Bindings, "DB"> & Partial<Record<"RETENTION_KEEP_RUNS" | "RETENTION_DAYS" | "RETENTION_STEPS", string>>;

export async function pruneOldRuns(env: RetentionEnv, now: Date): Promise<{ examined: number; deleted: number }> {
  const policy = {
    keepRuns: intVar("RETENTION_KEEP_RUNS", env.RETENTION_KEEP_RUNS, 1, 10_000, RETENTION_DEFAULTS.keepRuns),
    keepDays: intVar("RETENTION_DAYS", env.RETENTION_DAYS, 0, 36_500, RETENTION_DEFAULTS.keepDays),
  };
  // Each step is 3 D1 calls: 5 steps stay inside the Free plan's 50 subrequests beside the audit's start.
  const steps = intVar("RETENTION_STEPS", env.RETENTION_STEPS, 1, 100, RETENTION_DEFAULTS.steps);
  const db = getDb(env.DB);
  const total = { examined: 0, deleted: 0 };
  for (let i = 0; i < steps; i++) {
    const step = await pruneRunsStep(db, policy, { now, examine: RETENTION_DEFAULTS.examine });
    total.examined += step.examined;
    total.deleted += step.deleted;
    if (step.passDone) break;
  }
  if (total.deleted) console.log(`retention: ${total.deleted} of ${total.examined} old runs examined deleted`);
  return total;
}
