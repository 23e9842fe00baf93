// Whose event a value dates or counts: one person's release is not the group's, a prevented event
// did not happen, another trip is not this one, and a capacity or a per-unit number is not the
// whole's count. Pack-free rules, so each case shows a general cause rather than a CECOT sentence.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.freed_on.yaml": `id: t.freed_on\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [released, freed, deported, deportation, deportado, deportados, liberado, deportación]\n  ambiguous: { terms: [returned, regresó, regresaron], with: [capital, capital], without: [jail] }\n  group: { sizes: [252], terms: [men, hombres] }\n`,
});
const freed = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rs, { now: NOW }).verdicts[0]!.status;

describe("one person's event is not the group's", () => {
  it("reads a when-clause after the date as saying whose event it is (a deportation on May 3, when he was put on a plane)", () => {
    expect(freed("The orders produced a deportation on May 3, 2023, when he was put on a plane.")).toBe("not_applicable");
    expect(freed("Las órdenes produjeron una deportación el 3 de mayo de 2023, cuando ella fue subida a un avión.")).toBe("not_applicable");
    expect(freed("The orders produced a deportation on May 3, 2023, when the men were put on a plane.")).toBe("fail");
  });
  it("reads a name after a title as the subject (In May, Army veteran John Smith was released)", () => {
    expect(freed("In May 2023, U.S. Army veteran John Smith was released.")).toBe("not_applicable");
    expect(freed("In May 2023, Army veteran John St. Smith was released.")).toBe("not_applicable");
    expect(freed("In May 2023, the men were released.")).toBe("fail");
  });
  it("reads an indefinite person noun as the object (it released an Army veteran)", () => {
    expect(freed("In May 2023 the country released an Army veteran.")).toBe("not_applicable");
    expect(freed("In May 2023 the country released the men.")).toBe("fail");
  });
  it("reads a name as the object (released John Smith, an Army veteran)", () => {
    expect(freed("In May 2023, the country released John Smith, an Army veteran.")).toBe("not_applicable");
  });
  it("reads a kinship noun as the subject (cuyo sobrino fue deportado en febrero)", () => {
    expect(freed("Habla Carmen, cuyo sobrino fue deportado en febrero de 2024 y nunca volvió.")).toBe("not_applicable");
    expect(freed("Habla Carmen, cuyos vecinos fueron deportados en febrero de 2024 y nunca volvieron.")).toBe("fail");
  });
  it("reads a named subject of a shared predicate as one person (since Smith returned to the capital)", () => {
    expect(freed("It is the boldest step since Smith returned to the capital on Jan. 20, 2024.")).toBe("not_applicable");
    expect(freed("It is the boldest step since the men returned to the capital on Jan. 20, 2024.")).toBe("fail");
  });
  it("reads a singular possessive before the event's noun as one person (barred his deportation)", () => {
    expect(freed("A judge had barred his deportation in 2019, records show.")).toBe("not_applicable");
    expect(freed("A judge had ordered the deportation in 2019, records show.")).toBe("fail");
  });
  it("reads no name in a title-cased headline or a date (252 Men Returned To The Capital; released Friday May 10)", () => {
    expect(freed("On Friday May 10, 2023, 252 Men Returned To The Capital")).toBe("fail");
    expect(freed("The country released Friday May 12, 2024 the men it held.")).toBe("fail");
  });
  it("reads the writer's own first person as one person (I was released in May; yo fui liberado)", () => {
    expect(freed("I was released in May 2023, a month before the men I interviewed.")).toBe("not_applicable");
    expect(freed("Yo fui deportado en mayo de 2023.")).toBe("not_applicable");
    expect(freed("The men were released in May 2023, a month before I met them.")).toBe("fail");
    expect(freed("Los hombres fueron deportados en mayo de 2023.")).toBe("fail");
  });
  it("reads a singular object pronoun as one person (did not have the power to release him; released her to her family)", () => {
    expect(freed("On Monday, May 6, 2023, the president said he lacked the power to release him.")).toBe("not_applicable");
    expect(freed("In May 2023 they released her to her family.")).toBe("not_applicable");
    // "her" before a noun is a possessive: her sons are a group.
    expect(freed("In May 2023 they released her sons and the other men.")).toBe("fail");
    expect(freed("In May 2023 they released the men.")).toBe("fail");
  });
  it("reads a definite count before a relative clause as a count of people (Los 76 que viven …; the 76 who live …)", () => {
    expect(freed("Los 76 que viven en la capital regresaron a la capital en mayo de 2023.")).toBe("not_applicable");
    expect(freed("The 76 who live in the capital returned to the capital in May 2023.")).toBe("not_applicable");
    expect(freed("Los hombres que viven en la capital regresaron a la capital en mayo de 2023.")).toBe("fail");
  });
  it("reads a participle between an article and a person noun as describing him (relatives of a released man)", () => {
    expect(freed("Relatives of a deported man hold his photo at a protest on May 7, 2023.")).toBe("not_applicable");
    expect(freed("Relatives of the men hold their photos at a protest as the men are deported on May 7, 2023.")).toBe("fail");
  });
  it("keeps the group's event after a definite article (the men were released)", () => {
    expect(freed("In May 2023, the government released the men.")).toBe("fail");
  });
  it("keeps a named agent's transitive event (Smith freed the men, Smith has freed the men, Ruiz ha deportado a los hombres)", () => {
    expect(freed("On Jan. 20, 2024, Smith freed the men.")).toBe("fail");
    expect(freed("On Jan. 20, 2024, Smith has freed the men.")).toBe("fail");
    expect(freed("El 20 de enero de 2024, Ruiz ha deportado a los hombres.")).toBe("fail");
  });
});

