// The Worker entry: thin wiring of the HTTP app, the cron trigger and the queue consumer.
import { app } from "./http/app";
import type { Bindings } from "./env";

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Bindings>;
