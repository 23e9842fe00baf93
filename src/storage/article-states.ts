// An article's life cycle in the CMS's order of events: article_states holds the last state
// change applied (publish → active, unpublish/delete → withdrawn) with its event order. A change
// older than that one is recorded on its delivery but not applied, so neither the queue's order
// nor a CMS retry of an old publish can resurrect a withdrawn article.
import { and, eq, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./db";
import { newId } from "./ids";
import { articleStates, articles, deliveries } from "./schema";

interface ArticleKey {
  source: string;
  externalId: string;
}

type ArticleState = typeof articleStates.$inferSelect;

const nowIso = () => new Date().toISOString();

/** Why a change at `order` does not apply over `state`; null when it applies. Ties go to the withdrawal. */
export function staleReason(
  state: Pick<ArticleState, "state" | "eventOrder"> | undefined,
  order: number,
  change: "publish" | "withdraw",
): string | null {
  if (!state) return null;
  const older = order < state.eventOrder || (change === "publish" && order === state.eventOrder && state.state === "withdrawn");
  return older ? `stale: the article was already ${state.state} by a change at order ${state.eventOrder} (this one: ${order})` : null;
}

export function getArticleState(db: Db, key: ArticleKey): Promise<ArticleState | undefined> {
  return db
    .select()
    .from(articleStates)
    .where(and(eq(articleStates.source, key.source), eq(articleStates.externalId, key.externalId)))
    .get();
}

/**
 * Batch statement that aborts the transaction when a newer state change was applied since the
 * consumer read the state (a withdrawal that arrived while the article was being scored).
 */
export function assertPublishApplies(db: Db, key: ArticleKey, order: number): BatchItem<"sqlite"> {
  // No state row → no rows selected → nothing to fail; json() of a non-JSON string fails on purpose.
  return db
    .select({
      applies: sql`json(CASE WHEN ${articleStates.eventOrder} > ${order} OR (${articleStates.eventOrder} = ${order} AND ${articleStates.state} = 'withdrawn') THEN 'stale publish' ELSE '0' END)`,
    })
    .from(articleStates)
    .where(and(eq(articleStates.source, key.source), eq(articleStates.externalId, key.externalId)));
}

/** Batch statements that record a publish as the article's latest state and make the article active. */
export function applyPublish(db: Db, key: ArticleKey, order: number, deliveryId: string): BatchItem<"sqlite">[] {
  const now = nowIso();
  return [
    db
      .insert(articleStates)
      .values({ source: key.source, externalId: key.externalId, state: "active", eventOrder: order, deliveryId, updatedAt: now })
      .onConflictDoUpdate({
        target: [articleStates.source, articleStates.externalId],
        set: { state: "active", eventOrder: order, deliveryId, updatedAt: now },
      }),
    db
      .update(articles)
      .set({ status: "active", updatedAt: now })
      .where(and(eq(articles.source, key.source), eq(articles.externalId, key.externalId), eq(articles.status, "withdrawn"))),
  ];
}

interface WithdrawalInput {
  provider: string;
  deliveryKey: string;
  event: string | null;
  key: ArticleKey;
  order: number;
}

/**
 * Records a withdrawal delivery and, in the same transaction, applies it unless the article's
 * state is newer: the delivery ends `withdrawn`, or `ignored` with the stale reason. A replayed
 * delivery key changes nothing and returns the earlier delivery (created = false).
 */
export async function recordWithdrawal(
  db: Db,
  input: WithdrawalInput,
): Promise<{ id: string; status: string; reason: string | null; created: boolean }> {
  const id = newId("dlv");
  const now = nowIso();
  const { source, externalId } = input.key;
  const appliedByThis = sql`EXISTS (SELECT 1 FROM ${articleStates} WHERE source = ${source} AND external_id = ${externalId} AND delivery_id = ${id})`;
  const current = await getArticleState(db, input.key);
  const reason = staleReason(current, input.order, "withdraw") ?? "stale: a newer state change was applied first";
  await db.batch([
    db
      .insert(deliveries)
      .values({
        id,
        provider: input.provider,
        deliveryKey: input.deliveryKey,
        event: input.event,
        status: "withdrawn",
        eventOrder: input.order,
        articleId: sql`(SELECT id FROM ${articles} WHERE source = ${source} AND external_id = ${externalId})`,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing(),
    // Selecting from the new delivery row makes a replayed delivery key (no row inserted) a no-op.
    db
      .insert(articleStates)
      .select(
        db
          .select({
            source: sql<string>`${source}`.as("source"),
            externalId: sql<string>`${externalId}`.as("external_id"),
            state: sql<"withdrawn">`'withdrawn'`.as("state"),
            eventOrder: sql<number>`${input.order}`.as("event_order"),
            deliveryId: deliveries.id,
            updatedAt: sql<string>`${now}`.as("updated_at"),
          })
          .from(deliveries)
          .where(eq(deliveries.id, id)),
      )
      .onConflictDoUpdate({
        target: [articleStates.source, articleStates.externalId],
        set: {
          state: "withdrawn",
          eventOrder: sql`excluded.event_order`,
          deliveryId: sql`excluded.delivery_id`,
          updatedAt: sql`excluded.updated_at`,
        },
        setWhere: sql`excluded.event_order >= ${articleStates.eventOrder}`,
      }),
    db
      .update(articles)
      .set({ status: "withdrawn", updatedAt: now })
      .where(and(eq(articles.source, source), eq(articles.externalId, externalId), appliedByThis)),
    db
      .update(deliveries)
      .set({ status: "ignored", reason })
      .where(and(eq(deliveries.id, id), sql`NOT ${appliedByThis}`)),
  ]);
  const row = await db.select().from(deliveries).where(eq(deliveries.id, id)).get();
  if (row) return { id, status: row.status, reason: row.reason, created: true };
  const existing = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.provider, input.provider), eq(deliveries.deliveryKey, input.deliveryKey)))
    .get();
  if (!existing) throw new Error(`delivery ${input.provider}/${input.deliveryKey} conflicted but cannot be found`);
  return { id: existing.id, status: existing.status, reason: existing.reason, created: false };
}
