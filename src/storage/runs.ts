// The one write path for scoring results: an article (upserted by source + external_id, its
// latest-run fields folded into the upsert), its run and its stored verdicts go to D1 in ONE
// db.batch() of three statements — one transaction, so a run never exists without its verdicts.
// Callers (API, webhook consumer, audits) may append their own statements (delivery status,
// audit counters) to the same batch.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CheckResult, Ruleset, VerdictStatus } from "../engine";
import type { Db } from "./db";
import { sha256Hex, transact } from "./db";
import { newId } from "./ids";
import { storeRuleset } from "./rulesets";
import { articles, rulesets, runs } from "./schema";
import { RULESET_FORMAT, splitVerdicts } from "./verdicts";

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
  now?: Date;
}

export interface PreparedRunWrite {
  runId: string;
  contentHash: string;
  /** Item 0 is the article upsert, which RETURNs the article's id. */
  statements: BatchItem<"sqlite">[];
}

/** Builds (without running) the statements that store one article + run + verdicts. */
export async function prepareRunWrite(db: Db, input: RunWriteInput): Promise<PreparedRunWrite> {
  const { article, result, ruleset } = input;
  const now = (input.now ?? new Date()).toISOString();
  const runId = newId("run");
  const contentHash = await sha256Hex(article.text);
  const failedRules = result.verdicts.filter((v) => v.status === "fail").map((v) => v.rule);
  const latestFailedRules = failedRules.length ? ` ${failedRules.join(" ")} ` : null;
  const failing = result.outcome === "fail";

  const latest = {
    latestRunId: runId,
    latestScore: result.score,
    latestOutcome: result.outcome,
    latestFailedRules,
    lastCheckedAt: now,
    checkedRulesetVersion: result.ruleset.version,
    checkedAsOf: result.as_of,
    checkedAuditId: input.auditId ?? null,
  };
  const upsert = db
    .insert(articles)
    .values({
      id: newId("art"),
      source: article.source,
      externalId: article.externalId,
      url: article.url ?? null,
      title: article.title ?? null,
      text: article.text,
      contentHash,
      publishedAt: article.publishedAt ?? null,
      language: article.language ?? null,
      ...latest,
      failingSince: failing ? now : null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [articles.source, articles.externalId],
      // SET expressions see the OLD row, so failing_since keeps the date of the first failure
      // while the article stays failing.
      set: {
        url: sql`coalesce(excluded.url, ${articles.url})`,
        title: sql`coalesce(excluded.title, ${articles.title})`,
        text: sql`excluded.text`,
        contentHash: sql`excluded.content_hash`,
        publishedAt: sql`coalesce(excluded.published_at, ${articles.publishedAt})`,
        language: sql`coalesce(excluded.language, ${articles.language})`,
        status: "active",
        updatedAt: now,
        ...latest,
        failingSince: failing
          ? sql`CASE WHEN ${articles.latestOutcome} = 'fail' AND ${articles.failingSince} IS NOT NULL THEN ${articles.failingSince} ELSE ${now} END`
          : null,
      },
    })
    .returning({ id: articles.id });

  const { rows, implied } = splitVerdicts(result, ruleset);
  const statements: BatchItem<"sqlite">[] = [
    upsert,
    db.insert(runs).values({
      id: runId,
      // Resolved inside the batch, so a concurrent first insert of the article cannot race us.
      articleId: sql`(SELECT ${articles.id} FROM ${articles} WHERE ${articles.source} = ${article.source} AND ${articles.externalId} = ${article.externalId})`,
      trigger: input.trigger,
      auditId: input.auditId ?? null,
      deliveryId: input.deliveryId ?? null,
      // NULL (a NOT NULL failure that rolls the batch back) unless the ruleset is stored in a
      // format that can restore the implied verdicts; saveRun then stores it and retries.
      rulesetVersion: sql`(SELECT ${rulesets.version} FROM ${rulesets} WHERE ${rulesets.version} = ${result.ruleset.version} AND ${rulesets.format} >= ${RULESET_FORMAT})`,
      contentHash,
      score: result.score,
      outcome: result.outcome,
      passCount: count(result, "pass"),
      failCount: count(result, "fail"),
      notApplicableCount: count(result, "not_applicable"),
      reviewCount: count(result, "review"),
      errorCount: count(result, "error"),
      asOf: result.as_of,
      impliedVerdicts: implied,
      createdAt: now,
    }),
  ];
  if (rows.length) {
    // One statement and one bound JSON parameter for every row (D1 binds at most 100 parameters).
    const json = JSON.stringify(rows.map((v) => [v.rule, v.status, v.severity, v.kind, JSON.stringify(v.evidence), v.message ?? null]));
    statements.push(
      db.run(sql`INSERT INTO verdicts (run_id, rule_id, status, severity, kind, evidence, message)
        SELECT ${runId}, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5 FROM json_each(${json}) j`),
    );
  }
  return { runId, contentHash, statements };
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
  const prepared = await prepareRunWrite(db, input);
  const [upsert, ...rest] = [...prepared.statements, ...extra];
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
  return { runId: prepared.runId, articleId: row.id, contentHash: prepared.contentHash };
}

function count(result: CheckResult, status: VerdictStatus): number {
  return result.counts[status] ?? 0;
}
