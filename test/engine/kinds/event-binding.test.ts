// The attachment layer with small pack-free rules: a value is judged only when it belongs to the
// rule's event (its clause, its nearest predicate), and counts only when they count the noun.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { prepareArticle } from "../../../src/engine/article-context";
import { isGenericPredicate } from "../../../src/engine/attach";
import { compiledOf } from "../../../src/engine/load-ruleset";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.launch_date.yaml": `id: t.launch_date\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [launched, launch]\n  ambiguous: { terms: [flew, sent], with: [orbit], without: [Earth] }\n`,
  "t/t.crew.yaml": `id: t.crew\n${COMMON}kind: quantity\nunit: count\nvalue: 4\nnationality: [US]\nnear: { terms: [astronauts, crew members], words: 3, side: after }\nevent:\n  terms: [launched, flew]\n  when: 2024-05\n`,
  "t/t.stay.yaml": `id: t.stay\n${COMMON}kind: quantity\nunit: duration\nvalue: { min: 124, max: 125 }\nevent:\n  terms: [stayed, held]\n`,
});

const status = (text: string, rule: string, publishedAt = "2024-06-01") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

// English and Spanish terms for one event, published well after it ("hoy" is not its day).
const launch = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.launch.yaml": `id: t.launch\n${COMMON}kind: date\ndate: 2024-05-10\nevent:\n  terms: [launched, lanzado]\n`,
});
const launchSt = (text: string) => checkArticle({ text, publishedAt: "2025-02-01" }, launch, { now: NOW }).verdicts[0]!.status;

describe("dates bind to their nearest predicate", () => {
  it("judges a date whose nearest predicate is the event", () => {
    expect(status("The rocket launched on May 10, 2024.", "t.launch_date")).toBe("pass");
    expect(status("The rocket launched on May 12, 2024.", "t.launch_date")).toBe("fail");
  });
  it("leaves a statement's or a ruling's date alone", () => {
    expect(status("The agency said on May 12 that the rocket launched without trouble.", "t.launch_date")).toBe("not_applicable");
    expect(status("A judge ruled on May 20 that the rocket launched illegally.", "t.launch_date")).toBe("not_applicable");
  });
  it("reads a when-clause after a date as what happened on it", () => {
    expect(status("It was May 12, when the rocket launched.", "t.launch_date")).toBe("fail");
  });
  it("tells a shared predicate's event by its destination, not its origin", () => {
    expect(status("The crew flew to orbit on May 12.", "t.launch_date")).toBe("fail");
    expect(status("The crew flew back to Earth from orbit on May 12.", "t.launch_date")).toBe("not_applicable");
  });
  it("judges coordinated dates as a set and skips a state's edges", () => {
    expect(status("Rockets launched in May and June.", "t.launch_date")).toBe("pass");
    expect(status("The program has launched nothing since June.", "t.launch_date")).toBe("not_applicable");
  });
  it("skips corrections, plans, denials and datelines", () => {
    expect(status("An earlier version of this story incorrectly said the rocket launched on May 12.", "t.launch_date")).toBe(
      "not_applicable",
    );
    expect(status("The rocket will launch on May 12.", "t.launch_date")).toBe("not_applicable");
    expect(status("The rocket was not launched on May 12.", "t.launch_date")).toBe("not_applicable");
    expect(status("HOUSTON, May 12 — Officials reviewed the launch data.", "t.launch_date")).toBe("not_applicable");
  });
  it("cuts a coordinated predicate into its own clause", () => {
    expect(status("The crew trained in March and launched on May 10, 2024.", "t.launch_date")).toBe("pass");
  });
  it("cuts a conjunct a coordinator and an adverb of time open (and today sits …; and today the crew …; y hoy reposa …): the adverb is its own", () => {
    expect(status("The rocket launched from the coast and today sits in a museum.", "t.launch_date")).toBe("not_applicable");
    expect(status("The rocket launched from the coast and today the crew lives abroad.", "t.launch_date")).toBe("not_applicable");
    expect(launchSt("El cohete fue lanzado desde la costa y hoy reposa en un museo.")).toBe("not_applicable");
    expect(launchSt("El cohete fue lanzado desde la costa hoy.")).toBe("fail");
    expect(status("The rocket launched from the coast today.", "t.launch_date")).toBe("fail");
  });
});

describe("counts quantify their own noun, in their own occurrence", () => {
  it("judges the counted noun right after the number", () => {
    expect(status("The rocket launched 4 astronauts into orbit.", "t.crew")).toBe("pass");
    expect(status("The rocket launched 5 astronauts into orbit.", "t.crew")).toBe("fail");
  });
  it("does not count company: 'flew with 5 astronauts'", () => {
    expect(status("The commander flew with 5 astronauts.", "t.crew")).toBe("not_applicable");
  });
  it("does not count another noun, a subset, a part or another nationality", () => {
    expect(status("Two rockets carrying 4 astronauts launched.", "t.crew")).toBe("pass");
    expect(status("One of the astronauts launched a camera.", "t.crew")).toBe("not_applicable");
    expect(status("It launched 3 astronauts and 2 more crew members.", "t.crew")).toBe("not_applicable");
    expect(status("The rocket launched with 3 Japanese astronauts.", "t.crew")).toBe("not_applicable");
  });
  it("leaves a count dated to another occurrence alone", () => {
    expect(status("In January 2023, a rocket launched with 7 astronauts.", "t.crew")).toBe("not_applicable");
  });
});

