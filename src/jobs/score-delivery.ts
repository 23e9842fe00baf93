// The `delivery` job: scores one recorded webhook delivery and stores its run in the same D1
// transaction that marks the delivery scored. Idempotent under at-least-once queue delivery.
import type { Bindings } from "../env";
import { sha256Hex } from "../lib/crypto";
import { webhookArticleSchema } from "../lib/webhook-article";
import { type Db, getDb } from "../storage/db";
import {
  type ArticleRef,
  assertStillQueued,
  getDelivery,
  markFailed,
  markScored,
  markUnchanged,
  recordAttemptFailure,
} from "../storage/deliveries";
import { latestRunOf } from "../storage/queries-runs";
import { scoreArticle } from "../use-cases/score-article";
import type { JobHandler } from "./handlers";
import { maybeEnqueueAlert, resendQueuedAlert } from "./notify";

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function score(env: Bindings, db: Db, deliveryId: string, payload: string | null, attempts: number): Promise<void> {
  const parsed = webhookArticleSchema.safeParse(JSON.parse(payload ?? "null"));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`payload is not a scorable article: ${issue.path.join(".") || "payload"}: ${issue.message}`);
  }
  const a = parsed.data;
  const ref: ArticleRef = { source: a.source, externalId: a.external_id };
  const { result, store } = scoreArticle(a);

  // Skip re-storing identical content judged by the same ruleset.
  const latest = await latestRunOf(db, ref);
  if (latest && latest.ruleset_version === result.ruleset.version && latest.content_hash === (await sha256Hex(result.text))) {
    await markUnchanged(db, deliveryId, latest.article_id, latest.id, attempts);
    return;
  }

  let saved: { runId: string; articleId: string };
  try {
    saved = await store(db, { trigger: "webhook", deliveryId }, [assertStillQueued(db, deliveryId), markScored(db, deliveryId, ref, attempts)]);
  } catch (err) {
    // The guard rolled the batch back because a concurrent consumer finished this delivery first.
    if ((await getDelivery(db, deliveryId))?.status !== "queued") return;
    throw err;
  }
  await maybeEnqueueAlert(env, { articleId: saved.articleId, runId: saved.runId, outcome: result.outcome, previousOutcome: latest?.outcome ?? null });
}

export const scoreDelivery: JobHandler<"delivery"> = {
  async process({ deliveryId }, env, attempts) {
    const db = getDb(env.DB);
    const delivery = await getDelivery(db, deliveryId);
    if (!delivery) throw new Error(`delivery ${deliveryId} does not exist`);
    if (delivery.status !== "queued") {
      // Redelivered after the run was stored: the alert may be what failed last time.
      if (delivery.status === "scored" && delivery.runId) await resendQueuedAlert(env, delivery.runId);
      return;
    }
    try {
      await score(env, db, deliveryId, delivery.payload, attempts);
    } catch (err) {
      // Visible on GET /v1/deliveries/:id while the queue retries with backoff.
      await recordAttemptFailure(db, deliveryId, attempts, describe(err));
      throw err;
    }
  },

  async deadLetter({ deliveryId }, env) {
    if (!(await markFailed(getDb(env.DB), deliveryId))) console.warn(`dead-lettered delivery ${deliveryId} was not queued (missing or already finished)`);
  },
};
