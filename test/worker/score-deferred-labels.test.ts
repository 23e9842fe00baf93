// Scoring with the editors' labels deferred to the write (`deferLabels`: POST /v1/score, re-checks,
// webhook deliveries), against real D1: a run none of whose findings is labelled is stored in one
// round trip with no label read; a labelled one (fail or any other span) gets exactly the result
// and rows of reading the labels first; the write refuses, writing nothing, when a label in force
// names one of the findings it was told to check.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { type CheckResult, findingId } from "../../src/engine";
import { RULESET_FORMAT } from "../../src/lib/implied-verdicts";
import { bundledRuleset } from "../../src/rules";
import { getDb, transact } from "../../src/storage/db";
import { insertFeedback } from "../../src/storage/feedback";
import { getRun } from "../../src/storage/queries-runs";
import { isLabelsInForce, saveRun } from "../../src/storage/runs";
import { giveFeedback } from "../../src/use-cases/feedback";
import { type ArticleToScore, scoreArticle } from "../../src/use-cases/score-article";
import { seed } from "./fixtures/seeds";

const ruleset = bundledRuleset();
const now = new Date("2026-01-01T00:00:00Z");
// A seed with fails and passes, both with evidence.
const s = seed("001");
const article = (externalId: string, text = s.text): ArticleToScore => ({
  source: "defer",
  external_id: externalId,
  text,
  published_at: s.publishedAt,
});

