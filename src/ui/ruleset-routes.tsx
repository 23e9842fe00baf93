// Dashboard routes for editing rules at runtime: the editor, drafts, their preview, publish and
// discard, and the versions with rollback. Editor (write) sessions only but for the version list;
// every POST is CSRF-checked like the other dashboard forms.
// Mounted in src/app.ts before the dashboard's catch-all.
import { Hono, type MiddlewareHandler } from "hono";
import type { RuleFileIssue } from "../engine";
import { getDb } from "../storage/db";
import { deleteDraft, getDraft } from "../storage/ruleset-drafts";
import { rulesetVersions } from "../use-cases/ruleset-versions";
import { activeRules } from "../use-cases/current-ruleset";
import { activateVersion, createDraft, DraftProblem, publishDraft, showDraft } from "../use-cases/ruleset-drafts";
import { PREVIEW_MAX_LIMIT, previewView, startPreview } from "../use-cases/ruleset-preview";
import { headers, message, nonce, page, render, requireCsrf, requireSession, type UiEnv } from "./middleware";
import { DraftPage, RuleEditorPage } from "./ruleset-editor-page";
import { RulesetsPage } from "./rulesets-page";

export const rulesetUiRoutes = new Hono<UiEnv>();

const editorOnly: MiddlewareHandler<UiEnv> = async (c, next) => {
  if (c.var.session.role !== "write")
    return message(c, 403, "Read-only session", "Editing rules needs the editor role. Log out and log in with API_TOKEN.");
  await next();
};
const post = [headers, requireSession, requireCsrf, editorOnly] as const;
const who = (c: { var: { session: { name?: string } } }) => c.var.session.name ?? "dashboard";

/** A draft's rule: the rule of its single changed file, when there is one (a pack file has none). */
function ruleOf(draft: { changes: { path: string }[]; rules: { id: string; file: string }[] }): string | null {
  if (draft.changes.length !== 1) return null;
  return draft.rules.find((r) => r.file === draft.changes[0]!.path)?.id ?? null;
}

rulesetUiRoutes.get("/rules/:id/edit", ...page, editorOnly, async (c) => {
  const active = await activeRules(c.env);
  const rule = active.byId.get(c.req.param("id"));
  if (!rule) return message(c, 404, "Rule not found", `No rule "${c.req.param("id")}" in the current ruleset.`);
  // "Edit again" starts from a draft's text, over the draft's base.
  const draftId = c.req.query("draft");
  const draft = draftId ? await getDraft(getDb(c.env.DB), draftId) : null;
  const fromDraft = draft?.changes.find((f) => f.path === rule.file)?.text ?? null;
  return render(
    c,
    200,
    <RuleEditorPage
      nonce={nonce(c)}
      session={c.var.session}
      ruleId={rule.id}
      path={rule.file}
      text={fromDraft ?? active.files.get(rule.file) ?? ""}
      issues={[]}
      base={draft?.base_version ?? active.ruleset.version}
    />,
  );
});

rulesetUiRoutes.post("/rules/:id/drafts", ...post, async (c) => {
  const form = await c.req.parseBody();
  const text = typeof form.text === "string" ? form.text.replace(/\r\n/g, "\n") : "";
  const base = typeof form.base === "string" && /^[0-9a-f]{16}$/.test(form.base) ? form.base : undefined;
  const active = await activeRules(c.env);
  const rule = active.byId.get(c.req.param("id"));
  if (!rule) return message(c, 404, "Rule not found", `No rule "${c.req.param("id")}" in the current ruleset.`);
  const editor = (status: 400 | 404, issues: RuleFileIssue[]) =>
    render(
      c,
      status,
      <RuleEditorPage
        nonce={nonce(c)}
        session={c.var.session}
        ruleId={rule.id}
        path={rule.file}
        text={text}
        issues={issues}
        base={base ?? active.ruleset.version}
      />,
    );
  try {
    const draft = await createDraft(c.env, { base, files: [{ path: rule.file, text }] }, who(c));
    return c.redirect(`/rulesets/drafts/${encodeURIComponent(draft.id)}`, 303);
  } catch (err) {
    if (!(err instanceof DraftProblem)) throw err;
    const issues = err.issues.length
      ? err.issues
      : [{ file: rule.file, line: null, column: null, rule: rule.id, key: null, message: err.message }];
    return editor(err.kind === "not_found" ? 404 : 400, issues);
  }
});

rulesetUiRoutes.get("/rulesets/drafts/:id", ...page, editorOnly, async (c) => {
  const draft = await showDraft(c.env, c.req.param("id"));
  if (!draft) return message(c, 404, "Draft not found", `No ruleset draft "${c.req.param("id")}" (it may have been discarded).`);
  const previewId = c.req.query("preview");
  const preview = previewId ? await previewView(c.env, previewId) : null;
  return render(
    c,
    200,
    <DraftPage
      nonce={nonce(c)}
      session={c.var.session}
      draft={draft}
      preview={preview?.draft_id === draft.id ? preview : null}
      ruleId={ruleOf(draft)}
    />,
  );
});

rulesetUiRoutes.post("/rulesets/drafts/:id/preview", ...post, async (c) => {
  const form = await c.req.parseBody();
  const limit = Number(form.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > PREVIEW_MAX_LIMIT)
    return message(c, 400, "Invalid number of articles", `Preview 1 to ${PREVIEW_MAX_LIMIT} articles.`);
  const id = c.req.param("id");
  try {
    const preview = await startPreview(c.env, id, limit);
    return c.redirect(`/rulesets/drafts/${encodeURIComponent(id)}?preview=${encodeURIComponent(preview.id)}#preview`, 303);
  } catch (err) {
    if (err instanceof DraftProblem) return message(c, err.kind === "not_found" ? 404 : 400, "Cannot preview", err.message);
    throw err;
  }
});

rulesetUiRoutes.post("/rulesets/drafts/:id/publish", ...post, async (c) => {
  try {
    const done = await publishDraft(c.env, c.req.param("id"), who(c));
    return c.redirect(`/rulesets?current=${encodeURIComponent(done.version)}`, 303);
  } catch (err) {
    if (err instanceof DraftProblem) return message(c, err.kind === "not_found" ? 404 : 400, "Cannot publish", err.message);
    throw err;
  }
});

rulesetUiRoutes.post("/rulesets/drafts/:id/discard", ...post, async (c) => {
  if (!(await deleteDraft(getDb(c.env.DB), c.req.param("id"))))
    return message(c, 404, "Draft not found", "No open draft with that id: it was already published or discarded.");
  return c.redirect("/rules", 303);
});

rulesetUiRoutes.get("/rulesets", ...page, async (c) => {
  const view = await rulesetVersions(c.env);
  const changed = c.req.query("current");
  return render(
    c,
    200,
    <RulesetsPage
      nonce={nonce(c)}
      session={c.var.session}
      versions={view.items}
      activated={{ at: view.current.activated_at, by: view.current.activated_by }}
      flash={changed === view.current.version ? `Version ${changed} is now current.` : null}
    />,
  );
});

rulesetUiRoutes.post("/rulesets/:version/activate", ...post, async (c) => {
  const version = c.req.param("version");
  if (!/^[0-9a-f]{16}$/.test(version)) return message(c, 404, "Version not found", `"${version}" is not a ruleset version.`);
  try {
    await activateVersion(c.env, version, who(c));
  } catch (err) {
    if (err instanceof DraftProblem) return message(c, err.kind === "not_found" ? 404 : 400, "Cannot activate", err.message);
    throw err;
  }
  return c.redirect(`/rulesets?current=${encodeURIComponent(version)}`, 303);
});
