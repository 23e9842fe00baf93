// Outbound alerts: deciding when a run deserves one (maybeEnqueueAlert, called by the webhook and
// audit jobs), building the compact summary (buildAlert) and the `notify` job that POSTs it signed
// per Standard Webhooks. Alerts travel on their own queue (ALERTS), never the scoring queue.
import type { Outcome } from "../engine";
import type { Bindings } from "../env";
import { signStandardWebhook } from "../lib/crypto";
import type { JobMessage } from "../lib/job-messages";
import { type Db, getDb } from "../storage/db";
import { ALERT_PROVIDER, findDelivery, markFailed, markSent, recordAttemptFailure, recordDelivery } from "../storage/deliveries";
import { getRunReport } from "../storage/queries-runs";
import { activeRules } from "../use-cases/current-ruleset";
import type { JobHandler } from "./handlers";

// Keep alerts compact: receivers want the gist and a link, not every verdict.
const MAX_RULES = 20;
const MAX_QUOTES = 3;
// Short: alerts run on their own queue, but a receiver that hangs should fail fast and be retried.
const SEND_TIMEOUT_MS = 5_000;

export interface AlertDecision {
  articleId: string;
  runId: string;
  outcome: Outcome;
  /** The article's outcome before this run; null for its first run. */
  previousOutcome: Outcome | null;
}

/** Why a run deserves an alert: it fails, or its outcome changed since the previous run. */
export function alertReason(d: Pick<AlertDecision, "outcome" | "previousOutcome">): "fail" | "changed" | null {
  if (d.outcome === "fail") return "fail";
  return d.previousOutcome !== null && d.previousOutcome !== d.outcome ? "changed" : null;
}

/**
 * Records and enqueues an alert for a stored run when NOTIFY_URL/NOTIFY_SECRET are set and
 * alertReason says so. Idempotent per run; throws if the queue refuses (callers retry).
 */
export async function maybeEnqueueAlert(env: Bindings, d: AlertDecision): Promise<boolean> {
  const reason = alertReason(d);
  if (!reason || !env.NOTIFY_URL || !env.NOTIFY_SECRET) return false;
  const recorded = await recordDelivery(getDb(env.DB), {
    provider: ALERT_PROVIDER,
    deliveryKey: d.runId,
    event: `alert.${reason}`,
    status: "queued",
    articleId: d.articleId,
    runId: d.runId,
  });
  if (recorded.status === "queued") await env.ALERTS.send({ type: "notify", articleId: d.articleId, runId: d.runId } satisfies JobMessage);
  return true;
}

/** Re-enqueues a run's alert that was recorded but may never have reached the queue. */
export async function resendQueuedAlert(env: Bindings, runId: string): Promise<void> {
  const alert = await findDelivery(getDb(env.DB), ALERT_PROVIDER, runId);
  if (alert?.status === "queued" && alert.articleId)
    await env.ALERTS.send({ type: "notify", articleId: alert.articleId, runId } satisfies JobMessage);
}

export interface Alert {
  type: "article.alert";
  timestamp: string;
  data: {
    reason: "fail" | "changed";
    article: { id: string; source: string; external_id: string; title: string | null; url: string | null };
    run: {
      id: string;
      trigger: string;
      score: number | null;
      outcome: Outcome;
      previous_outcome: Outcome | null;
      ruleset_version: string;
      as_of: string;
      created_at: string;
    };
    failing_rules: {
      rule: string;
      claim: string | null;
      severity: string;
      quotes: {
        quote: string;
        offset: number;
        found: string | null;
        expected: string | null;
        suggestion: string | null;
        message: string | null;
      }[];
    }[];
    /** How many failing rules were left out to keep the alert compact. */
    more_failing_rules: number;
  };
}

/** The alert body for one run, or null when the run (or its article) does not exist. */
export async function buildAlert(db: Db, articleId: string, runId: string, now = new Date()): Promise<Alert | null> {
  const report = await getRunReport(db, articleId, runId);
  if (!report) return null;
  const { article, run, previousOutcome, failing } = report;
  const { byId } = await activeRules({ DB: db.$client });
  return {
    type: "article.alert",
    timestamp: now.toISOString(),
    data: {
      reason: alertReason({ outcome: run.outcome, previousOutcome }) ?? "changed",
      article: { id: article.id, source: article.source, external_id: article.external_id, title: article.title, url: article.url },
      run: {
        id: run.id,
        trigger: run.trigger,
        score: run.score,
        outcome: run.outcome,
        previous_outcome: previousOutcome,
        ruleset_version: run.ruleset_version,
        as_of: run.as_of,
        created_at: run.created_at,
      },
      failing_rules: failing.slice(0, MAX_RULES).map((v) => ({
        rule: v.rule,
        claim: byId.get(v.rule)?.claim ?? null,
        severity: v.severity,
        quotes: v.evidence.slice(0, MAX_QUOTES).map((e) => ({
          quote: e.quote,
          offset: e.offset,
          found: e.found,
          expected: e.expected,
          suggestion: e.replacements[0] ?? null,
          message: e.message ?? null,
        })),
      })),
      more_failing_rules: Math.max(0, failing.length - MAX_RULES),
    },
  };
}

/**
 * Sends one signed payload to NOTIFY_URL (Standard Webhooks; `webhookId` stable per payload so
 * receivers can dedupe our retries) and records the attempt on its delivery row.
 */
export async function sendSigned(
  env: { NOTIFY_URL: string; NOTIFY_SECRET: string },
  db: Db,
  record: { id: string } | null | undefined,
  attempts: number,
  webhookId: string,
  payload: unknown,
  timeoutMs: number,
): Promise<void> {
  try {
    const body = JSON.stringify(payload);
    const headers = await signStandardWebhook(env.NOTIFY_SECRET, webhookId, body);
    const res = await fetch(env.NOTIFY_URL, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "user-agent": "accuracy-harness-alerts" },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!res.ok) throw new Error(`NOTIFY_URL answered ${res.status} ${res.statusText}`.trim());
    if (record) await markSent(db, record.id, attempts, body);
  } catch (err) {
    if (record) await recordAttemptFailure(db, record.id, attempts, err instanceof Error ? err.message : String(err));
    throw err;
  }
}

export const notify: JobHandler<"notify"> = {
  async process({ articleId, runId }, env, attempts) {
    // Alerts switched off after this one was queued: nothing to send.
    if (!env.NOTIFY_URL || !env.NOTIFY_SECRET) return;
    const db = getDb(env.DB);
    const record = await findDelivery(db, ALERT_PROVIDER, runId);
    if (record && record.status !== "queued") return; // already sent (or given up): at-least-once redelivery
    const alert = await buildAlert(db, articleId, runId).catch(async (err: unknown) => {
      if (record) await recordAttemptFailure(db, record.id, attempts, err instanceof Error ? err.message : String(err));
      throw err;
    });
    if (!alert) {
      const message = `run ${runId} of article ${articleId} not found`;
      if (record) await recordAttemptFailure(db, record.id, attempts, message);
      throw new Error(message);
    }
    await sendSigned(
      { NOTIFY_URL: env.NOTIFY_URL, NOTIFY_SECRET: env.NOTIFY_SECRET },
      db,
      record,
      attempts,
      `alert_${runId}`,
      alert,
      SEND_TIMEOUT_MS,
    );
  },

  async deadLetter({ runId }, env) {
    const db = getDb(env.DB);
    const record = await findDelivery(db, ALERT_PROVIDER, runId);
    if (!record || !(await markFailed(db, record.id))) console.warn(`dead-lettered alert for run ${runId} was not queued`);
  },
};
