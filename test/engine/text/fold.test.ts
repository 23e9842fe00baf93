import { describe, expect, it } from "vitest";
import { foldTerm, foldText } from "../../../src/engine/text/fold";

describe("foldText", () => {
  it("keeps the length in UTF-16 code units", () => {
    for (const s of [
      "Maiquetía",
      "Nicolás Maduro",
      "“anti-terror” facility",
      "EL SALVADOR’S",
      '🗣️ "Esta" 📑',
      "ß İ Ø —",
      "a\u00A0b\u2009c",
    ]) {
      expect(foldText(s)).toHaveLength(s.length);
    }
  });

  it("strips case and diacritics", () => {
    expect(foldText("Maiquetía")).toBe("maiquetia");
    expect(foldText("Nicolás")).toBe("nicolas");
    expect(foldText("ÁÉÍÓÚ Ñ ç ü")).toBe("aeiou n c u");
    expect(foldText("İstanbul")).toBe("istanbul");
    expect(foldText("Straße")).toBe("strase");
  });

  it("normalises typographic punctuation and spaces", () => {
    expect(foldText("‘a’ “b” „c‟ «d» ‚e‛")).toBe(`'a' "b" "c" "d" 'e'`);
    expect(foldText("72–75 — 3−1")).toBe("72-75 - 3-1");
    expect(foldText("a\u00A0b\u202Fc\u2009d")).toBe("a b c d");
  });

  it("leaves emoji (surrogate pairs) intact", () => {
    expect(foldText("📑 Migrante")).toBe("📑 migrante");
  });

  it("offsets found in folded text slice the original exactly", () => {
    const original = "Llegaron a Maiquetía el viernes; “Nicolás” habló 🗣️ en MAIQUETÍA.";
    const folded = foldText(original);
    const at = folded.indexOf("maiquetia");
    expect(original.slice(at, at + 9)).toBe("Maiquetía");
    const last = folded.lastIndexOf("maiquetia");
    expect(original.slice(last, last + 9)).toBe("MAIQUETÍA");
    const n = folded.indexOf("nicolas");
    expect(original.slice(n, n + 7)).toBe("Nicolás");
  });
});

describe("foldTerm", () => {
  it("folds, trims and collapses whitespace", () => {
    expect(foldTerm("  Centro de   Confinamiento\tdel Terrorismo ")).toBe("centro de confinamiento del terrorismo");
  });
  it("folds decomposed accents too", () => {
    expect(foldTerm("Nicola\u0301s")).toBe("nicolas");
  });
});
