// The one write path for scoring results: articles (upserted by source + external_id, their
// latest-run fields folded into the upsert), their runs and stored verdicts go to D1 in ONE
// batch of three statements, however many runs — one transaction, so a run never exists
// without its verdicts.
// Callers (API, webhook consumer, audits) may append their own statements (delivery status,
// audit counters) to the same batch.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CheckResult, Ruleset, VerdictStatus } from "../engine";
import type { Db } from "./db";
import { sha256Hex } from "../lib/crypto";
import { transact } from "./db";
import { newId } from "./ids";
import { storeRuleset } from "./rulesets";
import { RULESET_FORMAT, splitVerdicts } from "../lib/implied-verdicts";

export type RunTrigger = "api" | "webhook" | "audit" | "cli";

export interface ArticleInput {
  source: string;
  externalId: string;
  url?: string | null;
  title?: string | null;
  /** The text the engine judged (CheckResult.text): offsets in stored evidence point into it. */
  text: string;
  publishedAt?: string | null;
  language?: string | null;
}

export interface RunWriteInput {
  article: ArticleInput;
  result: CheckResult;
  ruleset: Ruleset;
  trigger: RunTrigger;
  auditId?: string | null;
  deliveryId?: string | null;
  /** Who asked for this run (a person's email or token name); null for automatic runs. */
  actor?: string | null;
  now?: Date;
}

export interface PreparedRunWrite {
  runId: string;
  contentHash: string;
  /** Run them with transact() (raw SQL): the ruleset's upsert, then articles, runs, verdict rows. */
  statements: BatchItem<"sqlite">[];
}

export interface PreparedRunsWrite {
  /** One per input, in order. */
  runs: { runId: string; contentHash: string }[];
  /**
   * Run them with transact() (raw SQL): each ruleset's upsert (writes nothing once stored; left
   * out with `withRuleset: false`), then at most three however many runs: article upserts
   * (RETURNING id), runs, verdict rows.
   */
  statements: BatchItem<"sqlite">[];
}

/** Builds (without running) the statements that store one article + run + verdicts. */
export async function prepareRunWrite(db: Db, input: RunWriteInput): Promise<PreparedRunWrite> {
  const {
    runs: [run],
    statements,
  } = await prepareRunsWrite(db, [input]);
  return { ...run!, statements };
}

/**
 * Builds the statements that store many articles with their runs and verdicts: one statement
 * per table, each binding a single JSON parameter (D1 binds at most 100), so an audit batch of
 * 50 articles costs three statements, not 150.
 */
