// The one scoring use case against real D1: what it judges (html over text), how it identifies
// an article without an external id, and that prepare() and writeInput() hand a caller's own
// transaction the same writes as store().
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/lib/crypto";
import { bundledRuleset } from "../../src/rules";
import { currentRuleset } from "../../src/use-cases/current-ruleset";
import { getDb, transact } from "../../src/storage/db";
import { getRun } from "../../src/storage/queries-runs";
import { prepareRunsWrite } from "../../src/storage/runs";
import { scoreArticle } from "../../src/use-cases/score-article";

const db = () => getDb(env.DB);
// No version is marked current in these tests: the current ruleset is the bundled one.
const ruleset = bundledRuleset();
const TEXT = "The men were held at CECOT in Ecuador.";

async function externalIdOf(articleId: string): Promise<string | undefined> {
  const row = await env.DB.prepare("SELECT external_id FROM articles WHERE id = ?").bind(articleId).first<{ external_id: string }>();
  return row?.external_id;
}

describe("scoreArticle", () => {
  it("judges with the ruleset it is given and stores nothing until asked", async () => {
    expect((await currentRuleset(env)).version).toBe(bundledRuleset().version);
    const { result } = await scoreArticle(db(), { source: "uc", external_id: "dry", text: TEXT, published_at: "2025-07-20" }, { ruleset });
    expect(result.ruleset).toEqual({ version: bundledRuleset().version, rules: bundledRuleset().rules.length });
    expect(result.verdicts.find((v) => v.rule === "cecot.country")?.status).toBe("fail");
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE source = 'uc' AND external_id = 'dry'").first<{
      n: number;
    }>();
    expect(stored?.n).toBe(0);
  });

  it("judges the html when both are given, and stores the engine's text", async () => {
    const scored = await scoreArticle(db(), { source: "uc", external_id: "html", html: `<p>${TEXT}</p>`, text: "ignored" }, { ruleset });
    expect(scored.result.text).toBe(TEXT);
    const saved = await scored.store(db(), { trigger: "api" });
    const row = await env.DB.prepare("SELECT text FROM articles WHERE id = ?").bind(saved.articleId).first<{ text: string }>();
    expect(row?.text).toBe(TEXT);
  });

  it("identifies an article by its URL, else by the hash of its text, when it has no external id", async () => {
    const byUrl = await (
      await scoreArticle(db(), { source: "uc", url: "https://news.example/a", text: TEXT }, { ruleset })
    ).store(db(), {
      trigger: "api",
    });
    expect(await externalIdOf(byUrl.articleId)).toBe("https://news.example/a");
    const byText = await (await scoreArticle(db(), { source: "uc", text: TEXT }, { ruleset })).store(db(), { trigger: "api" });
    expect(await externalIdOf(byText.articleId)).toBe(await sha256Hex(TEXT));
    // The same text again is the same article, with a second run.
    const again = await (await scoreArticle(db(), { source: "uc", text: TEXT }, { ruleset })).store(db(), { trigger: "api" });
    expect(again.articleId).toBe(byText.articleId);
    expect(again.runId).not.toBe(byText.runId);
  });

  it("prepare() builds store()'s writes without running them", async () => {
    const scored = await scoreArticle(db(), { source: "uc", external_id: "prepared", text: TEXT }, { ruleset });
    const write = await scored.prepare(db(), { trigger: "api" });
    expect(await getRun(db(), write.runId)).toBeNull();
    await transact(db(), write.statements);
    expect((await getRun(db(), write.runId))?.verdicts).toHaveLength(scored.result.verdicts.length);
  });

  it("writeInput() is what store() writes, for a caller that commits many runs in one batch", async () => {
    const scored = await scoreArticle(
      db(),
      { source: "uc", external_id: "batch", text: TEXT },
      { now: new Date("2025-07-20T00:00:00Z"), ruleset },
    );
    const write = await prepareRunsWrite(db(), [await scored.writeInput({ trigger: "audit", at: new Date("2026-01-01T00:00:00Z") })]);
    const runId = write.runs[0]!.runId;
    expect(await getRun(db(), runId)).toBeNull();
    await transact(db(), write.statements);
    const run = await getRun(db(), runId);
    expect(run).toMatchObject({
      trigger: "audit",
      as_of: "2025-07-20",
      created_at: "2026-01-01T00:00:00.000Z",
      content_hash: await sha256Hex(TEXT),
    });
    expect(run!.verdicts).toHaveLength(scored.result.verdicts.length);
  });
});
