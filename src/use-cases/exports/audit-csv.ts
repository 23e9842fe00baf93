// One audit's changes as CSV (GET /v1/audits/:id.csv and the dashboard's download), streamed one
// keyset page of changes at a time.
import { listChanges } from "../../storage/audit-changes";
import { getAudit } from "../../storage/audits";
import type { Db } from "../../storage/db";
import { type Cursor, MAX_PAGE_SIZE } from "../../storage/queries-page";
import { BOM, type Cell, csvResponse, csvRow } from "./csv";

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

/** The audit's changes as a streamed CSV; null when the audit does not exist. */
export async function auditCsvResponse(db: Db, auditId: string): Promise<Response | null> {
  if (!(await getAudit(db, auditId))) return null;
  return csvResponse(auditCsvStream(db, auditId), `audit-${auditId}.csv`);
}
