// The JSON API: middleware and resources mounted with api.route(). Composed with the dashboard
// in src/app.ts, which also installs the one error handler.
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { articleRoutes } from "./articles";
import { auditRoutes } from "./audits";
import { apiAuth, type AuthEnv } from "./auth";
import { correctionRoutes } from "./corrections";
import { deliveryRoutes } from "./deliveries";
import { exportRoutes } from "./exports";
import { feedbackRoutes } from "./feedback";
import { healthRoutes } from "./health";
import { openApiRoutes } from "./openapi";
import { ruleRoutes } from "./rules";
import { rulesetRoutes } from "./rulesets";
import { runRoutes } from "./runs";
import { scoreRoutes } from "./score";
import { tokenRoutes } from "./tokens";
import { webhookRoutes } from "./webhooks/intake";

export const api = new Hono<AuthEnv>();

api.use(secureHeaders());
// Every /v1 route needs a bearer token, except /v1/webhooks/* (CMS signatures are checked there).
api.use("/v1/*", apiAuth());

api.route("/healthz", healthRoutes);
api.route("/openapi.json", openApiRoutes);
// Exports first: /v1/audits/:id.csv must match before any /v1/audits/:id route.
api.route("/", exportRoutes);
api.route("/v1/score", scoreRoutes);
api.route("/v1/articles", articleRoutes);
// /v1/articles/:id/feedback, /v1/feedback/:id and /v1/feedback.json.
api.route("/v1", feedbackRoutes);
api.route("/v1/runs", runRoutes);
api.route("/v1/rules", ruleRoutes);
api.route("/v1/rulesets", rulesetRoutes);
api.route("/v1/audits", auditRoutes);
api.route("/v1/corrections", correctionRoutes);
api.route("/v1/webhooks", webhookRoutes);
api.route("/v1/deliveries", deliveryRoutes);
api.route("/v1/tokens", tokenRoutes);