describe("a prevented event did not happen", () => {
  it("does not date an event a verb kept from happening (had barred the deportation in 2019, impidió la deportación)", () => {
    expect(freed("A judge had barred the deportation in 2019, records show.")).toBe("not_applicable");
    expect(freed("A judge blocked them from being deported in 2019.")).toBe("not_applicable");
    expect(freed("Un juez impidió la deportación en 2019.")).toBe("not_applicable");
    expect(freed("A judge ordered the deportation in 2019, records show.")).toBe("fail");
    expect(freed("A judge ordered them deported in 2019.")).toBe("fail");
    expect(freed("The plane stopped in Honduras and the men were deported in 2019.")).toBe("fail");
    expect(freed("The plane stopped in Honduras before deportation in 2019.")).toBe("fail");
    expect(freed("Un juez ordenó la deportación en 2019.")).toBe("fail");
  });
  it("does not date an event that is fought or faced (fought deportation, enfrenta la deportación)", () => {
    expect(freed("In 2019 the men fought deportation in court.")).toBe("not_applicable");
    expect(freed("En 2019 los hombres lucharon contra la deportación.")).toBe("not_applicable");
    expect(freed("In 2019 the men faced deportation.")).toBe("not_applicable");
    expect(freed("In 2019 the men were deported.")).toBe("fail");
  });
});

describe("another trip", () => {
  const trips = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.count.yaml": `id: t.count\n${COMMON}kind: quantity\nunit: count\nvalue: 238\ntolerance: 0.05\nnear: { terms: [migrants, men], words: 2, side: after }\nevent:\n  terms: [deported]\n  ambiguous: { terms: [flight, landed, vuelo, aterrizó], with: [camp, campo], without: [home, casa] }\n  when: 2024-03\n`,
  });
  const count = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, trips, { now: NOW }).verdicts[0]!.status;
  it("does not take a flight no place decides for this trip when the clause lands it at the other's destination", () => {
    expect(count("A flight carrying about 199 migrants landed at home on March 24, 2024, the first such flight in weeks.")).toBe(
      "not_applicable",
    );
    expect(count("A flight carrying about 199 migrants landed on March 24, 2024, the first such flight in weeks.")).toBe("fail");
  });
  it("gives a place after a time reference to that reference (the first flight since the transfer to the camp)", () => {
    expect(count("Some 199 migrants landed, the first flight since the weekend of the transfer to the camp.")).toBe("not_applicable");
    expect(count("Some 199 migrants landed, the first flight to the camp.")).toBe("fail");
  });
  it("does not take a flight that lands at a named place the rule does not list for this trip (landed in Juba, in Tegucigalpa)", () => {
    expect(count("The eight men landed in Juba on the weekend of March 24, 2024.")).toBe("not_applicable");
    expect(count("A flight with eight men landed in Tegucigalpa on March 24, 2024.")).toBe("not_applicable");
    expect(count("The eight men landed on the weekend of March 24, 2024.")).toBe("fail");
  });
});

