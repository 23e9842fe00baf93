// The dashboard's totals come from the article_counts rows kept by triggers on `articles`
// (unfiltered: their sum): after inserts, re-scores that change outcome and score, withdrawals and
// deletes they must equal the aggregate over the whole archive.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { articleTotals, listSources, TOTALS_EXAMINED } from "../../src/storage/articles";
import { getDb } from "../../src/storage/db";
import { store, verdict } from "./fixtures/runs";
import { fetchPage, login, visibleText } from "./fixtures/ui";

const t = (minute: number) => new Date(Date.parse("2026-03-01T00:00:00Z") + minute * 60_000);

async function aggregate() {
  const row = await env.DB.prepare(
    "SELECT count(*) AS articles, coalesce(sum(latest_outcome = 'fail'), 0) AS failing, avg(latest_score) AS meanScore FROM articles",
  ).first<{ articles: number; failing: number; meanScore: number | null }>();
  return row!;
}

async function expectTotalsMatch() {
  const row = await env.DB.prepare(
    "SELECT coalesce(sum(articles), 0) AS articles, coalesce(sum(CASE WHEN outcome = 'fail' THEN articles END), 0) AS failing, sum(score_sum) AS score_sum, sum(score_count) AS score_count FROM article_counts",
  ).first<{ articles: number; failing: number; score_sum: number | null; score_count: number | null }>();
  const fromRows = {
    articles: row!.articles,
    failing: row!.failing,
    meanScore: row!.score_count ? row!.score_sum! / row!.score_count : null,
  };
  const kept = await articleTotals(getDb(env.DB), {});
  expect(kept).toEqual(fromRows);
  const want = await aggregate();
  expect({ ...kept, meanScore: kept.meanScore === null ? null : Math.round(kept.meanScore * 1e6) }).toEqual({
    ...want,
    meanScore: want.meanScore === null ? null : Math.round(want.meanScore * 1e6),
  });
}

