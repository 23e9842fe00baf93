// Per-rule counts come from counters kept by triggers (migration 0010), not from the archive: after
// every kind of write — new articles, re-scores, feedback that dismisses a fail and its undo (on the
// latest run and on an older one), withdrawals and returns, runs stored in either order, a run
// turned lean, run retention and deletes — the counters must equal a recount of the archive and
// ruleStats must answer what the archive says.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkArticle, type Ruleset } from "../../src/engine";
import { getDb } from "../../src/storage/db";
import { ruleStats } from "../../src/storage/queries-rules";
import { getLatestRunWithVerdicts } from "../../src/storage/queries-runs";
import { pruneRunsStep } from "../../src/storage/retention";
import { giveFeedback, undoLabel } from "../../src/use-cases/feedback";
import { phraseRule, resetArchive, ruleset, storeArticle } from "./fixtures/audits";
import { expectRuleCountersMatchArchive } from "./fixtures/rule-counts";

const v1 = ruleset(phraseRule("rc.city", "San Salvadr", "San Salvador"), phraseRule("rc.prison", "CECOTT", "CECOT"));
const v2 = ruleset(
  phraseRule("rc.city", "San Salvadr", "San Salvador"),
  phraseRule("rc.prison", "CECOTT", "CECOT"),
  phraseRule("rc.added", "Bukele's", "Bukele’s"),
);
const TEXTS = ["CECOTT is near San Salvadr.", "The prison is near San Salvador.", "Nothing here.", "CECOT, San Salvadr, Bukele's."];
const db = () => getDb(env.DB);

/** What ruleStats must say, counted straight from the engine's verdicts as stored in the archive. */
async function archiveStats(): Promise<Record<string, Record<string, number>>> {
  const { results } = await env.DB.prepare(
    `SELECT a.id, r.id AS run_id, r.ruleset_version, r.implied_verdicts FROM articles a JOIN runs r ON r.id = a.latest_run_id WHERE a.status = 'active'`,
  ).all<{ id: string }>();
  const stats: Record<string, Record<string, number>> = {};
  for (const { id } of results) {
    for (const v of (await getLatestRunWithVerdicts(db(), id))!.verdicts) {
      const key = v.status === "fail" && v.dismissed ? "dismissed" : v.status;
      const s = (stats[v.rule] ??= { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 });
      s[key] = (s[key] ?? 0) + 1;
    }
  }
  return stats;
}

async function expectCountsMatch() {
  await expectRuleCountersMatchArchive();
  const want = await archiveStats();
  expect(await ruleStats(db())).toEqual(want);
  for (const rule of ["rc.city", "rc.added"]) expect(await ruleStats(db(), rule)).toEqual(want[rule] ? { [rule]: want[rule] } : {});
}

const ids: string[] = [];

beforeAll(async () => {
  await resetArchive();
  for (let i = 0; i < 12; i++) ids.push((await storeArticle(`rc${i}`, TEXTS[i % TEXTS.length]!, v1)).articleId);
});

