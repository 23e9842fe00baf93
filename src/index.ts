// The Worker entry: thin wiring of the HTTP app, the cron trigger and the queue consumer.
import type { Bindings } from "./env";
import { app } from "./app";
import { runNightlyAudit } from "./jobs/audit";
import type { JobMessage } from "./lib/job-messages";
import { consumeJobs } from "./jobs/queue";

export default {
  fetch: app.fetch,
  async scheduled(controller, env) {
    await runNightlyAudit(env, controller.scheduledTime);
  },
  async queue(batch, env) {
    await consumeJobs(batch, env);
  },
} satisfies ExportedHandler<Bindings, JobMessage>;
