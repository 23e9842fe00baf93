// One alert per audit, not one per regressed article: when an audit finishes with regressions
// (and NOTIFY_URL/NOTIFY_SECRET are set), the `audit-digest` job POSTs one signed Standard
// Webhooks message listing them. Recorded as a delivery keyed by the audit, so it is sent once.
import type { Bindings } from "../env";
import { listChanges } from "../storage/audit-changes";
import { type AuditSummary, getAudit } from "../storage/audits";
import { type Db, getDb } from "../storage/db";
import type { JobMessage } from "../lib/job-messages";
import { ALERT_PROVIDER, findDelivery, markFailed, recordAttemptFailure, recordDelivery } from "../storage/deliveries";
import type { JobHandler } from "./handlers";
import { sendSigned } from "./notify";

/** Regressions listed in one digest; the rest are counted. */
export const DIGEST_MAX_ARTICLES = 100;
const SEND_TIMEOUT_MS = 15_000;

const digestKey = (auditId: string) => `digest_${auditId}`;

/** The audit whose digest a delivery key names, or null for any other alert (the sweeper re-sends digests by it). */
export function digestAuditId(deliveryKey: string): string | null {
  return deliveryKey.startsWith("digest_") ? deliveryKey.slice("digest_".length) : null;
}

export interface AuditDigest {
  type: "audit.digest";
  timestamp: string;
  data: {
    audit: Pick<
      AuditSummary,
      | "id"
      | "trigger"
      | "ruleset_version"
      | "previous_ruleset_version"
      | "started_at"
      | "finished_at"
      | "articles"
      | "outcomes"
      | "changes"
      | "rule_changes"
    >;
    regressions: {
      article_id: string;
      title: string | null;
      url: string | null;
      previous_outcome: string | null;
      outcome: string;
      run_id: string;
      rules: string[];
    }[];
    /** Regressions left out to keep the digest compact (see GET /v1/audits/:id). */
    more_regressions: number;
  };
}

/**
 * Records and enqueues the digest of a finished audit with regressions, once per audit (the
 * delivery key is the audit's). Cheap to call after every settled batch: it returns before any
 * write unless alerts are on and the audit finished with regressions.
 */
export async function maybeEnqueueDigest(env: Bindings, auditId: string): Promise<boolean> {
  if (!env.NOTIFY_URL || !env.NOTIFY_SECRET) return false;
  const db = getDb(env.DB);
  const audit = await getAudit(db, auditId);
  if (!audit || audit.status !== "finished" || audit.changes.regressions === 0) return false;
  const recorded = await recordDelivery(db, {
    provider: ALERT_PROVIDER,
    deliveryKey: digestKey(auditId),
    event: "alert.audit_digest",
    status: "queued",
  });
  // Still queued: send (again). A duplicate message finds the digest sent and does nothing.
  if (recorded.status === "queued") await env.JOBS.send({ type: "audit-digest", auditId } satisfies JobMessage);
  return true;
}

export async function buildDigest(db: Db, auditId: string, now = new Date()): Promise<AuditDigest | null> {
  const audit = await getAudit(db, auditId);
  if (!audit) return null;
  const page = await listChanges(db, auditId, "regression", { limit: DIGEST_MAX_ARTICLES });
  const { id, trigger, ruleset_version, previous_ruleset_version, started_at, finished_at, articles, outcomes, changes, rule_changes } =
    audit;
  return {
    type: "audit.digest",
    timestamp: now.toISOString(),
    data: {
      audit: { id, trigger, ruleset_version, previous_ruleset_version, started_at, finished_at, articles, outcomes, changes, rule_changes },
      regressions: page.items.map((c) => ({
        article_id: c.article_id,
        title: c.title,
        url: c.url,
        previous_outcome: c.previous_outcome,
        outcome: c.outcome,
        run_id: c.run_id,
        rules: c.rules.filter((r) => r.to === "fail").map((r) => r.rule),
      })),
      more_regressions: Math.max(0, changes.regressions - page.items.length),
    },
  };
}

export const auditDigest: JobHandler<"audit-digest"> = {
  async process({ auditId }, env, attempts) {
    if (!env.NOTIFY_URL || !env.NOTIFY_SECRET) return;
    const db = getDb(env.DB);
    const record = await findDelivery(db, ALERT_PROVIDER, digestKey(auditId));
    if (record && record.status !== "queued") return; // already sent (or given up)
    const digest = await buildDigest(db, auditId).catch(async (err: unknown) => {
      if (record) await recordAttemptFailure(db, record.id, attempts, err instanceof Error ? err.message : String(err));
      throw err;
    });
    if (!digest) {
      const message = `audit ${auditId} not found`;
      if (record) await recordAttemptFailure(db, record.id, attempts, message);
      throw new Error(message);
    }
    await sendSigned(
      { NOTIFY_URL: env.NOTIFY_URL, NOTIFY_SECRET: env.NOTIFY_SECRET },
      db,
      record,
      attempts,
      digestKey(auditId),
      digest,
      SEND_TIMEOUT_MS,
    );
  },

  async deadLetter({ auditId }, env) {
    const db = getDb(env.DB);
    const record = await findDelivery(db, ALERT_PROVIDER, digestKey(auditId));
    if (!record || !(await markFailed(db, record.id))) console.warn(`dead-lettered digest of audit ${auditId} was not queued`);
  },
};
