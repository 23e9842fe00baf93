// The read queries (src/storage/articles.ts, queries-*.ts) against real D1, apart from routes.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getArticle, listArticles } from "../../src/storage/articles";
import { getDb } from "../../src/storage/db";
import { encodeCursor, parseCursor, type Cursor } from "../../src/storage/queries-page";
import { ruleStats } from "../../src/storage/queries-rules";
import { getArticleWithLatestRun, getLatestRunWithVerdicts, getRun, listRuns } from "../../src/storage/queries-runs";
import { store, verdict } from "./fixtures/runs";

const db = () => getDb(env.DB);
const t = (minute: number) => new Date(Date.parse("2026-03-01T00:00:00Z") + minute * 60_000);

describe("cursors", () => {
  it("round-trip through an opaque URL-safe token", () => {
    for (const cursor of [
      { at: "2026-03-01T00:00:00.000Z", id: "art_1" },
      { at: null, id: "art_é+/" },
    ] as Cursor[]) {
      const token = encodeCursor(cursor);
      expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(parseCursor(token)).toEqual(cursor);
    }
  });

  it("reject tokens that are not ours", () => {
    for (const token of ["", "%%%", btoa("{}"), btoa("[1,2]"), btoa('["a",""]'), btoa('["a","b","c"]')])
      expect(parseCursor(token)).toBeNull();
  });
});

describe("listArticles", () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.a = (await store({ externalId: "a", title: "Alpha", at: t(1), verdicts: [verdict("x.one", "fail")], score: 10 })).articleId;
    ids.b = (await store({ externalId: "b", title: "Beta", at: t(2), score: 90 })).articleId;
    ids.c = (await store({ externalId: "c", title: "Gamma 100%_", at: t(2), score: 55, outcome: "warn" })).articleId;
    // An article without any run (e.g. inserted by another path) sorts last and is still reachable.
    await env.DB.prepare(
      "INSERT INTO articles (id, source, external_id, text, content_hash) VALUES ('art_00000000000000000000', 'fixture', 'never-checked', 'x', 'h')",
    ).run();
  });

  it("pages newest first with ties broken by id and unchecked articles last", async () => {
    const seen: string[] = [];
    let cursor: Cursor | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await listArticles(db(), {}, { limit: 1, cursor });
      seen.push(...page.items.map((a) => a.id));
      if (!page.next_cursor) break;
      cursor = parseCursor(page.next_cursor);
    }
    const [first, second] = [ids.b!, ids.c!].sort().reverse();
    expect(seen).toEqual([first, second, ids.a, "art_00000000000000000000"]);
  });

  it("filters without treating LIKE wildcards specially", async () => {
    const titles = async (q: string) => (await listArticles(db(), { q }, { limit: 10 })).items.map((a) => a.title);
    expect(await titles("100%_")).toEqual(["Gamma 100%_"]);
    expect(await titles("%")).toEqual(["Gamma 100%_"]);
    expect(await titles("ALPHA")).toEqual(["Alpha"]);
    const failing = await listArticles(db(), { rule: "x.one", outcome: "fail" }, { limit: 10 });
    expect(failing.items.map((a) => [a.id, a.failed_rules])).toEqual([[ids.a, ["x.one"]]]);
    expect((await listArticles(db(), { rule: "x.on" }, { limit: 10 })).items).toEqual([]);
    expect((await listArticles(db(), { min_score: 50, max_score: 60 }, { limit: 10 })).items.map((a) => a.id)).toEqual([ids.c]);
  });

  it("getArticle returns the record with its text, or null", async () => {
    const article = await getArticle(db(), ids.a!);
    expect(article).toMatchObject({ id: ids.a, external_id: "a", text: "text of a", outcome: "fail", failed_rules: ["x.one"], score: 10 });
    expect(await getArticle(db(), "art_nope")).toBeNull();
  });
});

describe("runs", () => {
  let articleId: string;
  const runIds: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const text = "CECOT is in Ecuador.";
      const saved = await store({
        externalId: "runs",
        text,
        at: t(10 + i),
        verdicts: [verdict("b.rule", "pass"), verdict("a.rule", i === 2 ? "fail" : "pass", { text, at: 12, length: 7 })],
      });
      articleId = saved.articleId;
      runIds.push(saved.runId);
    }
  });

  it("getRun returns the run with every verdict sorted by rule and evidence parsed", async () => {
    const run = await getRun(db(), runIds[2]!);
    expect(run).toMatchObject({
      id: runIds[2],
      article_id: articleId,
      outcome: "fail",
      counts: { pass: 1, fail: 1 },
      ruleset_version: "rs-fixture",
      as_of: "2025-07-19",
    });
    expect(run!.verdicts.map((v) => [v.rule, v.status])).toEqual([
      ["a.rule", "fail"],
      ["b.rule", "pass"],
    ]);
    expect(run!.verdicts[0]!.evidence[0]).toMatchObject({ offset: 12, length: 7, quote: "Ecuador" });
    expect(await getRun(db(), "run_nope")).toBeNull();
  });

  it("getLatestRunWithVerdicts and getArticleWithLatestRun follow the article's latest run", async () => {
    expect((await getLatestRunWithVerdicts(db(), articleId))?.id).toBe(runIds[2]);
    expect(await getLatestRunWithVerdicts(db(), "art_nope")).toBeNull();
    const found = await getArticleWithLatestRun(db(), articleId);
    expect(found?.article.id).toBe(articleId);
    expect(found?.latest_run).toEqual(await getRun(db(), runIds[2]!));
    expect(await getArticleWithLatestRun(db(), "art_nope")).toBeNull();
  });

  it("listRuns pages an article's runs newest first", async () => {
    const first = await listRuns(db(), articleId, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([runIds[2], runIds[1]]);
    const rest = await listRuns(db(), articleId, { limit: 2, cursor: parseCursor(first.next_cursor!) });
    expect(rest).toEqual({ items: [expect.objectContaining({ id: runIds[0] })], next_cursor: null });
    expect(await listRuns(db(), "art_nope", { limit: 5 })).toEqual({ items: [], next_cursor: null });
  });
});

describe("ruleStats", () => {
  it("counts each active article's latest run only", async () => {
    const base = { source: "stats" };
    // Article 1: an old failing run, then a passing one — only the latter counts.
    await store({ ...base, externalId: "s1", at: t(20), verdicts: [verdict("s.rule", "fail"), verdict("s.other", "pass")] });
    await store({ ...base, externalId: "s1", at: t(21), verdicts: [verdict("s.rule", "pass"), verdict("s.other", "pass")] });
    await store({ ...base, externalId: "s2", at: t(22), verdicts: [verdict("s.rule", "fail"), verdict("s.other", "not_applicable")] });
    const withdrawn = await store({ ...base, externalId: "s3", at: t(23), verdicts: [verdict("s.rule", "fail")] });
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE id = ?").bind(withdrawn.articleId).run();

    const all = await ruleStats(db());
    expect(all["s.rule"]).toEqual({ pass: 1, fail: 1, not_applicable: 0, review: 0, error: 0 });
    expect(all["s.other"]).toEqual({ pass: 1, fail: 0, not_applicable: 1, review: 0, error: 0 });
    expect(await ruleStats(db(), "s.rule")).toEqual({ "s.rule": all["s.rule"] });
    expect(await ruleStats(db(), "s.none")).toEqual({});
  });
});
