// The `delivery` job: scores one recorded webhook delivery and stores its run in the same D1
// transaction that marks the delivery scored. Idempotent under at-least-once queue delivery.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { checkArticle } from "../engine";
import type { Bindings } from "../env";
import { currentRuleset } from "../rules";
import { type Db, getDb, sha256Hex } from "../storage/db";
import {
  type ArticleRef,
  assertStillQueued,
  getDelivery,
  markFailed,
  markScored,
  markUnchanged,
  recordAttemptFailure,
} from "../storage/deliveries";
import { saveRun } from "../storage/runs";
import { articles, runs } from "../storage/schema";
import type { JobHandler } from "./handlers";
import { maybeEnqueueAlert, resendQueuedAlert } from "./notify";

/** The normalised article intake stored in deliveries.payload (src/http/webhooks/providers.ts). */
const storedArticle = z
  .object({
    source: z.string().min(1),
    external_id: z.string().min(1),
    title: z.string().nullable(),
    html: z.string().nullable(),
    text: z.string().nullable(),
    url: z.string().nullable(),
    published_at: z.string().nullable(),
    language: z.string().nullable(),
  })
  .refine((a) => a.html !== null || a.text !== null, { error: "neither html nor text" });

/** The article's latest run, to skip re-storing identical content judged by the same ruleset. */
async function latestRun(db: Db, ref: ArticleRef) {
  const rows = await db
    .select({ articleId: articles.id, runId: runs.id, contentHash: runs.contentHash, rulesetVersion: runs.rulesetVersion, outcome: runs.outcome })
    .from(articles)
    .innerJoin(runs, eq(runs.id, articles.latestRunId))
    .where(and(eq(articles.source, ref.source), eq(articles.externalId, ref.externalId)))
    .limit(1);
  return rows[0] ?? null;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function score(env: Bindings, db: Db, deliveryId: string, payload: string | null, attempts: number): Promise<void> {
  const parsed = storedArticle.safeParse(JSON.parse(payload ?? "null"));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`payload is not a scorable article: ${issue.path.join(".") || "payload"}: ${issue.message}`);
  }
  const a = parsed.data;
  const ref: ArticleRef = { source: a.source, externalId: a.external_id };
  const ruleset = currentRuleset();
  const result = checkArticle(
    { html: a.html ?? undefined, text: a.html === null ? (a.text ?? "") : undefined, title: a.title ?? undefined, publishedAt: a.published_at, language: a.language ?? undefined },
    ruleset,
    { now: new Date() },
  );

  const latest = await latestRun(db, ref);
  if (latest && latest.rulesetVersion === result.ruleset.version && latest.contentHash === (await sha256Hex(result.text))) {
    await markUnchanged(db, deliveryId, latest.articleId, latest.runId, attempts);
    return;
  }

  let saved: { runId: string; articleId: string };
  try {
    saved = await saveRun(
      db,
      {
        article: { source: a.source, externalId: a.external_id, url: a.url, title: a.title, text: result.text, publishedAt: a.published_at, language: a.language },
        result,
        ruleset,
        trigger: "webhook",
        deliveryId,
      },
      [assertStillQueued(db, deliveryId), markScored(db, deliveryId, ref, attempts)],
    );
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
