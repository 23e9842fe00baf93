// Shared by the audit-*.test.ts and corrections-*.test.ts files: rulesets built from small YAML
// rule files with the real engine, articles stored through the real write path, a JOBS queue
// that records what it is sent, and a drain loop that feeds those messages to the real handler.
import { env } from "cloudflare:workers";
import { checkArticle, loadRuleset, type Ruleset } from "../../src/engine";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import type { AuditEnv } from "../../src/jobs/audit";
import type { JobMessage } from "../../src/jobs/messages";
import { getDb } from "../../src/storage/db";
import { saveRun } from "../../src/storage/runs";

/** A `phrase` rule: `wrong` fails with `right` as the replacement; `right` passes. */
export function phraseRule(id: string, wrong: string, right: string, extra = ""): { path: string; text: string } {
  return {
    path: `audit/${id}.yaml`,
    text: `id: ${id}
claim: Write "${right}", not "${wrong}"
kind: phrase
severity: major
sources: ["https://example.org/${id}"]
forbid:
  - phrases: ["${wrong}"]
    replacement: "${right}"
accept: ["${right}"]
${extra}examples:
  - text: "It is ${wrong}."
    expect: fail
  - text: "It is ${right}."
    expect: pass
`,
  };
}

export function ruleset(...files: { path: string; text: string }[]): Ruleset {
  return loadRuleset(files);
}

/** Stores an article and a run judged by `rules` (as of `now` when the article is undated). */
export async function storeArticle(
  externalId: string,
  text: string,
  rules: Ruleset,
  opts: { publishedAt?: string | null; now?: Date } = {},
): Promise<{ articleId: string; runId: string }> {
  const now = opts.now ?? new Date();
  const result = checkArticle({ text, publishedAt: opts.publishedAt ?? null }, rules, { now });
  const saved = await saveRun(getDb(env.DB), {
    article: { source: "test", externalId, title: `Article ${externalId}`, url: `https://news.example/${externalId}`, text: result.text, publishedAt: opts.publishedAt ?? null },
    result,
    ruleset: rules,
    trigger: "api",
    now,
  });
  return { articleId: saved.articleId, runId: saved.runId };
}

export interface RecordingJobs extends AuditEnv {
  sent: JobMessage[];
  /** sendBatch calls, by size. */
  calls: number[];
  /** Make the next n sendBatch calls throw. */
  failSends: number;
}

/** The real D1 with a JOBS binding that records messages instead of delivering them. */
export function recordingEnv(): RecordingJobs {
  const rec: RecordingJobs = {
    DB: env.DB,
    sent: [],
    calls: [],
    failSends: 0,
    JOBS: {
      async sendBatch(messages) {
        if (rec.failSends > 0) {
          rec.failSends--;
          throw new Error("queue unavailable (test)");
        }
        const list = [...messages];
        rec.calls.push(list.length);
        rec.sent.push(...list.map((m) => m.body));
        return undefined as never;
      },
    },
  };
  return rec;
}

/** Delivers recorded messages to the real audit-batch handler until none is left. */
export async function drain(rec: RecordingJobs, rules: Ruleset): Promise<number> {
  let delivered = 0;
  while (rec.sent.length) {
    const job = rec.sent.shift()!;
    if (job.type !== "audit-batch") continue;
    await processAuditBatch(rec, job, rules);
    delivered++;
  }
  return delivered;
}

export async function auditRow(id: string) {
  return (await env.DB.prepare("SELECT * FROM audits WHERE id = ?").bind(id).first<Record<string, any>>())!;
}

export async function batchRows(auditId: string) {
  const { results } = await env.DB.prepare("SELECT seq, kind, status, article_ids, cursor, parent_seq FROM audit_batches WHERE audit_id = ? ORDER BY seq")
    .bind(auditId)
    .all<{ seq: number; kind: string; status: string; article_ids: string; cursor: string | null; parent_seq: number | null }>();
  return results;
}

export async function count(sql: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql).bind(...binds).first<{ n: number }>();
  return row!.n;
}

/** Removes everything audits and articles wrote, so each test starts from an empty archive. */
export async function resetArchive(): Promise<void> {
  await env.DB.batch(
    ["audit_changes", "audit_batches", "audits", "verdicts", "runs", "deliveries", "articles", "rulesets"].map((t) => env.DB.prepare(`DELETE FROM ${t}`)),
  );
}
