// The Worker entry: thin wiring of the HTTP app, the cron triggers and the queue consumers.
import { env } from "cloudflare:workers";
import type { Bindings } from "./env";
import { app } from "./app";
import type { JobMessage } from "./lib/job-messages";
import { consumeJobs } from "./jobs/queue";
import { SWEEP_CRON, sweepStuckDeliveries } from "./jobs/sweep";
import { configProblems } from "./lib/config";
import { offloadArticleTexts } from "./jobs/offload-texts";
import { runNightly } from "./jobs/nightly";
import { setTextBucket } from "./storage/texts";

// Article texts in R2 are read through storage (storage/texts.ts): a binding is fixed per isolate.
setTextBucket((env as Bindings).TEXTS);

// Unusable secrets are reported once per isolate, at startup, each with its fix (and on /healthz).
for (const problem of configProblems(env as Bindings)) console.error(`config: ${problem}`);

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    if (controller.cron === SWEEP_CRON) {
      // Both run even if one fails; the cron invocation still reports the failure.
      const results = await Promise.allSettled([sweepStuckDeliveries(env, controller.scheduledTime), offloadArticleTexts(env)]);
      const failed = results.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
    } else await runNightly(env, controller.scheduledTime);
  },
  async queue(batch, env) {
    await consumeJobs(batch, env);
  },
} satisfies ExportedHandler<Bindings, JobMessage>;
