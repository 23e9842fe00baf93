import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { frontMatterDate, htmlPublishedDate, isoDateOf } from "../../../src/engine/text/document-date";
import { NOW, rulesetOf } from "../helpers";

const page = (head: string, body = "<p>Text.</p>") => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("isoDateOf", () => {
  it("accepts ISO dates, date-times and compact YYYYMMDD of real days only", () => {
    expect(isoDateOf("2025-06-10")).toBe("2025-06-10");
    expect(isoDateOf(" 2025-06-10T08:30:00-04:00 ")).toBe("2025-06-10T08:30:00-04:00");
    expect(isoDateOf("2025-06-10T08:30:00.123Z")).toBe("2025-06-10T08:30:00.123Z");
    expect(isoDateOf("20250610")).toBe("2025-06-10");
    expect(isoDateOf("2025-06-10 08:00:00 -0400")).toBe("2025-06-10 08:00:00 -0400"); // Jekyll's front matter format
    expect(isoDateOf("2024-02-29")).toBe("2024-02-29");
    for (const bad of ["2025-02-29", "2025-13-01", "June 10, 2025", "2025-06", "", "yesterday", "2025-06-10garbage"])
      expect(isoDateOf(bad), bad).toBeNull();
    expect(isoDateOf(true)).toBeNull();
    expect(isoDateOf(20250610)).toBeNull();
  });
});

