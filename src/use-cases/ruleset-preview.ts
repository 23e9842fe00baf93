// Impact previews: a draft scored against the stored archive (newest checked first) beside the
// current version, per article and rule — new failures with their quotes, fixed failures and
// other status changes — WITHOUT writing any run or verdict. A small preview runs inline; a
// large one is cut into chunks, one `ruleset-preview` queue message each, settled in D1.
import { checkArticle, type CheckResult, type Evidence, type Outcome, type Ruleset, type VerdictStatus } from "../engine";
import type { JobMessage } from "../lib/job-messages";
import { listArticles } from "../storage/articles";
import { loadBatchArticles } from "../storage/audit-batches";
import { getDb, transact } from "../storage/db";
import { newId } from "../storage/ids";
import { getDraft, getPreview, insertPreviewStatements, type PreviewRow, settleChunk } from "../storage/ruleset-drafts";
import { activeRules, storedVersion } from "./current-ruleset";
import { DraftProblem, draftRules } from "./ruleset-drafts";

/** Articles per chunk (one queue message): two engine checks each, about an audit batch's CPU. */
export const PREVIEW_CHUNK = 25;
/** Up to this many articles a preview answers inline (201), in one chunk; more are fanned out (202). */
export const PREVIEW_INLINE_MAX = 25;
export const PREVIEW_DEFAULT_LIMIT = 50;
export const PREVIEW_MAX_LIMIT = 5000;

type PreviewEnv = { DB: D1Database; JOBS: Pick<Queue<JobMessage>, "sendBatch"> };

export type RuleChange = "new_failure" | "fixed" | "changed";

export interface PreviewRule {
  rule: string;
  change: RuleChange;
  from: VerdictStatus | null;
  to: VerdictStatus | null;
  /** New failure: the draft's failing quotes; fixed: the quotes that failed before; changed: either. */
  quotes: string[];
}

export interface PreviewArticle {
  article_id: string;
  title: string | null;
  url: string | null;
  outcome: { before: Outcome; after: Outcome };
  score: { before: number | null; after: number | null };
  rules: PreviewRule[];
}

export interface PreviewView {
  id: string;
  draft_id: string;
  version: string;
  against_version: string;
  status: "running" | "finished";
  as_of: string;
  created_at: string;
  articles: { total: number; scored: number; failed: number };
  summary: { articles_changed: number; new_failures: number; fixed: number; changed: number };
  /** Only the articles with a change, newest checked first. */
  items: PreviewArticle[];
}

const quotesOf = (evidence: Evidence[]) => [...new Set(evidence.map((e) => e.quote))];

/** What changes from `before` to `after` for one article; null when nothing does. */
export function compareResults(before: CheckResult, after: CheckResult): Omit<PreviewArticle, "article_id" | "title" | "url"> | null {
  const b = new Map(before.verdicts.map((v) => [v.rule, v]));
  const a = new Map(after.verdicts.map((v) => [v.rule, v]));
  const rules: PreviewRule[] = [];
  for (const rule of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const from = b.get(rule);
    const to = a.get(rule);
    const fromStatus = from?.status ?? null;
    const toStatus = to?.status ?? null;
    if ((fromStatus ?? "not_applicable") === (toStatus ?? "not_applicable")) continue;
    const change: RuleChange = toStatus === "fail" ? "new_failure" : fromStatus === "fail" ? "fixed" : "changed";
    const quotes = quotesOf(change === "fixed" ? from!.evidence : to?.evidence.length ? to.evidence : (from?.evidence ?? []));
    rules.push({ rule, change, from: fromStatus, to: toStatus, quotes });
  }
  if (!rules.length && before.outcome === after.outcome) return null;
  return { outcome: { before: before.outcome, after: after.outcome }, score: { before: before.score, after: after.score }, rules };
}

