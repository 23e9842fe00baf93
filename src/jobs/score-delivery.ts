// The `delivery` job: scores one recorded webhook delivery and stores its run in the same D1
// transaction that marks the delivery scored and the article active — unless a newer state change
// (a withdrawal, a later edit) was applied first. Idempotent under at-least-once queue delivery.
import type { Bindings } from "../env";
import { sha256Hex } from "../lib/crypto";
import { webhookArticleSchema } from "../lib/webhook-article";
import { applyPublish, assertPublishApplies, getArticleState, staleReason } from "../storage/article-states";
import { type Db, getDb } from "../storage/db";
import {
  type ArticleRef,
  assertStillQueued,
  type Delivery,
  getDelivery,
  markFailed,
  markScored,
  markStale,
  markUnchanged,
  recordAttemptFailure,
} from "../storage/deliveries";
import { latestRunOf } from "../storage/queries-runs";
import { currentRuleset } from "../use-cases/current-ruleset";
import { scoreArticle } from "../use-cases/score-article";
import type { JobHandler } from "./handlers";
import { maybeEnqueueAlert, resendQueuedAlert } from "./notify";

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function score(env: Bindings, db: Db, delivery: Delivery, attempts: number): Promise<void> {
  const deliveryId = delivery.id;
  const parsed = webhookArticleSchema.safeParse(JSON.parse(delivery.payload ?? "null"));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`payload is not a scorable article: ${issue.path.join(".") || "payload"}: ${issue.message}`);
  }
  const a = parsed.data;
  const ref: ArticleRef = { source: a.source, externalId: a.external_id };
  // Deliveries recorded before event orders existed are ordered by their receipt.
  const order = delivery.eventOrder ?? Date.parse(delivery.createdAt);
  const stale = staleReason(await getArticleState(db, ref), order, "publish");
  if (stale) return markStale(db, deliveryId, stale, attempts);

  // The labels are applied by store()'s write; nothing before it depends on them.
  const { result, store } = await scoreArticle(db, a, { ruleset: await currentRuleset(env), deferLabels: true });
  // Both guards abort the whole transaction: a concurrent consumer finished this delivery, or a
  // newer withdrawal was applied while we scored.
  const guards = [assertStillQueued(db, deliveryId), assertPublishApplies(db, ref, order), ...applyPublish(db, ref, order, deliveryId)];

  const latest = await latestRunOf(db, ref);
  let saved: Awaited<ReturnType<typeof store>> | null = null;
  try {
    if (latest && latest.ruleset_version === result.ruleset.version && latest.content_hash === (await sha256Hex(result.text))) {
      // Unchanged content still counts as a publish: a republish after a withdrawal reactivates.
      const [first, ...rest] = [...guards, markUnchanged(db, deliveryId, latest.article_id, latest.id, attempts)];
      await db.batch([first!, ...rest]);
    } else {
      saved = await store(db, { trigger: "webhook", deliveryId }, [...guards, markScored(db, deliveryId, ref, attempts)]);
    }
  } catch (err) {
    if ((await getDelivery(db, deliveryId))?.status !== "queued") return;
    const nowStale = staleReason(await getArticleState(db, ref), order, "publish");
    if (nowStale) return markStale(db, deliveryId, nowStale, attempts);
    throw err;
  }
  if (saved)
    await maybeEnqueueAlert(env, {
      articleId: saved.articleId,
      runId: saved.runId,
      outcome: saved.result.outcome,
      previousOutcome: latest?.outcome ?? null,
    });
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
      await score(env, db, delivery, attempts);
    } catch (err) {
      // Visible on GET /v1/deliveries/:id while the queue retries with backoff.
      await recordAttemptFailure(db, deliveryId, attempts, describe(err));
      throw err;
    }
  },

  async deadLetter({ deliveryId }, env) {
    if (!(await markFailed(getDb(env.DB), deliveryId)))
      console.warn(`dead-lettered delivery ${deliveryId} was not queued (missing or already finished)`);
  },
};
