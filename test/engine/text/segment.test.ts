import { describe, expect, it } from "vitest";
import { findQuotes, isInQuote, splitSentences } from "../../../src/engine/text/segment";

const sentences = (t: string): string[] => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe("splitSentences", () => {
  it("does not split after U.S., titles, initials or decimals", () => {
    const t =
      "They had been detained after being deported from the U.S. by order of President Donald Trump. " +
      "Chief Judge James E. Boasberg ruled. Gen. Smith and Dr. Ruiz met Sen. Paz. The U.S. agreed to pay $4.76 million. " +
      "Los EE.UU. pagaron y E.E.U.U. también. La Sra. Rodríguez habló.";
    expect(sentences(t)).toEqual([
      "They had been detained after being deported from the U.S. by order of President Donald Trump.",
      "Chief Judge James E. Boasberg ruled.",
      "Gen. Smith and Dr. Ruiz met Sen. Paz.",
      "The U.S. agreed to pay $4.76 million.",
      "Los EE.UU. pagaron y E.E.U.U. también.",
      "La Sra. Rodríguez habló.",
    ]);
  });

  it("splits after an abbreviation when a clear sentence starter follows", () => {
    expect(sentences("The money came from the U.S. The men were freed at 3 p.m. They flew home.")).toEqual([
      "The money came from the U.S.",
      "The men were freed at 3 p.m.",
      "They flew home.",
    ]);
  });

  it("splits at ! ? and closing quotes, keeps quotes with their sentence", () => {
    expect(sentences("Good riddance! The U.S. is welcomed. “We went,” he said. “Who?” Nobody knew.")).toEqual([
      "Good riddance!",
      "The U.S. is welcomed.",
      "“We went,” he said.",
      "“Who?”",
      "Nobody knew.",
    ]);
  });

  it("keeps an ellipsis inside a quotation", () => {
    const t = "“Since he was left out of this negotiation … They took revenge,” Cabello stated.";
    expect(sentences(t)).toEqual([t]);
  });

  it("ends sentences and paragraphs at every line break", () => {
    const t = "Headline Without Period\n\nFirst line. Second line.\n- Bullet one\n- Bullet two";
    const s = splitSentences(t);
    expect(s.map((x) => t.slice(x.start, x.end))).toEqual([
      "Headline Without Period",
      "First line.",
      "Second line.",
      "- Bullet one",
      "- Bullet two",
    ]);
    expect(s.map((x) => x.paragraph)).toEqual([0, 1, 1, 2, 3]);
  });

  it("trims whitespace and reports exact offsets on non-ASCII text", () => {
    const t = "  Llegaron a Maiquetía.  Nicolás habló 🗣️.  ";
    const s = splitSentences(t);
    expect(s).toEqual([
      { start: 2, end: 23, paragraph: 0 },
      { start: 25, end: t.length - 2, paragraph: 0 },
    ]);
  });
});

describe("findQuotes", () => {
  const quoted = (t: string): string[] => findQuotes(t).map((s) => t.slice(s.start, s.end));

  it("finds curly, straight and guillemet quotations", () => {
    expect(quoted(`He said “we left” and "they stayed" and «ellos volvieron».`)).toEqual(["we left", "they stayed", "ellos volvieron"]);
  });

  it("tells single quotation marks from apostrophes", () => {
    expect(quoted("Ecuador’s government and Trump’s policy")).toEqual([]);
    expect(quoted("in El Salvador’s CECOT ‘concentration camp!’ and the migrants’ arrival")).toEqual(["concentration camp!"]);
    expect(quoted("the so-called 'anti-terror' prison, don't")).toEqual(["anti-terror"]);
  });

  it("spans sentences but never paragraphs; an open quote closes at the paragraph end", () => {
    const t = "“The world needs to know. They took revenge,” he said.\n“Unclosed quote here\nNext paragraph.";
    expect(quoted(t)).toEqual(["The world needs to know. They took revenge,", "Unclosed quote here"]);
  });

  it("isInQuote checks containment with binary search", () => {
    const t = `A “former President” said B. Then “another one”.`;
    const spans = findQuotes(t);
    const at = t.indexOf("former");
    expect(isInQuote(spans, at, "former President".length)).toBe(true);
    expect(isInQuote(spans, at - 1, "“former President”".length)).toBe(true);
    expect(isInQuote(spans, t.indexOf("said"), 4)).toBe(false);
    expect(isInQuote(spans, t.indexOf("another"), 7)).toBe(true);
    expect(isInQuote([], 0, 1)).toBe(false);
  });
});

describe("segmentation stays linear", () => {
  it("many lines without a terminator or quotation mark before a far one", () => {
    const t = `${"word word word\n".repeat(60_000)}End. Now "quoted".`;
    const s = performance.now();
    const sentences = splitSentences(t);
    expect(performance.now() - s).toBeLessThan(2000);
    expect(sentences.length).toBe(60_002); // the lines, "End." and "Now …"
    expect(findQuotes(t)).toHaveLength(1);
  });
});
