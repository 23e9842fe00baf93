// Values that sit near an event's words without stating the event: the story's own date lines,
// another group's or another place's figures, time-ago phrases, contrasts and denials. Pack-free
// rules, so each case shows a general cause rather than a sentence of the CECOT pack.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.launch_date.yaml": `id: t.launch_date\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [launched, launch, lanzado]\n`,
});

const status = (text: string, rule: string, publishedAt = "2024-06-01") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

describe("the story's own date lines", () => {
  it("does not date an event by the publication line under a headline", () => {
    const text = "# What happened to the rocket launched last spring\n\n*June 20, 2024*\n\nThe rocket launched from the coast.";
    expect(status(text, "t.launch_date")).toBe("not_applicable");
  });
  it("does not date an event by a dateline of a place and a date alone on its line", () => {
    expect(status("Cabo Cañaveral, 20 de junio de 2024\n\nEl cohete fue lanzado desde la costa.", "t.launch_date")).toBe("not_applicable");
  });
  it("does not carry a date across a semicolon to the next statement's predicate", () => {
    expect(status("Unveiled: May 2, 2024; the rocket launched from the coast.", "t.launch_date")).toBe("not_applicable");
    expect(status("On May 2, 2024, the rocket launched from the coast.", "t.launch_date")).toBe("fail");
  });
  it("reads a year after a name's comma as the name's (la Ley de Lanzamientos, de 2019)", () => {
    expect(status("El cohete fue lanzado bajo la Ley de Vuelos Privados, de 2019.", "t.launch_date")).toBe("not_applicable");
  });
  it("reads a year between an article and another noun as that noun's (a 1798 law)", () => {
    expect(status("The rocket launched under a 2019 law that allows private flights.", "t.launch_date")).toBe("not_applicable");
    expect(status("The rocket launched in 2019 under a law that allows private flights.", "t.launch_date")).toBe("fail");
  });
  it("gives a date next to another event's noun to that event (during his visit in February)", () => {
    expect(status("They agreed on the launch during a visit in February.", "t.launch_date")).toBe("not_applicable");
    expect(status("During the minister's visit, the rocket launched in February.", "t.launch_date")).toBe("fail");
  });
  it("gives a date next to a person's own event to it (until his arrest in February, hasta su arresto en febrero)", () => {
    expect(
      status("The engineer, who worked on the rocket until his arrest in February, was one of the crew launched later.", "t.launch_date"),
    ).toBe("not_applicable");
    expect(status("La ingeniera, que trabajó hasta su arresto en febrero, fue una de las lanzadas después.", "t.launch_date")).toBe(
      "not_applicable",
    );
    expect(status("The engineer worked on the rocket, launched in February.", "t.launch_date")).toBe("fail");
  });
  it("gives a date before a ruling's noun to the ruling, not to the event in what it held (on May 12, Judge Ode's holding that …)", () => {
    expect(status("Then, on May 12, 2024, Judge Ode's holding that the rocket launched illegally.", "t.launch_date")).toBe(
      "not_applicable",
    );
    expect(status("El 12 de mayo de 2024, la sentencia del juez Ode de que el cohete fue lanzado sin permiso.", "t.launch_date")).toBe(
      "not_applicable",
    );
    // Any possessed noun before a "that" clause states something of its own (an order, a finding).
    expect(status("Then, on May 12, 2024, the court's order that the rocket launched be reviewed.", "t.launch_date")).toBe(
      "not_applicable",
    );
    expect(status("On May 12, 2024, the agency's rocket launched from the coast.", "t.launch_date")).toBe("fail");
    expect(status("On May 12, 2024, the rocket launched, Judge Ode's ruling said.", "t.launch_date")).toBe("fail");
    expect(status("El 12 de mayo de 2024 fue lanzado el cohete, según el fallo del juez.", "t.launch_date")).toBe("fail");
  });
  it("leaves a corrected value alone ('the article originally said')", () => {
    expect(status("The article originally said the rocket launched on May 12. It launched on May 10.", "t.launch_date")).toBe("pass");
  });
  it("does not carry a date across a colon to an elaboration's predicate", () => {
    expect(status("Today we continue with the story: the rocket that launched from the coast.", "t.launch_date")).toBe("not_applicable");
    expect(status("May 12: the rocket launched from the coast.", "t.launch_date")).toBe("fail");
  });
  it("does not give a date to an event coordinated after it (, and its subsequent launch)", () => {
    expect(
      status("The program covers the crew's move to Florida in March and April 2024, and its subsequent launch.", "t.launch_date"),
    ).toBe("not_applicable");
  });
  it("reads 'early/mid/late' as blurring the day, not the month", () => {
    expect(status("The rocket launched in early June 2024.", "t.launch_date")).toBe("fail");
    expect(status("The rocket launched in mid-May 2024.", "t.launch_date")).toBe("pass");
  });
  it("still reads a timeline's date headings as the entries' dates", () => {
    const timeline = "May 2, 2024\n\nThe crew trained.\n\nMay 12, 2024\n\nThe rocket launched from the coast.";
    expect(status(timeline, "t.launch_date")).toBe("fail");
  });
});

