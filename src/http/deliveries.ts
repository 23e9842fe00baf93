// GET /v1/deliveries (filter by status/provider, newest first, cursor pages), GET /v1/deliveries/:id
// (with the normalised article and the run it produced) and POST /v1/deliveries/:id/retry.
import { Hono } from "hono";
import { z } from "zod";
import type { JobMessage } from "../lib/job-messages";
import { getDb } from "../storage/db";
import {
  ALERT_PROVIDER,
  DELIVERY_STATUSES,
  getDelivery,
  listDeliveries,
  markFailed,
  requeueFailed,
  STUCK_AFTER_MS,
  toDeliveryView,
} from "../storage/deliveries";
import { getStoredRun } from "../storage/queries-runs";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, error, idParameter, object, ok, pageDescriptions, pageOf, type Paths, queryParameters, ref } from "./openapi/kit";
import { pageQuery } from "../use-cases/query-schemas";
import { noQuery, parseQuery } from "./validation";

const listQuery = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  provider: z.string().min(1).max(64).optional(),
  ...pageQuery,
});

export const deliveryRoutes = new Hono<AuthEnv>();

deliveryRoutes.get("/", async (c) => {
  const { limit, cursor, ...filters } = parseQuery(listQuery, c.req.query());
  return c.json(await listDeliveries(getDb(c.env.DB), filters, { limit, cursor }));
});

deliveryRoutes.get("/:id", noQuery, async (c) => {
  const db = getDb(c.env.DB);
  const delivery = await getDelivery(db, c.req.param("id"));
  if (!delivery) throw notFound(c.req.param("id"));
  return c.json({
    ...toDeliveryView(delivery),
    payload: parsePayload(delivery.payload),
    run: delivery.runId ? await getStoredRun(db, delivery.runId) : null,
  });
});

// A failed delivery (or alert) goes back on the queue once its cause is fixed; so does one stuck in
// `queued` (its queue message was lost) — the consumer's guards make a second message harmless.
deliveryRoutes.post("/:id/retry", noQuery, async (c) => {
  const db = getDb(c.env.DB);
  const delivery = await getDelivery(db, c.req.param("id"));
  if (!delivery) throw notFound(c.req.param("id"));
  if (!(await requeueFailed(db, delivery.id))) {
    throw new ApiError(
      409,
      "conflict",
      `Delivery ${delivery.id} is ${delivery.status}; only failed deliveries, or ones queued for more than ${STUCK_AFTER_MS / 60_000} minutes, can be retried.`,
    );
  }
  try {
    if (delivery.provider === ALERT_PROVIDER)
      await c.env.ALERTS.send({ type: "notify", articleId: delivery.articleId ?? "", runId: delivery.deliveryKey } satisfies JobMessage);
    else await c.env.JOBS.send({ type: "delivery", deliveryId: delivery.id } satisfies JobMessage);
  } catch (err) {
    await markFailed(db, delivery.id);
    throw err;
  }
  return c.json({ delivery_id: delivery.id, status: "queued" }, 202);
});

/** The stored JSON, or the raw text when it is not JSON (a corrupt payload is why such a delivery failed). */
function parsePayload(payload: string | null): unknown {
  if (payload === null) return null;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

function notFound(id: string): ApiError {
  return new ApiError(404, "not_found", `No delivery with id "${id}".`);
}

export const deliveryApiDoc = (): Paths => ({
  "/v1/deliveries": {
    get: {
      summary: "Webhook deliveries and outbound alerts, newest first",
      tags: ["webhooks"],
      operationId: "listDeliveries",
      parameters: queryParameters(listQuery, {
        status: "Only deliveries in this state.",
        provider: "Only this provider (notify: outbound alerts).",
        ...pageDescriptions,
      }),
      responses: { 200: ok("One page of deliveries.", pageOf("Delivery")), 400: common[400], 401: common[401] },
    },
  },
  "/v1/deliveries/{id}": {
    get: {
      summary: "One delivery with its normalised article and the run it produced",
      tags: ["webhooks"],
      operationId: "getDelivery",
      parameters: [idParameter("delivery")],
      responses: { 200: ok("The delivery.", ref("Delivery")), 400: common[400], 401: common[401], 404: common[404] },
    },
  },
  "/v1/deliveries/{id}/retry": {
    post: {
      summary: "Put a failed delivery (or alert), or one stuck queued for 5 minutes, back on the queue",
      tags: ["webhooks"],
      operationId: "retryDelivery",
      parameters: [idParameter("delivery")],
      responses: {
        202: ok("Queued again.", object('{ delivery_id, status: "queued" }')),
        400: common[400],
        401: common[401],
        403: error("The read-only token cannot retry."),
        404: common[404],
        409: error("Only failed deliveries, or ones queued for more than 5 minutes, can be retried."),
      },
    },
  },
});