describe("durations compare in days across units", () => {
  it("agrees with four months and more than four months, not five", () => {
    expect(status("They stayed for four months.", "t.stay")).toBe("pass");
    expect(status("They were held for more than four months.", "t.stay")).toBe("pass");
    expect(status("They were held for five months.", "t.stay")).toBe("fail");
  });
  it("leaves a planned term alone", () => {
    expect(status("They will be held for one year.", "t.stay")).toBe("not_applicable");
  });
});

describe("language tables", () => {
  it("reads Spanish verb endings on the written word, not the folded one", () => {
    // Folded, the preterite "-ó" would be "-o": "estado" and "julio" would be verbs.
    const ctx = prepareArticle("El cohete despegó en el estado de Florida en julio.", "2024-06-01", true, compiledOf(rs), () => []);
    const verbs = ctx.tokens.filter((_, i) => isGenericPredicate(ctx, i)).map((t) => t.text);
    expect(verbs).toEqual(["despego"]);
  });
});

describe("a fail names what bound the value", () => {
  it("quotes the predicate in the evidence message", () => {
    const r = checkArticle({ text: "The rocket launched on May 12, 2024.", publishedAt: "2024-06-01" }, rs, { now: NOW });
    const v = r.verdicts.find((x) => x.rule === "t.launch_date")!;
    expect(v.status).toBe("fail");
    expect(v.evidence[0]!.message).toContain("“launched”");
  });
});

describe("a shared predicate no place decides", () => {
  const rs2 = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.crew.yaml": `id: t.crew\n${COMMON}kind: quantity\nunit: count\nvalue: 4\nnear: { terms: [astronauts], words: 3, side: after }\nevent:\n  terms: [launched]\n  ambiguous: { terms: [traveled], with: [orbit], without: [Earth] }\n  when: 2024-05\n`,
  });
  const crew = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, rs2, { now: NOW }).verdicts[0]!.status;
  it("is the event's when its own clause names the event's month", () => {
    expect(crew("Six astronauts traveled on the flights of May.")).toBe("fail");
    expect(crew("Six astronauts traveled on the flights of August.")).toBe("not_applicable");
    expect(crew("Six astronauts traveled back to Earth in May.")).toBe("not_applicable");
  });
});

describe("a date fronted before reading or learning", () => {
  const st = launchSt;
  it("dates that verb, not its content clause (In December he read that …; En diciembre leyó/supo que …)", () => {
    expect(st("In December he read in a forum that the rocket launched without a permit.")).toBe("not_applicable");
    expect(st("En diciembre leyó en un foro que un juez había dicho que el cohete fue lanzado sin permiso.")).toBe("not_applicable");
    expect(st("En enero supo que el cohete había sido lanzado sin permiso.")).toBe("not_applicable");
    expect(st("In December the rocket was launched in secret.")).toBe("fail");
    expect(st("En diciembre el cohete fue lanzado sin permiso.")).toBe("fail");
  });
});

describe("an event's verb used as an auxiliary", () => {
  const arrivals = rulesetOf({
    "t/pack.yaml": "pack: t\nterms: {}\n",
    "t/t.arrived.yaml": `id: t.arrived\n${COMMON}kind: date\ndate: 2024-03-15\nevent:\n  terms: [llegaron a, llegaron]\n`,
  });
  const on = (text: string) => checkArticle({ text, publishedAt: "2024-09-01" }, arrivals, { now: NOW }).verdicts[0]!.status;
  it("does not read 'llegar a' and an infinitive as the arrival (los que llegaron a estar presos, came to be)", () => {
    expect(on("En julio, los 40 mineros que llegaron a estar presos fueron liberados.")).toBe("not_applicable");
    expect(on("En julio, los 40 mineros que llegaron a convertirse en símbolo fueron liberados.")).toBe("not_applicable");
    expect(on("En julio, los 40 mineros llegaron a la capital.")).toBe("fail");
    expect(on("En julio, los 40 mineros llegaron a Caracas.")).toBe("fail");
  });
});

describe("a coordinated predicate with its own auxiliary", () => {
  it("does not give a date to a predicate after 'and' and an auxiliary (arrested in February and was among those launched)", () => {
    expect(status("The pilot was arrested at a checkpoint on Route 9 in February and was among the crew launched.", "t.launch_date")).toBe(
      "not_applicable",
    );
    // With no coordinated predicate before it, the date is the launch's.
    expect(status("In February the pilot was among the crew launched to orbit.", "t.launch_date")).toBe("fail");
  });
});
