// A dismissed finding through an audit: re-scored under a new ruleset it stays dismissed, the
// audit records no change for it and its digest does not name it, while a real regression in
// the same audit is reported.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../src/env";
import { buildDigest, maybeEnqueueDigest } from "../../src/jobs/audit-digest";
import { getDb } from "../../src/storage/db";
import { startAudit } from "../../src/use-cases/audit";
import { auditRow, count, drain, phraseRule, recordingEnv, ruleset, storeArticle } from "./fixtures/audits";
import { fails, labelAll, verdictsOf } from "./fixtures/feedback";

const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);
const city = phraseRule("fb.city", "San Salvador", "Santa Ana");
const v1 = ruleset(city);
const v2 = ruleset(city, phraseRule("fb.prison", "CECOTT", "CECOT"));

describe("a dismissed finding through an audit", () => {
  it("stays dismissed, is no change, and is left out of the digest", async () => {
    const dayBefore = { now: new Date(NIGHT - 86_400_000), publishedAt: "2026-11-18" };
    const dismissed = await storeArticle("fb-dismissed", "The prison is near San Salvador.", v1, dayBefore);
    const kept = await storeArticle("fb-kept", "The prison is near San Salvador.", v1, dayBefore);
    const regressing = await storeArticle("fb-regressing", "The prison CECOTT is near Santa Ana.", v1, dayBefore);
    await labelAll(dismissed.articleId, "false_alarm", "a place name in a court filing");
    expect((await verdictsOf(dismissed.articleId)).article.outcome).toBe("pass");

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    await drain(rec, v2);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", scored: 3, regressions: 1 });

    // Re-scored under v2 (a new run), the finding is still dismissed and nothing changed for it.
    const { article, verdicts } = await verdictsOf(dismissed.articleId);
    expect(article.latest_run.id).not.toBe(dismissed.runId);
    expect(article.latest_run.ruleset_version).toBe(v2.version);
    expect(fails(verdicts)).toMatchObject([{ rule: "fb.city", dismissed: true }]);
    expect(article.outcome).toBe("pass");
    const changesOf = (id: string) => count("SELECT count(*) AS n FROM audit_changes WHERE article_id = ?", id);
    expect(await changesOf(dismissed.articleId)).toBe(0);
    expect(await changesOf(kept.articleId)).toBe(0);
    expect((await verdictsOf(kept.articleId)).article.outcome).toBe("fail");

    // The digest goes out for the real regression only.
    const sent: unknown[] = [];
    const alerts = {
      ...(env as Bindings),
      NOTIFY_URL: "https://alerts.example.test/hook",
      JOBS: { send: async (m: unknown) => void sent.push(m) },
    } as unknown as Bindings;
    expect(await maybeEnqueueDigest(alerts, audit.id)).toBe(true);
    const digest = await buildDigest(getDb(env.DB), audit.id);
    expect(digest!.data.regressions.map((r) => r.article_id)).toEqual([regressing.articleId]);
  });
});
