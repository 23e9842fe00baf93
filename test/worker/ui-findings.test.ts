// The rewrite shown in "To fix": the smallest whole-word edit that applies the suggestion, cut
// out of its sentence, on non-ASCII text too. Offsets are UTF-16 code units, as everywhere.
import { describe, expect, it } from "vitest";
import type { Evidence } from "../../src/engine";
import { splitSentences } from "../../src/engine/text/segment";
import { rewrite, rewriteQuote } from "../../src/ui/findings";
import type { Note } from "../../src/lib/highlight";

function note(text: string, quote: string, extra: Partial<Evidence>): Note {
  const offset = text.indexOf(quote);
  const evidence: Evidence = {
    offset,
    length: quote.length,
    quote,
    found: null,
    expected: null,
    replacements: [],
    attribution: "article",
    ...extra,
  };
  return { n: 1, rule: "r", status: "fail", tone: "fail", evidence, located: offset >= 0, focus: null };
}

describe("rewrite", () => {
  it("replaces the found value inside the quote and keeps the sentence around it (“Maiquetía”, curly quotes)", () => {
    const text = "Nicolás dijo: “llegaron.” Los hombres aterrizaron en Maiquetía el viernes. Otra frase.";
    const n = note(text, "aterrizaron en Maiquetía", { found: "Maiquetía", replacements: ["Caracas"] });
    expect(rewrite(text, splitSentences(text), n)).toEqual({
      before: "Los hombres aterrizaron en ",
      old: "Maiquetía",
      new: "Caracas",
      after: " el viernes.",
    });
  });

  it("strikes whole words, never half a number or half a name", () => {
    expect(
      rewriteQuote({
        offset: 0,
        length: 7,
        quote: "253 men",
        found: "253",
        expected: "252",
        replacements: ["252"],
        attribution: "article",
      }),
    ).toEqual({ before: "", old: "253", new: "252", after: " men" });
    expect(
      rewriteQuote({
        offset: 0,
        length: 18,
        quote: "Nicolás Maduro Jr.",
        found: null,
        expected: null,
        replacements: ["Nicolás Maduro"],
        attribution: "article",
      }),
    ).toEqual({ before: "Nicolás Maduro", old: " Jr.", new: "", after: "" });
  });

  it("shows an insertion alone, and the quote alone when there is no suggestion", () => {
    expect(
      rewriteQuote({
        offset: 0,
        length: 15,
        quote: "President Trump",
        found: null,
        expected: null,
        replacements: ["former President Trump"],
        attribution: "article",
      }),
    ).toEqual({ before: "", old: "", new: "former ", after: "President Trump" });
    expect(
      rewriteQuote({ offset: 0, length: 5, quote: "CECOT", found: null, expected: null, replacements: [], attribution: "article" }),
    ).toEqual({ before: "", old: "CECOT", new: null, after: "" });
  });

  it("shortens a very long sentence around the quote", () => {
    const text = `${"word ".repeat(200)}the prison in Ecuador ${"more ".repeat(200)}end.`;
    const r = rewrite(text, splitSentences(text), note(text, "the prison in Ecuador", { found: "Ecuador", replacements: ["El Salvador"] }));
    expect(r.before.startsWith("…")).toBe(true);
    expect(r.after.endsWith("…")).toBe(true);
    expect(r.before.length + r.after.length).toBeLessThan(360);
    expect(r.old).toBe("Ecuador");
  });
});
