// The whole HTTP surface: the JSON API, then the dashboard, behind one error handler. The only
// module (with src/index.ts) that imports both src/http and src/ui.
import { Hono } from "hono";
import type { AuthEnv } from "./http/auth";
import { api } from "./http/app";
import { notFoundHandler, onError } from "./http/errors";
import { uiRoutes } from "./ui/routes";

export const app = new Hono<AuthEnv>();

app.route("/", api);
// The dashboard last: its pages own "/", /login, /articles/*, /rules/*, /audits/*, /export/*.
app.route("/", uiRoutes);

app.onError(onError);
app.notFound(notFoundHandler(app.routes));
