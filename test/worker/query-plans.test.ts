// Every hot query must reach its rows through an index: the write path, the reads by id and
// the list pages, feedback (a label, its undo, the label reads) and every query of an audit
// (start, scan steps, score batches). The real code runs against a D1 binding that records each
// statement it prepares; each recorded statement is then run through EXPLAIN QUERY PLAN with its
// own parameters, and a full table scan fails the test; walking an index in order is allowed only
// for the first page of an unfiltered list, which stops after its LIMIT, and for the dashboard
// totals no counter answers (a rule, a score range, a title), which read the newest articles up to
// a LIMIT. Dashboard totals, unfiltered or filtered by source, status or outcome, the source menu and the rule
// counts read small counter tables. Every statement inside a trigger on the write path (counters)
// reaches its rows by key too.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkArticle } from "../../src/engine";
import { startAudit } from "../../src/use-cases/audit";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import type { JobMessage } from "../../src/lib/job-messages";
import { articleTotals, getArticle, listArticles, listSources } from "../../src/storage/articles";
import { listChanges } from "../../src/storage/audit-changes";
import { listCorrections } from "../../src/storage/corrections";
import { previousRulesetVersion } from "../../src/storage/rulesets";
import { getDb } from "../../src/storage/db";
import { getArticleWithLatestRun, getLatestRunWithVerdicts, getRun, listRuns } from "../../src/storage/queries-runs";
import { saveRun } from "../../src/storage/runs";
import { offloadTexts } from "../../src/storage/texts";
import { pruneRunsStep } from "../../src/storage/retention";
import { ruleStats } from "../../src/storage/queries-rules";
import { labelledArticlesPage, labelsByKey, listFeedback } from "../../src/storage/feedback";
import { giveFeedback, undoLabel } from "../../src/use-cases/feedback";
import { phraseRule, resetArchive, ruleset } from "./fixtures/audits";

type Recorded = Map<string, { params: unknown[]; label: string }>;
let label = "";

