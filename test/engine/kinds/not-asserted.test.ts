// Values the text names without asserting them as the fact: asked in a question, set aside in a
// contrast ("forty thousand, not sixty"). Pack-free rules, so each case shows a general cause
// rather than a sentence of the CECOT pack.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.freed_on.yaml": `id: t.freed_on\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [released, freed, swap, canje, liberados]\n`,
  "t/t.expelled.yaml": `id: t.expelled\n${COMMON}kind: quantity\nunit: count\nvalue: 40\nnear: { terms: [men, hombres], words: 2, side: after }\nevent:\n  terms: [expelled, expulsó, expulsados]\ncontext:\n  none:\n    - terms: [under the decree, en aplicación del decreto]\n      scope: clause\n`,
  "t/t.fee.yaml": `id: t.fee\n${COMMON}kind: quantity\nunit: money\ncurrency: USD\nvalue: 5000000\ncontext:\n  all:\n    - terms: [paid, payment, pago]\n`,
  "t/t.beds.yaml": `id: t.beds\n${COMMON}kind: quantity\nunit: count\nvalue: 4000\nnear: { terms: [capacity of, capacidad de], words: 3, side: before }\n`,
});

const status = (text: string, rule: string, publishedAt = "2024-06-03") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

describe("a question asks, it does not state", () => {
  it("does not judge a value inside a direct question", () => {
    expect(status("Is this related to the swap in January 2024? Only loosely.", "t.freed_on")).toBe("not_applicable");
    expect(status("¿Fueron liberados en enero de 2024? No.", "t.freed_on")).toBe("not_applicable");
    expect(status("Does the prison have a capacity of 6,000 inmates? Officials say so.", "t.beds")).toBe("not_applicable");
    // The same words stated are judged.
    expect(status("This is related to the swap in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("The prison has a capacity of 6,000 inmates.", "t.beds")).toBe("fail");
  });
  it("judges a statement that a question follows after a colon", () => {
    expect(status("The men were freed on January 12, 2024, and one doubt remained: could they return?", "t.freed_on")).toBe("fail");
    expect(status("Según el fiscal, los presos fueron liberados en enero de 2024. ¿Y ahora qué?", "t.freed_on")).toBe("fail");
  });
});

describe("a value set aside", () => {
  it("does not judge the value a negation rejects (4,000, not 6,000)", () => {
    expect(status("The prison has a capacity of 4,000, not 6,000.", "t.beds")).toBe("pass");
    expect(status("The prison has a capacity of 6,000, not 4,000.", "t.beds")).toBe("fail");
  });
  it("reads fillers between the negation and the value (no evidence of any …, no secret …)", () => {
    expect(status("We found no evidence of any $60 million payment.", "t.fee")).toBe("not_applicable");
    expect(status("There was no secret $60 million payment.", "t.fee")).toBe("not_applicable");
    expect(status("We found evidence of a $60 million payment.", "t.fee")).toBe("fail");
  });
  it("reads the value's own noun and its of/de inside the denial (no record of a payment of …, ningún registro de un pago de …)", () => {
    expect(status("There is no record of a payment of $60 million to the prison.", "t.fee")).toBe("not_applicable");
    expect(status("No hay ningún registro de un pago de 60 millones de dólares.", "t.fee")).toBe("not_applicable");
    // Stated, or with a verb between the negation and the noun, the value is judged.
    expect(status("There is a record of a payment of $60 million to the prison.", "t.fee")).toBe("fail");
    expect(status("Hay un registro de un pago de 60 millones de dólares.", "t.fee")).toBe("fail");
    expect(status("No one disputes the payment of $60 million.", "t.fee")).toBe("fail");
  });
});

describe("what others are said to claim", () => {
  it("does not judge a value unnamed sources are reported to claim (some people have been saying …, rumores aseguran …)", () => {
    expect(status("Some people have been saying the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("not_applicable");
    expect(status("Viral posts claimed the prisoners were freed in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("Rumores en redes aseguran que los presos fueron liberados en enero de 2024.", "t.freed_on")).toBe("not_applicable");
    // A named source is reported as usual; the hearsay reaches only what follows it.
    expect(status("The warden said the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("fail");
    expect(status("The prisoners were freed in January 2024, though some people say otherwise.", "t.freed_on")).toBe("fail");
  });
});

describe("a claim the sentence calls false", () => {
  it("does not judge the content of 'the claim that … is false' (la afirmación de que … es falsa)", () => {
    expect(status("The claim that the prison has a capacity of 6,000 inmates is false; it has a capacity of 4,000.", "t.beds")).toBe(
      "pass",
    );
    expect(status("La afirmación de que la cárcel tiene una capacidad de 6.000 presos es falsa.", "t.beds")).toBe("not_applicable");
    expect(status("The rumor that the prisoners were freed in January 2024 has been debunked.", "t.freed_on")).toBe("not_applicable");
    // A claim the sentence does not deny is judged, and so is a value outside the claim's content.
    expect(status("Es falsa la afirmación de que la cárcel tiene una capacidad de 6.000 presos.", "t.beds")).toBe("not_applicable");
    expect(status("That claim — that the prison has a capacity of 6,000 inmates — is false.", "t.beds")).toBe("not_applicable");
    expect(status("Contrary to claims that the prison has a capacity of 6,000 inmates, it has a capacity of 4,000.", "t.beds")).toBe(
      "pass",
    );
    expect(status("Contrary to claims that the prison has a capacity of 4,000 inmates, it has a capacity of 6,000.", "t.beds")).toBe(
      "fail",
    );
    expect(status("The claim that the prison has a capacity of 6,000 inmates was repeated on Monday.", "t.beds")).toBe("fail");
    expect(status("The prison has a capacity of 6,000 inmates, and the claim that it is full is false.", "t.beds")).toBe("fail");
  });
  it("does not judge what a falsity lead denies, up to a semicolon (es falso que …, it is not true that …)", () => {
    expect(status("Es falso que la cárcel tenga una capacidad de 6.000 presos.", "t.beds")).toBe("not_applicable");
    expect(status("It is not true that the prisoners were freed in January 2024; they were freed on May 10.", "t.freed_on")).toBe("pass");
    expect(status("It is not true that they were freed late; the prisoners were freed in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("No es cierto que se construyera para ellos: la cárcel tiene una capacidad de 6.000 presos.", "t.beds")).toBe("fail");
  });
  it("does not judge a fact-check's claim line (Claim: …)", () => {
    expect(
      status("Claim: The prison has a capacity of 6,000 inmates.\nRating: False\n\nThe prison has a capacity of 4,000.", "t.beds"),
    ).toBe("pass");
    expect(status("Afirmación: los presos fueron liberados en enero de 2024.\nVeredicto: falso", "t.freed_on")).toBe("not_applicable");
    expect(status("Our claim line is short.\nThe prison has a capacity of 6,000 inmates.", "t.beds")).toBe("fail");
  });
});

describe("what a document says", () => {
  it("does not judge what a caption, a post or a message says (a photo caption … said, un pie de foto … decía)", () => {
    expect(status("A photo caption with that article said the prisoners were freed in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("Un pie de foto publicado con esa nota decía que los presos fueron liberados en enero de 2024.", "t.freed_on")).toBe(
      "not_applicable",
    );
    expect(status("A viral post on X claims the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("not_applicable");
    expect(status("A Facebook post says the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("not_applicable");
    expect(status("Un mensaje que circula en WhatsApp asegura que la cárcel tiene una capacidad de 6.000 presos.", "t.beds")).toBe(
      "not_applicable",
    );
    // A named outlet, or a person who shares the post, is a source of its own.
    expect(status("The Post reported the prisoners were freed in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("The White House post said the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("fail");
    expect(status("He shared the post and said the prisoners were freed in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("A widely shared post made that claim, but the prison has a capacity of 6,000 inmates.", "t.beds")).toBe("fail");
  });
});

describe("a source or credit line", () => {
  it("does not judge a line under a credit label (Sources: …, Fuentes: …)", () => {
    expect(status("Sources: court records on the swap (January 2024); interviews.", "t.freed_on")).toBe("not_applicable");
    expect(status("Fuentes: comunicados sobre los presos liberados en enero de 2024; entrevistas.", "t.freed_on")).toBe("not_applicable");
  });
  it("does not judge the list under a credit heading (Sources, then - … ; Fuentes, then 1. …)", () => {
    expect(
      status("The swap was on May 10, 2024.\n\n## Sources\n\n- Court records on the swap, January 2024\n- Interviews", "t.freed_on"),
    ).toBe("pass");
    expect(
      status("El canje fue el 10 de mayo de 2024.\n\nFuentes\n1. Actas del canje de enero de 2024\n2. Entrevistas", "t.freed_on"),
    ).toBe("pass");
    // A heading, a blank line and a paragraph: the paragraph is the text's own.
    expect(status("Sources\n\nCourt records show the swap was in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("Court records show the swap was in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("Los presos fueron liberados en enero de 2024, según comunicados.", "t.freed_on")).toBe("fail");
  });
});

describe("a modal with its verb group", () => {
  it("keeps 'could have freed' one clause, so the modal reaches the date", () => {
    expect(status("Without the deal, lawyers say, the government could have freed the prisoners in January 2024.", "t.freed_on")).toBe(
      "not_applicable",
    );
    expect(status("Without the deal, lawyers say, the government freed the prisoners in January 2024.", "t.freed_on")).toBe("fail");
  });
});

describe("an event promised, not done", () => {
  it("does not judge a date of an event an intent verb governs (promised a swap in …, prometió el canje en …)", () => {
    expect(status("The minister promised a swap in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("El ministro prometió el canje en enero de 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("The minister announced the swap in January 2024.", "t.freed_on")).toBe("fail");
  });
  it("does not judge a date of an event a demand governs (volvió a reclamar su liberación el sábado; demand their release)", () => {
    expect(status("La Cancillería volvió a reclamar el canje el sábado 11 de mayo de 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("Relatives demand the swap in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("La Cancillería celebró el canje el sábado 11 de mayo de 2024.", "t.freed_on")).toBe("fail");
  });
  it("reads past the date between an intent verb and the event (llegó a proponer en enero de 2024 un canje)", () => {
    expect(status("El ministro llegó a proponer en enero de 2024 un canje.", "t.freed_on")).toBe("not_applicable");
    expect(status("Según el fiscal, los presos fueron liberados en enero de 2024.", "t.freed_on")).toBe("fail");
  });
  it("does not judge a date of an event one agrees or offers to do (aceptó recibir liberados en enero; agreed to a swap)", () => {
    expect(status("En enero de 2024, cuando el presidente aceptó recibir liberados, hubo protestas.", "t.freed_on")).toBe("not_applicable");
    expect(status("The minister agreed to a swap in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("En enero de 2024, cuando el presidente recibió liberados, hubo protestas.", "t.freed_on")).toBe("fail");
  });
});

describe("a date the clause denies", () => {
  it("does not judge a date a negation, a verb and a preposition deny (the swap was not in …, no fue en …)", () => {
    expect(status("The swap was not in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("El canje no fue en enero de 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("The swap was in January 2024.", "t.freed_on")).toBe("fail");
    expect(status("El canje fue en enero de 2024.", "t.freed_on")).toBe("fail");
  });
  it("reads a contracted negation as one (the men weren't freed in …, wasn’t in …)", () => {
    expect(status("The men weren't freed in January 2024; it was May.", "t.freed_on")).toBe("not_applicable");
    expect(status("The swap wasn’t in January 2024.", "t.freed_on")).toBe("not_applicable");
    expect(status("The men were freed in January 2024.", "t.freed_on")).toBe("fail");
    // An apostrophe that ends a quotation is no contraction: 'freed' here is stated.
    expect(status("The men were 'freed' in January 2024.", "t.freed_on")).toBe("fail");
  });
  it("judges a date that names its own noun after the negation (neither does the January 2024 swap)", () => {
    expect(status("Nothing changed, and neither does the January 2024 swap.", "t.freed_on")).toBe("fail");
  });
});

describe("a subset its relative clause defines", () => {
  it("reads excluded words in the relative clause right after the counted noun (los 13 hombres | que expulsó … en aplicación del decreto)", () => {
    expect(
      status("El juez dijo que se violaron los derechos de los 13 hombres que expulsó en marzo en aplicación del decreto.", "t.expelled"),
    ).toBe("not_applicable");
    expect(status("The judge said the rights of the 13 men who were expelled under the decree were violated.", "t.expelled")).toBe(
      "not_applicable",
    );
    // Without the subset's words, the count is the event's.
    expect(status("El juez dijo que se violaron los derechos de los 13 hombres que expulsó en marzo.", "t.expelled")).toBe("fail");
  });
});

describe("a wire slug's version number", () => {
  it("does not count 'UPDATE 2-' glued to the headline", () => {
    expect(status("CORRECTED-UPDATE 2-Men expelled in March return home", "t.expelled")).toBe("not_applicable");
    expect(status("Officials said 2 men expelled in March return home.", "t.expelled")).toBe("fail");
  });
});
