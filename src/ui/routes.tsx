// The dashboard: server-rendered pages mounted at "/" after the API. Every route lists its own
// guards (no `use("*")`), so nothing here runs for /v1, /healthz or /openapi.json.
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { tokenRole } from "../lib/tokens";
import { articleTotals, getArticle, listSources } from "../storage/articles";
import { listChanges } from "../storage/audit-changes";
import { getAudit, listAudits } from "../storage/audits";
import { listCorrections } from "../storage/corrections";
import { getDb } from "../storage/db";
import { parseCursor } from "../storage/queries-page";
import { getLatestRunWithVerdicts, listRuns } from "../storage/queries-runs";
import { listChangesSince } from "../storage/since";
import { listTriage } from "../storage/triage";
import { articlesCsvResponse, auditCsvResponse, claimReviewResponse } from "../use-cases/exports";
import { activeRules } from "../use-cases/current-ruleset";
import { scoreArticle } from "../use-cases/score-article";
import { listFeedback } from "../storage/feedback";
import { feedbackUiRoutes } from "./feedback-routes";
import { ruleUiRoutes } from "./rule-routes";
import { ArticlePage } from "./article-page";
import { ArticlesPage } from "./articles-page";
import { cmsEditUrl } from "./cms-edit";
import { CorrectionsPage } from "./corrections-page";
import { AuditPage } from "./audit-page";
import { AuditsPage } from "./audits-page";
import { LoginPage, MessagePage } from "./login-page";
import { safeNext } from "./next-path";
import { SincePage } from "./since-page";
import { headers, message, nonce, page, render, requireCsrf, requireSession, sameOrigin, type UiEnv } from "./middleware";
import { listQuery } from "./list-query";
import { endSession, readSession, startSession } from "./session";

const PAGE_SIZE = 50;

export const uiRoutes = new Hono<UiEnv>();

// ---- login / logout -------------------------------------------------------------------------

uiRoutes.get("/login", headers, async (c) => {
  const unknown = Object.keys(c.req.query()).filter((name) => name !== "next");
  if (unknown.length) return message(c, 400, "Unknown query parameter", `/login takes only "next"; remove ${unknown.join(", ")}.`);
  const next = safeNext(c.req.query("next"), c.req.url);
  if (await readSession(c)) return c.redirect(next, 303);
  if (!c.env.API_TOKEN)
    return message(
      c,
      503,
      "Dashboard not configured",
      "Set the API_TOKEN secret (`wrangler secret put API_TOKEN`, or .dev.vars locally) to enable logins.",
    );
  return render(c, 200, <LoginPage nonce={nonce(c)} next={next} />);
});

uiRoutes.post("/login", headers, async (c) => {
  if (!(await sameOrigin(c)))
    return message(c, 403, "Request refused", "The login form must be submitted from this site (CSRF check failed).");
  if (!c.env.API_TOKEN) return message(c, 503, "Dashboard not configured", "Set the API_TOKEN secret to enable logins.");
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  const next = safeNext((form as Record<string, unknown>).next, c.req.url);
  const token = (form as Record<string, unknown>).token;
  const role = typeof token === "string" && token ? await tokenRole(c.env, token) : null;
  if (!role)
    return render(c, 401, <LoginPage nonce={nonce(c)} next={next} error="That token is not valid. Use API_TOKEN or READ_TOKEN." />);
  await startSession(c, role);
  return c.redirect(next, 303);
});

uiRoutes.post("/logout", headers, requireSession, requireCsrf, async (c) => {
  await endSession(c, c.var.session);
  return c.redirect("/login", 303);
});

// A GET cannot log out (that would be forgeable): it shows the logout button instead.
uiRoutes.get("/logout", ...page, (c) =>
  render(
    c,
    200,
    <MessagePage nonce={nonce(c)} session={c.var.session} title="Log out">
      Use the “Log out” button at the top right.
    </MessagePage>,
  ),
);

// ---- articles -------------------------------------------------------------------------------

