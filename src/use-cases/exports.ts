// Exports for the fact-checking ecosystem and spreadsheets: schema.org ClaimReview JSON-LD per
// failed claim, and CSV of verdicts (all articles, streamed) and of one audit's changes.
// The same builders serve the API (src/http/exports.ts, bearer token) and the dashboard's
// download links (src/ui/routes.tsx, session).
import { z } from "zod";
import { labelVerdicts, type RuleSummary, type VerdictStatus } from "../engine";
import type { Bindings } from "../env";
import { collectNotes } from "../lib/highlight";
import { activeRules } from "./current-ruleset";
import { type ArticleFilters, type ArticleRecord, getArticle, listArticles } from "../storage/articles";
import { listChanges } from "../storage/audit-changes";
import { getAudit } from "../storage/audits";
import type { Db } from "../storage/db";
import { type Cursor, MAX_PAGE_SIZE } from "../storage/queries-page";
import { getLatestRunWithVerdicts, type RunWithVerdicts, verdictsByRun } from "../storage/queries-runs";
import { labelsOf } from "../storage/feedback";

// ---- ClaimReview ---------------------------------------------------------------------------

/** Who publishes the reviews: `CLAIMREVIEW_AUTHOR` / `CLAIMREVIEW_AUTHOR_URL` vars, else a generic name. */
export function reviewAuthor(env: Bindings): { "@type": "Organization"; name: string; url?: string } {
  const vars = env as Partial<Record<"CLAIMREVIEW_AUTHOR" | "CLAIMREVIEW_AUTHOR_URL", string>>;
  const author: { "@type": "Organization"; name: string; url?: string } = {
    "@type": "Organization",
    name: vars.CLAIMREVIEW_AUTHOR || "Accuracy Harness",
  };
  if (vars.CLAIMREVIEW_AUTHOR_URL) author.url = vars.CLAIMREVIEW_AUTHOR_URL;
  return author;
}

function publisherOf(article: ArticleRecord): string {
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, "");
    } catch {
      // not a URL: fall back to the source
    }
  }
  return article.source;
}

/**
 * One schema.org ClaimReview per failing span written in the outlet's own words (spans inside a
 * quotation are someone else's claim, whose author we do not know), less the spans editors
 * labelled false alarms — or, with `confirmedOnly`, only the spans they confirmed. Google's required fields:
 * claimReviewed, reviewRating (+ alternateName), url, author; itemReviewed is recommended.
 * `url` points at the span's footnote on the dashboard page (same numbering as the page).
 */
export function claimReviews(
  article: ArticleRecord,
  run: RunWithVerdicts | null,
  rules: ReadonlyMap<string, RuleSummary>,
  origin: string,
  author: ReturnType<typeof reviewAuthor>,
  opts: { confirmedOnly?: boolean } = {},
) {
  if (!run) return [];
  const notes = collectNotes(article.text, run.verdicts);
  return notes
    .filter(
      (n) =>
        n.status === "fail" &&
        n.evidence.attribution === "article" &&
        (opts.confirmedOnly ? n.evidence.feedback === "confirmed" : n.evidence.feedback !== "false_alarm"),
    )
    .map((n) => {
      const e = n.evidence;
      const rule = rules.get(n.rule);
      const body = [
        rule?.claim,
        e.found != null && e.expected != null ? `The article says “${e.found}”; the fact is “${e.expected}”.` : null,
        e.message,
      ]
        .filter(Boolean)
        .join(" ");
      return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${origin}/articles/${encodeURIComponent(article.id)}#ev-${n.n}`,
        claimReviewed: e.quote,
        datePublished: run.created_at.slice(0, 10),
        author,
        reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
        ...(body ? { reviewBody: body } : {}),
        itemReviewed: {
          "@type": "Claim",
          author: { "@type": "Organization", name: publisherOf(article) },
          ...(article.published_at ? { datePublished: article.published_at } : {}),
          ...(article.url
            ? { appearance: [{ "@type": "CreativeWork", url: article.url, ...(article.title ? { headline: article.title } : {}) }] }
            : {}),
        },
      };
    });
}

export async function claimReviewResponse(
  db: Db,
  env: Bindings,
  articleId: string,
  origin: string,
  opts: { confirmedOnly?: boolean } = {},
): Promise<Response | null> {
  const article = await getArticle(db, articleId);
  if (!article) return null;
  const run = await getLatestRunWithVerdicts(db, articleId);
  return new Response(JSON.stringify(claimReviews(article, run, (await activeRules(env)).byId, origin, reviewAuthor(env), opts), null, 2), {
    headers: { "content-type": "application/ld+json; charset=UTF-8" },
  });
}

// ---- CSV -----------------------------------------------------------------------------------

type Cell = string | number | null | undefined;

/**
 * RFC 4180 quoting, plus the formula-injection guard (OWASP): a text cell starting with = + - @,
 * also behind spaces or invisible characters some spreadsheets strip first, or starting with any
 * control (NUL, tab, CR …) or format character (zero-width space, BOM, bidi marks), gets a leading
 * apostrophe so it stays text.
 */
const FORMULA_START = /^[\p{Cc}\p{Cf}\p{Zs}]*[=+\-@]|^[\p{Cc}\p{Cf}]/u;

export function csvCell(value: Cell): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: Cell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

// A BOM so spreadsheet apps read UTF-8 ("Maiquetía") correctly.
const BOM = "\uFEFF";

