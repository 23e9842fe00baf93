import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { csvCell } from "../../src/use-cases/exports";
import { evidence, fetchPage, login, storeArticle, verdict } from "./fixtures/ui";

const TEXT = "Officials said the men flew to a detention center in Ecuador, known as CECOT. “CECOT is in Ecuador,” a lawyer claimed.";
const ORIGIN = "https://harness.test";
let articleId = "";
let cleanId = "";

function api(path: string, token: string | null = env.API_TOKEN): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** A minimal RFC 4180 parser, so the tests read the CSV the way a spreadsheet does. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += ch;
  }
  return rows;
}

/** The body as text, after checking it starts with the UTF-8 BOM (Response.text() drops it). */
async function csvText(res: Response): Promise<string> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder().decode(bytes.slice(3));
}

beforeAll(async () => {
  const saved = await storeArticle({
    externalId: "exp-1",
    title: '=HYPERLINK("http://evil.example","click"), a "quoted", multi\nline title',
    url: "https://www.example-news.com/cecot-story",
    publishedAt: "2025-07-19",
    text: TEXT,
    verdicts: [
      verdict("cecot.country", "fail", [
        evidence(TEXT, "Ecuador", {
          found: "Ecuador",
          expected: "El Salvador",
          replacements: ["El Salvador"],
          message: "places CECOT in Ecuador",
        }),
        evidence(TEXT, "Ecuador", { found: "Ecuador", expected: "El Salvador", attribution: "quote" }, TEXT.indexOf("“")),
      ]),
      verdict("cecot.name", "pass", [evidence(TEXT, "CECOT")]),
      verdict("cecot.capacity", "not_applicable", []),
    ],
  });
  articleId = saved.articleId;
  cleanId = (await storeArticle({ externalId: "exp-2", title: "-1 clean", text: "Clean.", verdicts: [verdict("cecot.name", "pass", [])] }))
    .articleId;
});