/** Scores one chunk of articles with both rulesets. Reads the texts through the storage layer; writes nothing. */
async function scoreChunk(env: { DB: D1Database }, ids: string[], against: Ruleset, draft: Ruleset, asOf: Date): Promise<PreviewArticle[]> {
  // No audit is asking (""): only the articles and their texts are used.
  const articles = await loadBatchArticles(getDb(env.DB), "", ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  articles.sort((x, y) => order.get(x.id)! - order.get(y.id)!);
  const out: PreviewArticle[] = [];
  for (const a of articles) {
    const input = { text: a.text, title: a.title ?? undefined, publishedAt: a.publishedAt, language: a.language ?? undefined };
    const diff = compareResults(checkArticle(input, against, { now: asOf }), checkArticle(input, draft, { now: asOf }));
    if (diff) out.push({ article_id: a.id, title: a.title, url: a.url, ...diff });
  }
  return out;
}

async function rulesetsOf(env: { DB: D1Database }, p: Pick<PreviewRow, "draft_id" | "against_version">) {
  const draft = await getDraft(getDb(env.DB), p.draft_id);
  if (!draft) return null;
  const against = await storedVersion(env, p.against_version);
  if (!against) throw new Error(`preview: version ${p.against_version} has no stored files`);
  return { against: against.ruleset, draft: (await draftRules(env, draft)).ruleset };
}

/** Starts a preview of an open draft over the newest `limit` active articles; finishes it inline when small. */
export async function startPreview(env: PreviewEnv, draftId: string, limit: number, now = new Date()): Promise<PreviewView> {
  const db = getDb(env.DB);
  const draft = await getDraft(db, draftId);
  if (!draft) throw new DraftProblem("not_found", `No ruleset draft "${draftId}".`);
  if (draft.status !== "open") throw new DraftProblem("conflict", `Draft ${draftId} is already published: activate versions instead.`);
  const { ruleset } = await draftRules(env, draft);
  const against = (await activeRules(env)).ruleset;
  const ids = (await listArticles(db, { status: "active" }, { limit })).items.map((a) => a.id);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += PREVIEW_CHUNK) chunks.push(ids.slice(i, i + PREVIEW_CHUNK));
  const row = {
    id: newId("pvw", now.getTime()),
    draft_id: draftId,
    version: ruleset.version,
    against_version: against.version,
    articles: ids.length,
    as_of: now.toISOString(),
  };
  await transact(db, insertPreviewStatements(db, row, chunks));
  if (ids.length <= PREVIEW_INLINE_MAX) {
    for (const [seq, chunk] of chunks.entries())
      await settleChunk(db, row.id, seq, "done", await scoreChunk(env, chunk, against, ruleset, now));
  } else {
    const messages = chunks.map((_, seq) => ({
      body: { type: "ruleset-preview" as const, previewId: row.id, seq },
      contentType: "json" as const,
    }));
    for (let i = 0; i < messages.length; i += 100) await env.JOBS.sendBatch(messages.slice(i, i + 100));
  }
  return (await previewView(env, row.id))!;
}

/** The `ruleset-preview` job: scores one chunk and settles it (a duplicate delivery changes nothing). */
export async function processPreviewChunk(env: { DB: D1Database }, previewId: string, seq: number): Promise<void> {
  const db = getDb(env.DB);
  const preview = await getPreview(db, previewId);
  const chunk = preview?.chunks.find((c) => c.seq === seq);
  if (!preview || !chunk || chunk.status !== "pending") return;
  const rulesets = await rulesetsOf(env, preview);
  // The draft was discarded meanwhile: nothing to report (deleteDraft removed the preview too).
  if (!rulesets) return;
  const items = await scoreChunk(env, JSON.parse(chunk.article_ids) as string[], rulesets.against, rulesets.draft, new Date(preview.as_of));
  await settleChunk(db, previewId, seq, "done", items);
}

/** A chunk that exhausted its retries: settled as dead, so the preview still finishes. */
export async function deadPreviewChunk(env: { DB: D1Database }, previewId: string, seq: number): Promise<void> {
  await settleChunk(getDb(env.DB), previewId, seq, "dead", null);
}

export async function previewView(env: { DB: D1Database }, id: string): Promise<PreviewView | null> {
  const p = await getPreview(getDb(env.DB), id);
  if (!p) return null;
  const items: PreviewArticle[] = [];
  let scored = 0;
  let failed = 0;
  for (const c of p.chunks) {
    const n = (JSON.parse(c.article_ids) as string[]).length;
    if (c.status === "done") {
      scored += n;
      items.push(...(JSON.parse(c.result ?? "[]") as PreviewArticle[]));
    } else if (c.status === "dead") failed += n;
  }
  const rules = items.flatMap((i) => i.rules);
  return {
    id: p.id,
    draft_id: p.draft_id,
    version: p.version,
    against_version: p.against_version,
    status: p.chunks.every((c) => c.status !== "pending") ? "finished" : "running",
    as_of: p.as_of,
    created_at: p.created_at,
    articles: { total: p.articles, scored, failed },
    summary: {
      articles_changed: items.length,
      new_failures: rules.filter((r) => r.change === "new_failure").length,
      fixed: rules.filter((r) => r.change === "fixed").length,
      changed: rules.filter((r) => r.change === "changed").length,
    },
    items,
  };
}
