import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CheckResult, Ruleset, Verdict } from "../../src/engine";
import { getDb } from "../../src/storage/db";
import { saveRun } from "../../src/storage/runs";

const ruleset: Ruleset = { version: "rs-test", rules: [] };

function verdict(i: number, status: Verdict["status"] = "pass"): Verdict {
  return { rule: `r.${i}`, claim: `claim ${i}`, kind: "phrase", severity: "major", status, evidence: [] };
}

function result(vs: Verdict[]): CheckResult {
  const counts = { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
  for (const v of vs) counts[v.status]++;
  return {
    ruleset: { version: "rs-test", rules: vs.length },
    score: 50,
    outcome: counts.fail ? "fail" : "pass",
    counts,
    verdicts: vs,
    as_of: "2025-07-19",
    text: "t",
  };
}

describe("saveRun", () => {
  it("stores article, run and every verdict of rules outside its ruleset (one INSERT, past 100 bound parameters)", async () => {
    const db = getDb(env.DB);
    const many = Array.from({ length: 43 }, (_, i) => verdict(i, i === 0 ? "fail" : i % 2 ? "pass" : "not_applicable"));
    const saved = await saveRun(db, {
      article: { source: "test", externalId: "a1", text: "hello" },
      result: result(many),
      ruleset,
      trigger: "api",
    });
    const n = await env.DB.prepare("SELECT count(*) AS n FROM verdicts WHERE run_id = ?").bind(saved.runId).first<{ n: number }>();
    expect(n?.n).toBe(many.length);
    const art = await env.DB.prepare("SELECT latest_run_id, latest_outcome, latest_failed_rules, failing_since FROM articles WHERE id = ?")
      .bind(saved.articleId)
      .first();
    expect(art).toMatchObject({ latest_run_id: saved.runId, latest_outcome: "fail", latest_failed_rules: " r.0 " });
    expect(art?.failing_since).toBeTruthy();
  });

  it("re-scoring the same source/external_id adds a run to the same article with a new content hash", async () => {
    const db = getDb(env.DB);
    const a = await saveRun(db, {
      article: { source: "test", externalId: "a2", text: "one" },
      result: result([verdict(1)]),
      ruleset,
      trigger: "api",
    });
    const b = await saveRun(db, {
      article: { source: "test", externalId: "a2", text: "two" },
      result: result([verdict(1)]),
      ruleset,
      trigger: "api",
    });
    expect(b.articleId).toBe(a.articleId);
    expect(b.contentHash).not.toBe(a.contentHash);
    const runs = await env.DB.prepare("SELECT count(*) AS n FROM runs WHERE article_id = ?").bind(a.articleId).first<{ n: number }>();
    expect(runs?.n).toBe(2);
  });

  it("is atomic: a failing verdict insert leaves neither run nor verdicts behind", async () => {
    const db = getDb(env.DB);
    const dup = [verdict(1), verdict(1)]; // same (run_id, rule_id) primary key twice → the batch fails
    await expect(
      saveRun(db, { article: { source: "test", externalId: "a3", text: "x" }, result: result(dup), ruleset, trigger: "api" }),
    ).rejects.toThrow();
    const counts = await env.DB.prepare(
      "SELECT (SELECT count(*) FROM articles WHERE external_id = 'a3') AS a, (SELECT count(*) FROM runs r JOIN articles a ON a.id = r.article_id WHERE a.external_id = 'a3') AS r",
    ).first<{ a: number; r: number }>();
    expect(counts).toEqual({ a: 0, r: 0 });
  });

  it("keeps failing_since while an article keeps failing and clears it once it passes", async () => {
    const db = getDb(env.DB);
    const save = (status: Verdict["status"], at: string) =>
      saveRun(db, {
        article: { source: "test", externalId: "a4", text: "x" },
        result: result([verdict(1, status)]),
        ruleset,
        trigger: "api",
        now: new Date(at),
      });
    const since = async (id: string) =>
      (await env.DB.prepare("SELECT failing_since FROM articles WHERE id = ?").bind(id).first<{ failing_since: string | null }>())
        ?.failing_since;
    const { articleId } = await save("fail", "2026-01-01T00:00:00.000Z");
    await save("fail", "2026-01-02T00:00:00.000Z");
    expect(await since(articleId)).toBe("2026-01-01T00:00:00.000Z");
    await save("pass", "2026-01-03T00:00:00.000Z");
    expect(await since(articleId)).toBeNull();
    await save("fail", "2026-01-04T00:00:00.000Z");
    expect(await since(articleId)).toBe("2026-01-04T00:00:00.000Z");
  });
});