/** A D1 binding that remembers every statement prepared through it, with its last parameters. */
function recording(real: D1Database, seen: Recorded): D1Database {
  const wrap = (sql: string, statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, key) {
        if (key === "bind")
          return (...params: unknown[]) => {
            seen.set(sql, { params, label: seen.get(sql)?.label || label });
            return target.bind(...params);
          };
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  return new Proxy(real, {
    get(target, key) {
      if (key === "prepare")
        return (sql: string) => {
          if (!seen.has(sql)) seen.set(sql, { params: [], label });
          return wrap(sql, target.prepare(sql));
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const v1 = ruleset(phraseRule("plan.city", "San Salvadr", "San Salvador"), phraseRule("plan.prison", "CECOTT", "CECOT"));
const v2 = ruleset(phraseRule("plan.city", "San Salvador", "Santa Ana"), phraseRule("plan.prison", "CECOTT", "CECOT"));
const seen: Recorded = new Map();
// Statements allowed to walk an index in order: they stop after their LIMIT.
const FIRST_PAGE = "first page of an unfiltered list, or newest row first with LIMIT 1";
// ... and the head of a partial index that holds only pending work (texts still inline).
const WORK_QUEUE = "the head of a partial index of pending work, with LIMIT";
// ... and the newest articles up to a LIMIT, for a total no counter answers.
const BOUNDED = "the newest articles through an index, with LIMIT";
// ... and the counter tables: a row per (source, status, outcome), per (rule, status) or per
// ruleset version, never per article.
const COUNTERS = "a counter table, a few rows whatever the archive's size";
const COUNTER_TABLES = new Set(["article_counts", "rule_counts", "ruleset_counts"]);

beforeAll(async () => {
  await resetArchive();
  const DB = recording(env.DB, seen);
  const db = getDb(DB);
  const texts = ["The prison is near San Salvador.", "CECOTT is near San Salvadr.", "Nothing here."];
  let articleId = "";
  const ids: string[] = [];
  for (let i = 0; i < 60; i++) {
    const text = texts[i % texts.length]!;
    const result = checkArticle({ text, publishedAt: "2026-11-01" }, v1, { now: new Date() });
    ({ articleId } = await saveRun(db, {
      article: { source: "plan", externalId: `p${i}`, title: `T${i}`, text, publishedAt: "2026-11-01" },
      result,
      ruleset: v1,
      trigger: "api",
    }));
    ids.push(articleId);
  }
  // Feedback: a label and its undo (each rewrites the article's runs), and the reads of labels.
  const failing = (await getLatestRunWithVerdicts(db, ids[1]!))!.verdicts.find((v) => v.status === "fail")!;
  const label1 = await giveFeedback(db, ids[1]!, { finding: failing.evidence[0]!.finding!, label: "false_alarm" }, "plan");
  await undoLabel(db, label1.id, "plan");
  await listFeedback(db, ids[1]!);
  await labelsByKey(db, { source: "plan", externalId: "p1" });
  // The feedback corpus export, one keyset page of labelled articles.
  await giveFeedback(db, ids[1]!, { finding: failing.evidence[0]!.finding!, label: "confirmed" }, "plan");
  expect((await labelledArticlesPage(db, "", 20)).items).toHaveLength(1);
  // The text offload (cron) reads its partial index, then updates by primary key; later reads go to R2.
  label = WORK_QUEUE;
  await offloadTexts(db, 20);
  label = "";
  // Reads by id and list pages.
  const run = await getLatestRunWithVerdicts(db, articleId);
  await getRun(db, run!.id);
  await getArticleWithLatestRun(db, articleId);
  await getArticle(db, articleId);
  await listRuns(db, articleId, { limit: 10 });
  await listRuns(db, articleId, { limit: 10, cursor: { at: run!.created_at, id: run!.id } });
  label = FIRST_PAGE;
  await listArticles(db, {}, { limit: 50 });
  label = "";
  await listArticles(db, { outcome: "fail" }, { limit: 50 });
  await listArticles(db, {}, { limit: 50, cursor: { at: run!.created_at, id: articleId } });
  await listCorrections(db, {}, { limit: 50 });
  await listCorrections(db, {}, { limit: 50, cursor: { at: "2026-01-01", id: articleId } });
  // Dashboard totals, unfiltered or filtered by source, status or outcome, and the source menu: counter rows.
  label = COUNTERS;
  await articleTotals(db, {});
  await articleTotals(db, { source: "plan", status: "active" });
  await articleTotals(db, { outcome: "fail" });
  await listSources(db);
  await ruleStats(db);
  await ruleStats(db, "plan.city");
  label = BOUNDED;
  await articleTotals(db, { rule: "plan.city" });
  await articleTotals(db, { min_score: 10, max_score: 90, source: "plan" });
  await articleTotals(db, { q: "t1", status: "active" });
  await articleTotals(db, { outcome: "fail", rule: "plan.city" });
  label = "";
  // An audit under an edited ruleset: start, scan steps, score batches, and its changes.
  const sent: JobMessage[] = [];
  const sendBatch = async (m: Iterable<MessageSendRequest<JobMessage>>) => {
    sent.push(...[...m].map((x) => x.body));
    return undefined as never;
  };
  const auditEnv = { DB, AUDIT_BATCH_SIZE: "25", JOBS: { sendBatch } };
  label = FIRST_PAGE;
  await previousRulesetVersion(db, v2.version);
  label = "";
  const { audit } = await startAudit(auditEnv, { trigger: "api", now: new Date(), ruleset: v2 });
  while (sent.length) {
    const job = sent.shift()!;
    if (job.type === "audit-batch") await processAuditBatch(auditEnv, job, v2);
  }
  await listChanges(db, audit.id, undefined, { limit: 50 });
  await listChanges(db, audit.id, "regression", { limit: 50 });
  // Run retention: a step reads a range of run ids and checks each run through indexes.
  await pruneRunsStep(db, { keepRuns: 1, keepDays: 0 }, { now: new Date(Date.now() + 60_000), examine: 10 });
});

describe("query plans", () => {
  it("recorded the hot queries", () => {
    expect(seen.size).toBeGreaterThan(20);
  });

  it("never scan a whole table", async () => {
    const scans: string[] = [];
    for (const [sql, { params, label: from }] of seen) {
      const { results } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .bind(...params)
        .all<{ detail: string }>();
      for (const { detail } of results) {
        // "SCAN t" reads every row of t; "SCAN t USING INDEX i" every entry of i. Scans of
        // json_each (VIRTUAL TABLE), of a subquery's result or of a constant row are bounded.
        const scan = /^SCAN (\S+)( USING (COVERING )?INDEX \S+)?$/.exec(detail);
        if (
          !scan ||
          /^\(subquery-\d+\)$/.test(scan[1]!) ||
          (scan[2] && (from === FIRST_PAGE || from === WORK_QUEUE || from === BOUNDED)) ||
          (from === COUNTERS && COUNTER_TABLES.has(scan[1]!))
        )
          continue;
        scans.push(`${detail}\n    in ${sql.replace(/\s+/g, " ").slice(0, 240)}`);
      }
    }
    expect(scans).toEqual([]);
  });

  it("reach every row a trigger touches by key", async () => {
    const { results } = await env.DB.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all<{
      name: string;
      sql: string;
    }>();
    expect(results.map((t) => t.name)).toContain("rule_counts_verdict_insert");
    const scans: string[] = [];
    for (const t of results) {
      // The row's values become one parameter ('active', so branches on the status stay live).
      const body = t.sql.replace(/\b(NEW|OLD)\.`?\w+`?/g, "?1");
      const begin = body.search(/\bBEGIN\b/);
      const when = /\bON\s+`?\w+`?\s+(?:FOR EACH ROW\s+)?WHEN\s([\s\S]*)$/i.exec(body.slice(0, begin))?.[1];
      const statements = body
        .slice(begin + "BEGIN".length, body.lastIndexOf("END"))
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
      for (const statement of when ? [`SELECT ${when}`, ...statements] : statements) {
        const { results: plan } = await env.DB.prepare(`EXPLAIN QUERY PLAN ${statement}`).bind("active").all<{ detail: string }>();
        for (const { detail } of plan) {
          const scan = /^SCAN (\S+)( USING (COVERING )?INDEX \S+)?$/.exec(detail);
          if (scan && !/^\(subquery-\d+\)$/.test(scan[1]!))
            scans.push(`${t.name}: ${detail}\n    in ${statement.replace(/\s+/g, " ").slice(0, 200)}`);
        }
      }
    }
    expect(scans).toEqual([]);
  });
});
