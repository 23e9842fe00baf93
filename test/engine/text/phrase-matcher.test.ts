import { describe, expect, it } from "vitest";
import { foldText } from "../../../src/engine/text/fold";
import { compilePhrases, longestMatches } from "../../../src/engine/text/phrase-matcher";

function run(phrases: Array<[string, string]>, text: string): Array<[string, string]> {
  const m = compilePhrases(phrases.map(([id, phrase]) => ({ id, phrase })));
  return m.findAll(foldText(text)).map((x) => [x.id, text.slice(x.start, x.end)]);
}

describe("compilePhrases", () => {
  it("matches on word boundaries, case- and accent-insensitively", () => {
    expect(run([["c", "cecot"]], "CECOT, cecotx, xcecot, Cecot.")).toEqual([
      ["c", "CECOT"],
      ["c", "Cecot"],
    ]);
    expect(run([["m", "maiquetia"]], "en Maiquetía")).toEqual([["m", "Maiquetía"]]);
    expect(run([["c", "cecot"]], "cecot2 and 2cecot")).toEqual([]);
  });

  it("supports a trailing * for a word prefix", () => {
    expect(run([["d", "detain*"]], "detained, detainees and detain; not undetained")).toEqual([
      ["d", "detained"],
      ["d", "detainees"],
      ["d", "detain"],
    ]);
    expect(run([["p", "president trump*"]], "President Trump’s order")).toEqual([["p", "President Trump"]]);
  });

  it("matches multi-word phrases across flexible whitespace and hyphens, not across lines", () => {
    const phrases: Array<[string, string]> = [
      ["n", "Terrorism Confinement Center"],
      ["a", "anti terror"],
      ["u", "EE.UU."],
    ];
    expect(run(phrases, "the Terrorism\u00A0 Confinement-Center")).toEqual([["n", "Terrorism\u00A0 Confinement-Center"]]);
    expect(run(phrases, "the anti-terror unit")).toEqual([["a", "anti-terror"]]);
    expect(run(phrases, "los EE. UU.")).toEqual([["u", "EE. UU."]]);
    expect(run(phrases, "Terrorism Confinement\nCenter")).toEqual([]);
  });

  it("reports every phrase that matches, longest first at each start", () => {
    const got = run(
      [
        ["s", "salvador"],
        ["es", "el salvador"],
        ["es2", "El Salvador"],
      ],
      "El Salvador",
    );
    expect(got).toEqual([
      ["es", "El Salvador"],
      ["es2", "El Salvador"],
      ["s", "Salvador"],
    ]);
    const m = compilePhrases([
      { id: "a", phrase: "south sudan" },
      { id: "b", phrase: "sudan" },
    ]);
    expect(longestMatches(m.findAll("south sudan")).map((x) => x.id)).toEqual(["a"]);
  });

  it("rejects a phrase with nothing to match", () => {
    expect(() => compilePhrases([{ id: "x", phrase: "  " }])).toThrow(/nothing to match/);
  });

  it("compiles 5,000 phrases into one matcher that still finds the right ones", () => {
    const entries = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, phrase: `subject${i} term${i % 97}` }));
    entries.push({ id: "cecot", phrase: "CECOT" }, { id: "wild", phrase: "venezolan*" });
    const m = compilePhrases(entries);
    expect(m.size).toBe(5002);
    const text = foldText("Los venezolanos del CECOT; subject4321 term53 y subject4321 term54. ".repeat(200));
    const hits = m.findAll(text);
    expect(new Set(hits.map((h) => h.id))).toEqual(new Set(["cecot", "wild", "r4321"]));
    expect(hits.filter((h) => h.id === "r4321")).toHaveLength(200);
  });
});
