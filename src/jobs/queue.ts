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

async function handle(message: Message<JobMessage>, env: Bindings, deadLetters: boolean): Promise<void> {
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

export async function consumeJobs(batch: MessageBatch<JobMessage>, env: Bindings): Promise<void> {
  const deadLetters = batch.queue.endsWith(DEAD_LETTER_QUEUE_SUFFIX);
  // Alerts wait on the network, not the CPU: a batch of them is sent side by side and settled
  // together, so one slow receiver costs the batch one timeout, not one per alert.
  if (!deadLetters && batch.messages.every((m) => m.body.type === "notify")) {
    await Promise.allSettled(batch.messages.map((m) => handle(m, env, false)));
    return;
  }
  for (const message of batch.messages) await handle(message, env, deadLetters);
}
