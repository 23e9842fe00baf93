// GET /v1/articles (filters + cursor pagination), /v1/articles/:id, /v1/articles/:id/runs and
// /v1/runs/:id over articles stored through the real write path.
import { beforeAll, describe, expect, it } from "vitest";
import type { ArticleSummary } from "../../src/storage/articles";
import type { Page } from "../../src/storage/queries-page";
import type { RunView } from "../../src/http/runs";
import { bundledRuleset } from "../../src/rules";
import type { StoredRun } from "../../src/storage/queries-runs";
import { call, callJson, expectError } from "./fixtures/api";
import { store, verdict } from "./fixtures/runs";

interface Fixture {
  externalId: string;
  source: string;
  title: string;
  score: number;
  outcome: "pass" | "warn" | "fail";
  failed: string[];
  at: Date;
  articleId?: string;
}

const BASE = Date.parse("2026-01-01T00:00:00Z");
// 23 articles; pairs share a timestamp so the id tiebreak is exercised.
const fixtures: Fixture[] = Array.from({ length: 23 }, (_, i) => ({
  externalId: `story-${i}`,
  source: i % 2 ? "alpha" : "beta",
  title: i % 4 === 0 ? `CECOT report ${i}` : `Story ${i}`,
  score: i * 4,
  outcome: i % 3 === 0 ? "fail" : i % 3 === 1 ? "warn" : "pass",
  failed: i % 3 === 0 ? (i % 2 ? ["r.1"] : ["r.10", "r.2"]) : [],
  at: new Date(BASE + Math.floor(i / 2) * 1000),
}));

