// Deliveries: every inbound webhook and outbound alert, from receipt to its stored run. The
// unique (provider, delivery_key) index is what makes intake idempotent and refuses replays.
import { and, desc, eq, getTableColumns, inArray, lt, or, sql } from "drizzle-orm";
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
export const articleIdOf = (ref: ArticleRef) =>
  sql`(SELECT ${articles.id} FROM ${articles} WHERE ${articles.source} = ${ref.source} AND ${articles.externalId} = ${ref.externalId})`;

export interface NewDelivery {
  provider: string;
  deliveryKey: string;
  event: string | null;
  status: DeliveryStatus;
  payload?: string | null;
  /** The CMS's order of the event (see article-states.ts). */
  eventOrder?: number | null;
  /** Why an intake-time `ignored` delivery was ignored. */
  reason?: string | null;
  articleId?: string;
  runId?: string;
}

/**
 * Records a delivery unless (provider, delivery_key) was seen before. Returns the new row's id
 * with created = true, or the earlier delivery's id and status with created = false.
 */
export async function recordDelivery(db: Db, input: NewDelivery): Promise<{ id: string; status: DeliveryStatus; created: boolean }> {
  const id = newId("dlv");
  const now = nowIso();
  const inserted = await db
    .insert(deliveries)
    .values({
      id,
      provider: input.provider,
      deliveryKey: input.deliveryKey,
      event: input.event,
      status: input.status,
      payload: input.payload ?? null,
      eventOrder: input.eventOrder ?? null,
      reason: input.reason ?? null,
      articleId: input.articleId ?? null,
      runId: input.runId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
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
  /** The CMS's order of the event (ms since epoch); null for alerts. */
  event_order: number | null;
  /** Why the delivery was ignored, e.g. a state change older than the article's last one. */
  reason: string | null;
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
    event_order: row.eventOrder,
    reason: row.reason,
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

/** Content and ruleset equal the latest run's: nothing to store, point at that run (a batch statement). */
export function markUnchanged(db: Db, id: string, articleId: string, runId: string, attempts: number): BatchItem<"sqlite"> {
  return db
    .update(deliveries)
    .set({ status: "duplicate", articleId, runId, attempts, error: null, updatedAt: nowIso() })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "queued")));
}

/** A publish older than the article's last state change: recorded, not applied. */
export async function markStale(db: Db, id: string, reason: string, attempts: number): Promise<void> {
  await db
    .update(deliveries)
    .set({ status: "ignored", reason, attempts, error: null, updatedAt: nowIso() })
    .where(and(eq(deliveries.id, id), eq(deliveries.status, "queued")));
}

/** A failed attempt that will be retried: visible on the delivery while it stays queued. */
export async function recordAttemptFailure(db: Db, id: string, attempts: number, error: string): Promise<void> {
  await db
    .update(deliveries)
    .set({ attempts, error: error.slice(0, 2000), updatedAt: nowIso() })
    .where(eq(deliveries.id, id));
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

/** A queued delivery untouched for this long has lost its queue message (or never got one). */
export const STUCK_AFTER_MS = 5 * 60 * 1000;

/**
 * Puts a failed delivery, or one stuck in `queued` for STUCK_AFTER_MS, back to queued
 * (POST /v1/deliveries/:id/retry); its last error stays until it succeeds.
 */
export async function requeueFailed(db: Db, id: string, now = Date.now()): Promise<boolean> {
  const stuckBefore = new Date(now - STUCK_AFTER_MS).toISOString();
  const rows = await db
    .update(deliveries)
    .set({ status: "queued", updatedAt: new Date(now).toISOString() })
    .where(
      and(
        eq(deliveries.id, id),
        or(eq(deliveries.status, "failed"), and(eq(deliveries.status, "queued"), lt(deliveries.updatedAt, stuckBefore))),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length > 0;
}

/**
 * Minutes the sweeper waits before re-sending, by how often it already did: 5, 10, 20, 40, then
 * hourly. A delivery merely waiting behind a long queue backlog (a big audit) gets a few extra
 * messages, not one every 5 minutes.
 */
const SWEEP_WAITS_MINUTES = [5, 10, 20, 40, 60] as const;

/** Still queued this long after it was recorded → failed: the Free plan keeps queue messages 24 h. */
const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;

interface StuckDelivery {
  id: string;
  provider: string;
  deliveryKey: string;
  articleId: string | null;
  /** False when it was given up on (GIVE_UP_AFTER_MS) and is now failed instead. */
  requeue: boolean;
}

/**
 * Claims up to `limit` queued deliveries whose wait (SWEEP_WAITS_MINUTES by sweep count) is over:
 * bumps updated_at and the sweep count, or marks them failed once GIVE_UP_AFTER_MS old.
 */
export async function claimStuckDeliveries(db: Db, now: number, limit = 100): Promise<StuckDelivery[]> {
  const before = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const last = SWEEP_WAITS_MINUTES.length - 1;
  const due = or(
    ...SWEEP_WAITS_MINUTES.map((minutes, sweeps) =>
      and(
        sweeps === last ? sql`${deliveries.sweeps} >= ${sweeps}` : eq(deliveries.sweeps, sweeps),
        lt(deliveries.updatedAt, before(minutes)),
      ),
    ),
  );
  const stuck = and(eq(deliveries.status, "queued"), due);
  const giveUp = sql`${deliveries.createdAt} < ${new Date(now - GIVE_UP_AFTER_MS).toISOString()}`;
  const ids = db.select({ id: deliveries.id }).from(deliveries).where(stuck).orderBy(deliveries.updatedAt).limit(limit);
  const rows = await db
    .update(deliveries)
    .set({
      sweeps: sql`${deliveries.sweeps} + 1`,
      updatedAt: new Date(now).toISOString(),
      status: sql`CASE WHEN ${giveUp} THEN 'failed' ELSE 'queued' END`,
      error: sql`CASE WHEN ${giveUp} THEN coalesce(${deliveries.error}, 'never processed: still queued 24 h after it was recorded') ELSE ${deliveries.error} END`,
    })
    .where(and(stuck, inArray(deliveries.id, ids)))
    .returning({
      id: deliveries.id,
      provider: deliveries.provider,
      deliveryKey: deliveries.deliveryKey,
      articleId: deliveries.articleId,
      status: deliveries.status,
    });
  return rows.map(({ status, ...r }) => ({ ...r, requeue: status === "queued" }));
}

export async function markSent(db: Db, id: string, attempts: number, payload: string): Promise<void> {
  await db.update(deliveries).set({ status: "sent", attempts, payload, error: null, updatedAt: nowIso() }).where(eq(deliveries.id, id));
}