uiRoutes.get("/", ...page, async (c) => {
  const q = listQuery(c);
  if (q.error) return message(c, 400, "Invalid filter", q.error);
  const db = getDb(c.env.DB);
  const [list, totals, sources, active] = await Promise.all([
    listTriage(db, q.filters, { limit: PAGE_SIZE, cursor: q.cursor }),
    articleTotals(db, q.filters),
    listSources(db),
    activeRules(c.env),
  ]);
  return render(
    c,
    200,
    <ArticlesPage
      nonce={nonce(c)}
      session={c.var.session}
      filters={q.filters}
      rows={list.items}
      summary={totals}
      sources={sources}
      rules={active.ruleset.rules}
      query={q.query}
      cursor={q.cursor ? q.cursorToken : null}
      nextCursor={list.next_cursor}
    />,
  );
});

uiRoutes.get("/articles/:id", ...page, async (c) => {
  const db = getDb(c.env.DB);
  const id = c.req.param("id");
  const [article, latest, runs, feedback, active] = await Promise.all([
    getArticle(db, id),
    getLatestRunWithVerdicts(db, id),
    listRuns(db, id, { limit: 50 }),
    listFeedback(db, id),
    activeRules(c.env),
  ]);
  if (!article) return message(c, 404, "Article not found", `No article with id "${id}".`);
  const flash =
    c.req.query("rechecked") !== undefined
      ? `Re-checked just now: score ${latest?.score ?? "—"}, outcome ${latest?.outcome ?? "—"}.`
      : c.req.query("labelled") !== undefined
        ? `Feedback saved: score ${article.score ?? "—"}, outcome ${article.outcome ?? "—"}.`
        : c.req.query("undone") !== undefined
          ? `Feedback undone: score ${article.score ?? "—"}, outcome ${article.outcome ?? "—"}.`
          : null;
  const editUrl = cmsEditUrl(c.env, article);
  return render(
    c,
    200,
    <ArticlePage
      nonce={nonce(c)}
      session={c.var.session}
      article={article}
      latest={latest}
      runs={runs.items}
      rules={active.byId}
      editUrl={editUrl}
      labels={new Map(feedback.filter((f) => f.in_force).map((f) => [f.finding, f]))}
      flash={flash}
    />,
  );
});

uiRoutes.post("/articles/:id/recheck", headers, requireSession, requireCsrf, async (c) => {
  if (c.var.session.role !== "write")
    return message(
      c,
      403,
      "Read-only session",
      "Re-checking stores a new run, which needs the API token. Log out and log in with API_TOKEN.",
    );
  const db = getDb(c.env.DB);
  const id = c.req.param("id");
  const article = await getArticle(db, id);
  if (!article) return message(c, 404, "Article not found", `No article with id "${id}".`);
  // saveRun's upsert marks an article active again; a withdrawn article must stay withdrawn.
  if (article.status === "withdrawn")
    return message(c, 400, "Article withdrawn", "This article was withdrawn in its CMS; it is no longer re-checked.");
  await (
    await scoreArticle(db, article, { ruleset: (await activeRules(c.env)).ruleset, deferLabels: true })
  ).store(db, {
    trigger: "api",
    actor: c.var.session.name ?? null,
  });
  return c.redirect(`/articles/${encodeURIComponent(id)}?rechecked`, 303);
});

uiRoutes.route("/", feedbackUiRoutes);

uiRoutes.get("/corrections", ...page, async (c) => {
  const rule = c.req.query("rule")?.trim() || null;
  const token = c.req.query("cursor") || null;
  const cursor = token ? parseCursor(token) : null;
  if (token && !cursor) return message(c, 400, "Invalid page", "That page link is not valid any more; start again from the first page.");
  const list = await listCorrections(getDb(c.env.DB), { rule: rule ?? undefined }, { limit: PAGE_SIZE, cursor });
  const rules = (await activeRules(c.env)).byId;
  return render(
    c,
    200,
    <CorrectionsPage
      nonce={nonce(c)}
      session={c.var.session}
      rows={list.items}
      rules={rules}
      rule={rule}
      cursor={token}
      nextCursor={list.next_cursor}
    />,
  );
});