describe("htmlPublishedDate", () => {
  it("reads <meta property=article:published_time> first", () => {
    const html = page(`<meta name="date" content="2025-01-01"><meta content="2025-06-10T09:00:00Z" property="article:published_time">`);
    expect(htmlPublishedDate(html)).toEqual({ value: "2025-06-10T09:00:00Z", from: 'meta property="article:published_time"' });
  });

  it("then JSON-LD datePublished of an article (also in @graph), parsed safely", () => {
    const ld = (json: string) => `<script type="application/ld+json">${json}</script>`;
    const graph = ld(
      JSON.stringify({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebSite", datePublished: "2001-01-01" },
          { "@type": ["NewsArticle"], datePublished: "2025-07-19T10:00:00-04:00" },
        ],
      }),
    );
    expect(htmlPublishedDate(page(`${ld("{not json")}${graph}<meta name="date" content="2025-01-01">`))).toEqual({
      value: "2025-07-19T10:00:00-04:00",
      from: "JSON-LD datePublished",
    });
    expect(htmlPublishedDate(page(ld(`[{"@type":"BlogPosting","datePublished":"2025-03-16"}]`)))!.value).toBe("2025-03-16");
    // A non-article type's date is not the article's.
    expect(htmlPublishedDate(page(ld(`{"@type":"Event","datePublished":"2025-03-16"}`)))).toBeNull();
    expect(htmlPublishedDate(page(ld("null") + ld("[]") + ld('"x"')))).toBeNull();
  });

  it("then other metas: name=date, pubdate, itemprop=datePublished, Dublin Core", () => {
    expect(htmlPublishedDate(page(`<meta name="pubdate" content="20250610">`))).toEqual({
      value: "2025-06-10",
      from: 'meta name="pubdate"',
    });
    expect(htmlPublishedDate(page(`<meta name='DC.date.issued' content='2025-06-10'>`))!.value).toBe("2025-06-10");
    expect(htmlPublishedDate(page(`<meta itemprop="datePublished" content="2025-06-10">`))!.from).toBe('meta itemprop="datepublished"');
    // Free-form dates are not guessed at; unrelated metas are not dates.
    expect(htmlPublishedDate(page(`<meta name="date" content="June 10, 2025"><meta name="modified" content="2025-06-11">`))).toBeNull();
  });

  it("then a <time> marked as the publication time, only when such marks agree", () => {
    const one = `<article><header><time class="entry-date published" datetime="2025-06-10T08:00:00Z">June 10</time><time class="updated" datetime="2025-06-12">June 12</time></header></article>`;
    expect(htmlPublishedDate(page("", one))!.value).toBe("2025-06-10T08:00:00Z");
    expect(htmlPublishedDate(page("", `<time pubdate datetime="2025-06-10">x</time>`))!.value).toBe("2025-06-10");
    // A class alone counts only in a header; an unmarked <time> (an event in the story) never.
    expect(htmlPublishedDate(page("", `<aside><time class="published" datetime="2025-01-01">x</time></aside>`))).toBeNull();
    expect(htmlPublishedDate(page("", `<p>On <time datetime="2025-03-15">March 15</time> …</p>`))).toBeNull();
    // Marks that disagree (a list of related stories) are ambiguous.
    expect(
      htmlPublishedDate(page("", `<time pubdate datetime="2025-06-10">a</time><time pubdate datetime="2025-05-01">b</time>`)),
    ).toBeNull();
  });

  it("no date, unclosed tags and huge inputs: null, quickly", () => {
    expect(htmlPublishedDate("<p>No metadata.</p>")).toBeNull();
    const hostile = "<script type=application/ld+json>".repeat(20_000) + "<meta name=date ".repeat(20_000);
    const t = performance.now();
    expect(htmlPublishedDate(hostile)).toBeNull();
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

describe("frontMatterDate", () => {
  it("reads published_at, published, date … in that order; a boolean `published` is a draft flag", () => {
    expect(frontMatterDate({ date: "2025-01-01", published_at: "2025-06-10" })).toEqual({
      value: "2025-06-10",
      from: "front matter published_at",
    });
    expect(frontMatterDate({ published: true, date: "2025-06-10" })).toEqual({ value: "2025-06-10", from: "front matter date" });
    expect(frontMatterDate({ published: "2025-06-09", date: "2025-06-10" })!.value).toBe("2025-06-09");
    expect(frontMatterDate({ date: new Date("2025-06-10T00:00:00Z") })!.value).toBe("2025-06-10T00:00:00.000Z");
    expect(frontMatterDate({ date: "soon" })).toBeNull();
    expect(frontMatterDate(null)).toBeNull();
  });
});

describe("checkArticle: the document's date when the caller gives none", () => {
  // A rule that holds only from 2025-07-01: its verdict shows the judging date used.
  const rs = rulesetOf({
    "t/t.dated.yaml": [
      "id: t.dated",
      "claim: CECOT is in El Salvador",
      "kind: place",
      "severity: major",
      "sources: [https://example.org]",
      "valid_from: 2025-07-01",
      "subject: [CECOT]",
      "country: SV",
      "examples: [{ text: CECOT is in Ecuador., expect: fail }, { text: CECOT is in El Salvador., expect: pass }]",
    ].join("\n"),
  });
  const html = page(`<meta property="article:published_time" content="2025-06-10T09:00:00Z">`, "<p>CECOT is in Ecuador.</p>");
  const md = "---\ndate: 2025-06-10\n---\nCECOT is in *Ecuador*.";

  it("HTML: judged as of its article:published_time", () => {
    const r = checkArticle({ html }, rs, { now: NOW });
    expect([r.as_of, r.published_at, r.published_at_source]).toEqual(["2025-06-10", "2025-06-10T09:00:00Z", "document"]);
    expect(r.verdicts[0]!.status).toBe("not_applicable");
  });

  it("Markdown: judged as of its front matter date", () => {
    const r = checkArticle({ markdown: md, publishedAt: null }, rs, { now: NOW });
    expect([r.as_of, r.published_at, r.published_at_source]).toEqual(["2025-06-10", "2025-06-10", "document"]);
    expect(r.text).toBe("CECOT is in Ecuador.");
  });

  it("the caller's publishedAt always wins", () => {
    for (const article of [{ html }, { markdown: md }]) {
      const r = checkArticle({ ...article, publishedAt: "2025-07-19" }, rs, { now: NOW });
      expect([r.as_of, r.published_at, r.published_at_source]).toEqual(["2025-07-19", "2025-07-19", "caller"]);
      expect(r.verdicts[0]!.status).toBe("fail");
    }
  });

  it("a caller's date that does not parse counts as none given", () => {
    const r = checkArticle({ markdown: md, publishedAt: "soon" }, rs, { now: NOW });
    expect([r.as_of, r.published_at_source]).toEqual(["2025-06-10", "document"]);
  });

  it("neither: judged as of now, source null; plain text is never searched for metadata", () => {
    const r = checkArticle({ text: "date: 2025-06-10\nCECOT is in Ecuador." }, rs, { now: NOW });
    expect([r.as_of, r.published_at, r.published_at_source]).toEqual(["2026-11-23", null, null]);
  });
});
