// The queue consumer: dispatches each message to its job handler and acks or retries it
// explicitly (never ack on error). Messages that exhaust their retries land on the
// dead-letter queue, whose consumer lets the owning job record the failure durably.
import type { Bindings } from "../env";
import { jobHandlers } from "./handlers";
import type { JobMessage } from "../lib/job-messages";

export const DEAD_LETTER_QUEUE_SUFFIX = "-dlq";

/** Exponential backoff for retries: 5 s, 10 s, 20 s … capped at 5 minutes. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(300, 5 * 2 ** Math.max(0, attempts - 1));
}

export async function consumeJobs(batch: MessageBatch<JobMessage>, env: Bindings): Promise<void> {
  const deadLetters = batch.queue.endsWith(DEAD_LETTER_QUEUE_SUFFIX);
  for (const message of batch.messages) {
    const job = message.body;
    const handler = jobHandlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${JSON.stringify(job.type)}`);
      if (deadLetters) await handler.deadLetter(job as never, env, message.attempts);
      else await handler.process(job as never, env, message.attempts);
      message.ack();
    } catch (err) {
      console.error(`job ${job.type} ${message.id} failed (attempt ${message.attempts})`, err);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}