describe("GET /v1/articles/:id/claimreview", () => {
  it("returns one ClaimReview per failing claim in the outlet's own words, with Google's required fields", async () => {
    const res = await api(`/v1/articles/${articleId}/claimreview`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const reviews = (await res.json()) as Record<string, any>[];
    expect(reviews).toHaveLength(1); // the quoted "Ecuador" is the lawyer's claim, not the outlet's
    const r = reviews[0]!;
    expect(r["@context"]).toBe("https://schema.org");
    expect(r["@type"]).toBe("ClaimReview");
    expect(r.claimReviewed).toBe("Ecuador");
    expect(r.url).toMatch(new RegExp(`^${ORIGIN}/articles/${articleId}#ev-\\d+$`));
    expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(r.author).toEqual({ "@type": "Organization", name: "Accuracy Harness" });
    expect(r.reviewRating).toEqual({ "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" });
    expect(r.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Organization", name: "example-news.com" },
      datePublished: "2025-07-19",
      appearance: [
        { "@type": "CreativeWork", url: "https://www.example-news.com/cecot-story", headline: expect.stringContaining("HYPERLINK") },
      ],
    });
    expect(r.reviewBody).toContain("The article says “Ecuador”; the fact is “El Salvador”.");
  });

  it("is an empty list for an article without failures, 404 for an unknown one, 401 without a token", async () => {
    expect(await (await api(`/v1/articles/${cleanId}/claimreview`)).json()).toEqual([]);
    const missing = await api("/v1/articles/art_nope/claimreview");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
    expect((await api(`/v1/articles/${articleId}/claimreview`, null)).status).toBe(401);
    expect((await api(`/v1/articles/${articleId}/claimreview`, env.READ_TOKEN)).status).toBe(200);
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and neutralises formulas", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+33 1")).toBe("'+33 1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-2)).toBe("-2"); // numbers are data, not formulas
    expect(csvCell(null)).toBe("");
    expect(csvCell("Maiquetía")).toBe("Maiquetía");
  });

  it("GET /v1/articles.csv exports every non-n/a verdict span with its article, quoted and guarded", async () => {
    const res = await api("/v1/articles.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=UTF-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="verdicts-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await csvText(res);
    expect(text.startsWith("article_id,source,")).toBe(true);
    const [header, ...rows] = parseCsv(text);
    const col = (name: string) => header!.indexOf(name);
    const mine = rows.filter((r) => r[col("article_id")] === articleId);
    expect(mine.map((r) => [r[col("rule")], r[col("status")], r[col("attribution")], r[col("quote")]])).toEqual([
      ["cecot.country", "fail", "article", "Ecuador"],
      ["cecot.country", "fail", "quote", "Ecuador"],
      ["cecot.name", "pass", "article", "CECOT"],
    ]);
    expect(mine[0]![col("title")]).toBe(`'=HYPERLINK("http://evil.example","click"), a "quoted", multi\nline title`);
    expect(mine[0]![col("offset")]).toBe(String(TEXT.indexOf("Ecuador")));
    expect(mine[0]![col("suggestion")]).toBe("El Salvador");
    const clean = rows.find((r) => r[col("article_id")] === cleanId)!;
    expect(clean[col("title")]).toBe("'-1 clean");
    expect(clean[col("quote")]).toBe("");
  });

  it("filters like the list, selects verdict statuses, and validates its query", async () => {
    const failing = parseCsv(await csvText(await api("/v1/articles.csv?outcome=fail&verdicts=fail")));
    expect(failing.slice(1).map((r) => r[0])).toEqual([articleId, articleId]);
    const all = parseCsv(await csvText(await api("/v1/articles.csv?q=clean&verdicts=all")));
    expect(all).toHaveLength(2);
    const bad = await api("/v1/articles.csv?verdicts=maybe");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "validation_failed", message: expect.stringContaining("verdicts") } });
    expect((await api("/v1/articles.csv", null)).status).toBe(401);
  });

  it("GET /v1/audits/:id.csv exports one row per changed rule of an audit", async () => {
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO audits (id, trigger, status, ruleset_version, started_at) VALUES ('aud_test1', 'api', 'finished', 'v1', '2025-07-20T03:00:00Z')",
      ),
      env.DB.prepare(
        "INSERT INTO audit_changes (audit_id, article_id, previous_run_id, run_id, change, previous_outcome, outcome, rule_changes) VALUES ('aud_test1', ?, 'run_a', 'run_b', 'regression', 'pass', 'fail', ?)",
      ).bind(
        articleId,
        JSON.stringify([{ rule: "cecot.country", from: "pass", to: "fail", quotes: ["Ecuador", "in Ecuador"], cause: "rule_edited" }]),
      ),
    ]);
    const res = await api("/v1/audits/aud_test1.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="audit-aud_test1.csv"');
    const [header, ...rows] = parseCsv(await csvText(res));
    expect(header).toEqual([
      "audit_id",
      "article_id",
      "title",
      "url",
      "change",
      "previous_outcome",
      "outcome",
      "previous_run_id",
      "run_id",
      "rule",
      "rule_from",
      "rule_to",
      "cause",
      "quotes",
    ]);
    expect(rows).toEqual([
      [
        "aud_test1",
        articleId,
        expect.stringMatching(/^'=HYPERLINK/),
        "https://www.example-news.com/cecot-story",
        "regression",
        "pass",
        "fail",
        "run_a",
        "run_b",
        "cecot.country",
        "pass",
        "fail",
        "rule_edited",
        "Ecuador | in Ecuador",
      ],
    ]);
    const missing = await api("/v1/audits/aud_nope.csv");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("serves the same files to a dashboard session through /export/*", async () => {
    const cookie = await login(env.READ_TOKEN);
    const csv = await fetchPage("/export/articles.csv?outcome=fail", { cookie });
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain(articleId);
    const review = await fetchPage(`/export/articles/${articleId}/claimreview.json`, { cookie });
    expect(review.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    expect((await fetchPage("/export/audits/aud_test1.csv", { cookie })).status).toBe(200);
    expect((await fetchPage("/export/articles.csv")).status).toBe(303);
  });
});
