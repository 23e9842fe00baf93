// Dates and lengths that are not the event's: a count written like a date, a part of the month
// that names another occurrence, a deadline, "today" framing a retrospective, and other things'
// or other people's time. Pack-free rules, so each case shows a general cause, not a CECOT sentence.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.sent_count.yaml": `id: t.sent_count\n${COMMON}kind: quantity\nunit: count\nvalue: 40\nnear: { terms: [miners, mineros], words: 2, side: after }\nevent:\n  terms: [sent, enviados, llegó, arrived]\n  when: 2024-03-15\n  identify: [first group, primer grupo]\n`,
  "t/t.held_for.yaml": `id: t.held_for\n${COMMON}kind: quantity\nunit: duration\nvalue: { min: 124, max: 125 }\nevent:\n  terms: [held, detained, detention, detenidos, presos, spent, pasaron]\n  group: { sizes: [40], terms: [miners, mineros] }\n`,
  "t/t.home_on.yaml": `id: t.home_on\n${COMMON}kind: date\ndate: 2024-07-18\nevent:\n  terms: [returned, volvió, volvieron]\n`,
  "t/t.sent_count2.yaml": `id: t.sent_count2\n${COMMON}kind: quantity\nunit: count\nvalue: 40\nnear: { terms: [miners, mineros, inmates, reos], words: 3, side: after }\nevent:\n  terms: [sent, flown, flight, enviados, trasladados]\n`,
  "t/t.sent_on.yaml": `id: t.sent_on\n${COMMON}kind: date\ndate: 2024-03-15\nevent:\n  terms: [sent, deported, enviados, deportados, deportado]\n  group: { sizes: [40], terms: [miners, mineros] }\n`,
});

const status = (text: string, rule: string, publishedAt = "2024-06-03") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

describe("a count written like a date", () => {
  it("reads a count after a plural article as people the month labels (los 23 de marzo), not the 23rd nor the event's date", () => {
    expect(status("El foco vuelve a los mineros deportados, entre ellos los 23 de marzo, cuya situación sigue igual.", "t.sent_on")).toBe(
      "not_applicable",
    );
    // A label dates no event outside it: "the 38 from April" are not sent in April.
    expect(status("All 40 miners — the 38 from April plus two more — were sent home.", "t.sent_on")).toBe("not_applicable");
    expect(status("El foco vuelve a los mineros deportados el 23 de marzo, cuya situación sigue igual.", "t.sent_on")).toBe("fail");
  });
});

describe("a part of the month", () => {
  it("reads early/mid/late (a principios/mediados/finales de, the end of) as days: late March is not the 15th", () => {
    expect(status("The miners were sent to the capital in late March.", "t.sent_on")).toBe("not_applicable");
    expect(status("The miners were sent to the capital at the end of March.", "t.sent_on")).toBe("not_applicable");
    expect(status("Los mineros fueron enviados a la capital a principios de marzo.", "t.sent_on")).toBe("not_applicable");
    expect(status("The miners were sent to the capital in mid-March.", "t.sent_on")).toBe("pass");
    expect(status("Los mineros fueron enviados a la capital a mediados de abril.", "t.sent_on")).toBe("fail");
  });
  it("takes a count dated to another part of the month than `when` for another occurrence", () => {
    expect(status("Fue uno de los siete mineros enviados a la capital a finales de marzo.", "t.sent_count")).toBe("not_applicable");
    expect(status("Seven miners were sent to the capital at the end of March.", "t.sent_count")).toBe("not_applicable");
    expect(status("Seven miners were sent to the capital in mid-March.", "t.sent_count")).toBe("fail");
  });
  it("takes a count dated more than a week from `when`'s day for another occurrence (among seven miners sent on March 30)", () => {
    expect(status("He was among seven miners sent to the capital on March 30.", "t.sent_count")).toBe("not_applicable");
    expect(status("Estaba entre los siete mineros enviados a la capital el 30 de marzo.", "t.sent_count")).toBe("not_applicable");
    // A day or two off is more likely a wrong date of the same occurrence.
    expect(status("Seven miners were sent to the capital on March 16.", "t.sent_count")).toBe("fail");
    expect(status("Siete mineros fueron enviados a la capital el 17 de marzo.", "t.sent_count")).toBe("fail");
    // Beside a date of the occurrence itself, a far day names another batch, not this count's.
    expect(status("Se suman a otro de siete que llegó el 30 de marzo y a los 52 mineros enviados el 16 de marzo.", "t.sent_count")).toBe(
      "fail",
    );
  });
});