async function walk(query: string, limit: number): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? "&" : "";
    const page: Page<ArticleSummary> = await callJson(`/v1/articles?${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, {
      status: 200,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((a) => a.id));
    cursor = page.next_cursor;
    pages++;
  } while (cursor && pages < 50);
  return { ids, pages };
}

/** Expected order: newest last_checked_at first, ties by id descending. */
function expectedIds(keep: (f: Fixture) => boolean): string[] {
  return fixtures
    .filter(keep)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.articleId! < b.articleId! ? 1 : -1))
    .map((f) => f.articleId!);
}

beforeAll(async () => {
  for (const f of fixtures) {
    const verdicts = [...f.failed.map((r) => verdict(r, "fail")), verdict("r.3", "pass")];
    const saved = await store({ ...f, verdicts });
    f.articleId = saved.articleId;
  }
});

describe("GET /v1/articles", () => {
  it("walks every article exactly once, newest first, across cursor pages", async () => {
    const { ids, pages } = await walk("", 5);
    expect(pages).toBe(5);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expectedIds(() => true));
  });

  it("serves the default page of 20 and a last page without next_cursor", async () => {
    const first: Page<ArticleSummary> = await callJson("/v1/articles", { status: 200 });
    expect(first.items).toHaveLength(20);
    expect(first.next_cursor).toEqual(expect.any(String));
    const all: Page<ArticleSummary> = await callJson("/v1/articles?limit=100", { status: 200 });
    expect(all.items).toHaveLength(23);
    expect(all.next_cursor).toBeNull();
  });

  it("returns summaries shaped like the stored rows, without the text", async () => {
    const page: Page<ArticleSummary> = await callJson("/v1/articles?limit=1", { status: 200 });
    const newest = fixtures[22]!;
    expect(page.items[0]).toMatchObject({
      id: newest.articleId,
      source: newest.source,
      external_id: newest.externalId,
      title: newest.title,
      score: newest.score,
      outcome: newest.outcome,
      failed_rules: newest.failed,
      status: "active",
      last_checked_at: newest.at.toISOString(),
    });
    expect(page.items[0]).not.toHaveProperty("text");
  });

  const filters: [string, (f: Fixture) => boolean][] = [
    ["outcome=fail", (f) => f.outcome === "fail"],
    ["outcome=warn", (f) => f.outcome === "warn"],
    ["min_score=40", (f) => f.score >= 40],
    ["max_score=20.5", (f) => f.score <= 20.5],
    ["min_score=12&max_score=60", (f) => f.score >= 12 && f.score <= 60],
    ["rule=r.1", (f) => f.failed.includes("r.1")], // exact rule id: r.10 does not match
    ["rule=r.10", (f) => f.failed.includes("r.10")],
    ["rule=r.3", () => false], // r.3 passed everywhere
    ["source=alpha", (f) => f.source === "alpha"],
    ["q=cecot", (f) => f.title.toLowerCase().includes("cecot")],
    ["q=REPORT 1", (f) => f.title.toLowerCase().includes("report 1")],
    ["source=beta&outcome=fail&min_score=10", (f) => f.source === "beta" && f.outcome === "fail" && f.score >= 10],
    ["status=withdrawn", () => false],
  ];
  for (const [query, keep] of filters) {
    it(`filters by ${query} and paginates the filtered set`, async () => {
      const expected = expectedIds(keep);
      const { ids } = await walk(encodeURI(query), 3);
      expect(ids).toEqual(expected);
    });
  }

  const invalid: [string, RegExp][] = [
    ["limit=0", /^limit: /],
    ["limit=101", /^limit: /],
    ["limit=ten", /^limit: /],
    ["outcome=maybe", /^outcome: /],
    ["min_score=-1", /^min_score: /],
    ["max_score=abc", /^max_score: expected a number/],
    ["min_score=50&max_score=10", /^min_score: must not be greater than max_score/],
    ["cursor=not-a-cursor", /^cursor: not a cursor this API issued/],
    ["sort=title", /^sort: unknown query parameter/],
  ];
  for (const [query, pattern] of invalid) {
    it(`answers 400 validation_failed for ${query}`, async () => {
      expect(await expectError(await call(`/v1/articles?${query}`), 400, "validation_failed")).toMatch(pattern);
    });
  }
});

describe("GET /v1/articles/:id, /v1/articles/:id/runs and /v1/runs/:id", () => {
  let articleId: string;
  const runIds: string[] = [];
  const text = "Nicolás Maduro said the 252 men landed in Maiquetía.";

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      const at = text.indexOf("Maiquetía");
      const saved = await store({
        externalId: "history",
        text,
        verdicts: [
          verdict("arrival.airport", i === 1 ? "fail" : "pass", { text, at, length: "Maiquetía".length }),
          verdict("release.count", "pass"),
        ],
        at: new Date(Date.parse("2026-02-01T00:00:00Z") + i * 60_000),
      });
      articleId = saved.articleId;
      runIds.push(saved.runId);
    }
  });

  it("serves the article with its text and its latest run with every verdict", async () => {
    const article = await callJson(`/v1/articles/${articleId}`, { status: 200 });
    expect(article).toMatchObject({ id: articleId, external_id: "history", text, latest_run_id: runIds[2] });
    expect(article.latest_run.id).toBe(runIds[2]);
    expect(article.latest_run.verdicts.map((v: { rule: string }) => v.rule)).toEqual(["arrival.airport", "release.count"]);
    const run: RunView = await callJson(`/v1/runs/${runIds[2]}`, { status: 200 });
    expect(article.latest_run).toEqual(run);
  });

  it("serves a run with parsed evidence whose offsets point into the stored text", async () => {
    const run: RunView = await callJson(`/v1/runs/${runIds[1]}`, { status: 200 });
    expect(run).toMatchObject({
      id: runIds[1],
      article_id: articleId,
      trigger: "api",
      outcome: "fail",
      counts: { pass: 1, fail: 1, not_applicable: 0, review: 0, error: 0 },
    });
    const airport = run.verdicts.find((v) => v.rule === "arrival.airport")!;
    expect(airport.status).toBe("fail");
    // Claims come from the current ruleset; a rule id it does not know gets null.
    expect(airport.claim).toBe(bundledRuleset().rules.find((r) => r.id === "arrival.airport")?.claim ?? null);
    const [e] = airport.evidence;
    expect(e).toMatchObject({ quote: "Maiquetía", found: "x", expected: "y", replacements: ["y"], attribution: "article" });
    expect(text.slice(e!.offset, e!.offset + e!.length)).toBe("Maiquetía");
  });

  it("gives verdicts of rules the current ruleset no longer has a null claim", async () => {
    const article = await callJson(`/v1/articles/${fixtures[0]!.articleId}`, { status: 200 });
    expect(article.latest_run.verdicts.find((v: { rule: string }) => v.rule === "r.3")).toMatchObject({ status: "pass", claim: null });
  });

  it("lists the article's runs newest first, paginated", async () => {
    const first: Page<StoredRun> = await callJson(`/v1/articles/${articleId}/runs?limit=2`, { status: 200 });
    expect(first.items.map((r) => r.id)).toEqual([runIds[2], runIds[1]]);
    expect(first.items[0]).not.toHaveProperty("verdicts");
    const second: Page<StoredRun> = await callJson(`/v1/articles/${articleId}/runs?limit=2&cursor=${first.next_cursor}`, { status: 200 });
    expect(second.items.map((r) => r.id)).toEqual([runIds[0]]);
    expect(second.next_cursor).toBeNull();
  });
});
