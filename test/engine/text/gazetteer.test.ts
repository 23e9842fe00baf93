import { describe, expect, it } from "vitest";
import { COUNTRIES, countryLexicon, findCountryMentions, spanishDemonymForms } from "../../../src/engine/text/gazetteer";

const found = (t: string): Array<[string, string, string]> =>
  findCountryMentions(t).map((m) => [t.slice(m.offset, m.offset + m.length), m.code, m.form]);

describe("gazetteer data", () => {
  it("covers the UN members, observers and common territories", () => {
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(215);
    const codes = new Set(COUNTRIES.map((c) => c.code));
    expect(codes.size).toBe(COUNTRIES.length);
    for (const code of ["SV", "VE", "EC", "HN", "US", "PS", "VA", "PR", "HK", "TW", "XK", "GL", "SS", "TL"]) expect(codes).toContain(code);
  });

  it("has both languages and all Spanish inflections", () => {
    const sv = COUNTRIES.find((c) => c.code === "SV");
    expect(sv).toMatchObject({ en: ["El Salvador"], es: ["El Salvador"] });
    expect(sv?.demonyms.en).toEqual(expect.arrayContaining(["Salvadoran", "Salvadorean", "Salvadorans"]));
    expect(sv?.demonyms.es).toEqual(["salvadoreño", "salvadoreña", "salvadoreños", "salvadoreñas"]);
    expect(spanishDemonymForms("francés")).toEqual(["francés", "francesa", "franceses", "francesas"]);
    expect(spanishDemonymForms("estadounidense")).toEqual(["estadounidense", "estadounidenses"]);
    expect(spanishDemonymForms("marroquí")).toEqual(["marroquí", "marroquíes", "marroquís"]);
    expect(spanishDemonymForms("alemán")).toEqual(["alemán", "alemana", "alemanes", "alemanas"]);
  });

  it("exposes a folded lexicon", () => {
    const lex = countryLexicon();
    expect(lex.get("ecuatoriana")).toEqual({ code: "EC", form: "demonym" });
    expect(lex.get("estados unidos")).toEqual({ code: "US", form: "name" });
    expect(lex.get("ee.uu.")).toEqual({ code: "US", form: "name" });
    expect(lex.get("hondureno")).toEqual({ code: "HN", form: "demonym" });
  });
});

describe("findCountryMentions", () => {
  it("names, possessives, demonyms and -based in English", () => {
    expect(found("a detention center in Ecuador, known as CECOT")).toEqual([["Ecuador", "EC", "name"]]);
    expect(found("due to changes in Ecuador’s immigration policies")).toEqual([["Ecuador", "EC", "possessive"]]);
    expect(found("the Ecuadorian government")).toEqual([["Ecuadorian", "EC", "demonym"]]);
    expect(found("an Ecuador-based group")).toEqual([["Ecuador", "EC", "based"]]);
    expect(found("Honduras' government and Hondurans")).toEqual([
      ["Honduras", "HN", "possessive"],
      ["Hondurans", "HN", "demonym"],
    ]);
  });

  it("Spanish names and inflected demonyms, case- and accent-insensitively", () => {
    expect(found("Los salvadoreños y las hondureñas llegaron a Estados Unidos")).toEqual([
      ["salvadoreños", "SV", "demonym"],
      ["hondureñas", "HN", "demonym"],
      ["Estados Unidos", "US", "name"],
    ]);
    expect(found("una cárcel ecuatoriana en Perú")).toEqual([
      ["ecuatoriana", "EC", "demonym"],
      ["Perú", "PE", "name"],
    ]);
  });

  it("recognises U.S. in all its spellings, but not the pronoun", () => {
    expect(found("deported from the U.S. by order")).toEqual([["U.S.", "US", "name"]]);
    expect(found("EE.UU., EE. UU., EE UU y EEUU")).toEqual([
      ["EE.UU.", "US", "name"],
      ["EE. UU.", "US", "name"],
      ["EE UU", "US", "name"],
      ["EEUU", "US", "name"],
    ]);
    expect(found("let us go to the USA")).toEqual([["USA", "US", "name"]]);
    expect(found("the U.S.-Venezuela talks")).toEqual([
      ["U.S.", "US", "name"],
      ["Venezuela", "VE", "name"],
    ]);
  });

  it("matches whole words and the longest name", () => {
    expect(found("Ecuadorianism and Ecuadorx")).toEqual([]);
    expect(found("South Sudan and Sudan")).toEqual([
      ["South Sudan", "SS", "name"],
      ["Sudan", "SD", "name"],
    ]);
    expect(found("Papua New Guinea")).toEqual([["Papua New Guinea", "PG", "name"]]);
  });

  it("ignores regions, languages, lowercase look-alikes and first names", () => {
    expect(found("the Central American Countries Operational Transfer")).toEqual([]);
    expect(found("New Mexico and Latin America")).toEqual([]);
    expect(found("Terrorism Confinement Center (CECOT, in Spanish)")).toEqual([]);
    expect(found("a turkey with chile sauce")).toEqual([]);
    expect(found("Jordan Peterson visited Jordan.")).toEqual([["Jordan", "JO", "name"]]);
    expect(found("former Spanish President")).toEqual([["Spanish", "ES", "demonym"]]);
  });

  it("offsets slice the original text", () => {
    const t = "📑 Llegaron a Maiquetía, Venezuela, desde El Salvador’s";
    for (const m of findCountryMentions(t)) expect(["Venezuela", "El Salvador"]).toContain(t.slice(m.offset, m.offset + m.length));
  });
});
