// Deliveries: every inbound webhook and outbound alert, from receipt to its stored run. The
// unique (provider, delivery_key) index is what makes intake idempotent and refuses replays.
import { and, desc, eq, getTableColumns, lt, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "./db";
import { newId } from "./ids";
import { type Page, type PageRequest, toPage } from "./queries-page";
import { articles, deliveries } from "./schema";

export type Delivery = typeof deliveries.$inferSelect;
export type DeliveryStatus = Delivery["status"];
export const DELIVERY_STATUSES = deliveries.status.enumValues;

/** Outbound alerts are recorded as deliveries of this provider, keyed by run id (one alert per run). */
export const ALERT_PROVIDER = "notify";

export interface ArticleRef {
  source: string;
  externalId: string;
}

const nowIso = () => new Date().toISOString();
const articleIdOf = (ref: ArticleRef) =>
  sql`(SELECT ${articles.id} FROM ${articles} WHERE ${articles.source} = ${ref.source} AND ${articles.externalId} = ${ref.externalId})`;

export interface NewDelivery {
  provider: string;
  deliveryKey: string;
  event: string | null;
  status: DeliveryStatus;
  payload?: string | null;
  /** Links the delivery to an existing article (e.g. the one a delete withdraws). */
  article?: ArticleRef;
  articleId?: string;
  runId?: string;
  /** Mark this article withdrawn in the same transaction, only if the delivery is new. */
  withdraw?: ArticleRef;
}

/**
 * Records a delivery unless (provider, delivery_key) was seen before. Returns the new row's id
 * with created = true, or the earlier delivery's id and status with created = false.
 */
export async function recordDelivery(db: Db, input: NewDelivery): Promise<{ id: string; status: DeliveryStatus; created: boolean }> {
  const id = newId("dlv");
  const now = nowIso();
  const insert = db
    .insert(deliveries)
    .values({
      id,
      provider: input.provider,
      deliveryKey: input.deliveryKey,
      event: input.event,
      status: input.status,
      payload: input.payload ?? null,
      articleId: input.articleId ?? (input.article ? articleIdOf(input.article) : null),
      runId: input.runId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
  let inserted: { id: string }[];
  if (input.withdraw) {
    const ref = input.withdraw;
    // The EXISTS makes a replayed delete a no-op: only the transaction that created the delivery withdraws.
    const withdraw = db
      .update(articles)
      .set({ status: "withdrawn", updatedAt: now })
      .where(
        and(
          eq(articles.source, ref.source),
          eq(articles.externalId, ref.externalId),
          sql`EXISTS (SELECT 1 FROM ${deliveries} WHERE ${deliveries.id} = ${id})`,
        ),
      );
    [inserted] = await db.batch([insert, withdraw]);
  } else {
    inserted = await insert;
  }
  if (inserted.length) return { id, status: input.status, created: true };
  const existing = await findDelivery(db, input.provider, input.deliveryKey);
  if (!existing) throw new Error(`delivery ${input.provider}/${input.deliveryKey} conflicted but cannot be found`);
  return { id: existing.id, status: existing.status, created: false };
}

export function getDelivery(db: Db, id: string): Promise<Delivery | undefined> {
  return db.select().from(deliveries).where(eq(deliveries.id, id)).get();
}

export function findDelivery(db: Db, provider: string, deliveryKey: string): Promise<Delivery | undefined> {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.provider, provider), eq(deliveries.deliveryKey, deliveryKey)))
    .get();
}

/** A delivery as the API shows it. */
export interface DeliveryView {
  id: string;
  provider: string;
  delivery_key: string;
  event: string | null;
  status: DeliveryStatus;
  article_id: string | null;
  run_id: string | null;
  attempts: number;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export function toDeliveryView(row: Omit<Delivery, "payload">): DeliveryView {
  return {
    id: row.id,
    provider: row.provider,
    delivery_key: row.deliveryKey,
    event: row.event,
    status: row.status,
    article_id: row.articleId,
    run_id: row.runId,
    attempts: row.attempts,
    error: row.error,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

export interface DeliveryFilters {
  status?: DeliveryStatus;
  provider?: string;
}

/** Newest first, keyset-paginated on the time-sortable id; payloads are left out of lists (they can be large). */
export async function listDeliveries(db: Db, filters: DeliveryFilters, page: PageRequest): Promise<Page<DeliveryView>> {
  const { payload: _payload, ...columns } = getTableColumns(deliveries);
  const rows = await db
    .select(columns)
    .from(deliveries)
    .where(
      and(
        filters.status ? eq(deliveries.status, filters.status) : undefined,
        filters.provider ? eq(deliveries.provider, filters.provider) : undefined,
        page.cursor ? lt(deliveries.id, page.cursor.id) : undefined,
      ),
    )
    .orderBy(desc(deliveries.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => ({ at: r.createdAt, id: r.id }), toDeliveryView);
}

/**
 * Batch statement that aborts the whole transaction unless the delivery is still queued: two
 * consumers racing on one delivery (at-least-once queues) cannot both store a run. SQLite has no
 * RAISE outside triggers, so json() of a non-JSON string is the portable way to fail on purpose.
 */
export function assertStillQueued(db: Db, id: string): BatchItem<"sqlite"> {
  return db
    .select({ queued: sql`json(CASE WHEN ${deliveries.status} = 'queued' THEN '0' ELSE 'delivery already processed' END)` })
    .from(deliveries)
    .where(eq(deliveries.id, id));
}

/**
 * Marks a delivery scored. Runs after saveRun's statements in the same batch, so the article's
 * latest_run_id already is the new run (one indexed lookup instead of passing the id in).
 */
export function markScored(db: Db, id: string, article: ArticleRef, attempts: number): BatchItem<"sqlite"> {
  return db
    .update(deliveries)
    .set({
      status: "scored",
      runId: sql`(SELECT ${articles.latestRunId} FROM ${articles} WHERE ${articles.source} = ${article.source} AND ${articles.externalId} = ${article.externalId})`,
      articleId: articleIdOf(article),
      attempts,
      error: null,
      updatedAt: nowIso(),
    })
    .where(eq(deliveries.id, id));
}

/** Content and ruleset equal the latest run's: nothing to store, point at that run. */
export async function markUnchanged(db: Db, id: string, articleId: string, runId: string, attempts: number): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: "duplicate", articleId, runId, attempts, error: null, updatedAt: nowIso() })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "queued")));
}

/** A failed attempt that will be retried: visible on the delivery while it stays queued. */
export async function recordAttemptFailure(db: Db, id: string, attempts: number, error: string): Promise<void> {
  await db.update(deliveries).set({ attempts, error: error.slice(0, 2000), updatedAt: nowIso() }).where(eq(deliveries.id, id));
}

/** Retries exhausted (dead-letter queue): failed, keeping the last attempt's error, unless a late attempt already finished it. */
export async function markFailed(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ status: "failed", error: sql`coalesce(${deliveries.error}, 'retries exhausted')`, updatedAt: nowIso() })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "queued")))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/** Puts a failed delivery back to queued (POST /v1/deliveries/:id/retry); its last error stays until it succeeds. */
export async function requeueFailed(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ status: "queued", updatedAt: nowIso() })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "failed")))
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

export async function markSent(db: Db, id: string, attempts: number, payload: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: "sent", attempts, payload, error: null, updatedAt: nowIso() })
    .where(eq(deliveries.id, id));
}