uiRoutes.get("/since", ...page, async (c) => {
  const raw = c.req.query("hours");
  const hours = raw === undefined || raw === "" ? 24 : Number(raw);
  if (!Number.isInteger(hours) || hours < 1 || hours > 24 * 31)
    return message(c, 400, "Invalid period", "hours must be a whole number from 1 to 744 (31 days).");
  const since = new Date(Date.now() - hours * 3_600_000).toISOString();
  const { items, more } = await listChangesSince(getDb(c.env.DB), since);
  return render(c, 200, <SincePage nonce={nonce(c)} session={c.var.session} hours={hours} since={since} rows={items} more={more} />);
});

// ---- rules ----------------------------------------------------------------------------------

uiRoutes.route("/", ruleUiRoutes);

// ---- audits ---------------------------------------------------------------------------------

uiRoutes.get("/audits", ...page, async (c) => {
  const db = getDb(c.env.DB);
  const [audits, now] = await Promise.all([listAudits(db, { limit: 60 }), articleTotals(db, { status: "active" })]);
  return render(c, 200, <AuditsPage nonce={nonce(c)} session={c.var.session} audits={audits.items} failingNow={now.failing} />);
});

uiRoutes.get("/audits/:id", ...page, async (c) => {
  const db = getDb(c.env.DB);
  const id = c.req.param("id");
  const token = c.req.query("cursor") ?? null;
  const cursor = token ? parseCursor(token) : null;
  const [audit, changes] = await Promise.all([getAudit(db, id), listChanges(db, id, undefined, { limit: PAGE_SIZE, cursor })]);
  if (!audit) return message(c, 404, "Audit not found", `No audit with id "${id}".`);
  return render(
    c,
    200,
    <AuditPage
      nonce={nonce(c)}
      session={c.var.session}
      audit={audit}
      changes={changes.items}
      cursor={cursor ? token : null}
      nextCursor={changes.next_cursor}
    />,
  );
});

// ---- downloads (the /v1 exports, authorised by the session instead of a bearer token) ----------

uiRoutes.get("/export/articles.csv", ...page, (c) => {
  const q = listQuery(c);
  if (q.error) return message(c, 400, "Invalid filter", q.error);
  return articlesCsvResponse(getDb(c.env.DB), q.filters);
});

uiRoutes.get("/export/articles/:id/claimreview.json", ...page, async (c) => {
  const res = await claimReviewResponse(getDb(c.env.DB), c.env, c.req.param("id"), new URL(c.req.url).origin);
  return res ?? message(c, 404, "Article not found", `No article with id "${c.req.param("id")}".`);
});

uiRoutes.get("/export/audits/:file{[^/]+\\.csv}", ...page, async (c) => {
  const id = c.req.param("file").slice(0, -".csv".length);
  const res = await auditCsvResponse(getDb(c.env.DB), id);
  return res ?? message(c, 404, "Audit not found", `No audit with id "${id}".`);
});

// ---- not found and errors: pages, never the API's JSON ---------------------------------------

/** The paths the API owns (src/http/app.ts): their misses stay JSON 404/405 (src/http/errors.ts). */
const API_PATH = /^\/(?:v1(?:\/|$)|healthz\/?$|openapi\.json$)/;

// Registered last, so it only sees requests no route took.
uiRoutes.all(
  "*",
  async (c, next) => (API_PATH.test(c.req.path) ? c.notFound() : next()),
  headers,
  async (c) => {
    const session = await readSession(c);
    if (session) c.set("session", session);
    return message(c, 404, "Page not found", `There is no dashboard page at ${c.req.path}.`);
  },
);

uiRoutes.onError((err, c) => {
  if (err instanceof HTTPException && err.status < 500) {
    return message(
      c,
      err.status === 404 ? 404 : err.status === 403 ? 403 : 400,
      "Request refused",
      err.message || "This request cannot be served.",
    );
  }
  console.error(`${c.req.method} ${c.req.path} failed`, err);
  return message(c, 500, "Something went wrong", "The error has been logged. Reload the page, or go back to the articles.");
});
