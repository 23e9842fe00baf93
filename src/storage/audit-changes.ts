// What an audit found: one row per article whose verdicts changed, with every rule's change and
// its cause, read back by article id (optionally one kind of change).
import { sql } from "drizzle-orm";
import type { VerdictStatus } from "../engine";
import type { Db } from "./db";
import { type Page, type PageRequest, toPage } from "./queries-page";

export type ChangeKind = "regression" | "fixed" | "changed";

/** One rule whose status changed for an article, and why. */
export interface RuleDelta {
  rule: string;
  from: VerdictStatus | null;
  to: VerdictStatus | null;
  /** The quoted spans behind the new verdict (or the old one when the new has none). */
  quotes: string[];
  /** What explains the change: the rule was added/edited/removed, the text changed, or the judging date moved across a rule's validity window. */
  cause: "rule_added" | "rule_edited" | "rule_removed" | "text_changed" | "as_of";
  /** Present when either side is a fail editors dismissed: which side (a dismissed fail does not count). */
  dismissed?: { from: boolean; to: boolean };
}

export interface AuditChange {
  article_id: string;
  change: ChangeKind;
  previous_outcome: string | null;
  outcome: string;
  previous_run_id: string | null;
  run_id: string;
  rules: RuleDelta[];
}

/** Inserts an audit's changed articles in one statement (one bound JSON parameter). */
export function insertChanges(db: Db, auditId: string, changes: AuditChange[]) {
  const rows = changes.map((c) => [
    c.article_id,
    c.previous_run_id,
    c.run_id,
    c.change,
    c.previous_outcome,
    c.outcome,
    JSON.stringify(c.rules),
  ]);
  return db.run(sql`INSERT INTO audit_changes (audit_id, article_id, previous_run_id, run_id, change, previous_outcome, outcome, rule_changes)
    SELECT ${auditId}, c ->> 0, c ->> 1, c ->> 2, c ->> 3, c ->> 4, c ->> 5, c ->> 6 FROM (SELECT value AS c FROM json_each(${JSON.stringify(rows)}))`);
}

export interface ChangedArticle extends AuditChange {
  title: string | null;
  url: string | null;
}

/** The changed articles of an audit, by article id, optionally of one kind. */
export async function listChanges(
  db: Db,
  auditId: string,
  change: ChangeKind | undefined,
  page: PageRequest,
): Promise<Page<ChangedArticle>> {
  const rows = await db.all<{
    article_id: string;
    change: ChangeKind;
    previous_outcome: string | null;
    outcome: string;
    previous_run_id: string | null;
    run_id: string;
    rule_changes: string;
    title: string | null;
    url: string | null;
  }>(sql`SELECT c.article_id, c.change, c.previous_outcome, c.outcome, c.previous_run_id, c.run_id, c.rule_changes, a.title, a.url
    FROM audit_changes c JOIN articles a ON a.id = c.article_id
    WHERE c.audit_id = ${auditId} AND c.article_id > ${page.cursor?.id ?? ""} ${change ? sql`AND c.change = ${change}` : sql``}
    ORDER BY c.article_id LIMIT ${page.limit + 1}`);
  return toPage(
    rows,
    page.limit,
    (r) => ({ at: null, id: r.article_id }),
    (r) => ({
      article_id: r.article_id,
      title: r.title,
      url: r.url,
      change: r.change,
      previous_outcome: r.previous_outcome,
      outcome: r.outcome,
      previous_run_id: r.previous_run_id,
      run_id: r.run_id,
      rules: JSON.parse(r.rule_changes) as RuleDelta[],
    }),
  );
}
