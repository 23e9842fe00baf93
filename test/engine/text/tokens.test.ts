import { describe, expect, it } from "vitest";
import { foldText } from "../../../src/engine/text/fold";
import { tokenize } from "../../../src/engine/text/tokens";

describe("tokenize", () => {
  it("splits words, digit runs and punctuation with offsets into the original", () => {
    const t = "Maiquetía’s 18th: US$6m 🗣️\nNext";
    const toks = tokenize(foldText(t));
    expect(toks.map((x) => [x.text, x.kind, t.slice(x.start, x.end)])).toEqual([
      ["maiquetia", "word", "Maiquetía"],
      ["'", "punct", "’"],
      ["s", "word", "s"],
      ["18", "number", "18"],
      ["th", "word", "th"],
      [":", "punct", ":"],
      ["us", "word", "US"],
      ["$", "punct", "$"],
      ["6", "number", "6"],
      ["m", "word", "m"],
      ["🗣", "punct", "🗣"],
      ["\uFE0F", "punct", "\uFE0F"],
      ["next", "word", "Next"],
    ]);
    expect(toks.map((x) => x.brk)).toEqual([false, false, false, false, false, false, false, false, false, false, false, false, true]);
  });
});
