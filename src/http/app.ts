// The Hono app: middleware, resources mounted with app.route(), one error handler.
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import { articleRoutes } from "./articles";
import { auditRoutes } from "./audits";
import { apiAuth, type AuthEnv } from "./auth";
import { correctionRoutes } from "./corrections";
import { deliveryRoutes } from "./deliveries";
import { exportRoutes } from "./exports";
import { notFoundHandler, onError } from "./errors";
import { healthRoutes } from "./health";
import { openApiRoutes } from "./openapi";
import { ruleRoutes } from "./rules";
import { runRoutes } from "./runs";
import { scoreRoutes } from "./score";
import { tokenRoutes } from "./tokens";
import { uiRoutes } from "../ui/routes";
import { webhookRoutes } from "./webhooks/intake";

export const app = new Hono<AuthEnv>();

app.use(secureHeaders());
// Every /v1 route needs a bearer token, except /v1/webhooks/* (CMS signatures are checked there).
app.use("/v1/*", apiAuth());

app.route("/healthz", healthRoutes);
app.route("/openapi.json", openApiRoutes);
// Exports first: /v1/audits/:id.csv must match before any /v1/audits/:id route.
app.route("/", exportRoutes);
app.route("/v1/score", scoreRoutes);
app.route("/v1/articles", articleRoutes);
app.route("/v1/runs", runRoutes);
app.route("/v1/rules", ruleRoutes);
app.route("/v1/audits", auditRoutes);
app.route("/v1/corrections", correctionRoutes);
app.route("/v1/webhooks", webhookRoutes);
app.route("/v1/deliveries", deliveryRoutes);
app.route("/v1/tokens", tokenRoutes);
// The dashboard last: its pages own "/", /login, /articles/*, /rules/*, /audits/*, /export/*.
app.route("/", uiRoutes);

app.onError(onError);
app.notFound(notFoundHandler(app.routes));
