// POST /v1/score against the real Worker and real D1: the five seeds, what lands in each table,
// defaults for source/external_id, html and text bodies, dry runs, and the atomic write.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { bareEvidence, type CheckResult } from "../../src/engine";
import { bundledRuleset } from "../../src/rules";
import { sha256Hex } from "../../src/lib/crypto";
import { call, callJson, expectError } from "./fixtures/api";
import { seed, seeds } from "./fixtures/seeds";

type ScoreResponse = CheckResult & { article_id: string | null; run_id: string | null; dry_run: boolean };

interface RunRow {
  article_id: string;
  trigger: string;
  ruleset_version: string;
  content_hash: string;
  score: number | null;
  outcome: string;
  pass_count: number;
  fail_count: number;
  not_applicable_count: number;
  review_count: number;
  error_count: number;
  as_of: string;
  implied_verdicts: number;
}

async function tableCounts(): Promise<{ articles: number; runs: number; verdicts: number }> {
  const row = await env.DB.prepare(
    "SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM verdicts) AS verdicts",
  ).first<{ articles: number; runs: number; verdicts: number }>();
  return row!;
}

describe("POST /v1/score with the seed articles", () => {
  it("finds the five seeds in seeds/", () => {
    expect(seeds.map((s) => s.name.slice(0, 3))).toEqual(["000", "001", "002", "003", "004"]);
    for (const s of seeds) expect(s.text.length).toBeGreaterThan(1000);
  });

  for (const name of ["000", "001", "002", "003", "004"]) {
    it(`scores seed ${name} as seeds/expected.yaml says and stores the article, the run and a verdict for every rule`, async () => {
      const { text, publishedAt, mustFail, mustPass } = seed(name);
      const res = await call("/v1/score", { body: { text, source: "seed", external_id: name, published_at: publishedAt } });
      expect(res.status).toBe(201);
      const body = (await res.json()) as ScoreResponse;
      expect(res.headers.get("location")).toBe(`/v1/runs/${body.run_id}`);
      expect(body.dry_run).toBe(false);
      expect(body.text).toBe(text);
      expect(body.as_of).toBe(publishedAt ?? new Date().toISOString().slice(0, 10));

      // One verdict per rule of the ruleset in force, passes included.
      const ruleset = bundledRuleset();
      expect(body.ruleset).toEqual({ version: ruleset.version, rules: ruleset.rules.length });
      expect(body.verdicts.map((v) => v.rule).sort()).toEqual(ruleset.rules.map((r) => r.id).sort());
      for (const v of body.verdicts) {
        for (const e of v.evidence) expect(body.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
      }
      // The golden verdicts, as the API reports them: exactly these rules fail, these pass.
      const status = new Map(body.verdicts.map((v) => [v.rule, v.status]));
      expect(
        body.verdicts
          .filter((v) => v.status === "fail")
          .map((v) => v.rule)
          .sort(),
      ).toEqual(mustFail);
      for (const rule of mustPass) expect([rule, status.get(rule)]).toEqual([rule, "pass"]);

      const run = await env.DB.prepare("SELECT * FROM runs WHERE id = ?").bind(body.run_id).first<RunRow>();
      expect(run).toMatchObject({
        article_id: body.article_id,
        trigger: "api",
        ruleset_version: body.ruleset.version,
        content_hash: await sha256Hex(text),
        score: body.score,
        outcome: body.outcome,
        pass_count: body.counts.pass,
        fail_count: body.counts.fail,
        not_applicable_count: body.counts.not_applicable,
        review_count: body.counts.review,
        error_count: body.counts.error,
        as_of: body.as_of,
      });

      const { results: rows } = await env.DB.prepare(
        "SELECT rule_id, status, severity, kind, evidence, message FROM verdicts WHERE run_id = ? ORDER BY rule_id",
      )
        .bind(body.run_id)
        .all<{ rule_id: string; status: string; severity: string; kind: string; evidence: string; message: string | null }>();
      const expected = [...body.verdicts].sort((a, b) => (a.rule < b.rule ? -1 : 1));
      // Rows for the applicable verdicts; the run counts the not_applicable ones it implies.
      const applicable = expected.filter((v) => v.status !== "not_applicable");
      expect(rows.map((r) => ({ ...r, evidence: JSON.parse(r.evidence) }))).toEqual(
        applicable.map((v) => ({
          rule_id: v.rule,
          status: v.status,
          severity: v.severity,
          kind: v.kind,
          // Stored as the engine found them; finding ids and labels are added on read.
          evidence: bareEvidence(v.evidence),
          message: v.message ?? null,
        })),
      );
      expect(run?.implied_verdicts).toBe(expected.length - applicable.length);

      const article = await env.DB.prepare("SELECT * FROM articles WHERE id = ?").bind(body.article_id).first<Record<string, unknown>>();
      const failed = body.verdicts.filter((v) => v.status === "fail").map((v) => v.rule);
      expect(article).toMatchObject({
        source: "seed",
        external_id: name,
        text,
        published_at: publishedAt,
        latest_run_id: body.run_id,
        latest_score: body.score,
        latest_outcome: body.outcome,
        latest_failed_rules: failed.length ? ` ${failed.join(" ")} ` : null,
      });

      // The read API serves every verdict the engine returned, the implied ones restored.
      const stored = await callJson(`/v1/runs/${body.run_id}`, { status: 200 });
      expect(stored.verdicts).toEqual(
        expected.map((v) => ({
          rule: v.rule,
          status: v.status,
          claim: v.claim,
          severity: v.severity,
          kind: v.kind,
          evidence: v.evidence,
          message: v.message ?? null,
        })),
      );
    });
  }

  it("quotes the Ecuador span of seed 000 for cecot.country", async () => {
    const body = await callJson<ScoreResponse>("/v1/score?dry_run=true", { body: { text: seed("000").text }, status: 200 });
    const country = body.verdicts.find((v) => v.rule === "cecot.country");
    expect(country?.status).toBe("fail");
    expect(country?.evidence.map((e) => e.quote)).toContain("a detention center in Ecuador, known as CECOT");
  });
});

describe("POST /v1/score: identity and defaults", () => {
  it("defaults source to api and external_id to the text's SHA-256, so re-posting adds a run to the same article", async () => {
    const text = "CECOT, the prison in Tecoluca, El Salvador, held 252 Venezuelans. Identity test one.";
    const first = await callJson<ScoreResponse>("/v1/score", { body: { text }, status: 201 });
    const second = await callJson<ScoreResponse>("/v1/score", { body: { text }, status: 201 });
    expect(second.article_id).toBe(first.article_id);
    expect(second.run_id).not.toBe(first.run_id);
    const article = await env.DB.prepare("SELECT source, external_id, latest_run_id FROM articles WHERE id = ?")
      .bind(first.article_id)
      .first();
    expect(article).toEqual({ source: "api", external_id: await sha256Hex(text), latest_run_id: second.run_id });
    const runs = await env.DB.prepare("SELECT count(*) AS n FROM runs WHERE article_id = ?").bind(first.article_id).first<{ n: number }>();
    expect(runs?.n).toBe(2);
  });

  it("identifies an article by its url when it has no external_id, and records changed text as a new hash", async () => {
    const url = "https://news.example/cecot-release";
    const a = await callJson<ScoreResponse>("/v1/score", {
      body: { text: "First version of the story.", url, title: "Release" },
      status: 201,
    });
    const b = await callJson<ScoreResponse>("/v1/score", { body: { text: "Corrected version of the story.", url }, status: 201 });
    expect(b.article_id).toBe(a.article_id);
    const article = await env.DB.prepare("SELECT external_id, title, text, content_hash FROM articles WHERE id = ?")
      .bind(a.article_id)
      .first();
    expect(article).toEqual({
      external_id: url,
      title: "Release", // kept: the second post sent no title
      text: "Corrected version of the story.",
      content_hash: await sha256Hex("Corrected version of the story."),
    });
    const hashes = await env.DB.prepare("SELECT DISTINCT content_hash FROM runs WHERE article_id = ?").bind(a.article_id).all();
    expect(hashes.results).toHaveLength(2);
  });

  it("stores the text the engine derived from html, so evidence offsets point into the stored text", async () => {
    const html = "<article><h1>Deportations</h1><p>The men were held at CECOT in <b>Ecuador</b> for four months.</p></article>";
    const body = await callJson<ScoreResponse>("/v1/score", { body: { html, external_id: "html-1" }, status: 201 });
    expect(body.text).toContain("CECOT");
    const article = await env.DB.prepare("SELECT text FROM articles WHERE id = ?").bind(body.article_id).first<{ text: string }>();
    expect(article?.text).toBe(body.text);
    for (const v of body.verdicts) for (const e of v.evidence) expect(article!.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
  });

  it("accepts text/plain and text/html bodies with the metadata in the query string", async () => {
    const qs =
      "title=Plain%20text&source=cms-test&external_id=plain-1&published_at=2025-07-19&language=en&url=https%3A%2F%2Fnews.example%2Fp1";
    const plain = await callJson<ScoreResponse>(`/v1/score?${qs}`, { body: "Nicolás Maduro welcomed the men at Maiquetía.", status: 201 });
    const row = await env.DB.prepare("SELECT source, external_id, title, url, published_at, language, text FROM articles WHERE id = ?")
      .bind(plain.article_id)
      .first();
    expect(row).toEqual({
      source: "cms-test",
      external_id: "plain-1",
      title: "Plain text",
      url: "https://news.example/p1",
      published_at: "2025-07-19",
      language: "en",
      text: "Nicolás Maduro welcomed the men at Maiquetía.",
    });
    expect(plain.as_of).toBe("2025-07-19");

    const html = await callJson<ScoreResponse>("/v1/score?external_id=html-2", {
      body: "<p>Hello <i>world</i></p>",
      type: "text/html; charset=utf-8",
      status: 201,
    });
    const stored = await env.DB.prepare("SELECT text FROM articles WHERE id = ?").bind(html.article_id).first<{ text: string }>();
    expect(stored?.text).toBe(html.text);
  });

  it("judges an undated article as of today", async () => {
    const body = await callJson<ScoreResponse>("/v1/score?dry_run=1", { body: { text: "An undated note about CECOT." }, status: 200 });
    expect(body.as_of).toBe(new Date().toISOString().slice(0, 10));
  });
});

describe("POST /v1/score?dry_run=true", () => {
  it("scores exactly like a stored run but writes nothing", async () => {
    const text = seed("001").text;
    const before = await tableCounts();
    const dry = await callJson<ScoreResponse>("/v1/score?dry_run=true", { body: { text, external_id: "dry-1" }, status: 200 });
    expect(await tableCounts()).toEqual(before);
    expect(dry).toMatchObject({ article_id: null, run_id: null, dry_run: true });

    const stored = await callJson<ScoreResponse>("/v1/score?dry_run=false", { body: { text, external_id: "dry-1" }, status: 201 });
    const { article_id, run_id, dry_run, ...storedResult } = stored;
    const { article_id: _a, run_id: _r, dry_run: _d, ...dryResult } = dry;
    expect(storedResult).toEqual(dryResult);
    expect(await tableCounts()).toEqual({
      articles: before.articles + 1,
      runs: before.runs + 1,
      verdicts: before.verdicts + stored.verdicts.filter((v) => v.status !== "not_applicable").length,
    });
  });
});

describe("POST /v1/score is atomic", () => {
  it("leaves no article, run or verdict behind when the batch's last statement fails, and answers 500 internal_error", async () => {
    // Make the final statement of the write (the verdict rows) fail inside D1.
    await env.DB.exec("CREATE TRIGGER fail_latest BEFORE INSERT ON verdicts BEGIN SELECT RAISE(ABORT, 'injected failure'); END");
    try {
      const before = await tableCounts();
      const res = await call("/v1/score", { body: { text: seed("002").text, external_id: "atomic-1" } });
      const message = await expectError(res, 500, "internal_error");
      expect(message).not.toContain("injected");
      expect(await tableCounts()).toEqual(before);
      const orphan = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE external_id = 'atomic-1'").first<{ n: number }>();
      expect(orphan?.n).toBe(0);
    } finally {
      await env.DB.exec("DROP TRIGGER fail_latest");
    }
    await callJson("/v1/score", { body: { text: seed("002").text, external_id: "atomic-1" }, status: 201 });
  });
});
