// The dashboard's feedback forms: label a finding (POST /articles/:id/feedback) and undo a label
// (POST /feedback/:id/undo). Plain forms behind the session and its CSRF token; editors only.
import { Hono } from "hono";
import { getDb } from "../storage/db";
import { FeedbackError, giveFeedback, undoLabel } from "../use-cases/feedback";
import { headers, message, requireCsrf, requireSession, type Ctx, type UiEnv } from "./middleware";

export const feedbackUiRoutes = new Hono<UiEnv>();

/** Who to credit: the person signed in through Access, else the session's role. */
const labeller = (c: Ctx) => c.var.session.name ?? `dashboard:${c.var.session.role}`;

const readOnly = (c: Ctx) =>
  message(c, 403, "Read-only session", "Giving feedback needs the API token. Log out and log in with API_TOKEN.");

function refused(c: Ctx, err: unknown) {
  if (!(err instanceof FeedbackError)) throw err;
  return message(c, err.reason === "already_undone" ? 400 : 404, "Feedback not saved", err.message);
}

feedbackUiRoutes.post("/articles/:id/feedback", headers, requireSession, requireCsrf, async (c) => {
  if (c.var.session.role !== "write") return readOnly(c);
  const form = await c.req.parseBody();
  const { finding, label, note } = form;
  if (typeof finding !== "string" || (label !== "false_alarm" && label !== "confirmed"))
    return message(c, 400, "Feedback not saved", 'Choose "False alarm" or "Confirm" on a finding of this article.');
  const id = c.req.param("id");
  try {
    await giveFeedback(getDb(c.env.DB), id, { finding, label, note: typeof note === "string" ? note.slice(0, 2000) : null }, labeller(c));
  } catch (err) {
    return refused(c, err);
  }
  return c.redirect(`/articles/${encodeURIComponent(id)}?labelled`, 303);
});

feedbackUiRoutes.post("/feedback/:id/undo", headers, requireSession, requireCsrf, async (c) => {
  if (c.var.session.role !== "write") return readOnly(c);
  try {
    const record = await undoLabel(getDb(c.env.DB), c.req.param("id"), labeller(c));
    return c.redirect(`/articles/${encodeURIComponent(record.article_id)}?undone`, 303);
  } catch (err) {
    return refused(c, err);
  }
});