/** The D1 binding, recording each round trip (a batch, or one statement run) as the SQL it sent. */
function counting(d1: D1Database) {
  const trips: string[][] = [];
  const statements = new WeakMap<object, { real: D1PreparedStatement; sql: string }>();
  const wrap = (real: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(real, {
      get(target, p) {
        if (p === "bind") return (...args: unknown[]) => wrap(target.bind(...args), sql);
        if (p === "run" || p === "all" || p === "raw" || p === "first") trips.push([sql]);
        const value = Reflect.get(target, p) as unknown;
        return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    statements.set(proxy, { real, sql });
    return proxy;
  };
  const binding = new Proxy(d1, {
    get(target, p) {
      if (p === "prepare") return (sql: string) => wrap(target.prepare(sql), sql);
      if (p === "batch")
        return (list: D1PreparedStatement[]) => {
          trips.push(list.map((st) => statements.get(st)!.sql));
          return target.batch(list.map((st) => statements.get(st)!.real));
        };
      const value = Reflect.get(target, p) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db: getDb(binding), trips };
}

const spans = (r: CheckResult, fail: boolean) =>
  r.verdicts.filter((v) => (v.status === "fail") === fail).flatMap((v) => v.evidence.map((e) => ({ rule: v.rule, quote: e.quote })));

describe("deferLabels", () => {
  it("stores a run none of whose findings is labelled in one round trip, with no label read", async () => {
    const db = getDb(env.DB);
    // The ruleset's first store, and a label on a wording the article no longer has.
    const old = await scoreArticle(db, article("d-none", `${s.text} CECOT is in Ecuador.`), { ruleset, now });
    const first = await old.store(db, { trigger: "api" });
    const current = (await scoreArticle(db, article("d-none"), { ruleset, now })).result;
    const kept = new Set(current.verdicts.flatMap((v) => v.evidence.map((e) => e.finding)));
    const gone = old.result.verdicts.flatMap((v) => (v.status === "fail" ? v.evidence : [])).find((e) => !kept.has(e.finding));
    expect(gone).toBeDefined();
    await giveFeedback(db, first.articleId, { finding: gone!.finding!, label: "false_alarm" }, "t", now);

    const eager = counting(env.DB);
    const read = await scoreArticle(eager.db, article("d-none"), { ruleset, now });
    await read.store(eager.db, { trigger: "api" });
    expect(eager.trips).toHaveLength(2);
    expect(eager.trips[0]!.join(" ")).toMatch(/"feedback"/);

    const deferred = counting(env.DB);
    const scored = await scoreArticle(deferred.db, article("d-none"), { ruleset, now, deferLabels: true });
    const saved = await scored.store(deferred.db, { trigger: "api" });
    expect(deferred.trips).toHaveLength(1);
    expect(deferred.trips.flat().join(" ")).not.toMatch(/feedback/);
    expect(saved.result).toEqual(read.result);
    expect(saved.result.verdicts.some((v) => v.status === "fail")).toBe(true);
    expect((await getRun(db, saved.runId))?.verdicts).toEqual(
      (await getRun(db, (await read.store(db, { trigger: "api" })).runId))?.verdicts,
    );
  });

  it("applies labels in force on fail and pass spans exactly as reading them first would", async () => {
    const db = getDb(env.DB);
    const key = { source: "defer", externalId: "d-labelled" };
    const first = await (await scoreArticle(db, article("d-labelled"), { ruleset, now })).store(db, { trigger: "api" });
    const fail = spans(first.result, true);
    const pass = spans(first.result, false);
    expect(fail.length).toBeGreaterThan(0);
    expect(pass.length).toBeGreaterThan(0);
    for (const f of fail)
      await giveFeedback(db, first.articleId, { finding: findingId(key, f.rule, f.quote), label: "false_alarm" }, "t", now);
    // A pass span's wording labelled while it failed in an earlier run: its label shows on the pass too.
    const p = pass[0]!;
    await transact(db, [
      insertFeedback(db, {
        articleId: first.articleId,
        finding: findingId(key, p.rule, p.quote),
        rule: p.rule,
        quote: p.quote,
        label: "confirmed",
        note: null,
        actor: "t",
        at: now.toISOString(),
      }).statement,
    ]);

    const dry = (await scoreArticle(db, article("d-labelled"), { ruleset, now })).result;
    const scored = await scoreArticle(db, article("d-labelled"), { ruleset, now, deferLabels: true });
    expect(scored.result).not.toEqual(dry);
    const saved = await scored.store(db, { trigger: "api" });
    expect(saved.result).toEqual(dry);
    expect(saved.result.verdicts.filter((v) => v.status === "fail").every((v) => v.dismissed)).toBe(true);
    expect(saved.result.verdicts.flatMap((v) => v.evidence).some((e) => e.feedback === "confirmed")).toBe(true);
    const run = await getRun(db, saved.runId);
    expect(run).toMatchObject({ outcome: dry.outcome, score: dry.score });
    expect(run!.verdicts.filter((v) => v.status === "fail").every((v) => v.dismissed)).toBe(true);
  });

  it("a write told to check findings refuses, writing nothing, when a label in force names one", async () => {
    const db = getDb(env.DB);
    const scored = await scoreArticle(db, article("d-refused"), { ruleset, now });
    const first = await scored.store(db, { trigger: "api" });
    const f = spans(scored.result, true)[0]!;
    const finding = findingId({ source: "defer", externalId: "d-refused" }, f.rule, f.quote);
    await giveFeedback(db, first.articleId, { finding, label: "confirmed" }, "t", now);
    const input = { ...(await scored.writeInput({ trigger: "api" })), labelCheck: [finding] };
    const err = await saveRun(db, input).catch((e: unknown) => e);
    expect(isLabelsInForce(err)).toBe(true);
    const state = await env.DB.prepare(
      "SELECT latest_run_id AS latest, (SELECT count(*) FROM runs WHERE article_id = articles.id) AS runs FROM articles WHERE id = ?",
    )
      .bind(first.articleId)
      .first();
    expect(state).toEqual({ latest: first.runId, runs: 1 });
    // Another finding, or none labelled: written.
    await expect(saveRun(db, { ...input, labelCheck: [`fnd_${"0".repeat(24)}`] })).resolves.toMatchObject({ articleId: first.articleId });
  });

  it("the write's trigger requires the ruleset format the code restores implied verdicts from", async () => {
    const row = await env.DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'run_writes_insert'").first<{
      sql: string;
    }>();
    expect(row?.sql).toContain(`\`format\` >= ${RULESET_FORMAT}`);
  });
});