describe("a capacity or a per-unit number is not the whole's count", () => {
  const counts = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.sent.yaml": `id: t.sent\n${COMMON}kind: quantity\nunit: count\nvalue: 238\nnear: { terms: [inmates, men, presos], words: 2, side: after }\nevent:\n  terms: [flown, sent, enviados]\n`,
    "t/t.room.yaml": `id: t.room\n${COMMON}kind: quantity\nunit: count\nvalue: 40000\nnear: { terms: [built for, capacity for, capacidad para], words: 4, side: before }\n`,
  });
  const st = (text: string, rule: string) =>
    checkArticle({ text, publishedAt: "2024-09-01" }, counts, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;
  it("does not count an event's participants in a capacity phrase (built to hold about 15,000 inmates, capacidad para)", () => {
    expect(st("The camp, built to hold about 15,000 inmates, took 238 men flown in from abroad.", "t.sent")).toBe("pass");
    expect(st("El penal, con capacidad para 15.000 presos enviados desde todo el país, abrió en 2023.", "t.sent")).toBe("not_applicable");
    expect(st("The camp took 15,000 inmates flown in from abroad.", "t.sent")).toBe("fail");
  });
  it("does not judge a per-unit number as the whole (its cells, built for 80 men each; 80 presos por celda)", () => {
    expect(st("The camp was built for 40,000 men, and its cells, built for 80 men each, have no windows.", "t.room")).toBe("pass");
    expect(st("El penal tiene capacidad para 40.000 presos y capacidad para 80 presos por celda.", "t.room")).toBe("pass");
    expect(st("The camp was built for 40,000 men, 80 men per cell.", "t.room")).toBe("pass");
    expect(st("The camp was built for 80 men.", "t.room")).toBe("fail");
  });
});

describe("a verb between a number and the noun", () => {
  const rs2 = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.freed_count.yaml": `id: t.freed_count\n${COMMON}kind: quantity\nunit: count\nvalue: 252\nnear: { terms: [men, hombres], words: 3, side: after }\nevent:\n  terms: [release, freed, liberación]\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rs2, { now: NOW }).verdicts[0]!.status;
  it("does not count the noun after a verb (One senator said the men …; Un senador dijo que los hombres …)", () => {
    expect(st("One senator said the men had been removed and that the deal led to their release.")).toBe("not_applicable");
    expect(st("Un senador dijo que los hombres fueron liberados tras la liberación.")).toBe("not_applicable");
    expect(st("Exactly 200 freed men said the deal led to their release.")).toBe("fail");
  });
  it("does not count the noun after the number's own noun and its verb (three aircraft carried men; tres aviones trasladaron hombres)", () => {
    expect(st("After the release, three aircraft carried men home.")).toBe("not_applicable");
    expect(st("Tras la liberación, tres aviones trasladaron hombres a Caracas.")).toBe("not_applicable");
    expect(st("After the release, 200 recently freed men flew home.")).toBe("fail");
    expect(st("Tras la liberación, 200 hombres regresaron a Caracas.")).toBe("fail");
  });
});

