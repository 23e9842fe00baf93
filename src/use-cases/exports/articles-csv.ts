// Every article's latest verdicts as CSV (GET /v1/articles.csv and the dashboard's download),
// streamed one keyset page of articles at a time.
import { z } from "zod";
import { labelVerdicts, type RuleSummary, type VerdictStatus } from "../../engine";
import { activeRules } from "../current-ruleset";
import { type ArticleFilters, listArticles } from "../../storage/articles";
import type { Db } from "../../storage/db";
import { type Cursor, MAX_PAGE_SIZE } from "../../storage/queries-page";
import { verdictsByRun } from "../../storage/queries-runs";
import { labelsOf } from "../../storage/feedback";
import { BOM, type Cell, csvResponse, csvRow, today } from "./csv";

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

export function articlesCsvResponse(db: Db, filters: ArticleFilters, statuses?: VerdictStatus[]): Response {
  return csvResponse(articlesCsvStream(db, filters, statuses), `verdicts-${today()}.csv`);
}