const held = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.stay.yaml": `id: t.stay\n${COMMON}kind: quantity\nunit: duration\nvalue: { min: 124, max: 125 }\nevent:\n  terms: [held, recluidos]\n  group: { sizes: [252], terms: [men, hombres] }\n`,
});
const stay = (text: string) => checkArticle({ text, publishedAt: "2026-07-18" }, held, { now: NOW }).verdicts[0]!.status;

describe("an event's word as what something else is called", () => {
  const named = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.release.yaml": `id: t.release\n${COMMON}kind: date\ndate: 2025-07-18\nevent:\n  terms: [release, liberación]\n`,
  });
  const on = (text: string) => checkArticle({ text, publishedAt: "2026-02-01" }, named, { now: NOW }).verdicts[0]!.status;
  it("does not date an event named as a characterisation (saw the fall as a release, como una liberación)", () => {
    expect(on("The government saw the fall on January 5, 2026 as a release.")).toBe("not_applicable");
    expect(on("El gobierno vio la caída el 5 de enero de 2026 como una liberación.")).toBe("not_applicable");
    expect(on("The government saw the release on January 5, 2026 as a victory.")).toBe("fail");
    expect(on("La liberación llegó el 5 de enero de 2026.")).toBe("fail");
  });
});

describe("an event's word naming a programme", () => {
  const program = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.freed.yaml": `id: t.freed\n${COMMON}kind: date\ndate: 2025-07-18\nevent:\n  terms: [liberación, release]\n`,
    "t/t.count.yaml": `id: t.count\n${COMMON}kind: quantity\nunit: count\nvalue: 252\nnear: { terms: [men, hombres], words: 2, side: after }\nevent:\n  terms: [liberación, release]\n`,
  });
  const st = (text: string, rule: string) =>
    checkArticle({ text, publishedAt: "2026-02-01" }, program, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;
  it("judges no value of an event whose word names a programme's kind (the release program, el programa de liberación)", () => {
    expect(st("In the release program, on January 5, 2026, the city took in 300 women.", "t.freed")).toBe("not_applicable");
    expect(st("En el programa de liberación, el 5 de enero de 2026 la ciudad recibió a 300 mujeres.", "t.freed")).toBe("not_applicable");
    const es = "En el programa de liberación, el gobierno reporta haber recibido más de 100 mil hombres en el año.";
    expect(st(es, "t.count")).toBe("not_applicable");
    expect(st("En la liberación, el gobierno reporta haber recibido más de 100 mil hombres en el año.", "t.count")).toBe("fail");
  });
});

describe("an event as another thing's time", () => {
  it("does not date an event named as the time of something else (at the time of the release, en vísperas de la liberación)", () => {
    expect(freedOn("On January 5, 2026, Jane Roe, his deputy at the time of the release, became mayor.")).toBe("not_applicable");
    expect(freedOn("El 5 de enero de 2026, Juana Pérez, su adjunta en vísperas de la liberación, asumió la alcaldía.")).toBe(
      "not_applicable",
    );
    expect(freedOn("On January 5, 2026, the 252 men were freed.")).toBe("fail");
  });
});

