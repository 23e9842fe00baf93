// Hard-wrapped text: a break after a long line and before a lower-case word is a wrap (a space), so
// sentences, numbers and dates read across it; offsets never move.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { unwrapSoftBreaks } from "../../../src/engine/text/soft-wrap";
import { NOW, rulesetOf } from "../helpers";

describe("unwrapSoftBreaks", () => {
  it("turns a wrap into a space and keeps every offset", () => {
    const text = "Under an arrangement with Washington, El Salvador was to receive about $6\nmillion to hold the men.";
    const out = unwrapSoftBreaks(text);
    expect(out).toBe(text.replace("\n", " "));
    expect(out.length).toBe(text.length);
    const crlf = "Under an arrangement with Washington, El Salvador was to receive about $6\r\nmillion.";
    expect(unwrapSoftBreaks(crlf)).toBe(crlf.replace("\r\n", "  "));
  });
  it("joins a wrapped bullet's indented continuation", () => {
    const text = "- **Opened:** Inaugurated by the president on 31 January 2023. First\n  inmates transferred 24 February 2023.";
    expect(unwrapSoftBreaks(text)).toBe(text.replace("\n", " "));
  });
  it("keeps the breaks of headlines, short lines, bullets and lines that start upper-case", () => {
    for (const text of [
      "A short headline\nthen lower-case text.",
      "Venezuelans freed from El Salvador prison in U.S. swap\n\nthe men landed on Friday.",
      "A long first line that ends a paragraph with no full stop at all\nNext paragraph starts upper-case.",
      "A long first line that introduces a list of things below it here:\n- first item",
    ])
      expect(unwrapSoftBreaks(text)).toBe(text);
  });
});

describe("hard-wrapped text", () => {
  const lines = [
    "It has now been nearly four weeks since three planes left Texas on Saturday,",
    "March 15, carrying men the administration says are members of a gang. They",
    "landed overnight and were taken straight to the prison on the outskirts of town.",
    "Quick refresher on the legal basis: the President invoked the Alien Enemies",
    "Act of 1789, a statute last used to intern Japanese, German and Italian people",
    "during the Second World War. A federal judge ordered the planes turned around.",
  ];
  it("joins a line that fills the column before an upper-case word (the Alien Enemies / Act of 1789)", () => {
    const text = lines.join("\n");
    // A line that ends a sentence keeps its break.
    expect(unwrapSoftBreaks(text)).toBe(`${lines.slice(0, 3).join(" ")}\n${lines.slice(3).join(" ")}`);
  });
  it("keeps the breaks of a table's rows and of a text that is not hard-wrapped", () => {
    const table = [
      ...lines,
      "  Venezuelans released to Venezuela, July 18  252      Venezuelan government",
      "  Americans freed by Venezuela in exchange    10       State Department",
    ];
    expect(unwrapSoftBreaks(table.join("\n")).endsWith(table.slice(-2).join("\n"))).toBe(true);
    const long = "A long first line that ends a paragraph with no full stop at all\nNext paragraph starts upper-case.";
    expect(unwrapSoftBreaks(long)).toBe(long);
  });
});

describe("checking wrapped text", () => {
  const rs = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.fee.yaml": `id: t.fee\nclaim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: quantity\nunit: money\ncurrency: USD\nvalue: 6000000\ncontext:\n  all:\n    - terms: [receive, payment]\n`,
  });
  it("reads an amount across a wrap ('about $6' / 'million')", () => {
    const text = "Under an arrangement with Washington, El Salvador was to receive about $6\nmillion to hold the men for one year.";
    const result = checkArticle({ text, publishedAt: "2025-06-01" }, rs, { now: NOW });
    expect(result.text).toBe(text);
    const v = result.verdicts[0]!;
    expect(v.status).toBe("pass");
    // The result keeps the text as sent: the quote is its slice, line break and all.
    expect(v.evidence[0]!.quote).toBe("$6\nmillion");
    expect(text.slice(v.evidence[0]!.offset, v.evidence[0]!.offset + v.evidence[0]!.length)).toBe("$6\nmillion");
  });
});
