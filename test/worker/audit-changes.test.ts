// What an audit finds: a rule edit turns a stored pass into a fail and the audit reports exactly
// that regression (rule id, quote, attribution) through GET /v1/audits/:id; counts add up; and
// articles that cannot change are skipped without a new run.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { startAudit } from "../../src/use-cases/audit";
import { callJson } from "./fixtures/api";
import { auditRow, count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);
const prison = phraseRule("audit.prison", "CECOTT", "CECOT");
const v1 = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), prison);
// The edit: the fact changed, so "San Salvador" is now the wrong wording.
const v2 = ruleset(phraseRule("audit.city", "San Salvador", "Santa Ana"), prison);

beforeEach(resetArchive);

describe("an audit after a rule edit", () => {
  it("reports exactly the regression and the fix, attributed to the edited rule, with counts that add up", async () => {
    const dayBefore = { now: new Date(NIGHT - 86_400_000) };
    const regressed = await storeArticle("regressed", "The prison is near San Salvador.", v1, dayBefore);
    const fixed = await storeArticle("fixed", "The prison is near San Salvadr.", v1, dayBefore);
    await storeArticle("untouched", "The prison called CECOT is large.", v1, dayBefore);
    expect(await count("SELECT count(*) AS n FROM articles WHERE latest_outcome = 'fail'")).toBe(1);

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    expect(audit.rule_changes).toEqual({ added: [], removed: [], edited: ["audit.city"] });
    expect(audit.previous_ruleset_version).toBe(v1.version);
    await drain(rec, v2);

    const row = await auditRow(audit.id);
    expect(row).toMatchObject({
      status: "finished",
      articles_due: 3,
      scored: 3,
      skipped: 0,
      failed: 0,
      regressions: 1,
      fixed: 1,
      changed: 0,
    });
    expect(row.pass_count + row.warn_count + row.fail_count).toBe(row.scored);
    expect(row.fail_count).toBe(1);

    const detail = await callJson(`/v1/audits/${audit.id}`, { status: 200 });
    expect(detail).toMatchObject({
      id: audit.id,
      status: "finished",
      articles: { due: 3, scored: 3, skipped: 0, failed: 0 },
      changes: { regressions: 1, fixed: 1, changed: 0 },
      rule_changes: { edited: ["audit.city"] },
      batches: { total: 2, accounted: 2, dead: 0 },
    });
    const items = detail.changed_articles.items as any[];
    expect(items.map((i) => [i.article_id, i.change])).toEqual(
      [
        [regressed.articleId, "regression"],
        [fixed.articleId, "fixed"],
      ].sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    );
    const reg = items.find((i) => i.change === "regression");
    expect(reg).toMatchObject({ previous_outcome: "pass", outcome: "fail", previous_run_id: regressed.runId });
    expect(reg.rules).toEqual([{ rule: "audit.city", from: "pass", to: "fail", quotes: ["San Salvador"], cause: "rule_edited" }]);
    const fix = items.find((i) => i.change === "fixed");
    expect(fix.rules).toEqual([{ rule: "audit.city", from: "fail", to: "not_applicable", quotes: ["San Salvadr"], cause: "rule_edited" }]);

    const onlyRegressions = await callJson(`/v1/audits/${audit.id}?change=regression`, { status: 200 });
    expect(onlyRegressions.changed_articles.items.map((i: any) => i.article_id)).toEqual([regressed.articleId]);
    // the regressed article now leads the corrections queue
    const corrections = await callJson("/v1/corrections", { status: 200 });
    expect(corrections.items.map((i: any) => i.article.id)).toEqual([regressed.articleId]);
  });

  it("skips articles that cannot change (same rules, same text, no validity boundary crossed) without a new run", async () => {
    const rules = ruleset(
      phraseRule("audit.city", "San Salvadr", "San Salvador"),
      phraseRule("audit.law", "old law", "new law", "valid_from: 2026-06-01\n"),
    );
    const may = { now: new Date(Date.UTC(2026, 4, 1)) };
    const crossed = await storeArticle("crossed", "Undated: the old law applies in San Salvador.", rules, may); // as of 2026-05-01 → 2026-11-20 crosses 06-01
    const dated = await storeArticle("dated", "Dated: the old law applies in San Salvador.", rules, { ...may, publishedAt: "2026-04-01" });
    const recent = await storeArticle("recent", "Undated and recent, San Salvador.", rules, { now: new Date(NIGHT - 86_400_000) });
    const edited = await storeArticle("edited", "Edited later, San Salvador.", rules, { now: new Date(NIGHT - 86_400_000) });
    await env.DB.prepare("UPDATE articles SET text = 'Edited later: San Salvadr.', content_hash = 'edited' WHERE id = ?")
      .bind(edited.articleId)
      .run();
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE id = ?").bind(recent.articleId).run();
    const withdrawnRuns = await count("SELECT count(*) AS n FROM runs WHERE article_id = ?", recent.articleId);

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: rules });
    await drain(rec, rules);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", articles_due: 2, scored: 2, skipped: 1, failed: 0 });
    const audited = (
      await env.DB.prepare("SELECT article_id FROM runs WHERE audit_id = ? ORDER BY article_id")
        .bind(audit.id)
        .all<{ article_id: string }>()
    ).results;
    expect(audited.map((r) => r.article_id)).toEqual([crossed.articleId, edited.articleId].sort());
    expect(await count("SELECT count(*) AS n FROM runs WHERE article_id = ?", dated.articleId)).toBe(1);
    expect(await count("SELECT count(*) AS n FROM runs WHERE article_id = ?", recent.articleId)).toBe(withdrawnRuns);

    // the very next audit finds nothing due and finishes at once
    const again = await startAudit(recordingEnv(), { trigger: "api", now: new Date(NIGHT + 60_000), ruleset: rules });
    expect(again.audit).toMatchObject({ status: "finished", articles: { due: 0, skipped: 3 } });
  });
});