describe("lengths that are not the event's", () => {
  it("leaves a time ago alone (hace un año)", () => {
    expect(stay("Hace exactamente un año, los hombres recluidos fueron liberados.")).toBe("not_applicable");
    expect(stay("Los hombres estuvieron recluidos un año.")).toBe("fail");
  });
  it("leaves a length before 'after' alone: an offset from the event (three days after the men were held)", () => {
    expect(stay("The minister held a press conference, three days after the 252 men came home.")).toBe("not_applicable");
    expect(stay("La ministra habló tres días después de que los hombres fueran recluidos.")).toBe("not_applicable");
    // After "for" it is the length again.
    expect(stay("The 252 men were held for three days after their arrival.")).toBe("fail");
  });
  it("leaves a denied value alone (a few months, not a year)", () => {
    expect(stay("So the men were held for four months, not a year.")).toBe("pass");
    expect(stay("So the men were held for a year.")).toBe("fail");
  });
  it("reads a relative clause's subject from its antecedent (another group held elsewhere)", () => {
    expect(stay("Venezuela freed 10 men, who had been held for more than a year.")).toBe("not_applicable");
    expect(stay("The 252 men, who had been held for more than a year, were freed.")).toBe("fail");
    expect(stay("More than 250 men who had been held for a year were freed.")).toBe("fail");
  });
});

const freed = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.freed.yaml": `id: t.freed\n${COMMON}kind: date\ndate: 2025-07-18\nevent:\n  terms: [freed, liberados, liberación]\n  group: { sizes: [252], terms: [men, hombres, Venezuelans], nationality: [VE] }\n`,
});
const freedOn = (text: string) => checkArticle({ text, publishedAt: "2025-07-19" }, freed, { now: NOW }).verdicts[0]!.status;

describe("another group's or a possible event's date", () => {
  it("leaves the release of other nationals alone", () => {
    expect(freedOn("La visita del enviado el 31 de enero terminó con la liberación de seis estadounidenses.")).toBe("not_applicable");
    expect(freedOn("31 de enero de 2025 — El enviado regresa a Washington con seis estadounidenses liberados.")).toBe("not_applicable");
    expect(freedOn("Seis estadounidenses fueron liberados el 31 de enero.")).toBe("not_applicable");
    expect(freedOn("Los hombres fueron liberados el 31 de enero.")).toBe("fail");
  });
  it("still judges the group's own date beside the exchange's other side", () => {
    expect(freedOn("The 252 Venezuelans were freed on July 20 in the exchange that freed 10 Americans.")).toBe("fail");
  });
  it("keeps a member of the group in the group's event (one of the 252)", () => {
    expect(freedOn("On July 20, Luis, one of the 252 men, was freed.")).toBe("fail");
    expect(freedOn("On July 20, Luis, one of six men, was freed.")).toBe("not_applicable");
  });
  it("reads a present-tense statement as the predicate of its date (today publishes)", () => {
    expect(freedOn("The group today publishes testimony from 40 of the 252 men who were freed on 18 July.")).toBe("pass");
  });
  it("reads a modal between the value and its predicate as a possibility", () => {
    expect(freedOn("Fuentes confirman que hoy podrían ser liberados los hombres.")).toBe("not_applicable");
    expect(freedOn("Fuentes confirman que hoy fueron liberados los hombres.")).toBe("fail");
  });
});

const capacity = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.capacity.yaml": `id: t.capacity\n${COMMON}kind: quantity\nunit: count\nvalue: 40000\nnear: { terms: [can hold, capacidad para], words: 4, side: before }\ncontext:\n  all:\n    - terms: [CECOT, prison, camp, prisión]\n      scope: clause\n`,
});
const holds = (text: string) => checkArticle({ text, publishedAt: "2025-07-19" }, capacity, { now: NOW }).verdicts[0]!.status;

