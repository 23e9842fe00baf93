// The one write path for scoring results: articles (upserted by source + external_id, their
// latest-run fields folded into the upsert), their runs and stored verdicts go to D1 in ONE
// statement, however many runs: an insert into the view run_writes, whose trigger (migration
// 0012, first 0009 and 0011) does the writes, so a run never exists without its verdicts. It inserts new
// articles, then runs and verdict rows, and moves existing articles to their new runs last, so the
// per-rule counters (0010) write only for verdicts that changed.
// Callers (API, webhook consumer, audits) may append their own statements (delivery status,
// audit counters) to the same batch.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CheckResult, Ruleset, VerdictStatus } from "../engine";
import { storedEvidence } from "../lib/stored-findings";
import type { Db } from "./db";
import { sha256Hex } from "../lib/crypto";
import { transact } from "./db";
import { newId } from "./ids";
import { storeRuleset } from "./rulesets";
import { splitVerdicts } from "../lib/implied-verdicts";

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
  /**
   * Set when `result` was labelled without reading the editors' labels: the finding ids of its
   * spans. The write then fails with isLabelsInForce (writing nothing) if a label in force names one.
   */
  labelCheck?: string[];
}

export interface PreparedRunWrite {
  runId: string;
  contentHash: string;
  /** Run them with transact() (raw SQL): the ruleset's upsert, then the one write (RETURNING article_id). */
  statements: BatchItem<"sqlite">[];
}

export interface PreparedRunsWrite {
  /** One per input, in order. */
  runs: { runId: string; contentHash: string }[];
  /**
   * Run them with transact() (raw SQL): each ruleset's upsert (writes nothing once stored; left
   * out with `withRuleset: false`), then one statement however many runs (articles, runs,
   * verdict rows).
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
 * binding six JSON arrays (D1 binds at most 100 parameters), so an audit batch of 50 articles
 * costs one statement, not 150.
 */
export async function prepareRunsWrite(db: Db, inputs: RunWriteInput[], opts: { withRuleset?: boolean } = {}): Promise<PreparedRunsWrite> {
  const articleRows: Record<string, unknown>[] = [];
  // Texts and evidence travel in arrays of their own: `->>` parses the JSON value it reads, so
  // each row object stays small; the trigger reads the i-th text or evidence by index.
  const texts: string[] = [];
  const evidence: string[] = [];
  const runRows: Record<string, unknown>[] = [];
  const verdictRows: unknown[][] = [];
  const labelChecks: { source: string; external_id: string; findings: string[] }[] = [];
  const out: PreparedRunsWrite["runs"] = [];
  for (const input of inputs) {
    const { article, result, ruleset } = input;
    const now = (input.now ?? new Date()).toISOString();
    const runId = newId("run");
    const contentHash = await sha256Hex(article.text);
    // Dismissed fails (every span a false alarm) are not "failing" for lists, filters and the corrections queue.
    const failedRules = result.verdicts.filter((v) => v.status === "fail" && !v.dismissed).map((v) => v.rule);
    const { rows, implied } = splitVerdicts(result, ruleset);
    out.push({ runId, contentHash });
    if (input.labelCheck) labelChecks.push({ source: article.source, external_id: article.externalId, findings: input.labelCheck });
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
      verdictRows.push([runId, v.rule, v.status, v.severity, v.kind, v.message ?? null, v.dismissed ? 1 : 0]);
      // As the engine found them: finding ids and labels are derived on read, so a later label never leaves a row stale.
      evidence.push(JSON.stringify(storedEvidence(v.evidence)));
    }
  }

  const statements: BatchItem<"sqlite">[] = [];
  if (opts.withRuleset !== false) {
    const versions = new Map(inputs.map((i) => [i.ruleset.version, i]));
    for (const i of versions.values()) statements.push(storeRuleset(db, i.ruleset, (i.now ?? new Date()).toISOString()));
  }
  // One statement: the trigger of migration 0012 (run_writes) upserts the articles and writes the
  // runs and verdict rows from these six parameters. RETURNING sees the rows the trigger wrote.
  statements.push(
    db.run(sql`INSERT INTO run_writes (article_rows, texts, run_rows, verdict_rows, evidence, label_check)
      VALUES (${JSON.stringify(articleRows)}, ${JSON.stringify(texts)}, ${JSON.stringify(runRows)}, ${JSON.stringify(verdictRows)},
        ${JSON.stringify(evidence)}, ${labelChecks.length ? JSON.stringify(labelChecks) : null})
      RETURNING (SELECT article_id FROM runs WHERE id = run_rows ->> '$[0].id') AS article_id`),
  );
  return { runs: out, statements };
}

function errorText(err: unknown): string {
  return `${err instanceof Error ? err.message : String(err)} ${err instanceof Error && err.cause instanceof Error ? err.cause.message : ""}`;
}

/** True when a batch failed because the run's ruleset is not stored (see prepareRunWrite). */
export function isMissingRuleset(err: unknown): boolean {
  return errorText(err).includes("runs.ruleset_version");
}

/**
 * True when a write with `labelCheck` was refused because a label in force names one of its
 * findings (the run's article id is then NULL: migrations 0009, 0011, 0012; a new article is inserted
 * before its run).
 */
export function isLabelsInForce(err: unknown): boolean {
  return errorText(err).includes("runs.article_id");
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
  const row = results[0]!.results[0] as { article_id: string };
  return { runId: prepared!.runId, articleId: row.article_id, contentHash: prepared!.contentHash };
}

function count(result: CheckResult, status: VerdictStatus): number {
  return result.counts[status] ?? 0;
}