describe("article totals", () => {
  it("follow every write to articles", async () => {
    await expectTotalsMatch();
    await store({ externalId: "t1", at: t(1), score: 80 });
    await store({ externalId: "t2", at: t(2), verdicts: [verdict("x.one", "fail")], score: 12.5 });
    await store({ externalId: "t3", at: t(3), score: null, outcome: "pass" });
    await expectTotalsMatch();
    // Re-scores: two passes turn fail (one from a null score), a fail turns pass.
    await store({ externalId: "t1", at: t(4), verdicts: [verdict("x.one", "fail")], score: 33.3 });
    await store({ externalId: "t2", at: t(5), score: 100 });
    await store({ externalId: "t3", at: t(6), verdicts: [verdict("x.two", "fail")], score: 70.1 });
    await expectTotalsMatch();
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE external_id = 't2'").run();
    await env.DB.prepare(
      "DELETE FROM verdicts WHERE run_id IN (SELECT id FROM runs WHERE article_id IN (SELECT id FROM articles WHERE external_id = 't3'))",
    ).run();
    await env.DB.prepare("DELETE FROM runs WHERE article_id IN (SELECT id FROM articles WHERE external_id = 't3')").run();
    await env.DB.prepare("DELETE FROM articles WHERE external_id = 't3'").run();
    await expectTotalsMatch();
    expect((await articleTotals(getDb(env.DB), {})).articles).toBeGreaterThanOrEqual(2);
  });

  it("count a filtered selection from the archive itself", async () => {
    await store({ externalId: "f1", source: "other", at: t(7), score: 50 });
    const only = await articleTotals(getDb(env.DB), { source: "other" });
    expect(only).toEqual({ articles: 1, failing: 0, meanScore: 50 });
  });

  it("filtered by source, status and outcome, come from the counter rows and equal the archive's own count", async () => {
    await store({ externalId: "c1", source: "wire", at: t(8), score: 40, verdicts: [verdict("x.one", "fail")] });
    await store({ externalId: "c2", source: "wire", at: t(9), score: 90 });
    await store({ externalId: "c3", source: "desk", at: t(10), score: null, outcome: "pass" });
    await store({ externalId: "c2", source: "wire", at: t(11), score: 10, verdicts: [verdict("x.two", "fail")] }); // moves pass → fail
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE external_id = 'c1'").run();
    const db = getDb(env.DB);
    const archive = async (where: string, ...binds: string[]) => {
      const r = (await env.DB.prepare(
        `SELECT count(*) AS articles, coalesce(sum(latest_outcome = 'fail'), 0) AS failing, avg(latest_score) AS meanScore FROM articles WHERE ${where}`,
      )
        .bind(...binds)
        .first<{ articles: number; failing: number; meanScore: number | null }>())!;
      return { ...r, meanScore: r.meanScore === null ? null : Math.round(r.meanScore * 1e6) };
    };
    const kept = async (filters: Parameters<typeof articleTotals>[1]) => {
      const r = await articleTotals(db, filters);
      return { ...r, meanScore: r.meanScore === null ? null : Math.round(r.meanScore * 1e6) };
    };
    expect(await kept({ source: "wire" })).toEqual(await archive("source = ?", "wire"));
    expect(await kept({ source: "wire", status: "active" })).toEqual(await archive("source = ? AND status = ?", "wire", "active"));
    expect(await kept({ outcome: "fail" })).toEqual(await archive("latest_outcome = ?", "fail"));
    expect(await kept({ status: "withdrawn", outcome: "fail" })).toEqual(
      await archive("status = ? AND latest_outcome = ?", "withdrawn", "fail"),
    );
    expect(await kept({ source: "desk", outcome: "pass" })).toEqual(await archive("source = ? AND latest_outcome = ?", "desk", "pass"));
    const all = await env.DB.prepare(
      "SELECT source, status, coalesce(latest_outcome, '') AS outcome, count(*) AS n FROM articles GROUP BY 1, 2, 3",
    ).all();
    const counters = await env.DB.prepare("SELECT source, status, outcome, articles AS n FROM article_counts WHERE articles <> 0").all();
    expect(new Set(counters.results.map((r) => JSON.stringify(r)))).toEqual(new Set(all.results.map((r) => JSON.stringify(r))));
    expect(await listSources(db)).toEqual(
      (await env.DB.prepare("SELECT DISTINCT source FROM articles ORDER BY source").all<{ source: string }>()).results.map((r) => r.source),
    );
  });

  it("filtered by a rule, a score range or the title, read at most `examined` articles and say when they are partial", async () => {
    const db = getDb(env.DB);
    for (let i = 0; i < 8; i++)
      await store({
        externalId: `p${i}`,
        source: "bounded",
        title: i % 2 ? `Budget ${i}` : `Match ${i}`,
        at: t(20 + i),
        score: 10 * i,
        verdicts: i % 3 ? [verdict("x.bounded", "fail")] : [],
      });
    const archive = async (where: string, limit: number) => {
      const r = (await env.DB.prepare(
        `SELECT count(*) AS articles, coalesce(sum(latest_outcome = 'fail'), 0) AS failing, avg(latest_score) AS meanScore
          FROM (SELECT * FROM articles ORDER BY last_checked_at DESC LIMIT ?) WHERE ${where}`,
      )
        .bind(limit)
        .first<{ articles: number; failing: number; meanScore: number | null }>())!;
      return r;
    };
    const total = (await env.DB.prepare("SELECT count(*) AS n FROM articles").first<{ n: number }>())!.n;
    for (const [filters, where] of [
      [{ rule: "x.bounded" }, "instr(latest_failed_rules, ' x.bounded ') > 0"],
      [{ min_score: 20, max_score: 60 }, "latest_score BETWEEN 20 AND 60"],
      [{ q: "budget", source: "bounded" }, "instr(lower(title), 'budget') > 0 AND source = 'bounded'"],
    ] as const) {
      // The whole archive fits: exact, and the same shape as before.
      expect(await articleTotals(db, filters)).toEqual(await archive(where, 1e9));
      // Five examined: the newest five checked, flagged partial.
      expect(await articleTotals(db, filters, 5)).toEqual({ ...(await archive(where, 5)), partial: { examined: 5 } });
      expect(total).toBeGreaterThan(5);
    }
    // With an outcome, the newest articles of that outcome (articles_outcome).
    const failing = await articleTotals(db, { outcome: "fail", q: "match" }, 3);
    const want = (await env.DB.prepare(
      `SELECT count(*) AS articles FROM (SELECT * FROM articles WHERE latest_outcome = 'fail' ORDER BY last_checked_at DESC LIMIT 3)
        WHERE instr(lower(title), 'match') > 0`,
    ).first<{ articles: number }>())!;
    expect(failing).toMatchObject({ articles: want.articles, failing: want.articles, partial: { examined: 3 } });
  });

  it("past TOTALS_EXAMINED articles, the dashboard strip says its filtered counts are a floor", async () => {
    // Never-scored articles, written in one statement (the counter triggers still run for each).
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
        INSERT INTO articles (id, source, external_id, title, text, content_hash, last_checked_at)
        SELECT 'art_bulk_' || i, 'bulk', 'b' || i, 'Bulk ' || i, 'x', 'h', '2020-01-01T00:00:00Z' FROM n`,
    )
      .bind(TOTALS_EXAMINED)
      .run();
    const cookie = await login(env.API_TOKEN);
    const strip = async (query: string) => {
      const res = await fetchPage(`/${query}`, { cookie });
      expect(res.status).toBe(200);
      const html = await res.text();
      return visibleText(html.slice(html.indexOf('class="strip"'), html.indexOf('<form class="filters"')));
    };
    const filtered = await strip("?q=budget");
    expect(filtered).toContain("≥ ");
    expect(filtered).toContain(`Counted over the newest ${TOTALS_EXAMINED.toLocaleString("en-US")} checked articles`);
    const exact = await strip("?source=bounded");
    expect(exact).not.toContain("≥");
    expect(exact).not.toContain("Counted over");
  });
});