describe("another thing of the kind", () => {
  it("reads an indefinite article as introducing another facility", () => {
    expect(holds("The army post now hosts a camp the government says can hold up to 5,000 people.")).toBe("not_applicable");
    expect(holds("Ecuador abrió una prisión en Santa Elena con capacidad para 736 internos.")).toBe("not_applicable");
  });
  it("reads a head noun closing another capitalised name as another facility (the Fort Dix Camp, Surf Camp owner …)", () => {
    expect(holds("The Fort Dix Camp can hold up to 5,000 people, officials said.")).toBe("not_applicable");
    // After an article or a country's name, or written in lower case, the head noun is the thing's.
    expect(holds("The Camp can hold up to 5,000 people.")).toBe("fail");
    expect(holds("The Salvadoran prison can hold up to 5,000 people.")).toBe("fail");
  });
  it("still judges the facility itself", () => {
    expect(holds("The prison can hold up to 5,000 people.")).toBe("fail");
    expect(holds("CECOT, a prison that can hold 40,000 inmates, opened in 2023.")).toBe("pass");
  });
});

describe("a dropped subject", () => {
  it("takes the thing named in the sentence before when a sentence opens on its verb", () => {
    expect(holds("El CECOT está en Tecoluca. Tiene capacidad para 40.000 presos.")).toBe("pass");
    expect(holds("El CECOT está en Tecoluca. Tiene capacidad para 30.000 presos.")).toBe("fail");
    expect(holds("La ciudad está en el sur. Tiene capacidad para 30.000 presos.")).toBe("not_applicable");
  });
});

const released = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.released.yaml": `id: t.released\n${COMMON}kind: quantity\nunit: count\nvalue: 252\nnear: { terms: [men, venezolanos, repatriados], words: 2, side: after }\nevent:\n  terms: [released, release, liberación, repatriados]\n`,
});
const count = (text: string) => checkArticle({ text, publishedAt: "2026-03-27" }, released, { now: NOW }).verdicts[0]!.status;

describe("an event that ends another state", () => {
  it("does not count a group for an event after until/hasta (held until their release)", () => {
    expect(count("In March the prison received 238 men, who stayed there until their release in July.")).toBe("not_applicable");
    expect(count("El penal recibió a 238 venezolanos, que permanecieron allí hasta su liberación.")).toBe("not_applicable");
    expect(count("In July, 238 men were released.")).toBe("fail");
  });
  it("does not take the counted noun for the predicate when a verb before it is (Llegan 98 repatriados)", () => {
    expect(count("Hoy llegaron 98 repatriados por Comalapa.")).toBe("not_applicable");
    expect(count("Ayer, 98 repatriados llegaron a casa.")).toBe("fail");
  });
});

const opened = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.opened.yaml": `id: t.opened\n${COMMON}kind: date\ndate: 2023-01-31\nnear: { terms: [opens, inaugura], words: 4, side: before }\n`,
});
const openedOn = (text: string) => checkArticle({ text, publishedAt: "2026-04-01" }, opened, { now: NOW }).verdicts[0]!.status;

describe("a timeline entry's date", () => {
  it("reads the event after the dash of an entry the date heads", () => {
    expect(openedOn("January 31, 2024 — The museum opens its doors.")).toBe("fail");
    expect(openedOn("• 31 de enero de 2023: Bukele inaugura el museo.")).toBe("pass");
    expect(openedOn("In 2024 the museum, which had been closed, opens again.")).toBe("not_applicable");
  });
});

const money = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.grant.yaml": `id: t.grant\n${COMMON}kind: quantity\nunit: money\ncurrency: USD\nvalue: 6000000\ntolerance: 0.06\ncontext:\n  all:\n    - terms: [cost, costs, pay, paid]\n`,
});
const grant = (text: string) => checkArticle({ text, publishedAt: "2025-09-01" }, money, { now: NOW }).verdicts[0]!.status;

describe("a condition's consequence (rules without an event)", () => {
  it("leaves 'if …, the costs would exceed $20 million' alone", () => {
    expect(grant("If the program grew tenfold, the costs would exceed $20 million a year.")).toBe("not_applicable");
    expect(grant("The costs exceeded $20 million a year.")).toBe("fail");
    expect(grant("The prison can cost $20 million a year.")).toBe("fail");
  });
});

