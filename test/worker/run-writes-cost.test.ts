// What the one write statement (run_writes, migrations 0011, 0012) costs. The per-rule counters
// (migration 0010): a new article writes one counter row per stored verdict (and its ruleset's
// row), a re-score writes only the counter rows of verdicts that changed — none when nothing did.
// Every write to the counter tables is logged by test-only triggers, and the counters must still
// equal a recount of the archive. Rows read grow linearly with the runs in one write.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkArticle, type Ruleset } from "../../src/engine";
import { getDb, transact } from "../../src/storage/db";
import { prepareRunsWrite } from "../../src/storage/runs";
import { sha256Hex } from "../../src/lib/crypto";
import { phraseRule, resetArchive, ruleset, storeArticle } from "./fixtures/audits";
import { expectRuleCountersMatchArchive } from "./fixtures/rule-counts";

const v1 = ruleset(phraseRule("rw.city", "San Salvadr", "San Salvador"), phraseRule("rw.prison", "CECOTT", "CECOT"));
const v2 = ruleset(
  phraseRule("rw.city", "San Salvadr", "San Salvador"),
  phraseRule("rw.prison", "CECOTT", "CECOT"),
  phraseRule("rw.added", "Bukele's", "Bukele’s"),
);
const TEXT = "CECOTT, San Salvadr, Bukele's.";

/** Counter rows written since the last call (the log triggers below), then the log is emptied. */
async function counterWrites(): Promise<number> {
  const [count] = await env.DB.batch([env.DB.prepare("SELECT count(*) AS n FROM counter_log"), env.DB.prepare("DELETE FROM counter_log")]);
  return (count!.results[0] as { n: number }).n;
}

/** The (rule, counted status) keys of a run's stored verdicts, and whether it implies the rest. */
async function runKeys(runId: string): Promise<{ keys: Set<string>; version: string | null }> {
  const { results } = await env.DB.prepare(
    `SELECT v.rule_id || ' ' || CASE WHEN v.status = 'fail' AND v.dismissed THEN 'dismissed' ELSE v.status END AS k,
      CASE WHEN r.implied_verdicts > 0 THEN r.ruleset_version END AS version
    FROM runs r JOIN verdicts v ON v.run_id = r.id WHERE r.id = ?`,
  )
    .bind(runId)
    .all<{ k: string; version: string | null }>();
  return { keys: new Set(results.map((r) => r.k)), version: results[0]?.version ?? null };
}

/** Counter rows a move from one run to another must write: each key that changed, each ruleset version that did. */
async function expectedMove(from: string, to: string): Promise<number> {
  const [a, b] = [await runKeys(from), await runKeys(to)];
  const changed = [...a.keys].filter((k) => !b.keys.has(k)).length + [...b.keys].filter((k) => !a.keys.has(k)).length;
  return changed + (a.version === b.version ? 0 : Number(a.version !== null) + Number(b.version !== null));
}

beforeAll(async () => {
  await resetArchive();
  await env.DB.batch([
    env.DB.prepare("CREATE TABLE counter_log (tbl TEXT NOT NULL)"),
    ...["rule_counts", "ruleset_counts"].flatMap((t) =>
      ["INSERT", "UPDATE", "DELETE"].map((op) =>
        env.DB.prepare(
          `CREATE TRIGGER log_${t}_${op.toLowerCase()} AFTER ${op} ON ${t} BEGIN INSERT INTO counter_log VALUES ('${t}'); END`,
        ),
      ),
    ),
  ]);
});

