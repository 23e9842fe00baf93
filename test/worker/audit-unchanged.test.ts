// An audit that finds an article's verdicts exactly as stored records the check and stores no
// run: the article's last check moves to the audit (time, ruleset), its latest run stays, reads
// still answer as the engine does under the new ruleset, and the next audit skips it.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { bareEvidence, checkArticle, type Evidence } from "../../src/engine";
import { startAudit } from "../../src/use-cases/audit";
import { callJson } from "./fixtures/api";
import { auditRow, count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);
const city = phraseRule("audit.city", "San Salvadr", "San Salvador");
const v1 = ruleset(city, phraseRule("audit.prison", "CECOTT", "CECOT"));
// The edit only matters to articles that write "CECOTT" or "CECOTE".
const v2 = ruleset(city, phraseRule("audit.prison", "CECOTE", "CECOT"));

beforeEach(resetArchive);

describe("an audit that changes nothing for an article", () => {
  it("stores no run for it, records the check, and the next audit skips it", async () => {
    const dayBefore = { now: new Date(NIGHT - 86_400_000), publishedAt: "2026-11-18" };
    const changed = await storeArticle("changed", "The prison called CECOTT is near San Salvador.", v1, dayBefore);
    const same = await storeArticle("same", "The prison is near San Salvador.", v1, dayBefore);
    const silent = await storeArticle("silent", "Nothing to check here.", v1, dayBefore);

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    await drain(rec, v2);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", articles_due: 3, scored: 3, failed: 0, changed: 0, fixed: 1 });

    const runsOf = (id: string) => count("SELECT count(*) AS n FROM runs WHERE article_id = ?", id);
    expect(await runsOf(changed.articleId)).toBe(2);
    expect(await runsOf(same.articleId)).toBe(1);
    expect(await runsOf(silent.articleId)).toBe(1);
    const checked = await env.DB.prepare(
      "SELECT latest_run_id, checked_ruleset_version, checked_audit_id, last_checked_at FROM articles WHERE id = ?",
    )
      .bind(same.articleId)
      .first();
    expect(checked).toEqual({
      latest_run_id: same.runId,
      checked_ruleset_version: v2.version,
      checked_audit_id: audit.id,
      last_checked_at: expect.any(String),
    });
    expect(Date.parse(checked!.last_checked_at as string)).toBeGreaterThan(NIGHT - 60_000);

    // The latest run still reads verdict for verdict as the engine judges the text under v2.
    const want = checkArticle({ text: "The prison is near San Salvador.", publishedAt: "2026-11-18" }, v2, { now: new Date(NIGHT) });
    const article = await callJson(`/v1/articles/${same.articleId}`, { status: 200 });
    expect(
      article.latest_run.verdicts.map((v: { rule: string; status: string; evidence: Evidence[]; message: unknown }) => [
        v.rule,
        v.status,
        bareEvidence(v.evidence),
        v.message,
      ]),
    ).toEqual(want.verdicts.map((v) => [v.rule, v.status, v.evidence, v.message ?? null]));

    // Nothing is due in the next audit with the same ruleset: the checks count as up to date.
    const rec2 = recordingEnv();
    const next = await startAudit(rec2, { trigger: "api", now: new Date(NIGHT + 3_600_000), ruleset: v2 });
    await drain(rec2, v2);
    expect(await auditRow(next.audit.id)).toMatchObject({ status: "finished", articles_due: 0, skipped: 3, scored: 0 });
  });
});