describe("a later batch", () => {
  it("takes a value in a clause naming a second group, another flight or un grupo posterior for another occurrence", () => {
    expect(status("El 15 de marzo llegó un segundo grupo de siete mineros a la capital.", "t.sent_count")).toBe("not_applicable");
    expect(status("On March 15, a third flight arrived with seven miners.", "t.sent_count")).toBe("not_applicable");
    expect(status("Un vuelo posterior llegó con siete mineros el 15 de marzo.", "t.sent_count")).toBe("not_applicable");
    expect(status("El 15 de marzo llegó un primer grupo de siete mineros a la capital.", "t.sent_count")).toBe("fail");
    expect(status("A second flight of miners was sent on March 20, 2024.", "t.sent_on")).toBe("not_applicable");
    expect(status("A flight of miners was sent on March 20, 2024.", "t.sent_on")).toBe("fail");
  });
  it("reads a relative clause whose predicate is followed by 'later' / 'después' as naming a later batch", () => {
    const es = "Los 40 que fueron enviados a la capital después —siete el 30 de marzo y siete el 2 de abril— no forman parte de la clase.";
    expect(status(es, "t.sent_on")).toBe("not_applicable");
    expect(status("The 40 who were deported afterwards, on March 30, are not in the class.", "t.sent_on")).toBe("not_applicable");
    // (The group's own count throughout: "Los 14 que …" would count another group, and that alone rules it out.)
    expect(status("Los 40 que fueron enviados a la capital el 30 de marzo no forman parte de la clase.", "t.sent_on")).toBe("fail");
    expect(status("The miners were deported later, on March 30.", "t.sent_on")).toBe("fail");
  });
  it("reads a qualified count left behind by a resumed clause as another group when it is far from every size (at least 12 miners | were sent)", () => {
    expect(status("Logs show at least 12 miners were sent to the capital on March 20.", "t.sent_on")).toBe("not_applicable");
    expect(status("Los registros muestran que al menos 12 mineros fueron enviados el 20 de marzo.", "t.sent_on")).toBe("not_applicable");
    // Near a size it may be the group itself, roughly counted.
    expect(status("Logs show more than 35 miners were sent to the capital on March 20.", "t.sent_on")).toBe("fail");
  });
});

describe("a date in a dash aside", () => {
  it("dates the aside's own predicate, not the one outside it", () => {
    const es =
      "Los 40 mineros —a los primeros se sumaron siete el 30 de marzo y otros siete a mediados de abril— volvieron el 18 de julio de 2024.";
    expect(status(es, "t.home_on", "2024-08-05")).toBe("pass");
    const en = "The 40 miners (seven more joined them on March 30) returned on July 18, 2024.";
    expect(status(en, "t.home_on", "2024-08-05")).toBe("pass");
    // With no predicate of its own, the aside's date is the one outside it's.
    expect(status("Los 40 mineros —todos ellos el 30 de marzo— volvieron a casa.", "t.home_on", "2024-08-05")).toBe("fail");
  });
});

describe("a deadline or an order", () => {
  it("reads 'by' or 'a más tardar' before a date as a deadline, a time of day between (by midnight Monday)", () => {
    expect(status("A judge said the miners must be sent home by midnight Monday.", "t.sent_on", "2024-03-20")).toBe("not_applicable");
    expect(status("Los mineros fueron enviados a más tardar el 20 de marzo de 2024.", "t.sent_on")).toBe("not_applicable");
    expect(status("Los mineros fueron enviados antes del 20 de marzo de 2024.", "t.sent_on")).toBe("not_applicable");
    expect(status("The miners were sent no later than March 20, 2024.", "t.sent_on")).toBe("not_applicable");
    expect(status("The miners were sent on March 20, 2024.", "t.sent_on")).toBe("fail");
  });
  it("does not take the object of an order for the event done (ordered … to, ordenó que)", () => {
    expect(status("The judge ordered the government to send the miners on March 20, 2024.", "t.sent_on")).toBe("not_applicable");
    expect(status("El juez ordenó al Gobierno que los mineros fueran enviados el 20 de marzo de 2024.", "t.sent_on")).toBe(
      "not_applicable",
    );
    expect(status("The judge, who ordered nothing, said the miners were sent on March 20, 2024.", "t.sent_on")).toBe("fail");
    expect(status("The judge ordered their return, a year after they were sent on March 20, 2024.", "t.sent_on")).toBe("fail");
    expect(status("A judge ordered the deportation of the miners, who were sent on March 20, 2024.", "t.sent_on")).toBe("fail");
    expect(status("A judge ordered them deported on March 20, 2024.", "t.sent_on")).toBe("fail");
  });
});

