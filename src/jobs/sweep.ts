// The delivery sweeper (cron, every 5 minutes): a delivery recorded `queued` whose queue message
// was lost — the Worker died between the insert and the send, or the intake answered 503 to a
// sender that never retries — is sent again. The consumer's guards make a second message for a
// live one harmless. Re-sends back off (5, 10, 20, 40 min, then hourly); a delivery still queued
// 24 h after it was recorded is marked failed (POST …/retry revives it).
import type { Bindings } from "../env";
import { getDb } from "../storage/db";
import type { JobMessage } from "../lib/job-messages";
import { ALERT_PROVIDER, claimStuckDeliveries } from "../storage/deliveries";
import { digestAuditId } from "./audit-digest";

export const SWEEP_CRON = "*/5 * * * *";
/** Pages of 100 per sweep: 1,000 stuck deliveries per run, the rest at the next one. */
const MAX_PAGES = 10;

interface SweepResult {
  requeued: number;
  failed: number;
}

export async function sweepStuckDeliveries(env: Pick<Bindings, "DB" | "JOBS" | "ALERTS">, nowMs: number): Promise<SweepResult> {
  const db = getDb(env.DB);
  const result: SweepResult = { requeued: 0, failed: 0 };
  for (let page = 0; page < MAX_PAGES; page++) {
    const stuck = await claimStuckDeliveries(db, nowMs);
    const jobs: MessageSendRequest<JobMessage>[] = [];
    const alerts: MessageSendRequest<JobMessage>[] = [];
    for (const d of stuck) {
      if (!d.requeue) {
        console.warn(`delivery ${d.id}: still queued 24 h after it was recorded, marked failed`);
        result.failed++;
      } else if (d.provider === ALERT_PROVIDER) {
        // An audit's digest is a job of its own (jobs/audit-digest.ts); other alerts name their run.
        const auditId = digestAuditId(d.deliveryKey);
        if (auditId) jobs.push({ body: { type: "audit-digest", auditId }, contentType: "json" });
        else if (d.articleId) alerts.push({ body: { type: "notify", articleId: d.articleId, runId: d.deliveryKey }, contentType: "json" });
      } else {
        jobs.push({ body: { type: "delivery", deliveryId: d.id }, contentType: "json" });
      }
    }
    // Claimed rows have a fresh updated_at: if a send fails here, the next sweep picks them up again.
    if (jobs.length) await env.JOBS.sendBatch(jobs);
    if (alerts.length) await env.ALERTS.sendBatch(alerts);
    result.requeued += jobs.length + alerts.length;
    if (stuck.length < 100) break;
  }
  return result;
}
