// The one write path for scoring results: an article (upserted by source + external_id), its
// run and every verdict go to D1 in ONE db.batch() — one transaction, so a run never exists
// without its verdicts. Callers (API, webhook consumer, audits) may append their own statements
// (delivery status, audit counters) to the same batch.
import { sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { CheckResult, Ruleset, VerdictStatus } from "../engine";
import type { Db } from "./db";
import { sha256Hex } from "./db";
import { newId } from "./ids";
import { articles, rulesets, runs, verdicts } from "./schema";

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
  statements: BatchItem<"sqlite">[];
}

// D1 allows at most 100 bound parameters per statement; a verdict row binds 7.
const VERDICT_COLUMNS = 7;
export const VERDICT_ROWS_PER_INSERT = Math.floor(100 / VERDICT_COLUMNS);

/** Builds (without running) every statement that stores one article + run + verdicts. */
export async function prepareRunWrite(db: Db, input: RunWriteInput): Promise<PreparedRunWrite> {
  const { article, result, ruleset } = input;
  const now = (input.now ?? new Date()).toISOString();
  const runId = newId("run");
  const contentHash = await sha256Hex(article.text);
  const failedRules = result.verdicts.filter((v) => v.status === "fail").map((v) => v.rule);

  // The article id is resolved inside the batch, so a concurrent first insert cannot race us.
  const articleIdOf = sql`(SELECT ${articles.id} FROM ${articles} WHERE ${articles.source} = ${article.source} AND ${articles.externalId} = ${article.externalId})`;

  const statements: BatchItem<"sqlite">[] = [
    db
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
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [articles.source, articles.externalId],
        set: {
          url: sql`coalesce(excluded.url, ${articles.url})`,
          title: sql`coalesce(excluded.title, ${articles.title})`,
          text: sql`excluded.text`,
          contentHash: sql`excluded.content_hash`,
          publishedAt: sql`coalesce(excluded.published_at, ${articles.publishedAt})`,
          language: sql`coalesce(excluded.language, ${articles.language})`,
          status: "active",
          updatedAt: now,
        },
      }),
    db
      .insert(rulesets)
      .values({
        version: ruleset.version,
        ruleCount: ruleset.rules.length,
        rules: JSON.stringify(
          ruleset.rules.map((r) => ({ id: r.id, hash: r.hash, valid_from: r.valid_from, valid_until: r.valid_until })),
        ),
        firstSeenAt: now,
      })
      .onConflictDoNothing(),
    db.insert(runs).values({
      id: runId,
      articleId: articleIdOf,
      trigger: input.trigger,
      auditId: input.auditId ?? null,
      deliveryId: input.deliveryId ?? null,
      actor: input.actor ?? null,
      rulesetVersion: result.ruleset.version,
      contentHash,
      score: result.score,
      outcome: result.outcome,
      passCount: count(result, "pass"),
      failCount: count(result, "fail"),
      notApplicableCount: count(result, "not_applicable"),
      reviewCount: count(result, "review"),
      errorCount: count(result, "error"),
      asOf: result.as_of,
      createdAt: now,
    }),
  ];

  const rows = result.verdicts.map((v) => ({
    runId,
    ruleId: v.rule,
    status: v.status,
    severity: v.severity,
    kind: v.kind,
    evidence: JSON.stringify(v.evidence),
    message: v.message ?? null,
  }));
  for (let i = 0; i < rows.length; i += VERDICT_ROWS_PER_INSERT) {
    statements.push(db.insert(verdicts).values(rows.slice(i, i + VERDICT_ROWS_PER_INSERT)));
  }

  // SQLite evaluates every SET expression against the OLD row, so failing_since can look at
  // the previous outcome: it keeps the date of the first failure while the article stays failing.
  statements.push(
    db
      .update(articles)
      .set({
        latestRunId: runId,
        latestScore: result.score,
        latestOutcome: result.outcome,
        latestFailedRules: failedRules.length ? ` ${failedRules.join(" ")} ` : null,
        lastCheckedAt: now,
        failingSince:
          result.outcome === "fail"
            ? sql`CASE WHEN ${articles.latestOutcome} = 'fail' AND ${articles.failingSince} IS NOT NULL THEN ${articles.failingSince} ELSE ${now} END`
            : null,
      })
      .where(sql`${articles.id} = ${articleIdOf}`),
  );

  return { runId, contentHash, statements };
}

/** Stores one article + run + verdicts atomically; `extra` statements join the same transaction. */
export async function saveRun(
  db: Db,
  input: RunWriteInput,
  extra: BatchItem<"sqlite">[] = [],
): Promise<{ runId: string; articleId: string; contentHash: string }> {
  const prepared = await prepareRunWrite(db, input);
  // The article id is read back inside the same batch: one round trip to D1, not two.
  const articleOf = db
    .select({ id: articles.id })
    .from(articles)
    .where(sql`${articles.source} = ${input.article.source} AND ${articles.externalId} = ${input.article.externalId}`);
  const [first, ...rest] = [...prepared.statements, ...extra];
  const results = await db.batch([first!, ...rest, articleOf]);
  const [row] = results[results.length - 1] as { id: string }[];
  return { runId: prepared.runId, articleId: row!.id, contentHash: prepared.contentHash };
}

function count(result: CheckResult, status: VerdictStatus): number {
  return result.counts[status] ?? 0;
}