describe("whose time a length is", () => {
  it("gives a length that modifies a noun to that noun (a three-hour argument, una espera de seis meses)", () => {
    expect(status("A hearing on the detention of the miners turned into a three-hour argument on Wednesday.", "t.held_for")).toBe(
      "not_applicable",
    );
    expect(status("Tras una espera de seis meses, los mineros detenidos volvieron.", "t.held_for")).toBe("not_applicable");
    expect(status("The miners' six-month detention ended.", "t.held_for")).toBe("fail");
    expect(status("The miners were detained for six months.", "t.held_for")).toBe("fail");
  });
  it("reads llevar + a length + a gerund or 'sin' as the subject's own time (que lleva 22 años dando clases)", () => {
    expect(status("La maestra, que lleva 22 años dando clases, habla de los mineros detenidos.", "t.held_for")).toBe("not_applicable");
    expect(status("Las familias que llevan tres años sin noticias de sus hijos detenidos esperan.", "t.held_for")).toBe("not_applicable");
    expect(status("Los mineros llevan seis meses detenidos.", "t.held_for")).toBe("fail");
    expect(status("For the miners held there, it meant six months without a phone call.", "t.held_for")).toBe("fail");
    expect(status("The miners spent six months being held.", "t.held_for")).toBe("fail");
  });
});

describe("today", () => {
  it("does not date a relative clause's past event with a bare 'today' whose own clause has no event (Today we're looking back at …)", () => {
    expect(status("Welcome back. Today we're looking back at the miners who were sent to the capital.", "t.sent_on", "2024-08-05")).toBe(
      "not_applicable",
    );
    expect(
      status("Good morning. Today: a jobs report that rattled markets, what happened to the miners sent away, and rain.", "t.sent_on"),
    ).toBe("not_applicable");
    expect(status("Hoy recordamos a los mineros que fueron enviados a la capital.", "t.sent_on")).toBe("not_applicable");
    expect(status("Today, the miners were sent to the capital.", "t.sent_on")).toBe("fail");
    expect(status("Hoy, los mineros que estaban presos fueron enviados a la capital.", "t.sent_on")).toBe("fail");
    expect(status("One year ago today, he was among the miners who were sent to the capital.", "t.sent_on", "2025-03-20")).toBe("fail");
  });
});

describe("another sense of the predicate", () => {
  it("does not take 'returned to office' or 'volvió al poder' for people's return", () => {
    expect(status("Since the governor returned to office on Jan. 20, the miners have waited.", "t.home_on", "2024-08-05")).toBe(
      "not_applicable",
    );
    expect(status("Desde que el gobernador volvió al poder el 20 de enero, los mineros esperan.", "t.home_on", "2024-08-05")).toBe(
      "not_applicable",
    );
    expect(status("The miners returned to the capital on Jan. 20.", "t.home_on", "2024-08-05")).toBe("fail");
  });
});

describe("a kind, not this occurrence", () => {
  it("does not bind 'such' + the event's noun (the first such flight since …)", () => {
    expect(
      status("A bus carrying 41 miners reached the coast, the first such flight since the miners were sent away.", "t.sent_count2"),
    ).toBe("not_applicable");
    expect(status("A flight carrying 41 miners was sent from the capital.", "t.sent_count2")).toBe("fail");
  });
});

describe("a date a summary is current to", () => {
  it("does not take 'as of <date>' for the event's date", () => {
    expect(status("The miners sent north (as of January 12, 2024) are listed below.", "t.sent_on")).toBe("not_applicable");
    expect(status("The miners sent north (January 12, 2024) are listed below.", "t.sent_on")).toBe("fail");
  });
});

describe("a date that names a place", () => {
  it("reads a day and month after a street's or a school's noun as its name (Avenida 5 de Julio, Liceo 23 de Enero)", () => {
    expect(status("Volvieron y abrieron una tienda en la Avenida 5 de Julio.", "t.home_on")).toBe("not_applicable");
    expect(status("Volvieron y estudian en el Liceo 23 de Enero.", "t.home_on")).toBe("not_applicable");
    expect(status("Volvieron el 5 de julio.", "t.home_on")).toBe("fail");
  });
});

describe("a length of something else", () => {
  it("reads 'spent N on <task>' as time on an activity", () => {
    expect(status("For those of us who have spent nine months on this case, the miners held there matter.", "t.held_for")).toBe(
      "not_applicable",
    );
    expect(status("The miners spent nine months in the camp.", "t.held_for")).toBe("fail");
  });
  it("gives 'N weeks of <noun>' to that noun unless it states the event (five weeks of upheaval, cinco semanas de caos)", () => {
    expect(status("The miners held there now face what the last five weeks of upheaval mean.", "t.held_for")).toBe("not_applicable");
    expect(status("Los mineros detenidos allí viven cinco semanas de caos.", "t.held_for")).toBe("not_applicable");
    expect(status("The miners endured five weeks of detention.", "t.held_for")).toBe("fail");
  });
});
