// The corrections queue: active articles whose latest run fails, oldest failure first, each with
// that run's failing verdicts — less the fails editors dismissed and the spans they labelled false alarms.
import { sql } from "drizzle-orm";
import type { Evidence } from "../engine";
import { labelStoredVerdicts } from "../lib/stored-findings";
import type { Db } from "./db";
import { labelsOf } from "./feedback";
import { type Page, type PageRequest, toPage } from "./queries-page";

export interface FailingVerdict {
  rule: string;
  severity: string;
  message: string | null;
  evidence: Evidence[];
}

export interface CorrectionRow {
  article: { id: string; title: string | null; url: string | null; published_at: string | null };
  failing_since: string;
  run_id: string;
  score: number | null;
  failing: FailingVerdict[];
}

/** Active articles whose latest run fails, oldest failure first, with that run's failing verdicts. */
export async function listCorrections(db: Db, filter: { rule?: string }, page: PageRequest): Promise<Page<CorrectionRow>> {
  const c = page.cursor;
  const rows = await db.all<{
    id: string;
    source: string;
    external_id: string;
    title: string | null;
    url: string | null;
    published_at: string | null;
    failing_since: string;
    latest_run_id: string;
    latest_score: number | null;
  }>(
    sql`SELECT id, source, external_id, title, url, published_at, failing_since, latest_run_id, latest_score FROM articles
      WHERE status = 'active' AND latest_outcome = 'fail' AND failing_since IS NOT NULL
      ${filter.rule ? sql`AND instr(latest_failed_rules, ${` ${filter.rule} `}) > 0` : sql``}
      ${c ? sql`AND (failing_since > ${c.at} OR (failing_since = ${c.at} AND id > ${c.id}))` : sql``}
      ORDER BY failing_since, id LIMIT ${page.limit + 1}`,
  );
  const served = rows.slice(0, page.limit);
  const failing = new Map<string, FailingVerdict[]>();
  if (served.length) {
    const verdicts = await db.all<{ run_id: string; rule_id: string; severity: string; message: string | null; evidence: string }>(
      sql`SELECT run_id, rule_id, severity, message, evidence FROM verdicts
        WHERE status = 'fail' AND dismissed = 0 AND run_id IN (SELECT value FROM json_each(${JSON.stringify(served.map((r) => r.latest_run_id))})) ORDER BY run_id, rule_id`,
    );
    const labels = await labelsOf(
      db,
      served.map((r) => r.id),
    );
    const articleOf = new Map(served.map((r) => [r.latest_run_id, r]));
    for (const v of verdicts) {
      const a = articleOf.get(v.run_id)!;
      const [labelled] = labelStoredVerdicts(
        [{ rule: v.rule_id, status: "fail" as const, evidence: JSON.parse(v.evidence) as Evidence[] }],
        { source: a.source, externalId: a.external_id },
        labels.get(a.id) ?? new Map(),
      );
      const evidence = labelled!.evidence.filter((e) => e.feedback !== "false_alarm");
      const list = failing.get(v.run_id) ?? [];
      list.push({ rule: v.rule_id, severity: v.severity, message: v.message, evidence });
      failing.set(v.run_id, list);
    }
  }
  return toPage(
    rows,
    page.limit,
    (r) => ({ at: r.failing_since, id: r.id }),
    (r) => ({
      article: { id: r.id, title: r.title, url: r.url, published_at: r.published_at },
      failing_since: r.failing_since,
      run_id: r.latest_run_id,
      score: r.latest_score,
      failing: failing.get(r.latest_run_id) ?? [],
    }),
  );
}