describe("counter rows written per stored score", () => {
  it("a new article: one per stored verdict and one for its ruleset version", async () => {
    const first = await storeArticle("rw-new", TEXT, v1);
    const stored = await runKeys(first.runId);
    expect(stored.keys.size).toBeGreaterThan(0);
    expect(await counterWrites()).toBe(stored.keys.size + (stored.version ? 1 : 0));
    await expectRuleCountersMatchArchive();
  });

  it("a re-post with the same verdicts: none", async () => {
    await storeArticle("rw-same", TEXT, v1);
    await counterWrites();
    await storeArticle("rw-same", TEXT, v1);
    expect(await counterWrites()).toBe(0);
    await expectRuleCountersMatchArchive();
  });

  it("a re-score under another ruleset or with another text: only the verdicts that changed", async () => {
    const before = await storeArticle("rw-change", TEXT, v1);
    await counterWrites();
    const added = await storeArticle("rw-change", TEXT, v2);
    const want = await expectedMove(before.runId, added.runId);
    expect(want).toBeGreaterThan(0);
    expect(await counterWrites()).toBe(want);
    await expectRuleCountersMatchArchive();
    const fixed = await storeArticle("rw-change", "CECOT, San Salvadr, Bukele's.", v2);
    expect(await counterWrites()).toBe(await expectedMove(added.runId, fixed.runId));
    await expectRuleCountersMatchArchive();
  });

  it("one write of several runs, new and existing articles mixed", async () => {
    const db = getDb(env.DB);
    const old = await storeArticle("rw-batch-old", TEXT, v1);
    await counterWrites();
    const inputs = ["rw-batch-old", "rw-batch-new"].map((externalId) => {
      const result = checkArticle({ text: TEXT }, v2 as Ruleset, { now: new Date() });
      return { article: { source: "test", externalId, text: result.text }, result, ruleset: v2, trigger: "audit" as const };
    });
    const write = await prepareRunsWrite(db, inputs);
    await transact(db, write.statements);
    const [moved, created] = write.runs.map((r) => r.runId);
    const fresh = await runKeys(created!);
    expect(await counterWrites()).toBe((await expectedMove(old.runId, moved!)) + fresh.keys.size + (fresh.version ? 1 : 0));
    const { results } = await env.DB.prepare(
      "SELECT external_id, latest_run_id FROM articles WHERE external_id LIKE 'rw-batch-%' ORDER BY 1",
    ).all();
    expect(results).toEqual([
      { external_id: "rw-batch-new", latest_run_id: created },
      { external_id: "rw-batch-old", latest_run_id: moved },
    ]);
    await expectRuleCountersMatchArchive();
  });
});

describe("article rows per stored score (migration 0012)", () => {
  /** D1's rows written by storing `text` for `externalId` under v1. */
  const rowsWritten = async (externalId: string, text: string) => {
    const db = getDb(env.DB);
    const result = checkArticle({ text }, v1, { now: new Date() });
    const write = await prepareRunsWrite(db, [
      { article: { source: "test", externalId, text: result.text }, result, ruleset: v1, trigger: "api" },
    ]);
    const out = await transact(db, write.statements);
    return out.reduce((sum, o) => sum + (o.meta.rows_written ?? 0), 0);
  };
  const stored = async (externalId: string) =>
    (await env.DB.prepare("SELECT text, content_hash FROM articles WHERE source = 'test' AND external_id = ?").bind(externalId).first<{
      text: string;
      content_hash: string;
    }>())!;

  it("a re-score with the same text leaves the text and its inline index entry alone; an edited text replaces it", async () => {
    const edited = "CECOTT, San Salvadr, Bukele's!"; // the same verdicts as TEXT under v1
    await rowsWritten("rw-text-same", TEXT);
    await rowsWritten("rw-text-edit", TEXT);
    const same = await rowsWritten("rw-text-same", TEXT);
    const edit = await rowsWritten("rw-text-edit", edited);
    // The edited text's row also rewrites its articles_text_inline entry (text is in its SET).
    expect(edit - same).toBe(1);
    expect((await stored("rw-text-same")).text).toBe(TEXT);
    expect(await stored("rw-text-edit")).toEqual({ text: edited, content_hash: await sha256Hex(edited) });
    // An offloaded text ('' in D1) stays offloaded when the same text is scored again.
    await env.DB.prepare("UPDATE articles SET text = '' WHERE source = 'test' AND external_id = 'rw-text-same'").run();
    await rowsWritten("rw-text-same", TEXT);
    expect((await stored("rw-text-same")).text).toBe("");
    await expectRuleCountersMatchArchive();
  });
});

describe("rows read by one write", () => {
  it("grow linearly with the runs it stores (texts and evidence are not joined row by row)", async () => {
    const db = getDb(env.DB);
    const readBy = async (count: number, tag: string) => {
      const inputs = Array.from({ length: count }, (_, i) => {
        const result = checkArticle({ text: TEXT }, v2, { now: new Date() });
        return {
          article: { source: "test", externalId: `rw-read-${tag}-${i}`, text: result.text },
          result,
          ruleset: v2,
          trigger: "audit" as const,
        };
      });
      const out = await transact(db, (await prepareRunsWrite(db, inputs, { withRuleset: false })).statements);
      return out.reduce((s, o) => s + (o.meta.rows_read ?? 0), 0);
    };
    const one = await readBy(1, "one");
    const many = await readBy(40, "many");
    // Joining the 120 verdict rows to their evidence by key read 120 × 120 rows.
    expect(many).toBeLessThan(40 * one * 2);
  });
});