describe("a year the engine guessed", () => {
  it("does not fail a retrospective year-less date for the publication's year", () => {
    const later = (text: string) => checkArticle({ text, publishedAt: "2026-07-18" }, freed, { now: NOW }).verdicts[0]!.status;
    expect(later("Recordemos: los hombres fueron liberados el 18 de julio.")).toBe("pass");
    expect(later("Recordemos: los hombres fueron liberados el 20 de julio.")).toBe("fail");
    expect(later("The men were freed on July 18, 2026.")).toBe("fail");
  });
});

describe("descriptions and members", () => {
  it("reads 'Es una prisión …, y tiene capacidad para …' as the thing named before (copula, shared subject)", () => {
    expect(holds("El CECOT está en Tecoluca. Es una prisión moderna, y tiene capacidad para 30.000 presos.")).toBe("fail");
  });
  it("keeps the group's event when one person is said to be among it", () => {
    expect(freedOn("He was a plaintiff in the case, and was among the 252 men freed on July 20.")).toBe("fail");
    expect(freedOn("He was a plaintiff in the case, and was freed on July 20.")).toBe("not_applicable");
  });
});

const swap = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.swap.yaml": `id: t.swap\n${COMMON}kind: quantity\nunit: count\nvalue: 10\nnear: { terms: [Americans], words: 2, side: after }\nevent:\n  terms: [freed, release, liberación]\n  when: 2025-07\n`,
});
const swapped = (text: string) => checkArticle({ text, publishedAt: "2025-07-20" }, swap, { now: NOW }).verdicts[0]!.status;

describe("another occurrence of the event", () => {
  it("times a when-clause by the date before it (in January 2025, when six Americans were freed)", () => {
    expect(swapped("That differs from a deal in January 2025, when six Americans were freed.")).toBe("not_applicable");
    expect(swapped("In July 2025, six Americans were freed.")).toBe("fail");
  });
  it("reads 'an earlier release' / 'una liberación anterior' as another occurrence", () => {
    expect(freedOn("The swap differs from an earlier liberación on July 20.")).toBe("not_applicable");
    expect(freedOn("Fue distinta de la liberación anterior, el 20 de julio.")).toBe("not_applicable");
    expect(freedOn("Fue la liberación del 20 de julio.")).toBe("fail");
  });
  it("reads a repetition after the predicate or right before it as another occurrence (freed a second time, liberados de nuevo, were again freed)", () => {
    expect(freedOn("The men have been freed from the camp a second time in June 2025.")).toBe("not_applicable");
    expect(freedOn("The men were again freed on July 20.")).toBe("not_applicable");
    expect(freedOn("Los hombres fueron liberados de nuevo el 20 de julio.")).toBe("not_applicable");
    expect(freedOn("En junio de 2025, los hombres fueron liberados por segunda vez.")).toBe("not_applicable");
    expect(freedOn("The men have been freed from the camp in June 2025.")).toBe("fail");
    expect(freedOn("Los hombres fueron liberados el 20 de julio, y nunca fueron vistos de nuevo.")).toBe("fail");
  });
});

