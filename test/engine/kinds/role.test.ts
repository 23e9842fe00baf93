// The role kind with small pack-free rules: titles are typed values (office words, country, past),
// read as far as title words go, before or after the name, and judged for the date.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: role\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.ada.yaml": `id: t.ada\n${COMMON}person: [Ada Quill, Quill]\ncountry: FR\ntitles:\n  - { title: [President, French President, présidente], from: 2020-05-01 }\n  - { title: [Mayor], from: 2010-01-01, until: 2019-12-31 }\n`,
  "t/t.ben.yaml": `id: t.ben\n${COMMON}person: [Ben Okafor, Okafor]\ncountry: GB\ntitles:\n  - { title: [Chief Judge, U.K. District Judge, Judge], from: 2015-01-01 }\nreject: [Appeals Judge]\n`,
  "t/t.lia.yaml": `id: t.lia\n${COMMON}person: [Lía Ferrán, Ferrán]\ncountry: ES\ntitles:\n  - { title: [jueza, jueza de distrito, jueza federal], from: 2015-01-01 }\n`,
});

const verdict = (text: string, rule: string, publishedAt = "2024-06-01") =>
  checkArticle({ text, publishedAt }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!;
const status = (text: string, rule: string, publishedAt?: string) => verdict(text, rule, publishedAt).status;

describe("role: any other office fails", () => {
  it("passes the right title before the name", () => {
    expect(status("French President Ada Quill spoke on Monday.", "t.ada")).toBe("pass");
    expect(status("La présidente Ada Quill a parlé.", "t.ada")).toBe("pass");
  });
  it("reads the 's of a pronoun as 'is', not as a possessor opening the title (It's President Ada Quill)", () => {
    expect(status("It's President Ada Quill's favourite garden.", "t.ada")).toBe("pass");
    expect(status("It’s Mayor Ada Quill's favourite garden.", "t.ada")).toBe("fail");
  });
  it("fails an office the rule never lists, even when a right word sits inside it", () => {
    expect(status("Vice President Ada Quill spoke on Monday.", "t.ada")).toBe("fail");
    expect(status("Prime Minister Ada Quill spoke on Monday.", "t.ada")).toBe("fail");
  });
  it("fails a right word hiding a wrong one before it", () => {
    expect(status("Chief Judge Ben Okafor ruled.", "t.ben")).toBe("pass");
    expect(status("Circuit Chief Judge Ben Okafor ruled.", "t.ben")).toBe("fail");
  });
  it("fails a country word naming another country", () => {
    expect(status("Spanish President Ada Quill spoke on Monday.", "t.ada")).toBe("fail");
  });
  it("fails a title of another period, and names the right one", () => {
    const v = verdict("Mayor Ada Quill opened the bridge.", "t.ada");
    expect(v.status).toBe("fail");
    expect(v.evidence[0]!.replacements).toEqual(["President Ada Quill"]);
  });
  it("judges each part of coordinated titles", () => {
    expect(status("Mayor and President Ada Quill spoke.", "t.ada")).toBe("fail");
    expect(status("Chief Judge and District Judge Ben Okafor ruled.", "t.ben")).toBe("pass");
  });
  it("lets another body's or another person's title confirm only", () => {
    expect(status("The meeting of UNESCO Vice President Ada Quill ended.", "t.ada")).toBe("not_applicable");
    expect(status("Okafor's Vice President Ada Quill spoke.", "t.ada")).toBe("not_applicable");
    expect(status("The party vice president Ada Quill spoke.", "t.ada")).toBe("not_applicable");
    expect(status("Crowds cheered Vice President Ada Quill.", "t.ada")).toBe("fail");
  });
  it("reads a verb ending on the written word: a noun in -o owns the title, a Spanish -ó verb does not", () => {
    // Folded, the preterite "-ó" is "-o": nouns like "casino" must not pass for verbs.
    expect(status("The casino vice president Ada Quill spoke.", "t.ada")).toBe("not_applicable");
    expect(status("The radio vice president Ada Quill spoke.", "t.ada")).toBe("not_applicable");
    expect(status("La multitud aclamó Vice President Ada Quill.", "t.ada")).toBe("fail");
  });
  it("reads a hyphenated country as the person's origin, not the office's", () => {
    expect(status("Spanish-born President Ada Quill spoke.", "t.ada")).toBe("pass");
  });
  it("still fails a rejected title", () => {
    expect(status("Appeals Judge Ben Okafor ruled.", "t.ben")).toBe("fail");
  });
  it("reads a past title as right when the office was held before and not now", () => {
    expect(status("Ada Quill, the former mayor, spoke.", "t.ada")).toBe("pass");
    expect(status("Former President Ada Quill spoke.", "t.ada")).toBe("fail");
  });
});

describe("role: titles after the name", () => {
  it("judges a title in apposition after the name", () => {
    expect(status("Ben Okafor, Chief Judge of the U.K. District Court, ruled on Monday.", "t.ben")).toBe("pass");
    expect(status("Ada Quill, the vice president, spoke.", "t.ada")).toBe("fail");
  });
  it("lets a title of a body it does not know confirm only", () => {
    expect(status("Ada Quill is vice president of the Zorvan League.", "t.ada")).toBe("not_applicable");
    expect(status("Ada Quill is vice president of the local league.", "t.ada")).toBe("not_applicable");
    expect(status("Ada Quill, president of the Republic of France, spoke.", "t.ada")).toBe("pass");
  });
  it("does not take a namesake with another first name for the person", () => {
    expect(status("Lena Quill is the vice president of the firm.", "t.ada")).toBe("not_applicable");
    expect(status("Lena Quill, the vice president, spoke.", "t.ada")).toBe("not_applicable");
  });
  it("does not take another person's title", () => {
    expect(status("Ada Quill, President Okafor said, will visit.", "t.ada")).toBe("not_applicable");
  });
  it("reads a title run with its qualifier ('special envoy') as the next name's title", () => {
    // The comma closes a fronted phrase; "el enviado especial Leo Brandt" is the subject that follows.
    const es = "Poco después de la toma de posesión de Quill, el enviado especial Leo Brandt voló a París.";
    expect(status(es, "t.ada")).toBe("not_applicable");
    expect(status("Tras la visita de Quill, el enviado presidencial Leo Brandt voló a París.", "t.ada")).toBe("not_applicable");
    expect(status("Soon after the inauguration of Quill, the special envoy Leo Brandt flew to Paris.", "t.ada")).toBe("not_applicable");
  });
});

describe("role: titles stated of the name", () => {
  it("judges a present title and lets a past change only confirm", () => {
    expect(status("Ada Quill is the president of France.", "t.ada")).toBe("pass");
    expect(status("Ada Quill is the prime minister.", "t.ada")).toBe("fail");
    expect(status("Ada Quill was sworn in as president in May.", "t.ada")).toBe("pass");
    expect(status("Ada Quill was named mayor.", "t.ada")).toBe("not_applicable");
  });
  it("skips the place of a title in apposition", () => {
    expect(status("A judge in London, Ben Okafor, ruled.", "t.ben")).toBe("pass");
    expect(status("An appeals judge in London, Ben Okafor, ruled.", "t.ben")).toBe("fail");
  });
});

describe("role: dates", () => {
  it("a stated year excuses a title of that year", () => {
    expect(status("In 2015, Mayor Ada Quill opened the bridge.", "t.ada")).toBe("not_applicable");
  });
  it("a year excuses only when the month agrees too", () => {
    expect(status("In December 2019, President Ada Quill spoke.", "t.ada", "2024-06-01")).toBe("pass");
    expect(status("In June 2020, Mayor Ada Quill spoke.", "t.ada")).toBe("fail");
    expect(status("In 2019, Mayor Ada Quill spoke.", "t.ada")).toBe("not_applicable");
  });
  it("a year-less date is resolved against the publication date", () => {
    expect(status("In December, Mayor Ada Quill opened the bridge.", "t.ada", "2020-03-01")).toBe("not_applicable");
    expect(status("In June, Mayor Ada Quill opened the bridge.", "t.ada", "2020-08-01")).toBe("fail");
  });
  it("without a date in its sentence, a title is dated by the last date before it in its paragraph", () => {
    expect(status("On 20 July 2015 the bridge opened. Mayor Ada Quill cut the ribbon.", "t.ada")).toBe("not_applicable");
    expect(status("On 20 July 2015 the bridge opened.\n\nMayor Ada Quill cut the ribbon.", "t.ada")).toBe("fail");
  });
  it("lets a then-title confirm a title held before, never fail", () => {
    expect(status("Then-Mayor Ada Quill opened the bridge.", "t.ada")).toBe("pass");
    expect(status("Ada Quill, then the mayor, opened the bridge.", "t.ada")).toBe("pass");
    expect(status("Then-Governor Ada Quill opened the bridge.", "t.ada")).toBe("not_applicable");
  });
  it("leaves lower-case names alone", () => {
    expect(status("The quill was sharp.", "t.ada")).toBe("not_applicable");
  });
});

describe("role: a title said of its time", () => {
  it("does not fail a title in apposition followed by 'at the time' / 'en ese momento'", () => {
    expect(status("Ada Quill, France's mayor at the time of the vote, spoke.", "t.ada")).not.toBe("fail");
    expect(status("Ada Quill, France's mayor, spoke.", "t.ada")).toBe("fail");
  });
});

describe("role: a statement set in an undated past", () => {
  it("does not judge a title held before today when 'a year ago' / 'hace un año' / 'at the time' comes first", () => {
    expect(status("A year ago, Mayor Ada Quill opened the bridge.", "t.ada")).toBe("not_applicable");
    expect(status("Hace un año, Mayor Ada Quill abrió el puente.", "t.ada")).toBe("not_applicable");
    expect(status("Mayor Ada Quill opened the bridge.", "t.ada")).toBe("fail");
    // Only what follows the marker; and never a title the person has not held.
    expect(status("Mayor Ada Quill said more than anyone expected a year ago.", "t.ada")).toBe("fail");
    expect(status("A year ago, Governor Ada Quill opened the bridge.", "t.ada")).toBe("fail");
  });
});

describe("role: the title held until a change the sentence states", () => {
  it("does not judge the old title before 'was sworn in as' / 'asumió como'", () => {
    expect(status("Mayor Ada Quill was sworn in as president.", "t.ada")).toBe("not_applicable");
    expect(status("Mayor Ada Quill asumió como presidenta.", "t.ada")).toBe("not_applicable");
    expect(status("Mayor Ada Quill spoke at the ceremony.", "t.ada")).toBe("fail");
  });
});

describe("role: a thing the holder owns is not part of the title", () => {
  it("starts the title after 'del' when a lower-case non-office phrase owns it (el plan de paz del presidente)", () => {
    expect(status("Es la joya del plan de paz del President Ada Quill.", "t.ada")).toBe("pass");
    expect(status("Habló el Mayor de paz del President Ada Quill.", "t.ada")).not.toBe("pass");
  });
});

describe("role: a title carried into its body by 'on'", () => {
  it("reads 'a judge on the Appeals Court' after the name", () => {
    expect(status("Ben Okafor, a judge on the Appeals Court, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, a judge on Monday, ruled.", "t.ben")).not.toBe("fail");
  });
  it("reads a known body's own name after it as naming which one (the Appeals Court for the Fifth Circuit)", () => {
    expect(status("Ben Okafor, a judge on the Appeals Court for the Fifth Circuit, ruled.", "t.ben")).toBe("fail");
    // An unknown body alone still qualifies the title: it is not judged.
    expect(status("Ben Okafor, a judge on the Fifth Circuit, ruled.", "t.ben")).not.toBe("fail");
  });
});

describe("role: a title stated in a relative clause", () => {
  it("judges 'X, who remains …' like 'X remains …'", () => {
    expect(status("Ada Quill, who remains the mayor, spoke.", "t.ada")).toBe("fail");
    expect(status("Ada Quill, who is the French President, spoke.", "t.ada")).toBe("pass");
  });
});

describe("role: a title's body written after the name", () => {
  it("joins 'of the Appeals Court' after the name to the title before it", () => {
    expect(status("Judge Ben Okafor of the Appeals Court ruled on Monday.", "t.ben")).toBe("fail");
    expect(status("Judge Ben Okafor of the District Court ruled on Monday.", "t.ben")).toBe("pass");
    expect(status("Judge Ben Okafor of Leeds ruled on Monday.", "t.ben")).toBe("pass");
  });
  it("reads a membership clause as 'of' (Judge Ben Okafor, who sits on the Appeals Court; el juez Okafor, que integra …)", () => {
    expect(status("Judge Ben Okafor, who sits on the Appeals Court, ruled on Monday.", "t.ben")).toBe("fail");
    expect(status("Judge Ben Okafor, who sits on the District Court, ruled on Monday.", "t.ben")).toBe("pass");
    // Membership of no court says nothing of the title.
    expect(status("Judge Ben Okafor, who sits on a charity board, ruled on Monday.", "t.ben")).toBe("pass");
  });
});

describe("role: another person's office", () => {
  it("reads a possessor as the title's start (a spokesperson for France's President Ada Quill)", () => {
    expect(status("A spokesperson for France's President Ada Quill said so.", "t.ada")).toBe("pass");
    expect(status("An adviser to France's Prime Minister Ada Quill said so.", "t.ada")).toBe("fail");
  });
  it("reads a staff office and its function word as someone else's (a spokesperson for French President Ada Quill; el portavoz de la présidente)", () => {
    expect(status("A spokesperson for French President Ada Quill said so.", "t.ada")).toBe("pass");
    expect(status("El portavoz de la présidente Ada Quill lo dijo.", "t.ada")).toBe("pass");
    expect(status("An adviser to Prime Minister Ada Quill said so.", "t.ada")).toBe("fail");
  });
});

describe("role: a statement set in the present", () => {
  it("judges a title as of publication when its sentence says 'this week' or 'still', whatever date it or its paragraph set", () => {
    expect(status("Quill was elected on May 3, 2012. This week, Mayor Ada Quill said she would run.", "t.ada")).toBe("fail");
    expect(status("Quill was elected on May 3, 2012. Mayor Ada Quill said she would run.", "t.ada")).toBe("not_applicable");
    expect(status("Quill was elected on May 3, 2012. Mayor Ada Quill continues to say she will run.", "t.ada")).toBe("fail");
    expect(status("The town is still run by Mayor Ada Quill, whose aides opened the bridge in May 2012.", "t.ada")).toBe("fail");
    expect(status("The town was run by Mayor Ada Quill, whose aides opened the bridge in May 2012.", "t.ada")).toBe("not_applicable");
  });
});

describe("role: a people's plural before a title", () => {
  it("does not read 'Venezuelans' before 'President' as the office's country (238 Venezuelans President Trump says …)", () => {
    expect(status("The prison holds 40 Frenchmen. Home to 238 Peruvians President Ada Quill says are guilty.", "t.ada")).toBe("pass");
  });
});

describe("role: a title whose relative clause is in the past", () => {
  it("does not fail a title an apposition's past relative clause dates (Ada Quill, the mayor who opened the bridge)", () => {
    expect(status("Ada Quill, the mayor who opened the bridge, came back.", "t.ada")).toBe("not_applicable");
    expect(status("Ada Quill, la alcaldesa que inauguró el puente, volvió.", "t.ada")).not.toBe("fail");
    // It may still confirm a title that holds, and a present relative clause is judged.
    expect(status("Ada Quill, the president who opened the bridge, came back.", "t.ada")).toBe("pass");
    expect(status("Ada Quill, the mayor who runs the city, came back.", "t.ada")).toBe("fail");
  });
});

describe("role: a court written in lower case", () => {
  it("joins a lower-case body closed by its court noun to the title before the name", () => {
    expect(status("Judge Ben Okafor of the federal appeals court in Leeds ruled.", "t.ben")).toBe("fail");
    expect(status("Judge Ben Okafor of the district court in Leeds ruled.", "t.ben")).toBe("pass");
    expect(status("La jueza Lía Ferrán, de la corte federal de apelaciones, falló.", "t.lia")).toBe("fail");
    expect(status("La jueza Lía Ferrán, del tribunal federal de distrito, falló.", "t.lia")).toBe("pass");
    // Lower-case words no court noun closes name no body.
    expect(status("Judge Ben Okafor of the special session ruled.", "t.ben")).toBe("pass");
  });
});

describe("role: a bare name placed on a court", () => {
  it("reads 'who sits on the appeals court' / 'que integra la corte de apelaciones' as the court's judge", () => {
    expect(status("Ben Okafor, who sits on the federal appeals court, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, who sits on the U.K. Court of Appeals, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, who sits on the district court, ruled.", "t.ben")).toBe("pass");
    expect(status("Lía Ferrán, que integra la corte de apelaciones, falló.", "t.lia")).toBe("fail");
    expect(status("Lía Ferrán, que integra el tribunal de distrito, falló.", "t.lia")).toBe("pass");
  });
  it("lets a past membership confirm only, and a body that is no court say nothing", () => {
    expect(status("Ben Okafor, who sat on the appeals court, ruled.", "t.ben")).toBe("not_applicable");
    expect(status("Lía Ferrán, que integraba la corte de apelaciones, falló.", "t.lia")).toBe("not_applicable");
    expect(status("Ben Okafor, who sits on the charity board, ruled.", "t.ben")).toBe("not_applicable");
  });
});

describe("role: a known court's own name after it", () => {
  it("judges a title whose known court is followed by its name (de la Corte de Apelaciones del Circuito de Leeds)", () => {
    expect(status("Lía Ferrán, jueza de la Corte de Apelaciones del Circuito de Leeds, falló.", "t.lia")).toBe("fail");
    expect(status("Ben Okafor, a judge on the Appeals Court of Leeds, ruled.", "t.ben")).toBe("fail");
    expect(status("Lía Ferrán, jueza del Tribunal de Distrito de Leeds, falló.", "t.lia")).toBe("pass");
    // A body we do not know still only confirms.
    expect(status("Lía Ferrán, presidenta de la Liga de Leeds, falló.", "t.lia")).toBe("not_applicable");
  });
});

describe("role: a title before the name and another in apposition after it", () => {
  it("judges the apposition too (el juez X, magistrado de la Corte de Apelaciones)", () => {
    expect(status("La jueza Lía Ferrán, jueza de la Corte de Apelaciones, falló el lunes.", "t.lia")).toBe("fail");
    expect(status("La jueza Lía Ferrán, jueza del Tribunal de Distrito, falló el lunes.", "t.lia")).toBe("pass");
    expect(status("Judge Ben Okafor, a judge of the Appeals Court, ruled.", "t.ben")).toBe("fail");
  });
  it("leaves a list alone: the next title is the next name's", () => {
    expect(status("Statements by Judge Ben Okafor, Secretary of State Leo Brandt and former aides.", "t.ben")).toBe("pass");
    expect(status("Statements by Judge Ben Okafor, Secretary of State Leo Brandt, and others.", "t.ben")).toBe("pass");
  });
});

describe("role: a court noun says whose office a title is", () => {
  it("judges a title on a court whatever name the court goes by (an appeals court judge on the Fifth Circuit)", () => {
    expect(status("Ben Okafor, an appeals court judge on the Fifth Circuit, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, a judge on the Fifth Circuit appeals court, ruled.", "t.ben")).toBe("fail");
    expect(status("Lía Ferrán, jueza de la Quinta Sala de la corte de apelaciones, falló.", "t.lia")).toBe("fail");
    expect(status("Ben Okafor, a judge on the Leeds district court, ruled.", "t.ben")).toBe("pass");
    // Without a court noun the body is still not known.
    expect(status("Ben Okafor, a judge on the Fifth Circuit, ruled.", "t.ben")).not.toBe("fail");
  });
});

describe("role: a known body's own name between the title and the name", () => {
  it("reads the title across the body's name (la jueza de la Corte de Apelaciones del Distrito de Leeds Lía Ferrán)", () => {
    expect(status("La jueza de la Corte de Apelaciones del Distrito de Leeds Lía Ferrán falló.", "t.lia")).toBe("fail");
    expect(status("La jueza del Tribunal de Distrito de Leeds Lía Ferrán falló.", "t.lia")).toBe("pass");
    expect(status("The judge of the Appeals Circuit of Leeds Ben Okafor ruled.", "t.ben")).toBe("fail");
  });
  it("does not read another body's name after an office as the person's title", () => {
    expect(status("La vicepresidenta de Acme Lía Ferrán habló.", "t.lia")).toBe("not_applicable");
    expect(status("The judge of Leeds Ben Okafor ruled.", "t.ben")).toBe("not_applicable");
  });
});

describe("role: a court's name before the title words in apposition", () => {
  it("reads 'a Leeds appeals court judge' when a court noun follows the name", () => {
    expect(status("Ben Okafor, a Leeds appeals court judge, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, a Leeds district court judge, ruled.", "t.ben")).toBe("pass");
    // Without a court noun the name may be another body's: not read.
    expect(status("Ben Okafor, a Leeds appeals judge, ruled.", "t.ben")).toBe("not_applicable");
  });
  it("reads 'quien integra' like 'que integra'", () => {
    expect(status("Lía Ferrán, quien integra la corte de apelaciones, falló.", "t.lia")).toBe("fail");
    expect(status("Lía Ferrán, quien integraba la corte de apelaciones, falló.", "t.lia")).toBe("not_applicable");
  });
});

describe("role: a bare name 'of' a court", () => {
  it("reads 'Ben Okafor of the appeals court' / 'Lía Ferrán, del Tribunal de Apelaciones' as the court's judge", () => {
    expect(status("Ben Okafor of the federal appeals court ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor, who serves on the federal appeals bench, ruled.", "t.ben")).toBe("fail");
    expect(status("Ben Okafor of the district court ruled.", "t.ben")).toBe("pass");
    expect(status("Lía Ferrán, del Tribunal de Apelaciones de Leeds, falló.", "t.lia")).toBe("fail");
    expect(status("Lía Ferrán, del tribunal de distrito, falló.", "t.lia")).toBe("pass");
    // No court noun: no office.
    expect(status("Ben Okafor of the appeals panel ruled.", "t.ben")).toBe("not_applicable");
  });
});
