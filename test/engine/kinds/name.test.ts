// The name kind with a small pack-free rule: an expansion attached to the acronym is compared by
// its words; any other fails, one word away goes to review, a lower-case description fails only
// with a rejected word.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: name\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.name.yaml": `id: t.name\n${COMMON}acronym: [NOAA]\naccept: [National Oceanic and Atmospheric Administration, Administración Nacional Oceánica y Atmosférica]\nreject: [space*, weather service]\n`,
});

const verdict = (text: string) =>
  checkArticle({ text, publishedAt: "2024-06-01" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "t.name")!;
const status = (text: string) => verdict(text).status;

describe("name: expansions are compared by their words", () => {
  it("does not read a place and what follows it as an expansion (NOAA in El Salvador on March 16)", () => {
    expect(status("The team flew to NOAA in El Salvador on March 16.")).toBe("not_applicable");
    expect(status("The team flew to NOAA, the Salvador Ocean Agency, on March 16.")).toBe("fail");
  });
  it("passes an accepted expansion in every attachment shape", () => {
    expect(status("The National Oceanic and Atmospheric Administration (NOAA) issued a warning.")).toBe("pass");
    expect(status("NOAA (National Oceanic and Atmospheric Administration) issued a warning.")).toBe("pass");
    expect(status("NOAA, short for the National Oceanic and Atmospheric Administration, issued a warning.")).toBe("pass");
    expect(status("La Administración Nacional Oceánica y Atmosférica, conocida como NOAA, emitió una alerta.")).toBe("pass");
  });
  it("takes an accepted name written without the acronym as confirming it", () => {
    expect(status("The National Oceanic and Atmospheric Administration issued a warning.")).toBe("pass");
    expect(status("the national oceanic and atmospheric administration, in lower case, is no name.")).toBe("not_applicable");
  });
  it("fails any other expansion, listed or not", () => {
    expect(status("The National Ocean Research Agency (NOAA) issued a warning.")).toBe("fail");
    expect(status("The Northern Alliance of Amateur Astronomers, known as NOAA, met.")).toBe("fail");
  });
  it("reads 'known by its acronym' as naming", () => {
    expect(status("The Northern Ocean Agency, known by its English acronym NOAA, issued a warning.")).toBe("fail");
    expect(status("La Agencia Marina del Norte, conocida por sus siglas en inglés NOAA, emitió una alerta.")).toBe("fail");
  });
  it("reads a coordinator and an article right after the run as a list, not an expansion (NOAA, the Clean Air Act and the men …)", () => {
    expect(status("NOAA, the Clean Air Act and the men sent to sea: your questions, answered")).toBe("not_applicable");
    expect(status("NOAA, la Ley de Aire Limpio y los hombres enviados al mar: sus preguntas")).toBe("not_applicable");
    expect(status("NOAA, the Clean Air Agency, answered questions.")).toBe("fail");
  });
  it("does not read a title-case headline as an expansion", () => {
    expect(status("NOAA, the Agency That Tracks Storms Across America")).toBe("not_applicable");
    expect(status("NOAA, the Agency for Space Weather Care")).toBe("fail");
  });
  it("sends an expansion one word away to review", () => {
    expect(status("The National Oceanic and Atmospheric Agency (NOAA) issued a warning.")).toBe("review");
  });
  it("suggests the accepted expansion closest to the one found (its language)", () => {
    const v = verdict("La Agencia Nacional Oceánica de Pesca (NOAA) emitió una alerta.");
    expect(v.status).toBe("fail");
    expect(v.evidence[0]!.replacements).toEqual(["Administración Nacional Oceánica y Atmosférica"]);
  });
  it("fails a lower-case description only with a rejected word", () => {
    expect(status("The agency's space office (NOAA) issued a warning.")).toBe("fail");
    expect(status("The federal agency (NOAA) issued a warning.")).toBe("not_applicable");
  });
  it("does not take a possessor or a country for an expansion", () => {
    expect(status("NOAA, Washington's main forecaster, issued a warning.")).toBe("not_applicable");
    expect(status("An office in Peru, known as NOAA, opened.")).toBe("not_applicable");
  });
});

describe("name: an expansion in apposition after a comma", () => {
  it("reads a titled run that opens like an accepted expansion", () => {
    expect(status("NOAA, National Oceanic and Space Agency, issued a warning.")).toBe("fail");
    expect(status("La NOAA, Administración Nacional de Pesca, emitió una alerta.")).toBe("fail");
    expect(status("NOAA, National Oceanic and Atmospheric Administration, issued a warning.")).toBe("pass");
  });
  it("does not read any capitalised run after a comma as one", () => {
    expect(status("NOAA, President Smith said, issued a warning.")).toBe("not_applicable");
  });
});

describe("name: what the place is for, and where the acronym is named", () => {
  const rs2 = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.name.yaml": `id: t.name\n${COMMON}acronym: [NOAA]\naccept: [National Oceanic and Atmospheric Administration]\nessential: [ocean*]\n`,
  });
  const status2 = (text: string) => checkArticle({ text, publishedAt: "2024-06-01" }, rs2, { now: NOW }).verdicts[0]!.status;
  it("fails an expansion one word off that drops every essential word, and reviews one that keeps it", () => {
    expect(status2("NOAA stands for National Orbital and Atmospheric Administration.")).toBe("fail");
    expect(status2("NOAA stands for National Oceanic and Atmospheric Agency.")).toBe("review");
  });
  it("does not take a sentence with lower-case words around the expansion for a headline", () => {
    expect(status("NOAA stands for National Space and Atmospheric Administration.")).toBe("fail");
  });
  it("does not read a list after the acronym as its expansion (NOAA, the Weather Service and the Navy)", () => {
    expect(status("Explainer: NOAA, the Space Agency and the Navy at sea.")).toBe("not_applicable");
  });
  it("reads 'son las siglas de' as a lead-in", () => {
    expect(status("NOAA son las siglas de Agencia Nacional del Espacio.")).toBe("fail");
  });
  it("reads words about the acronym between it and its lead-in (NOAA, in English, stands for …)", () => {
    expect(status("NOAA, in English, stands for National Space Agency.")).toBe("fail");
  });
  it("reads 'the acronym' opening the next sentence as the acronym the sentence before names", () => {
    expect(status("This is NOAA. The acronym stands for National Space Agency.")).toBe("fail");
    expect(status("This is NOAA.\n\nThe acronym stands for National Space Agency.")).toBe("not_applicable");
  });
  it("does not read the next clause's subject after a comma as an apposition (… del NOAA, el Servicio Espacial es …)", () => {
    expect(status("Para los retirados del NOAA, el Servicio Espacial es una etiqueta.")).toBe("not_applicable");
    expect(status("Para los retirados del NOAA, el Servicio Espacial, es una etiqueta.")).toBe("fail");
    expect(status("NOAA — the National Space Agency — was not built for this.")).toBe("fail");
  });
  it("does not take an acronym modifying a noun as named by the run before it (the so-called NOAA class)", () => {
    expect(status("The men sued under the Space Weather Act — the so-called NOAA class — won.")).toBe("not_applicable");
    expect(status("The National Space Agency, known as NOAA, won.")).toBe("fail");
  });
  it("reads 'better known by its acronym' and 'más conocido por sus siglas' as naming the run before", () => {
    expect(status("They work at the National Space Agency, better known by its English acronym, NOAA, in Maryland.")).toBe("fail");
    expect(status("Trabajan en la Agencia Espacial Nacional, más conocida por sus siglas, NOAA.")).toBe("fail");
  });
});

describe("name: 'call X Y' is a verb, not a naming", () => {
  it("does not read the subject of 'called NOAA a …' as the expansion", () => {
    expect(status('Senator John Smith called NOAA a "national disgrace" on Friday.')).toBe("not_applicable");
    expect(status("Commerce Secretary Jane Doe called NOAA the best agency in Washington.")).toBe("not_applicable");
    // Naming, with no second object after the acronym, is still judged.
    expect(status("The Weather Service Office, called NOAA, issued a warning.")).toBe("fail");
  });
});
