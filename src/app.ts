// The whole HTTP surface: the JSON API, then the dashboard, behind one error handler. The only
// module (with src/index.ts) that imports both src/http and src/ui.
import { Hono } from "hono";
import type { AuthEnv } from "./http/auth";
import { api } from "./http/app";
import { notFoundHandler, onError } from "./http/errors";
import { rulesetUiRoutes } from "./ui/ruleset-routes";
import { uiRoutes } from "./ui/routes";

export const app = new Hono<AuthEnv>();

app.route("/", api);
// The dashboard last: its pages own "/", /login, /articles/*, /rules/*, /audits/*, /export/*.
// The rule editor before the dashboard, whose catch-all 404 page is registered last.
app.route("/", rulesetUiRoutes);
app.route("/", uiRoutes);

app.onError(onError);
app.notFound(notFoundHandler(app.routes));
