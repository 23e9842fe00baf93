// The one registry of job handlers, keyed by message type. Each job module owns its handler.
import type { Bindings } from "../env";
import { auditBatchHandler } from "./audit-batch";
import { auditDigest } from "./audit-digest";
import type { JobOf, JobType } from "../lib/job-messages";
import { notify } from "./notify";
import { rulesetPreview } from "./ruleset-preview";
import { scoreDelivery } from "./score-delivery";

export interface JobHandler<T extends JobType> {
  /** Do the work. Throw to retry (the message is retried with backoff, then dead-lettered). */
  process(job: JobOf<T>, env: Bindings, attempts: number): Promise<void>;
  /** The message exhausted its retries: record the failure durably (must be idempotent). */
  deadLetter(job: JobOf<T>, env: Bindings, attempts: number): Promise<void>;
}

export const jobHandlers: { [T in JobType]?: JobHandler<T> } = {
  delivery: scoreDelivery,
  notify,
  "audit-batch": auditBatchHandler,
  "audit-digest": auditDigest,
  "ruleset-preview": rulesetPreview,
};
