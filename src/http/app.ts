// The Hono app: middleware, resources mounted with app.route(), one error handler.
import { Hono } from "hono";
import type { Bindings } from "../env";

export const app = new Hono<{ Bindings: Bindings }>();

app.get("/healthz", (c) => c.json({ ok: true }));
