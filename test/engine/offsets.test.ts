// Offsets are UTF-16 code units into the original text: text.slice(offset, offset + length)
// === quote for every piece of evidence, with accents, curly quotes and astral characters.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../src/engine";
import { NOW, packRuleset, ROOT } from "./helpers";

const rs = packRuleset();
const check = (text: string, publishedAt: string | null = "2025-07-19") => checkArticle({ text, publishedAt }, rs, { now: NOW });
const allEvidence = (text: string, publishedAt?: string | null) =>
  check(text, publishedAt).verdicts.flatMap((v) => v.evidence.map((e) => ({ ...e, rule: v.rule })));

describe("offsets", () => {
  it("hold for every evidence of every seed", () => {
    for (const f of readdirSync(join(ROOT, "seeds")).filter((f) => f.endsWith(".txt"))) {
      const text = readFileSync(join(ROOT, "seeds", f), "utf8");
      for (const e of allEvidence(text, null)) expect(text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    }
  });

  it("survive accents, curly quotes and an emoji before the evidence", () => {
    const text =
      "🇻🇪🎉 “Bienvenidos”, dijo Nicolás. Los migrantes aterrizaron en Maiquetía. Hundreds of men were held at a prison in Ecuador, known as CECOT. Former President Donald Trump’s officials said so.";
    const ev = allEvidence(text);
    for (const e of ev) expect(text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    const country = ev.find((e) => e.rule === "cecot.country")!;
    expect(country.quote).toBe("a prison in Ecuador, known as CECOT");
    expect(country.offset).toBe(text.indexOf("a prison in Ecuador"));
    const role = ev.find((e) => e.rule === "role.trump")!;
    expect(role.quote).toBe("Former President Donald Trump");
    const airport = ev.find((e) => e.rule === "arrival.airport")!;
    expect(airport.quote).toBe("Maiquetía");
  });

  it("match without diacritics but report the original spelling", () => {
    const text = "Venezuelan President Nicolas Maduro greeted them in Maiquetia after they landed at Maiquetia.";
    const ev = allEvidence(text);
    expect(ev.find((e) => e.rule === "role.maduro")!.quote).toBe("Venezuelan President Nicolas Maduro");
    const t2 = "El presidente venezolano Nicolás Maduro los recibió.";
    expect(allEvidence(t2).find((e) => e.rule === "role.maduro")!.quote).toBe("presidente venezolano Nicolás Maduro");
  });

  it("point into the text derived from HTML (returned as result.text)", () => {
    const html = "<p>Salvadoran&nbsp;officials</p><p>The men were held at a prison in <b>Ecuador</b>, known as CECOT.</p>";
    const r = checkArticle({ html, publishedAt: "2025-07-19" }, rs, { now: NOW });
    const v = r.verdicts.find((x) => x.rule === "cecot.country")!;
    expect(v.status).toBe("fail");
    for (const e of v.evidence) expect(r.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    expect(r.text).not.toMatch(/<b>/);
  });
});
