import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { markdownToText, splitFrontMatter } from "../../../src/engine/text/markdown";
import { NOW, packRuleset } from "../helpers";

const text = (md: string) => markdownToText(md).text;

describe("markdownToText", () => {
  it("reduces emphasis, strong, links, code spans and headings to their text, paragraphs kept", () => {
    const md =
      '# The *CECOT* case\n\nThe **252** men were [released](https://example.org/a?b=1&c=2 "t") on `July 18`.\nThey ~~arrived~~ landed in _Maiquetía_.';
    expect(text(md)).toBe("The CECOT case\n\nThe 252 men were released on July 18. They arrived landed in Maiquetía.");
  });

  it("list items, blockquotes and table rows are paragraphs; cells separated by a space", () => {
    const md = "- one **a**\n- two\n  1. nested\n\n> quoted\n> still\n\n| Fact | Value |\n|---|---|\n| Capacity | 40,000 |\n";
    expect(text(md)).toBe("one a\n\ntwo\n\nnested\n\nquoted still\n\nFact Value\n\nCapacity 40,000");
  });

  it("hard breaks are line breaks; soft breaks read as spaces (as rendered)", () => {
    expect(text("One  \nTwo\\\nThree<br>Four\nFive")).toBe("One\nTwo\nThree\nFour Five");
  });

  it("decodes character references and backslash escapes; drops images, inline HTML tags and link definitions", () => {
    const md =
      'Caf&eacute; \\*not emphasis\\* &amp; <span class="x">CECOT</span> ![a photo](p.jpg)\n\n[ref]: https://example.org\n\n<div>\n<p>Block &amp; HTML</p>\n</div>';
    expect(text(md)).toBe("Café *not emphasis* & CECOT\n\nBlock & HTML");
  });

  it("keeps autolinks literally", () => {
    expect(text("See <https://example.org/?a&amp;b> and www.example.com.")).toBe("See https://example.org/?a&amp;b and www.example.com.");
  });

  it("keeps code blocks, one line per source line (a fact typed there is still published)", () => {
    expect(text("Before\n\n```\nOpened    2023\nCapacity  40,000\n```\n\n    indented line\n\nAfter")).toBe(
      "Before\n\nOpened 2023\nCapacity 40,000\n\nindented line\n\nAfter",
    );
  });

  it("front matter is metadata, not text", () => {
    const md = '---\ntitle: "CECOT in Ecuador"\ndate: 2025-06-10\ntags: [a, b]\n---\n# Heading\n\nBody.';
    const r = markdownToText(md);
    expect(r.text).toBe("Heading\n\nBody.");
    expect(r.frontMatter).toEqual({ title: "CECOT in Ecuador", date: "2025-06-10", tags: ["a", "b"] });
  });

  it("a leading block that is not a YAML map stays text", () => {
    expect(splitFrontMatter("---\njust a line: : [\n---\nText").frontMatter).toBeNull();
    expect(splitFrontMatter("---\n- a\n- b\n---\nText").frontMatter).toBeNull();
    expect(splitFrontMatter("Text\n---\ndate: 2025-01-01\n---\n").frontMatter).toBeNull();
    const prose = markdownToText("---\nCECOT is in Ecuador: a report\n---\nText");
    expect(prose.frontMatter).toBeNull();
    expect(prose.text).toContain("CECOT is in Ecuador: a report");
  });

  it("deep nesting neither throws nor hides the text after it (the parser drops what lies past its nesting limit)", () => {
    const tail = "\n\nCECOT is in Ecuador.";
    const docs = [
      "> ".repeat(5000) + "a" + tail,
      "- ".repeat(5000) + "a" + tail,
      "> 1. - * + ".repeat(1000) + "a" + tail,
      Array.from({ length: 300 }, (_, i) => "  ".repeat(i) + "- a").join("\n") + tail,
      Array.from({ length: 300 }, (_, i) => "> ".repeat(i + 1) + "a").join("\n") + tail,
      "*".repeat(20_000) + "a" + "*".repeat(20_000) + tail,
      "*_".repeat(20_000) + tail,
    ];
    for (const md of docs) {
      const t = performance.now();
      expect(text(md).endsWith("CECOT is in Ecuador.")).toBe(true);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });

  it("an empty or markup-only document gives empty text", () => {
    expect(text("")).toBe("");
    expect(text("---\n\n![x](y.png)\n\n[r]: https://e.org")).toBe("");
  });
});

describe("checkArticle with markdown", () => {
  const rs = packRuleset();
  const judge = (markdown: string) => checkArticle({ markdown, publishedAt: "2025-06-10" }, rs, { now: NOW });

  for (const md of [
    "CECOT in *Ecuador*.",
    "**CECOT** in Ecuador.",
    "[CECOT](https://x) in Ecuador.",
    'CECOT in [*Ecuador*](https://x "t").',
  ]) {
    it(`fails cecot.country like plain text: ${JSON.stringify(md)}`, () => {
      const plain = checkArticle({ text: "CECOT in Ecuador.", publishedAt: "2025-06-10" }, rs, { now: NOW });
      const r = judge(md);
      expect(r.text).toBe("CECOT in Ecuador.");
      const v = r.verdicts.find((x) => x.rule === "cecot.country")!;
      expect(v.status).toBe("fail");
      expect(v.evidence.map((e) => [e.offset, e.length, e.quote])).toEqual(
        plain.verdicts.find((x) => x.rule === "cecot.country")!.evidence.map((e) => [e.offset, e.length, e.quote]),
      );
    });
  }

  it("offsets point into result.text across accents, emoji and stripped markup", () => {
    const md = "# Nicolás 🇻🇪 *Maiquetía* 😀\n\n**Bukele’s** prison, [CECOT](https://x), is in *Ecuador* — “a _megacárcel_”.";
    const r = judge(md);
    expect(r.text).toBe("Nicolás 🇻🇪 Maiquetía 😀\n\nBukele’s prison, CECOT, is in Ecuador — “a megacárcel”.");
    const fails = r.verdicts.filter((v) => v.status === "fail");
    expect(fails.map((v) => v.rule)).toContain("cecot.country");
    for (const v of r.verdicts) for (const e of v.evidence) expect(r.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    const e = fails.find((v) => v.rule === "cecot.country")!.evidence[0]!;
    expect(e.quote).toContain("Ecuador");
  });

  it("text wins over html and markdown; markdown is used when it is the only body", () => {
    expect(checkArticle({ text: "plain", markdown: "*md*" }, rs, { now: NOW }).text).toBe("plain");
    expect(checkArticle({ html: "<p>html</p>", markdown: "*md*" }, rs, { now: NOW }).text).toBe("html");
    expect(checkArticle({ markdown: "*md*" }, rs, { now: NOW }).text).toBe("md");
  });
});