describe("other nationals named without a count", () => {
  const rsVe = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.freed_ve.yaml": `id: t.freed_ve\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [freed, liberó, exchange]\n  group: { sizes: [252], terms: [men, hombres], nationality: [VE] }\n`,
  });
  const freedVe = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rsVe, { now: NOW }).verdicts[0]!.status;
  it("gives the event to a plural demonym right before or after its predicate (Americans freed …, liberó a estadounidenses)", () => {
    expect(freedVe("Americans freed by Caracas, January 2024")).toBe("not_applicable");
    expect(freedVe("Americans were freed in January 2024.")).toBe("not_applicable");
    expect(freedVe("Caracas liberó a estadounidenses en enero de 2024.")).toBe("not_applicable");
    expect(freedVe("The men were freed in January 2024.")).toBe("fail");
    // A demonym a preposition sets apart is the other side of the exchange, not its people.
    expect(freedVe("The men were part of an exchange for Americans in January 2024.")).toBe("fail");
  });
});

describe("a definite count of a known group's size names the group", () => {
  const rsGroup = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.sent_count.yaml": `id: t.sent_count\n${COMMON}kind: quantity\nunit: count\nvalue: 238\nnames_group: [252]\nnear: { terms: [men, hombres], words: 2, side: after }\nevent:\n  terms: [sent, enviados, envió]\n  when: 2024-03-15\n  identify: [first flights, primeros vuelos]\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-07-20" }, rsGroup, { now: NOW }).verdicts[0]!.status;
  it("does not judge 'the 252 men sent in March' as March's count (los 252 hombres que el país envió en marzo)", () => {
    expect(st("En la capital han aterrizado los 252 hombres que el país envió en marzo a una prisión.")).toBe("not_applicable");
    expect(st("In the capital, the 252 men the country sent to a camp in March have landed.")).toBe("not_applicable");
    expect(st("En la capital han aterrizado 252 hombres que el país envió en marzo a una prisión.")).toBe("fail");
  });
  it("judges it where the sentence pins the occurrence (a day in its month, an identifying mark) or without the article", () => {
    expect(st("The 252 men sent abroad on March 15 came home.")).toBe("fail");
    expect(st("Los 252 hombres enviados en los primeros vuelos de marzo volvieron.")).toBe("fail");
    expect(st("In March 2024, 252 men were sent abroad.")).toBe("fail");
  });
});

describe("a count taken out of a group is a part of it", () => {
  const rsPart = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.part.yaml": `id: t.part\n${COMMON}kind: quantity\nunit: count\nvalue: 238\nnear: { terms: [men, hombres], words: 2, side: after }\nevent:\n  terms: [deported, deportó]\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rsPart, { now: NOW }).verdicts[0]!.status;
  it("reads 'three men from the group' and 'tres hombres del grupo' as a part (from among the 238 too)", () => {
    expect(st("The film follows three men from the group the country deported.")).toBe("not_applicable");
    expect(st("It follows two men from among the 238 the country deported.")).toBe("not_applicable");
    expect(st("El documental sigue a tres hombres del grupo que el país deportó.")).toBe("not_applicable");
  });
  it("reads a count after an opening 'of the …' phrase as its part (De los 238 hombres …, 101 fueron …; Of the men …, 101 were …)", () => {
    expect(st("De los 238 hombres que salieron en marzo, 101 hombres fueron deportados.")).not.toBe("fail");
    expect(st("Of the men on those planes, 101 men were deported.")).toBe("not_applicable");
    expect(st("Of the 238 men on those planes, 101 men were deported by the country.")).toBe("pass");
    expect(st("On those planes, 101 men were deported.")).toBe("fail");
  });
  it("still counts men from a place or a noun that is no group (three men from Texas)", () => {
    expect(st("The country deported three men from Texas.")).toBe("fail");
    expect(st("El país deportó a tres hombres de los vuelos de marzo.")).toBe("fail");
  });
});

