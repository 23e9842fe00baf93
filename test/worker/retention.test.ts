// Run retention: each article keeps its newest N runs, every run younger than D days, its latest
// run and the runs an audit change names; the rest go with their verdict rows, in steps that each
// read a bounded number of runs and resume from a cursor. Reads of what is left answer as before.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "../../src/storage/db";
import { pruneRunsStep } from "../../src/storage/retention";
import { startAudit } from "../../src/use-cases/audit";
import { callJson } from "./fixtures/api";
import { count, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const DAY = 86_400_000;
const T = Date.now();
const v1 = ruleset(phraseRule("keep.city", "San Salvadr", "San Salvador"));
const v2 = ruleset(phraseRule("keep.city", "San Salvadore", "San Salvador"));
const at = (ms: number) => ({ now: new Date(ms), publishedAt: "2026-11-18" });
const runIds = async (articleId: string) =>
  (await env.DB.prepare("SELECT id FROM runs WHERE article_id = ? ORDER BY id").bind(articleId).all<{ id: string }>()).results.map(
    (r) => r.id,
  );

beforeEach(async () => {
  await resetArchive();
  await env.DB.prepare("DELETE FROM retention_state").run();
});

describe("run retention", () => {
  it("keeps the newest runs, young runs, latest runs and audit-change runs; deletes the rest in bounded steps", async () => {
    const text = "They went to San Salvadr.";
    const a1 = await storeArticle("a", text, v1, at(T - 9 * DAY));
    const a2 = await storeArticle("a", text, v1, at(T - 8 * DAY));
    // An audit under v2 changes the verdict: its change names the new run and a2 (the run before it).
    const rec = recordingEnv();
    await startAudit(rec, { trigger: "api", now: new Date(T - 7 * DAY), ruleset: v2 });
    await drain(rec, v2);
    const [a3] = (await runIds(a1.articleId)).filter((id) => ![a1.runId, a2.runId].includes(id));
    expect(await count("SELECT count(*) AS n FROM audit_changes WHERE run_id = ? AND previous_run_id = ?", a3, a2.runId)).toBe(1);
    // The audit's run is written now (T): later runs are dated after it, as ids and times agree.
    const a4 = await storeArticle("a", text, v2, at(T + 3_600_000));
    const a5 = await storeArticle("a", text, v2, at(T + 7_200_000));
    const a6 = await storeArticle("a", text, v2, at(T + 10_800_000));
    const b = await storeArticle("b", text, v1, at(T - 30 * DAY)); // one old run: the latest, kept
    const young = [];
    for (let i = 0; i < 3; i++) young.push(await storeArticle("c", text, v1, at(T + 2 * DAY))); // younger than the cutoff
    const verdictRowsOf = (id: string) => count("SELECT count(*) AS n FROM verdicts WHERE run_id = ?", id);
    expect(await verdictRowsOf(a1.runId)).toBeGreaterThan(0);

    // Keep 2 runs per article and 1 day; judged 3 days from now: a1 and a4 may go.
    const db = getDb(env.DB);
    const policy = { keepRuns: 2, keepDays: 1 };
    const steps = [];
    for (let i = 0; i < 20; i++) {
      const step = await pruneRunsStep(db, policy, { now: new Date(T + 3 * DAY), examine: 2 });
      steps.push(step);
      if (step.passDone) break;
    }
    expect(steps.every((s) => s.examined <= 2)).toBe(true);
    expect(steps.reduce((n, s) => n + s.examined, 0)).toBe(10); // every run once: 6 of "a" (one by the audit), 1 of "b", 3 of "c"
    expect(steps.reduce((n, s) => n + s.deleted, 0)).toBe(2);
    expect(await runIds(a1.articleId)).toEqual([a2.runId, a3!, a5.runId, a6.runId].sort());
    expect(await runIds(b.articleId)).toEqual([b.runId]);
    expect(await runIds(young[0]!.articleId)).toHaveLength(3);
    expect(await verdictRowsOf(a1.runId)).toBe(0);
    expect(await verdictRowsOf(a4.runId)).toBe(0);
    expect(await env.DB.prepare("SELECT cursor, passes, runs_deleted FROM retention_state").first()).toEqual({
      cursor: "",
      passes: 1,
      runs_deleted: 2,
    });

    // What is left reads as before; a second pass deletes nothing more.
    const article = await callJson(`/v1/articles/${a1.articleId}`, { status: 200 });
    expect(article.latest_run.id).toBe(a6.runId);
    expect((await callJson(`/v1/articles/${a1.articleId}/runs`, { status: 200 })).items).toHaveLength(4);
    expect((await pruneRunsStep(db, policy, { now: new Date(T + 3 * DAY), examine: 100 })).deleted).toBe(0);
  });
});
