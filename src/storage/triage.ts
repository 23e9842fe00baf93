// The dashboard's triage queue: what needs a person first (failing, then to review), newest
// published first within each group, with the first flagged wording of each article.
import { and, desc, eq, getTableColumns, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Evidence, Severity, VerdictStatus } from "../engine";
import { type ArticleFilters, articleFilterWhere, type ArticleSummary, toArticleSummary } from "./articles";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";
import { articles, runs, verdicts } from "./schema";

/** 0 failing · 1 to review (minor failures, review or error verdicts, never checked) · 2 passing · 3 withdrawn. */
export type TriageGroup = 0 | 1 | 2 | 3;

export interface Flag {
  rule: string;
  status: VerdictStatus;
  severity: Severity;
  /** The wording the rule flagged, and the engine's plain-language reason. */
  quote: string | null;
  reason: string | null;
}

export interface TriageRow extends ArticleSummary {
  group: TriageGroup;
  /** Failing verdicts first (by severity), then reviews; the first few only. */
  flags: Flag[];
  /** How many verdicts need attention in the latest run. */
  flagged: number;
}

const { text: _text, ...summaryColumns } = getTableColumns(articles);

const groupOf = sql<number>`CASE
  WHEN ${articles.status} = 'withdrawn' THEN 3
  WHEN ${articles.latestOutcome} = 'fail' THEN 0
  WHEN ${articles.latestOutcome} IS NULL OR ${articles.latestOutcome} = 'warn' OR ${runs.reviewCount} > 0 OR ${runs.errorCount} > 0 THEN 1
  ELSE 2 END`;
const sortDate = sql<string>`coalesce(${articles.publishedAt}, ${articles.createdAt})`;
const SEVERITY_RANK: Record<string, number> = { critical: 0, major: 1, minor: 2 };
const FLAGS_PER_ROW = 3;

/** One page of the queue; the cursor's `at` is "<group>|<published or created date>". */
export async function listTriage(db: Db, filters: ArticleFilters, page: PageRequest): Promise<Page<TriageRow>> {
  const where: (SQL | undefined)[] = [articleFilterWhere(filters)];
  const c = page.cursor;
  if (c?.at) {
    const [g, at] = [Number(c.at.slice(0, 1)), c.at.slice(2)];
    where.push(
      or(
        sql`${groupOf} > ${g}`,
        and(sql`${groupOf} = ${g}`, or(sql`${sortDate} < ${at}`, and(sql`${sortDate} = ${at}`, sql`${articles.id} < ${c.id}`))),
      ),
    );
  }
  const rows = await db
    .select({
      ...summaryColumns,
      group: groupOf,
      sortDate,
      failCount: runs.failCount,
      reviewCount: runs.reviewCount,
      errorCount: runs.errorCount,
    })
    .from(articles)
    .leftJoin(runs, eq(runs.id, articles.latestRunId))
    .where(and(...where))
    .orderBy(groupOf, desc(sortDate), desc(articles.id))
    .limit(page.limit + 1);
  const served = rows.slice(0, page.limit);
  const flags = await flagsOf(
    db,
    served.filter((r) => r.group < 2 && r.latestRunId).map((r) => r.latestRunId!),
  );
  return toPage(
    rows,
    page.limit,
    (r) => ({ at: `${r.group}|${r.sortDate}`, id: r.id }),
    (r) => ({
      ...toArticleSummary(r),
      group: r.group as TriageGroup,
      flags: (flags.get(r.latestRunId ?? "") ?? []).slice(0, FLAGS_PER_ROW),
      flagged: (r.failCount ?? 0) + (r.reviewCount ?? 0) + (r.errorCount ?? 0),
    }),
  );
}

/** The failing / review / error verdicts of these runs, most severe failure first. */
export async function flagsOf(db: Db, runIds: string[]): Promise<Map<string, Flag[]>> {
  const out = new Map<string, Flag[]>();
  for (let i = 0; i < runIds.length; i += 90) {
    const rows = await db
      .select()
      .from(verdicts)
      .where(and(inArray(verdicts.runId, runIds.slice(i, i + 90)), inArray(verdicts.status, ["fail", "review", "error"])));
    for (const v of rows) {
      const ev = (JSON.parse(v.evidence) as Evidence[]).find((e) => e.attribution !== "quote") ?? null;
      if (v.status === "fail" && (!ev || v.dismissed)) continue; // only inside quotations, or dismissed: not counted, not a headline
      const list = out.get(v.runId) ?? [];
      list.push({ rule: v.ruleId, status: v.status, severity: v.severity, quote: ev?.quote ?? null, reason: ev?.message ?? v.message });
      out.set(v.runId, list);
    }
  }
  const rank = (f: Flag) => (f.status === "fail" ? 0 : 3) + (SEVERITY_RANK[f.severity] ?? 3);
  for (const list of out.values()) list.sort((a, b) => rank(a) - rank(b) || a.rule.localeCompare(b.rule));
  return out;
}