describe("rule counters", () => {
  it("follow new articles and re-scores under another ruleset", async () => {
    await expectCountsMatch();
    for (let i = 0; i < 6; i++) await storeArticle(`rc${i}`, TEXTS[(i + 1) % TEXTS.length]!, v2);
    await expectCountsMatch();
    // The same verdicts again: a new run, unchanged counts.
    await storeArticle("rc0", TEXTS[1]!, v2);
    await expectCountsMatch();
  });

  it("follow feedback that dismisses a fail and its undo, on the latest run and on an older one", async () => {
    const failing = (await getLatestRunWithVerdicts(db(), ids[3]!))!.verdicts.find((v) => v.status === "fail")!;
    const before = (await ruleStats(db(), failing.rule))[failing.rule]!;
    const labels = [];
    for (const e of failing.evidence) labels.push(await giveFeedback(db(), ids[3]!, { finding: e.finding!, label: "false_alarm" }, "rc"));
    const dismissed = (await ruleStats(db(), failing.rule))[failing.rule]!;
    expect(dismissed).toEqual({ ...before, fail: before.fail - 1, dismissed: 1 });
    await expectCountsMatch();
    for (const l of labels) await undoLabel(db(), l.id, "rc");
    expect((await ruleStats(db(), failing.rule))[failing.rule]).toEqual(before);
    // A dismissal written on a run that is no longer the latest moves nothing.
    const stats = await ruleStats(db());
    const older = await env.DB.prepare(
      `UPDATE verdicts SET dismissed = 1 WHERE status = 'fail' AND run_id IN
        (SELECT r.id FROM runs r JOIN articles a ON a.id = r.article_id WHERE r.id <> a.latest_run_id)`,
    ).run();
    expect(older.meta.changes).toBeGreaterThan(0);
    expect(await ruleStats(db())).toEqual(stats);
    await expectCountsMatch();
  });

  it("follow withdrawals and returns", async () => {
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE id IN (?, ?, ?)").bind(ids[2]!, ids[3]!, ids[7]!).run();
    await expectCountsMatch();
    await env.DB.prepare("UPDATE articles SET status = 'active' WHERE id = ?").bind(ids[3]!).run();
    await expectCountsMatch();
  });

  it("follow a run whose verdicts are written before the article points at it, and a run turned lean or not", async () => {
    const rules: Ruleset = v2;
    const result = checkArticle({ text: TEXTS[3]! }, rules, { now: new Date() });
    const runId = "run_manual_rc8";
    const row = await env.DB.prepare("SELECT latest_run_id AS id FROM articles WHERE id = ?").bind(ids[8]!).first<{ id: string }>();
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO runs (id, article_id, trigger, ruleset_version, content_hash, score, outcome, pass_count, fail_count,
          not_applicable_count, review_count, error_count, as_of, implied_verdicts)
        SELECT ?, article_id, 'api', ?, content_hash, 10, 'fail', 0, 0, 0, 0, 0, as_of, 1 FROM runs WHERE id = ?`,
      ).bind(runId, rules.version, row!.id),
      ...result.verdicts
        .filter((v) => v.status !== "not_applicable")
        .map((v) =>
          env.DB.prepare("INSERT INTO verdicts (run_id, rule_id, status, severity, kind) VALUES (?, ?, ?, ?, ?)").bind(
            runId,
            v.rule,
            v.status,
            v.severity,
            v.kind,
          ),
        ),
    ]);
    await expectCountsMatch();
    await env.DB.prepare("UPDATE articles SET latest_run_id = ? WHERE id = ?").bind(runId, ids[8]!).run();
    await expectCountsMatch();
    await env.DB.prepare("UPDATE runs SET implied_verdicts = 0 WHERE id = ?").bind(runId).run();
    await expectCountsMatch();
    await env.DB.prepare("UPDATE runs SET implied_verdicts = 2 WHERE id = ?").bind(runId).run();
    await expectCountsMatch();
  });

  it("follow run retention and deletes", async () => {
    const step = await pruneRunsStep(db(), { keepRuns: 1, keepDays: 0 }, { now: new Date(Date.now() + 60_000), examine: 100 });
    expect(step.deleted).toBeGreaterThan(0);
    await expectCountsMatch();
    const gone = ids[4]!;
    await env.DB.prepare("DELETE FROM verdicts WHERE run_id IN (SELECT id FROM runs WHERE article_id = ?)").bind(gone).run();
    await expectCountsMatch();
    await env.DB.prepare("DELETE FROM runs WHERE article_id = ?").bind(gone).run();
    await env.DB.prepare("DELETE FROM articles WHERE id = ?").bind(gone).run();
    await expectCountsMatch();
    // An article left without a latest run counts for nothing.
    await env.DB.prepare("UPDATE articles SET latest_run_id = NULL WHERE id = ?").bind(ids[5]!).run();
    await expectCountsMatch();
  });

  it("are what migration 0010's backfill counts from the archive as it is", async () => {
    const kept = await env.DB.prepare("SELECT * FROM rule_counts WHERE articles <> 0 OR lean <> 0 ORDER BY 1, 2").all();
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0010_"))!;
    const backfill = migration.queries.filter((q) => /^\s*(--[^\n]*\n\s*)*INSERT INTO `(rule|ruleset)_counts`/.test(q));
    expect(backfill).toHaveLength(2);
    await env.DB.batch([
      env.DB.prepare("DELETE FROM rule_counts"),
      env.DB.prepare("DELETE FROM ruleset_counts"),
      ...backfill.map((q) => env.DB.prepare(q)),
    ]);
    expect((await env.DB.prepare("SELECT * FROM rule_counts ORDER BY 1, 2").all()).results).toEqual(kept.results);
    await expectCountsMatch();
  });
});
