// Statements whose subject is not in the value's own clause: the clause that names it sits before
// an aside, or a sentence before. Pack-free rules, so each case shows a general cause rather than
// a sentence of the CECOT pack.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: minor\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  // Like a building's opening date: judged only where the building is the clause's subject.
  "t/t.opened.yaml": `id: t.opened\n${COMMON}kind: date\ndate: 2023-01-31\nnear: { terms: [opened, abrió, se abrió, abierto], words: 4, side: before }\ncontext:\n  all:\n    - terms: [museum, museo]\n      scope: clause\n`,
});

const status = (text: string, rule: string, publishedAt = "2025-06-01") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

describe("a subject before an aside", () => {
  it("reaches a coordinated predicate over an aside and a resumed main verb (The museum, known as X, has … and opened …)", () => {
    expect(status("The museum, known as the Hall, has many rooms and opened in 2021.", "t.opened")).toBe("fail");
    expect(status("The museum, which sits by the river, has many rooms and opened in January 2023.", "t.opened")).toBe("pass");
  });
  it("does not give the subject to another thing's clause", () => {
    expect(status("The museum has many rooms, and the school opened in 2021.", "t.opened")).toBe("not_applicable");
  });
});

describe("a subject sentences before", () => {
  it("follows a chain of pronouns back to the sentence that names the thing (When did it open? It opened …)", () => {
    expect(status("We toured the museum last week.\n\nWhen did it open? It opened in 2021.", "t.opened")).toBe("fail");
    expect(status("We toured the museum last week.\n\nIt is large. It opened in January 2023.", "t.opened")).toBe("pass");
  });
  it("stops at a sentence that does not refer back", () => {
    expect(status("We toured the museum last week. The weather was fine.\n\nWhen did it open? It opened in 2021.", "t.opened")).toBe(
      "not_applicable",
    );
  });
  it("reads a Spanish verb with its subject left out as the sentence before's (Con …, se levantó)", () => {
    expect(status("Visitamos el museo de la ciudad. Con sus salas nuevas, se abrió en 2021 con una gran fiesta.", "t.opened")).toBe("fail");
    expect(status("Visitamos la escuela de la ciudad. Con sus salas nuevas, se abrió en 2021 con una gran fiesta.", "t.opened")).toBe(
      "not_applicable",
    );
  });
  it("reads an auxiliary opening the clause after a fronted phrase as a verb without its subject (Abierto en 2021, es …)", () => {
    expect(status("Visitamos el museo de la ciudad. Abierto en 2021, es hoy el más visitado.", "t.opened")).toBe("fail");
    expect(status("Visitamos la escuela de la ciudad. Abierto en 2021, es hoy el más visitado.", "t.opened")).toBe("not_applicable");
  });
});

describe("a timeline entry's heading", () => {
  it("reaches past the entry's subject to its verb (Enero de 2021 — El gobierno de la ciudad abrió el museo)", () => {
    expect(status("Enero de 2021 — El gobierno de la ciudad abrió el museo.", "t.opened")).toBe("fail");
    expect(status("Enero de 2023 — El gobierno de la ciudad abrió el museo.", "t.opened")).toBe("pass");
  });
});