function csvResponse(body: ReadableStream<Uint8Array> | string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=UTF-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

const ARTICLE_COLUMNS = [
  "article_id",
  "source",
  "external_id",
  "title",
  "url",
  "published_at",
  "article_status",
  "last_checked_at",
  "run_id",
  "score",
  "outcome",
  "rule",
  "claim",
  "severity",
  "status",
  "attribution",
  "quote",
  "offset",
  "length",
  "found",
  "expected",
  "suggestion",
  "message",
  // The span's stable id and the editors' label on it (empty: none), as in the API (docs/feedback.md).
  "finding",
  "feedback",
];

/** Verdict statuses exported by default: everything but not_applicable, which would swamp the file. */
const DEFAULT_STATUSES: VerdictStatus[] = ["fail", "review", "error", "pass"];
const ALL_STATUSES: VerdictStatus[] = ["pass", "fail", "not_applicable", "review", "error"];

export const verdictStatusesQuery = z
  .string()
  .transform((v, ctx) => {
    const list = v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (list.length === 1 && list[0] === "all") return ALL_STATUSES;
    const bad = list.filter((s) => !ALL_STATUSES.includes(s as VerdictStatus));
    if (bad.length || !list.length)
      ctx.addIssue({ code: "custom", message: `expected "all" or a comma-separated list of ${ALL_STATUSES.join(", ")}` });
    return list as VerdictStatus[];
  })
  .optional();

/**
 * Streams one row per (article, verdict, evidence span) of each article's latest run; a verdict
 * without evidence gets one row. Pages through articles by keyset (100 per pull, three D1
 * queries: articles, verdicts, labels), so memory stays flat; the D1 queries-per-invocation limit
 * bounds one export (docs/dashboard.md).
 */
export function articlesCsvStream(
  db: Db,
  filters: ArticleFilters,
  statuses: VerdictStatus[] = DEFAULT_STATUSES,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let rules: ReadonlyMap<string, RuleSummary> | undefined;
  const wanted = new Set(statuses);
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const byId = (rules ??= (await activeRules({ DB: db.$client })).byId);
      let out = "";
      if (!started) {
        started = true;
        out += BOM + csvRow(ARTICLE_COLUMNS);
      }
      const page = await listArticles(db, filters, { limit: MAX_PAGE_SIZE, cursor });
      const runIds = page.items.map((a) => a.latest_run_id).filter((id): id is string => id !== null);
      const [byRun, labels] = await Promise.all([
        verdictsByRun(db, runIds, { withImplied: wanted.has("not_applicable") }),
        labelsOf(
          db,
          page.items.map((a) => a.id),
        ),
      ]);
      for (const a of page.items) {
        const head: Cell[] = [
          a.id,
          a.source,
          a.external_id,
          a.title,
          a.url,
          a.published_at,
          a.status,
          a.last_checked_at,
          a.latest_run_id,
          a.score,
          a.outcome,
        ];
        const key = { source: a.source, externalId: a.external_id };
        for (const v of labelVerdicts(byRun.get(a.latest_run_id ?? "") ?? [], key, labels.get(a.id) ?? new Map())) {
          // A fail editors dismissed as a false alarm no longer fails: left out (its labels: GET /v1/feedback.json).
          if (!wanted.has(v.status) || v.dismissed) continue;
          const rule: Cell[] = [v.rule, byId.get(v.rule)?.claim, v.severity, v.status];
          if (v.evidence.length === 0) out += csvRow([...head, ...rule, null, null, null, null, null, null, null, v.message, null, null]);
          for (const e of v.evidence) {
            out += csvRow([
              ...head,
              ...rule,
              e.attribution,
              e.quote,
              e.offset,
              e.length,
              e.found,
              e.expected,
              e.replacements[0],
              e.message ?? v.message,
              e.finding,
              e.feedback,
            ]);
          }
        }
      }
      if (out) controller.enqueue(encoder.encode(out));
      const last = page.items[page.items.length - 1];
      if (!page.next_cursor || !last) controller.close();
      else cursor = { at: last.last_checked_at, id: last.id };
    },
  });
}

const AUDIT_COLUMNS = [
  "audit_id",
  "article_id",
  "title",
  "url",
  "change",
  "previous_outcome",
  "outcome",
  "previous_run_id",
  "run_id",
  "rule",
  "rule_from",
  "rule_to",
  "cause",
  "quotes",
];

/**
 * One row per (changed article, changed rule) of an audit, streamed one keyset page of changes
 * at a time (like the verdict CSV), so an audit with many changes never sits whole in memory.
 */
export function auditCsvStream(db: Db, auditId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: Cursor | null = null;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let out = "";
      if (!started) {
        started = true;
        out += BOM + csvRow(AUDIT_COLUMNS);
      }
      const page = await listChanges(db, auditId, undefined, { limit: MAX_PAGE_SIZE, cursor });
      for (const c of page.items) {
        const head: Cell[] = [auditId, c.article_id, c.title, c.url, c.change, c.previous_outcome, c.outcome, c.previous_run_id, c.run_id];
        if (c.rules.length === 0) out += csvRow(head);
        for (const r of c.rules) out += csvRow([...head, r.rule, r.from, r.to, r.cause, r.quotes.join(" | ")]);
      }
      if (out) controller.enqueue(encoder.encode(out));
      const last = page.items[page.items.length - 1];
      if (!page.next_cursor || !last) controller.close();
      else cursor = { at: null, id: last.article_id };
    },
  });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function articlesCsvResponse(db: Db, filters: ArticleFilters, statuses?: VerdictStatus[]): Response {
  return csvResponse(articlesCsvStream(db, filters, statuses), `verdicts-${today()}.csv`);
}

/** The audit's changes as a streamed CSV; null when the audit does not exist. */
export async function auditCsvResponse(db: Db, auditId: string): Promise<Response | null> {
  if (!(await getAudit(db, auditId))) return null;
  return csvResponse(auditCsvStream(db, auditId), `audit-${auditId}.csv`);
}
