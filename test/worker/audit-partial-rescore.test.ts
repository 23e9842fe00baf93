// An audit after a ruleset change judges only added and edited rules: unchanged rules keep the
// previous run's verdicts (by rule hash), removed rules drop out, and what is stored reads the
// same as a full re-score. A verdict row altered behind the engine's back shows the reuse: it is
// carried into the new run instead of being judged again.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { bareEvidence, checkArticle, type Evidence } from "../../src/engine";
import { startAudit } from "../../src/use-cases/audit";
import { callJson } from "./fixtures/api";
import { auditRow, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const NIGHT = Date.UTC(2026, 10, 20, 3, 0, 0);
const city = phraseRule("partial.city", "San Salvadr", "San Salvador");
const prison = phraseRule("partial.prison", "CECOTT", "CECOT");
const extra = phraseRule("partial.extra", "Bukelle", "Bukele");
const v1 = ruleset(city, prison, extra);
// city edited, prison unchanged, extra removed, a rule added.
const v2 = ruleset(
  phraseRule("partial.city", "San Salvadore", "San Salvador"),
  prison,
  phraseRule("partial.added", "Venezuala", "Venezuela"),
);

const TEXTS = [
  "The prison called CECOTT is near San Salvadr; Bukelle built it.",
  "CECOT is near San Salvadore, say officials from Venezuala.",
  "“CECOTT is full,” he said in San Salvador.",
  "Nothing to check here.",
];

type ReadVerdict = { rule: string; status: string; evidence: Evidence[]; message: unknown };
// Reads add each span's finding id and feedback; the engine's own result has neither.
const readable = (vs: ReadVerdict[]) => vs.map((v) => [v.rule, v.status, bareEvidence(v.evidence), v.message ?? null]);

beforeEach(resetArchive);

describe("re-scoring after a ruleset change", () => {
  it("stores what a full re-score would, and keeps unchanged rules' verdicts instead of judging them", async () => {
    const dated = { now: new Date(NIGHT - 86_400_000), publishedAt: "2026-11-18" };
    const stored = [];
    for (const [i, text] of TEXTS.entries()) stored.push(await storeArticle(`a${i}`, text, v1, dated));
    // An unchanged rule's stored verdict, altered: only a kept verdict can carry this message on.
    const tampered = await storeArticle("tampered", "The prison called CECOTT.", v1, dated);
    await env.DB.prepare("UPDATE verdicts SET message = 'kept, not judged' WHERE run_id = ? AND rule_id = 'partial.prison'")
      .bind(tampered.runId)
      .run();

    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    await drain(rec, v2);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", articles_due: 5, scored: 5, failed: 0 });

    for (const [i, text] of TEXTS.entries()) {
      const full = checkArticle({ text, publishedAt: "2026-11-18" }, v2, { now: new Date(NIGHT) });
      const article = await callJson(`/v1/articles/${stored[i]!.articleId}`, { status: 200 });
      expect(readable(article.latest_run.verdicts)).toEqual(readable(full.verdicts as ReadVerdict[]));
      expect([article.latest_run.score, article.latest_run.outcome]).toEqual([full.score, full.outcome]);
      expect(article.latest_run.verdicts.map((v: ReadVerdict) => v.rule)).not.toContain("partial.extra");
    }
    const carried = await callJson(`/v1/articles/${tampered.articleId}`, { status: 200 });
    expect(carried.latest_run.id).not.toBe(tampered.runId);
    expect(carried.latest_run.verdicts.find((v: ReadVerdict) => v.rule === "partial.prison").message).toBe("kept, not judged");
  });

  it("judges every rule again when the text changed since the previous run", async () => {
    const dated = { now: new Date(NIGHT - 86_400_000), publishedAt: "2026-11-18" };
    const a = await storeArticle("edited", "The prison called CECOTT.", v1, dated);
    await env.DB.prepare("UPDATE verdicts SET message = 'stale' WHERE run_id = ? AND rule_id = 'partial.prison'").bind(a.runId).run();
    // The text changes in D1 without a run (as a CMS edit stored by another path would leave it).
    await env.DB.prepare("UPDATE articles SET text = ?, content_hash = 'changed' WHERE id = ?")
      .bind("The prison called CECOTT again.", a.articleId)
      .run();
    const rec = recordingEnv();
    await startAudit(rec, { trigger: "api", now: new Date(NIGHT), ruleset: v2 });
    await drain(rec, v2);
    const article = await callJson(`/v1/articles/${a.articleId}`, { status: 200 });
    const full = checkArticle({ text: "The prison called CECOTT again.", publishedAt: "2026-11-18" }, v2, { now: new Date(NIGHT) });
    expect(readable(article.latest_run.verdicts)).toEqual(readable(full.verdicts as ReadVerdict[]));
  });
});
