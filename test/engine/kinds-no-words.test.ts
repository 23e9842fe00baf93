// Issue 9's rule for the engine's layout: language knowledge lives in src/engine/lang/ tables and
// story vocabulary in packs, so no kind compares a token with an English or Spanish word literal.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const KINDS = join(__dirname, "../../src/engine/kinds");
// A token's text (or a word taken from it) compared with a lower-case word: `t.text === "of"`.
const WORD_COMPARISON = /\b(?:text|word|w)\s*[!=]==\s*"[\p{Ll}][\p{Ll}\p{M}' ]*"/gu;

describe("kinds hold no word lists", () => {
  it("compares no token with a word literal (words belong in the language tables)", () => {
    const found: string[] = [];
    for (const file of readdirSync(KINDS).filter((f) => /\.tsx?$/.test(f))) {
      const src = readFileSync(join(KINDS, file), "utf8");
      for (const m of src.matchAll(WORD_COMPARISON)) found.push(`${file}: ${m[0]}`);
    }
    expect(found).toEqual([]);
  });

  it("would catch one", () => {
    expect('if (t.text === "of") return;'.match(WORD_COMPARISON)).not.toBeNull();
    expect('if (t.text === "-") return;'.match(WORD_COMPARISON)).toBeNull();
  });
});