export async function prepareRunsWrite(db: Db, inputs: RunWriteInput[], opts: { withRuleset?: boolean } = {}): Promise<PreparedRunsWrite> {
  const articleRows: Record<string, unknown>[] = [];
  // Texts and evidence travel in arrays of their own: `->>` parses the JSON value it reads, so
  // each row object stays small and each large string is read once, by json_each.
  const texts: string[] = [];
  const evidence: string[] = [];
  const runRows: Record<string, unknown>[] = [];
  const verdictRows: unknown[][] = [];
  const out: PreparedRunsWrite["runs"] = [];
  for (const input of inputs) {
    const { article, result, ruleset } = input;
    const now = (input.now ?? new Date()).toISOString();
    const runId = newId("run");
    const contentHash = await sha256Hex(article.text);
    const failedRules = result.verdicts.filter((v) => v.status === "fail").map((v) => v.rule);
    const { rows, implied } = splitVerdicts(result, ruleset);
    out.push({ runId, contentHash });
    texts.push(article.text);
    articleRows.push({
      id: newId("art"),
      source: article.source,
      external_id: article.externalId,
      url: article.url ?? null,
      title: article.title ?? null,
      content_hash: contentHash,
      published_at: article.publishedAt ?? null,
      language: article.language ?? null,
      latest_run_id: runId,
      latest_score: result.score,
      latest_outcome: result.outcome,
      latest_failed_rules: failedRules.length ? ` ${failedRules.join(" ")} ` : null,
      failing_since: result.outcome === "fail" ? now : null,
      checked_ruleset_version: result.ruleset.version,
      checked_as_of: result.as_of,
      checked_audit_id: input.auditId ?? null,
      now,
    });
    runRows.push({
      id: runId,
      source: article.source,
      external_id: article.externalId,
      trigger: input.trigger,
      audit_id: input.auditId ?? null,
      delivery_id: input.deliveryId ?? null,
      actor: input.actor ?? null,
      ruleset_version: result.ruleset.version,
      content_hash: contentHash,
      score: result.score,
      outcome: result.outcome,
      counts: [
        count(result, "pass"),
        count(result, "fail"),
        count(result, "not_applicable"),
        count(result, "review"),
        count(result, "error"),
      ],
      as_of: result.as_of,
      implied,
      now,
    });
    for (const v of rows) {
      verdictRows.push([runId, v.rule, v.status, v.severity, v.kind, v.message ?? null]);
      evidence.push(JSON.stringify(v.evidence));
    }
  }

  const statements: BatchItem<"sqlite">[] = [];
  if (opts.withRuleset !== false) {
    const versions = new Map(inputs.map((i) => [i.ruleset.version, i]));
    for (const i of versions.values()) statements.push(storeRuleset(db, i.ruleset, (i.now ?? new Date()).toISOString()));
  }
  statements.push(
    // SET expressions see the OLD row, so failing_since keeps the date of the first failure
    // while the article stays failing. ("WHERE true" lets SQLite parse an upsert over a SELECT.)
    // status is not updated: only the CMS's life cycle changes it (storage/article-states.ts), so a
    // run stored by an audit or the API while a withdrawal lands cannot make the article live again.
    // An unchanged text (same hash) stays where it is: '' once offloaded to R2 (storage/texts.ts).
    db.run(sql`INSERT INTO articles (id, source, external_id, url, title, text, content_hash, published_at, language, status,
        latest_run_id, latest_score, latest_outcome, latest_failed_rules, last_checked_at, failing_since,
        checked_ruleset_version, checked_as_of, checked_audit_id, created_at, updated_at)
      SELECT a ->> 'id', a ->> 'source', a ->> 'external_id', a ->> 'url', a ->> 'title', t.value, a ->> 'content_hash', a ->> 'published_at', a ->> 'language', 'active',
        a ->> 'latest_run_id', a ->> 'latest_score', a ->> 'latest_outcome', a ->> 'latest_failed_rules', a ->> 'now', a ->> 'failing_since',
        a ->> 'checked_ruleset_version', a ->> 'checked_as_of', a ->> 'checked_audit_id', a ->> 'now', a ->> 'now'
      FROM (SELECT key, value AS a FROM json_each(${JSON.stringify(articleRows)})) JOIN json_each(${JSON.stringify(texts)}) t USING (key) WHERE true
      ON CONFLICT (source, external_id) DO UPDATE SET
        url = coalesce(excluded.url, articles.url), title = coalesce(excluded.title, articles.title),
        text = CASE WHEN excluded.content_hash = articles.content_hash THEN articles.text ELSE excluded.text END,
        content_hash = excluded.content_hash, published_at = coalesce(excluded.published_at, articles.published_at),
        language = coalesce(excluded.language, articles.language), updated_at = excluded.updated_at,
        latest_run_id = excluded.latest_run_id, latest_score = excluded.latest_score, latest_outcome = excluded.latest_outcome,
        latest_failed_rules = excluded.latest_failed_rules, last_checked_at = excluded.last_checked_at,
        failing_since = CASE WHEN excluded.latest_outcome IS NOT 'fail' THEN NULL
          WHEN articles.latest_outcome = 'fail' AND articles.failing_since IS NOT NULL THEN articles.failing_since ELSE excluded.failing_since END,
        checked_ruleset_version = excluded.checked_ruleset_version, checked_as_of = excluded.checked_as_of, checked_audit_id = excluded.checked_audit_id
      RETURNING id`),
    // The article id is resolved inside the batch, so a concurrent first insert cannot race us.
    // ruleset_version is NULL (a NOT NULL failure that rolls the batch back) unless the ruleset is
    // stored in a format that can restore the implied verdicts; saveRun then stores it and retries.
    db.run(sql`INSERT INTO runs (id, article_id, trigger, audit_id, delivery_id, actor, ruleset_version, content_hash, score, outcome,
        pass_count, fail_count, not_applicable_count, review_count, error_count, as_of, implied_verdicts, created_at)
      SELECT r ->> 'id', (SELECT id FROM articles WHERE source = r ->> 'source' AND external_id = r ->> 'external_id'),
        r ->> 'trigger', r ->> 'audit_id', r ->> 'delivery_id', r ->> 'actor',
        (SELECT version FROM rulesets WHERE version = r ->> 'ruleset_version' AND format >= ${RULESET_FORMAT}),
        r ->> 'content_hash', r ->> 'score', r ->> 'outcome',
        r ->> '$.counts[0]', r ->> '$.counts[1]', r ->> '$.counts[2]', r ->> '$.counts[3]', r ->> '$.counts[4]', r ->> 'as_of', r ->> 'implied', r ->> 'now'
      FROM (SELECT value AS r FROM json_each(${JSON.stringify(runRows)}))`),
  );
  if (verdictRows.length) {
    statements.push(
      db.run(sql`INSERT INTO verdicts (run_id, rule_id, status, severity, kind, evidence, message)
        SELECT v ->> 0, v ->> 1, v ->> 2, v ->> 3, v ->> 4, e.value, v ->> 5
        FROM (SELECT key, value AS v FROM json_each(${JSON.stringify(verdictRows)})) JOIN json_each(${JSON.stringify(evidence)}) e USING (key)`),
    );
  }
  return { runs: out, statements };
}

/** True when a batch failed because the run's ruleset is not stored (see prepareRunWrite). */
export function isMissingRuleset(err: unknown): boolean {
  const text = `${err instanceof Error ? err.message : String(err)} ${err instanceof Error && err.cause instanceof Error ? err.cause.message : ""}`;
  return text.includes("runs.ruleset_version");
}

/** Stores one article + run + verdicts atomically; `extra` statements join the same transaction. */
export async function saveRun(
  db: Db,
  input: RunWriteInput,
  extra: BatchItem<"sqlite">[] = [],
): Promise<{ runId: string; articleId: string; contentHash: string }> {
  // Without the ruleset's upsert: one stored score binds no rules JSON unless it must (below).
  const {
    runs: [prepared],
    statements,
  } = await prepareRunsWrite(db, [input], { withRuleset: false });
  const [upsert, ...rest] = [...statements, ...extra];
  let results: D1Result[];
  try {
    results = await transact(db, [upsert!, ...rest]);
  } catch (err) {
    // Once per ruleset version and database: store the ruleset, then the same batch again.
    if (!isMissingRuleset(err)) throw err;
    const now = (input.now ?? new Date()).toISOString();
    results = (await transact(db, [storeRuleset(db, input.ruleset, now), upsert!, ...rest])).slice(1);
  }
  const row = results[0]!.results[0] as { id: string };
  return { runId: prepared!.runId, articleId: row.id, contentHash: prepared!.contentHash };
}

function count(result: CheckResult, status: VerdictStatus): number {
  return result.counts[status] ?? 0;
}