describe("a date of a document or a discourse about the event", () => {
  it("gives a date right after a document's noun to the document (a graphic on Page A6 on Sunday, la edición del domingo)", () => {
    expect(freedOn("An article on Page A1 on Saturday, July 20, about the liberación of the men drew readers.")).toBe("not_applicable");
    expect(freedOn("La edición del domingo 20 de julio sobre la liberación de los hombres se agotó.")).toBe("not_applicable");
    expect(freedOn("In a July 20 article about the liberación of the men, we erred.")).toBe("not_applicable");
    expect(freedOn("The men's liberación on Saturday, July 20, drew crowds.")).toBe("fail");
    expect(freedOn("July: the end of a story\n\nOn July 20, the liberación of the men came.")).toBe("fail");
  });
  it("reads a newspaper, a magazine or a bulletin as documents too (leo en su diario del domingo …, the newspaper of Sunday, July 20)", () => {
    expect(freedOn("Leo en su diario del domingo 20 de julio la columna que defiende la liberación de los hombres.")).toBe(
      "not_applicable",
    );
    expect(freedOn("I read in the newspaper of Sunday, July 20, a column defending the liberación of the men.")).toBe("not_applicable");
    expect(freedOn("Leo que el domingo 20 de julio llegó la liberación de los hombres.")).toBe("fail");
  });
  it("gives a date to a panel whose topic is the event (a panel on the liberación, un foro sobre la liberación)", () => {
    expect(freedOn("Students heard a panel on the liberación of the men on July 20.")).toBe("not_applicable");
    expect(freedOn("Hubo un foro sobre la liberación de los hombres el 20 de julio.")).toBe("not_applicable");
    expect(freedOn("Students packed the hall for a documentary about the men's liberación on July 20.")).toBe("not_applicable");
    expect(freedOn("Hubo un foro en la universidad sobre la liberación de los hombres el 20 de julio.")).toBe("not_applicable");
    expect(freedOn("Students cheered the liberación of the men on July 20.")).toBe("fail");
    expect(freedOn("Hubo fiesta por la liberación de los hombres el 20 de julio.")).toBe("fail");
  });
  it("gives a date to a verb of talking whose topic is the event (speaks on Saturday about the liberación; hoy hablamos de la liberación)", () => {
    expect(freedOn("The president speaks on television July 20 about the liberación.")).toBe("not_applicable");
    expect(freedOn("El 20 de julio hablamos de la liberación de los hombres.")).toBe("not_applicable");
    expect(freedOn("The president cheered the liberación of the men on July 20.")).toBe("fail");
  });
});

describe("corrections columns and set-off participants", () => {
  it("reads every item under a corrections heading as a correction notice, with or without an event", () => {
    expect(grant("Corrections and clarifications\n\nA graphic on Sunday put the costs at $20 million.")).toBe("not_applicable");
    expect(grant("A graphic on Sunday put the costs at $20 million.")).toBe("fail");
    expect(grant("A graphic misstated the costs as $20 million.")).toBe("not_applicable");
    expect(grant("CORRECTIONS & CLARIFICATIONS\n\nA graphic on Sunday put the costs at $20 million.")).toBe("not_applicable");
  });
  it("reads 'gave an incorrect date for …' as a correction notice (dio una fecha incorrecta)", () => {
    expect(grant("A chart gave the wrong costs for the program, $20 million.")).toBe("not_applicable");
    expect(freedOn("A graphic gave an incorrect date for the liberación of the men: July 20.")).toBe("not_applicable");
    expect(freedOn("El gráfico dio una fecha incorrecta para la liberación: el 20 de julio.")).toBe("not_applicable");
    expect(grant("A chart put the costs for the program at $20 million.")).toBe("fail");
    expect(freedOn("La liberación de los hombres fue el 20 de julio.")).toBe("fail");
  });
  it("reads participants set off by a comma (una liberación, de seis estadounidenses)", () => {
    expect(freedOn("En enero hubo una liberación, de seis estadounidenses.")).toBe("not_applicable");
    expect(freedOn("En enero hubo una liberación de los hombres.")).toBe("fail");
  });
});

describe("the fifth blind corpus's causes", () => {
  it("reads an added batch as another group, its noun left out (Seven more | were …)", () => {
    expect(freedOn("The 252 men were freed on July 18. Seven more were freed on July 20.")).toBe("pass");
    expect(freedOn("The men were freed on July 20.")).toBe("fail");
  });
  it("reads 'N months since' as time elapsed, not how long", () => {
    expect(stay("It has been almost two months since the men were held.")).toBe("not_applicable");
    expect(stay("The men were held for almost two months.")).toBe("fail");
  });
  it("leaves a relative date an offset moves alone (a year ago this month)", () => {
    expect(status("The rocket launched a year ago this month.", "t.launch_date")).toBe("not_applicable");
    expect(status("The rocket launched this month.", "t.launch_date")).toBe("fail");
  });
  it("does not take a photo released by an office for people released", () => {
    expect(freedOn("The men arrive, in this handout photo freed by the office on July 20.")).toBe("not_applicable");
    expect(freedOn("The men were freed by the office on July 20.")).toBe("fail");
  });
});