describe("an issue's move is not people's", () => {
  const rsBack = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.back.yaml": `id: t.back\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [return, returned, regresó, volvió]\n  ambiguous: { terms: [landed], with: [capital], without: [camp] }\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rsBack, { now: NOW }).verdicts[0]!.status;
  it("does not date people's return by an issue's (the question looks set to return to the Supreme Court; el caso volvió a la Corte)", () => {
    expect(st("The full court will rehear it, and the question looks set to return to the Supreme Court in May 2023.")).toBe(
      "not_applicable",
    );
    expect(st("In May 2023 the case returned to the appeals court.")).toBe("not_applicable");
    expect(st("En mayo de 2023 el caso volvió a la Corte Suprema.")).toBe("not_applicable");
  });
  it("keeps people's return, and an issue's word that is not the subject or goes to the event’s place (the men of the case returned to the capital)", () => {
    expect(st("In May 2023 the men returned to the capital.")).toBe("fail");
    expect(st("In May 2023 the men at the heart of the case returned to the capital.")).toBe("fail");
    expect(st("En mayo de 2023 los hombres del caso volvió a la capital.")).toBe("fail");
    expect(st("In May 2023 the case’s subjects returned to the capital.")).toBe("fail");
    expect(st("En mayo de 2023 el caso volvió a la capital.")).toBe("fail");
  });
});

describe("a departure's origin is not where they went", () => {
  const rsTrip = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.trip.yaml": `id: t.trip\n${COMMON}kind: date\ndate: 2024-03-15\nevent:\n  terms: [deported, deportados]\n  ambiguous: { terms: [left, flown, salieron, abandonaron], with: [camp, campo, Hilltown], without: [home, casa] }\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rsTrip, { now: NOW }).verdicts[0]!.status;
  it("reads what a departure verb takes, past its article, as the origin (two buses left the camp; abandonaron el campo)", () => {
    expect(st("At noon on July 18, 2024, two buses left the camp and turned north.")).toBe("not_applicable");
    expect(st("El 18 de julio de 2024, dos autobuses abandonaron el campo.")).toBe("not_applicable");
  });
  it("keeps the origin's own place in its noun phrase (left the camp in Hilltown; salieron del campo en Hilltown)", () => {
    expect(st("On July 18, 2024, two buses left the old camp in Hilltown, and drove to the coast.")).toBe("not_applicable");
    expect(st("El 18 de julio de 2024 los autobuses salieron del campo en Hilltown.")).toBe("not_applicable");
    expect(st("On July 18, 2024, the men were flown from the camp in Hilltown.")).toBe("not_applicable");
    expect(st("On July 18, 2024, the men left the prison in Hilltown, and drove to the coast.")).toBe("not_applicable");
  });
  it("still reads a destination after the origin or a departure's preposition (left for the camp; salieron de casa rumbo al campo)", () => {
    expect(st("On July 18, 2024, two buses left for the camp.")).toBe("fail");
    expect(st("El 18 de julio de 2024 salieron de casa rumbo al campo en Hilltown.")).toBe("fail");
    expect(st("On July 18, 2024, the men were flown from home to the camp in Hilltown.")).toBe("fail");
  });
});

describe("another country's event", () => {
  const rsHome = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.home_count.yaml": `id: t.home_count\n${COMMON}kind: quantity\nunit: count\nvalue: 252\ncountry: [FR]\nnear: { terms: [men, hombres], words: 2, side: after }\nevent:\n  terms: [received, recibió, freed]\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rsHome, { now: NOW }).verdicts[0]!.status;
  it("gives a count to a country outside `country` that is its predicate's subject (Ghana received five men; Ghana ha recibido)", () => {
    expect(st("In July, Ghana received five men from the camp; its government has said little.")).toBe("not_applicable");
    expect(st("In July, Ghana has received five men from the camp.")).toBe("not_applicable");
    expect(st("En julio, Ghana recibió a cinco hombres del campo.")).toBe("not_applicable");
  });
  it("keeps the count whose subject is the rule's country or no country (France received five men; the country received)", () => {
    expect(st("In July, France received five men from the camp.")).toBe("fail");
    expect(st("In July, the country received five men from Ghana's camp.")).toBe("fail");
    expect(st("En julio, Francia recibió a cinco hombres.")).toBe("fail");
  });
});

