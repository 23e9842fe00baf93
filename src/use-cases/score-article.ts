// "Score an article and store it", written once. The API (POST /v1/score), the dashboard's
// re-check, the webhook `delivery` job and the audit batches all call scoreArticle: it judges the
// article with the ruleset, applies the editors' labels on its findings (so a dismissed false
// alarm stays dismissed on every re-check), and the caller then stores the run (or does not: dry
// runs, unchanged webhook deliveries) in one D1 transaction. A caller that stores anyway can
// defer the labels to the write (`deferLabels`): most articles have no label on their findings,
// so the write checks that instead of a read before it, and only when one exists are the labels
// read and the write repeated.
import type { BatchItem } from "drizzle-orm/batch";
import { applyFeedback, type ArticleKey, type CheckResult, checkArticle, type FeedbackLabels, type Ruleset, type Verdict } from "../engine";
import { sha256Hex } from "../lib/crypto";
import type { Db } from "../storage/db";
import { labelsByKey } from "../storage/feedback";
import { isLabelsInForce, type PreparedRunWrite, prepareRunWrite, type RunTrigger, type RunWriteInput, saveRun } from "../storage/runs";

/**
 * An article to judge, in the field names the API, the webhook contract and the stored article
 * share. The body is `html` when given (its markup is removed by the engine), else `markdown`, else `text`.
 */
export interface ArticleToScore {
  source: string;
  /** The CMS's id; without one the article is identified by its URL, else by the hash of its text. */
  external_id?: string | null;
  text?: string | null;
  html?: string | null;
  markdown?: string | null;
  title?: string | null;
  url?: string | null;
  published_at?: string | null;
  language?: string | null;
}

export interface ScoreOptions {
  /** The judging date for undated articles (default: now). An audit passes its start, so its batches agree. */
  now?: Date;
  /** The ruleset to judge with: the current one (currentRuleset(env)) unless a caller has its own. */
  ruleset: Ruleset;
  /** Verdicts taken as they are instead of judging those rules (audits: use-cases/kept-verdicts.ts). */
  keep?: ReadonlyMap<string, Verdict>;
  /** The labels in force on the article's findings, when the caller loaded them (audits, per batch); else read from D1. */
  labels?: FeedbackLabels;
  /**
   * Do not read the labels now: `result` is labelled as if the article had none, and store()
   * applies the real ones (its write refuses when a label in force names one of the findings;
   * then it reads them and writes again). Take the result from store(). For callers that store.
   */
  deferLabels?: boolean;
}

/** Where a stored run came from; `at` is its write time (default: now). */
export interface StoreOptions {
  trigger: RunTrigger;
  auditId?: string;
  deliveryId?: string;
  /** Who asked for the run (a person's email); absent for webhooks, audits and shared tokens. */
  actor?: string | null;
  at?: Date;
}

export interface ScoredArticle {
  /**
   * The engine's verdicts with the labels applied: spans carry `finding` and `feedback`, dismissed
   * fails do not count. With `deferLabels`, as if no label were in force: the stored result is store()'s.
   */
  result: CheckResult;
  /** The article's key: source + its own id, else its URL, else its text's SHA-256 (what findings are derived from). */
  key: ArticleKey;
  /**
   * Stores article + run + verdicts in one D1 transaction; `extra` statements join it (and can veto
   * it by failing). Returns the result as stored (labels applied, also when deferred).
   */
  store(
    db: Db,
    options: StoreOptions,
    extra?: BatchItem<"sqlite">[],
  ): Promise<{ runId: string; articleId: string; contentHash: string; result: CheckResult }>;
  /** The same writes as store(), not executed (run them with transact()): for a caller's own transaction. */
  prepare(db: Db, options: StoreOptions): Promise<PreparedRunWrite>;
  /** What store() writes, for prepareRunsWrite (audits store a batch's runs in one statement). */
  writeInput(options: StoreOptions): Promise<RunWriteInput>;
}

/** Judges `article` with the ruleset and its labels. Throws only if the engine (a bug, never a finding) or D1 does. */
export async function scoreArticle(db: Db, article: ArticleToScore, options: ScoreOptions): Promise<ScoredArticle> {
  const ruleset = options.ruleset;
  const body =
    article.html != null
      ? { html: article.html }
      : article.markdown != null
        ? { markdown: article.markdown }
        : { text: article.text ?? "" };
  const judged = checkArticle(
    { ...body, title: article.title ?? undefined, publishedAt: article.published_at ?? null, language: article.language ?? undefined },
    ruleset,
    { now: options.now ?? new Date(), keep: options.keep },
  );
  // Without an id of its own an article is identified by its URL, else by its text, so
  // re-posting the same article adds a run to the same record (and keeps its findings' ids).
  const key: ArticleKey = { source: article.source, externalId: article.external_id ?? article.url ?? (await sha256Hex(judged.text)) };
  const deferred = !options.labels && options.deferLabels === true;
  const result = applyFeedback(judged, key, options.labels ?? (deferred ? new Map() : await labelsByKey(db, key)));

  const inputFor = (result: CheckResult, o: StoreOptions, labelCheck?: string[]): RunWriteInput => ({
    article: {
      source: article.source,
      externalId: key.externalId,
      url: article.url,
      title: article.title,
      // The engine's text (derived from html when html was sent): stored evidence offsets point into it.
      text: result.text,
      // The date judged by, also when read from the document: audits re-judge the stored text, which has no metadata.
      publishedAt: article.published_at ?? result.published_at,
      language: article.language,
    },
    result,
    ruleset,
    trigger: o.trigger,
    auditId: o.auditId,
    deliveryId: o.deliveryId,
    actor: o.actor ?? null,
    now: o.at,
    labelCheck,
  });
  // With deferred labels every write carries the findings it must check.
  const writeInput = async (o: StoreOptions) => inputFor(result, o, deferred ? findingsOf(result) : undefined);

  return {
    result,
    key,
    store: async (db, o, extra = []) => {
      try {
        return { ...(await saveRun(db, await writeInput(o), extra)), result };
      } catch (err) {
        if (!deferred || !isLabelsInForce(err)) throw err;
        const labelled = applyFeedback(judged, key, await labelsByKey(db, key));
        return { ...(await saveRun(db, inputFor(labelled, o), extra)), result: labelled };
      }
    },
    prepare: async (db, o) => prepareRunWrite(db, await writeInput(o)),
    writeInput,
  };
}

/** Every span's finding id (labels can name the spans of any verdict, so all of them are checked). */
function findingsOf(result: CheckResult): string[] {
  return [...new Set(result.verdicts.flatMap((v) => v.evidence.map((e) => e.finding!)))];
}