describe("a place every member shared the event at", () => {
  const held = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.held.yaml": `id: t.held\n${COMMON}kind: quantity\nunit: duration\nvalue: { min: 124, max: 125 }\nevent:\n  terms: [spent, pasó]\n  group: { sizes: [252], terms: [men, hombres], shared_at: [the camp, el campo] }\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, held, { now: NOW }).verdicts[0]!.status;
  it("reads one member's time at the shared place as the group's (he spent six months in the camp, pasó seis meses en el campo)", () => {
    expect(st("He spent six months in the camp before he was freed.")).toBe("fail");
    expect(st("Pasó seis meses en el campo antes de ser liberado.")).toBe("fail");
    // Elsewhere, or the place only in another clause, it is his own.
    expect(st("He spent six months in a county jail before he was freed.")).toBe("not_applicable");
    expect(st("He spent two weeks in Maracay talking to men who were held in the camp.")).toBe("not_applicable");
  });
});

describe("a relative clause on the group's noun", () => {
  it("gives a date before the group's noun to the main clause, not to a reduced relative on it (the men the U.S. had freed …)", () => {
    expect(freed("A year ago today — May 3, 2023 — the men the U.S. had freed walked out of the camp.")).toBe("not_applicable");
    expect(freed("On May 3, 2023, the men Washington deported sued.")).toBe("not_applicable");
    // With its pronoun, a pluperfect says the same: an earlier event.
    expect(freed("A year ago today, May 3, 2023, 252 men who had been deported flew home.")).toBe("not_applicable");
    expect(freed("On May 3, 2023, the men were freed.")).toBe("fail");
  });
});

describe("a running total", () => {
  const totals = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.sent.yaml": `id: t.sent\n${COMMON}kind: quantity\nunit: count\nvalue: 238\nnear: { terms: [miners, people], words: 2, side: after }\nevent:\n  terms: [deported, released]\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, totals, { now: NOW }).verdicts[0]!.status;
  it("does not judge a count that 'since' makes every occurrence's total (has deported thousands of miners since January)", () => {
    expect(st("The country has deported thousands of miners since January.")).toBe("not_applicable");
    expect(st("Critics point to a figure of 354 people released since the 2023 decision.")).toBe("not_applicable");
    expect(st("The country deported 354 miners in January.")).toBe("fail");
  });
});

describe("one person's life in a relative clause", () => {
  const stays = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.held.yaml": `id: t.held\n${COMMON}kind: quantity\nunit: duration\nvalue: { min: 124, max: 125 }\nevent:\n  terms: [spent]\n  group: { sizes: [252], terms: [men] }\n`,
  });
  const st = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, stays, { now: NOW }).verdicts[0]!.status;
  it("reads 'who has' as one person's clause (an attorney who has spent the last eleven years representing the men)", () => {
    expect(st("Paredes is a former trial attorney for the agency who has spent the last eleven years on the other side.")).toBe(
      "not_applicable",
    );
    expect(st("The 252 men, who spent eleven years there, came home.")).toBe("fail");
  });
});

describe("a first name opening its sentence", () => {
  it("reads a capitalised word the text writes inside sentences, and never in lower case, as one person's name (Jhonder came home on May 3)", () => {
    const text = "Neighbours waited for Jhonder at the gate. Jhonder returned to the capital on May 3, 2023, after checks.";
    expect(freed(text)).toBe("not_applicable");
    // A word the text also writes in lower case is a common word; a plural pronoun after a colon is no name.
    expect(freed("Others waited. Others returned to the capital on May 3, 2023, after checks, as others did.")).toBe("fail");
    expect(freed("When: They were freed on May 3, 2023, and flown home.")).toBe("fail");
  });
});

describe("releasing things, not people", () => {
  it("does not date a release of records, documents or funds (released more records on May 3)", () => {
    expect(freed("On May 3, 2023, the panel released more records about the men.")).toBe("not_applicable");
    expect(freed("On May 3, 2023, the panel released the men.")).toBe("fail");
  });
});
