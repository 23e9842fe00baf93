// The place kind with small pack-free rules: a place counts only when attached to the entity
// (before it, after it with glue, in a copular statement with an insertion), and in sentence mode
// the place the subject governs decides.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: place\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.country.yaml": `id: t.country\n${COMMON}subject: [Zorva Dome, ZD]\nheads: [stadium, arena]\nmodifiers: [giant]\npeople: [fans]\ncountry: PE\n`,
  "t/t.town.yaml": `id: t.town\n${COMMON}subject: [Zorva Dome, ZD]\nheads: [stadium, arena, estadio]\nmodifiers: [giant, gigante]\nothers: [Arena Norte]\nplaces: { accept: [Cusco], reject: [Lima, Arequipa] }\n`,
  "t/t.landing.yaml": `id: t.landing\n${COMMON}subject: [landed, landing]\nattach: sentence\nheads: [airport, air base]\nplaces: { accept: [Jorge Chávez, Lima], reject: [Las Palmas, Arequipa] }\n`,
});

const verdict = (text: string, rule: string) =>
  checkArticle({ text, publishedAt: "2024-06-01" }, rs, { now: NOW }).verdicts.find((v) => v.rule === rule)!;
const status = (text: string, rule: string) => verdict(text, rule).status;

describe("place: attached places", () => {
  it("judges a country attached before or after the entity", () => {
    expect(status("Crowds filled the Zorva Dome in Peru.", "t.country")).toBe("pass");
    expect(status("Crowds filled Chile's Zorva Dome.", "t.country")).toBe("fail");
    expect(status("The ZD, a giant Bolivian arena, was full.", "t.country")).toBe("fail");
  });
  it("does not read a compound made of the name as the entity", () => {
    expect(status("Chile's ZD-style arena opened.", "t.country")).toBe("not_applicable");
    expect(status("Chile built a mini-ZD last year in Chile.", "t.country")).toBe("not_applicable");
    expect(status("Chile wants another Zorva Dome in Chile.", "t.country")).toBe("not_applicable");
  });
  it("does not take a place that only shares the sentence", () => {
    expect(status("Chilean fans flew from Chile to the Zorva Dome.", "t.country")).toBe("not_applicable");
    expect(status("Chilean ZD fans sang all night.", "t.country")).toBe("not_applicable");
    expect(status("Chilean ZD alumni sang all night.", "t.country")).toBe("not_applicable");
    expect(status("The Chilean ZD stadium was full.", "t.country")).toBe("fail");
  });
  it("reads a copular statement past an insertion", () => {
    expect(status("The Zorva Dome, which opened in 2021, is a stadium in Cusco.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome (ZD), built by the state, is an arena in Arequipa.", "t.town")).toBe("fail");
  });
  it("skips an aside between dashes (dashes fold to hyphens)", () => {
    expect(status("The Zorva Dome — ZD to its fans — rises over farmland in Cusco.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome — ZD to its fans — is a stadium in Arequipa.", "t.town")).toBe("fail");
  });
  it("locates through a town: 'in Cusco, Peru'", () => {
    expect(status("The Zorva Dome, in Cusco, Peru, was full.", "t.country")).toBe("pass");
    expect(status("The Zorva Dome, in Cusco, Chile, was full.", "t.country")).toBe("fail");
  });
  it("does not read the language of an acronym as a place", () => {
    expect(status("The stadium, known by its Spanish acronym ZD, was full.", "t.country")).toBe("not_applicable");
  });
  it("skips what a document is reported to say (a photo caption said …, el mensaje decía …)", () => {
    expect(status("A photo caption with that article said the fans landed at an airport in Arequipa.", "t.landing")).toBe("not_applicable");
    expect(status("El mensaje decía que los aficionados landed en Arequipa.", "t.landing")).toBe("not_applicable");
    expect(status("The fans landed at an airport in Arequipa, a photo caption said.", "t.landing")).toBe("fail");
  });
  it("skips negations and corrections", () => {
    expect(status("The Zorva Dome is not in Chile.", "t.country")).toBe("not_applicable");
    expect(status("An earlier version of this story incorrectly said the Zorva Dome is in Chile.", "t.country")).toBe("not_applicable");
  });
  it("reads 'the stadium' after the entity was named, for passes only", () => {
    expect(status("The Zorva Dome opened in 2021. The stadium, in Cusco, holds 40,000.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome opened in 2021. The stadium in Lima was older.", "t.town")).toBe("not_applicable");
  });
});

describe("place: statements that confirm, never fail", () => {
  it("reads a statement whose subject is the entity, a head noun or 'it'", () => {
    expect(status("The Zorva Dome sits on a hill in Cusco.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome is famous. It is located in Cusco.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome sits on a hill in Lima.", "t.town")).toBe("not_applicable");
  });
  it("reads 'it' one sentence about something else later, unless that sentence names another thing of the kind", () => {
    expect(status("This is the Zorva Dome. Tickets are cheap. It is located in Cusco.", "t.town")).toBe("pass");
    expect(status("This is the Zorva Dome. The new arena is bigger. It is located in Cusco.", "t.town")).toBe("not_applicable");
  });
  it("reads a relative clause on the subject", () => {
    expect(status("The Zorva Dome, which opened in 2021 in Cusco, is huge.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome, which fans from Lima love, is huge.", "t.town")).toBe("not_applicable");
  });
  it("takes a head noun in an article naming the entity for it, for passes only", () => {
    expect(status("Fans love the Zorva Dome. They flock to a stadium in Peru.", "t.country")).toBe("pass");
    expect(status("Fans love the Zorva Dome. They flock to a stadium in Chile.", "t.country")).toBe("not_applicable");
  });
  it("does not read a demonym on something else as the entity's place", () => {
    expect(status("The Zorva Dome holds 40,000 Peruvian fans.", "t.country")).toBe("not_applicable");
  });
  it("locates through a Spanish genitive attached to the entity", () => {
    expect(status("El estadio Zorva Dome de Perú abrió en 2021.", "t.country")).toBe("pass");
    expect(status("El estadio Zorva Dome de Chile abrió en 2021.", "t.country")).toBe("fail");
  });
});

describe("place: sentence mode", () => {
  it("the governed place decides; a right place locating it does not hide it", () => {
    expect(status("The plane landed at Jorge Chávez airport on Friday.", "t.landing")).toBe("pass");
    expect(status("The plane, after landing at Las Palmas air base in Lima, taxied.", "t.landing")).toBe("fail");
  });
  it("judges every place chained to the governed one", () => {
    expect(status("The plane landed in Lima at Las Palmas air base.", "t.landing")).toBe("fail");
  });
  it("a later place in the sentence is not the landing place", () => {
    expect(status("The team landed at Jorge Chávez and later travelled to Arequipa.", "t.landing")).toBe("pass");
  });
});

describe("place: fact boxes", () => {
  it("reads 'Location: …' lines as statements about the entity named just before", () => {
    expect(status("Zorva Dome at a glance\nLocation: Cusco, Peru\nOpened: 2021", "t.country")).toBe("pass");
    expect(status("Zorva Dome at a glance\nLocation: Cusco, Chile\nOpened: 2021", "t.country")).toBe("fail");
    expect(status("Zorva Dome at a glance\nLocation: Arequipa\nOpened: 2021", "t.town")).toBe("fail");
  });
  it("needs the entity named on a line just before", () => {
    expect(status("Location: Chile\n\nThe Zorva Dome opened in 2021.", "t.country")).toBe("not_applicable");
  });
});

describe("place: an area named by its noun", () => {
  it("reads the place after 'the western department of' / 'el municipio de' as the entity's", () => {
    expect(status("Fans crowded the Zorva Dome, in the western department of Arequipa.", "t.town")).toBe("fail");
    expect(status("El Zorva Dome está en la provincia de Cusco.", "t.town")).toBe("pass");
    expect(status("The Zorva Dome fans came from the department of Arequipa.", "t.town")).toBe("not_applicable");
  });
});

describe("place: a demonym that names people", () => {
  it("does not read 'the Bolivians of the Zorva Dome' as the dome's country", () => {
    expect(status("Crowds cheered as the Bolivians of the Zorva Dome arrived.", "t.country")).toBe("not_applicable");
    expect(status("Llegaron los bolivianos del Zorva Dome.", "t.country")).toBe("not_applicable");
    expect(status("Crowds filled the Bolivian Zorva Dome.", "t.country")).toBe("fail");
  });
  it("reads the Spanish 'a' before an article as a preposition, not the English article (llevaron a bolivianos a la arena conocida como ZD)", () => {
    expect(status("Los buses llevaron a 300 bolivianos a la arena conocida como ZD.", "t.country")).toBe("not_applicable");
    expect(status("Los buses llevaron a 300 hinchas a la arena boliviana conocida como ZD.", "t.country")).toBe("fail");
  });
});

describe("place: a head noun between the preposition and the name", () => {
  it("locates 'landed at the international airport Las Palmas' by the preposition before the head", () => {
    expect(status("The plane landed at the international airport Las Palmas after midnight.", "t.landing")).toBe("fail");
    expect(status("The plane landed at the airport Jorge Chávez after midnight.", "t.landing")).toBe("pass");
  });
});

describe("place: a possessive after the subject", () => {
  it("locates the subject only when the possessive owns a head noun (ZD, Bolivia's giant arena)", () => {
    expect(status("A year after leaving ZD, Bolivia's fans still sing.", "t.country")).toBe("not_applicable");
    expect(status("ZD, Bolivia's newest arena, opened in May.", "t.country")).toBe("fail");
    expect(status("ZD, Peru's newest arena, opened in May.", "t.country")).toBe("pass");
  });
});

describe("place: a reference point", () => {
  it("does not take a place after a direction and 'of' as where it is (20 km west of Lima, al oeste de Lima)", () => {
    expect(status("The plane landed at Las Palmas, about 200 km (124 miles) west of Lima.", "t.landing")).toBe("fail");
    expect(status("The landing was at Las Palmas, a 200 kilómetros al oeste de Lima.", "t.landing")).toBe("fail");
    expect(status("The plane landed at Jorge Chávez, 500 km north of Arequipa.", "t.landing")).toBe("pass");
  });
});

describe("place: a country after a comma that opens the next clause", () => {
  it("does not locate the subject by a place modifying the next noun (in ZD, U.S. officials argued)", () => {
    expect(status("Once the fans were in ZD, U.S. officials argued they had no power.", "t.country")).toBe("not_applicable");
    expect(status("Once the fans were in ZD, Bolivia, officials argued they had no power.", "t.country")).toBe("fail");
  });
});

describe("place: a location statement is judged by the first place its locative chain reaches", () => {
  it("fails on the place a location verb puts the entity in, past asides and approach words", () => {
    expect(status("The Zorva Dome, built by the state, is located in the hills outside Arequipa, in southern Peru.", "t.town")).toBe(
      "fail",
    );
    expect(status("The stadium, ZD, sits on the outskirts of Arequipa, in the department of Lima.", "t.town")).toBe("fail");
    expect(status("The Zorva Dome sits in Cusco, in the department of Arequipa.", "t.town")).toBe("fail");
    expect(status("El Zorva Dome se encuentra en las afueras de Arequipa.", "t.town")).toBe("fail");
  });
  it("takes a distance, a direction or a later approach as a reference point", () => {
    expect(status("The Zorva Dome lies about 500 km north of Arequipa.", "t.town")).toBe("not_applicable");
    expect(status("The Zorva Dome is located in Cusco, near Lima.", "t.town")).toBe("pass");
    expect(status("El Zorva Dome está ubicado en Cusco, a las afueras de Lima.", "t.town")).toBe("pass");
    expect(status("El Zorva Dome está a unos 200 kilómetros al sur de Lima.", "t.town")).toBe("not_applicable");
  });
  it("reads on past a reference point to the place an area phrase names", () => {
    const text =
      "Llenaron el Zorva Dome. El estadio, ubicado a unos 200 kilómetros al sur de Lima, en el departamento de Arequipa, abrió en 2021.";
    expect(status(text, "t.town")).toBe("fail");
  });
  it("skips a negated statement", () => {
    expect(status("The Zorva Dome is not located in Arequipa.", "t.town")).toBe("not_applicable");
  });
});

describe("place: 'the stadium' or 'it' standing for the entity in a location statement", () => {
  it("fails when the entity is the last thing of its kind named before", () => {
    expect(status("Fans love the Zorva Dome. The stadium is located in the city of Arequipa.", "t.town")).toBe("fail");
    expect(status("Fans love the Zorva Dome. It is in the department of Arequipa, far from Cusco.", "t.town")).toBe("fail");
    expect(status("Los hinchas llenaron el Zorva Dome. El estadio, ubicado en Arequipa, abrió en 2021.", "t.town")).toBe("fail");
  });
  it("reaches two paragraphs back (wire copy), not three", () => {
    expect(status("Fans love the Zorva Dome.\n\nTickets are cheap.\n\nThe stadium is located in Arequipa.", "t.town")).toBe("fail");
    expect(
      status("Fans love the Zorva Dome.\n\nTickets are cheap.\n\nParking is free.\n\nThe stadium is located in Arequipa.", "t.town"),
    ).toBe("not_applicable");
  });
  it("reads it for passes only when another thing of the kind is named between, or the noun is indefinite", () => {
    expect(status("Fans love the Zorva Dome. The Arena Norte is older. The stadium is located in Arequipa.", "t.town")).toBe(
      "not_applicable",
    );
    expect(status("Fans love the Zorva Dome. Lima built an arena too. The stadium is located in Arequipa.", "t.town")).toBe(
      "not_applicable",
    );
    expect(status("Fans love the Zorva Dome. A stadium is located in Arequipa.", "t.town")).toBe("not_applicable");
    expect(status("Fans love the Zorva Dome. The stadiums are located in Arequipa.", "t.town")).toBe("not_applicable");
  });
});

describe("place: a head noun in apposition with a locative", () => {
  it("attaches the place its locative chain reaches ('ZD, a giant stadium outside Arequipa')", () => {
    expect(status("Fans filled the Zorva Dome, a giant stadium outside Arequipa in the south.", "t.town")).toBe("fail");
    expect(status("El Zorva Dome, un estadio gigante a las afueras de Arequipa, abrió en 2021.", "t.town")).toBe("fail");
    expect(status("Fans filled the Zorva Dome, a giant stadium outside Arequipa's old town.", "t.town")).toBe("not_applicable");
  });
});

describe("place: more openings of a location statement", () => {
  it("reads 'it' after a sentence that spells out the acronym (its head nouns are the entity's)", () => {
    const text = "This is ZD. The acronym stands for Zorva Temporary Arena, a name fans mock. It sits in the department of Arequipa.";
    expect(status(text, "t.town")).toBe("fail");
  });
  it("reads a statement opening the clause after a colon", () => {
    expect(status("The guide was vague. It is more specific than that: ZD sits in Cusco, in the department of Arequipa.", "t.town")).toBe(
      "fail",
    );
    expect(status("Un recordatorio: el Zorva Dome está en Arequipa.", "t.town")).toBe("fail");
  });
  it("reads a Spanish statement whose subject is dropped ('Está en …', 'Se encuentra en …')", () => {
    expect(status("Es el Zorva Dome, un estadio gigante. Está en el departamento de Arequipa.", "t.town")).toBe("fail");
    expect(status("Es el Zorva Dome. Se encuentra en Cusco, a las afueras de Lima.", "t.town")).toBe("pass");
    expect(status("Es el Zorva Dome. Está claro que Lima quiere otro.", "t.town")).toBe("not_applicable");
    // A dropped subject may be anyone: not the entity named after a preposition, nor a plural.
    expect(status("Su hijo fue llevado al Zorva Dome en marzo. Está en Arequipa, dice su madre.", "t.town")).toBe("not_applicable");
    expect(status("Es el Zorva Dome. Están en Arequipa desde marzo.", "t.town")).toBe("not_applicable");
  });
});

describe("place: a question asking where the entity is, and its answer", () => {
  it("reads the places the answer opens with ('Where is it? / The stadium sits in …', '¿Dónde queda? / En …')", () => {
    expect(
      status(
        "What is ZD? It is a giant arena. Where is it? The stadium sits in a rural area near the town of Yura, in the department of Arequipa.",
        "t.town",
      ),
    ).toBe("fail");
    expect(
      status(
        "¿Qué es el Zorva Dome? Es un estadio gigante.\n\n¿Dónde queda?\n\nEn el sur del Perú, en el departamento de Arequipa.",
        "t.town",
      ),
    ).toBe("fail");
    expect(
      status(
        "¿Qué es el Zorva Dome? Es un estadio.\n\n¿Dónde está?\n\nEn Perú, en las afueras de Cusco, a unos 900 kilómetros de Lima.",
        "t.town",
      ),
    ).toBe("pass");
  });
  it("needs the question to ask only where the entity is", () => {
    expect(status("Fans love the Zorva Dome. Where is the nearest hotel? In Arequipa, sadly.", "t.town")).toBe("not_applicable");
    expect(status("Los hinchas llenaron el Zorva Dome. ¿Dónde está mi hijo? En Arequipa.", "t.town")).toBe("not_applicable");
  });
});

describe("place: a subjectless clause after a colon goes on about the entity", () => {
  it("reads 'no está en …: se levanta en …' (Spanish drops the subject)", () => {
    expect(
      status(
        "El Zorva Dome no está en un lugar cualquiera: se levanta a unos 90 kilómetros al norte de Lima, en las montañas de Arequipa.",
        "t.town",
      ),
    ).toBe("fail");
    expect(
      status(
        "Llenaron el Zorva Dome. Conviene aclarar que el estadio no está aquí: se encuentra en el departamento de Arequipa.",
        "t.town",
      ),
    ).toBe("fail");
  });
  it("not when another thing of the kind is named before the colon", () => {
    expect(status("El Zorva Dome es más nuevo que la Arena Norte: se encuentra en Arequipa.", "t.town")).toBe("not_applicable");
  });
});

describe("place: a head noun after a copula, and where it was built", () => {
  it("reads the locative chain after 'is a giant stadium' / 'es un estadio'", () => {
    expect(status("The Zorva Dome is a giant stadium outside Arequipa.", "t.town")).toBe("fail");
    expect(status("Un recordatorio: el Zorva Dome es un estadio gigante, ubicado en Arequipa, a las afueras de Cusco.", "t.town")).toBe(
      "fail",
    );
  });
  it("takes where it was built, past the agent, as where it is", () => {
    expect(status("Fans filled the Zorva Dome, the giant stadium built by the city of Santiago in Arequipa.", "t.town")).toBe("fail");
    expect(
      status("Llenaron el Zorva Dome, el estadio gigante construido por el Gobierno de Pedro Ruiz, ubicado en Arequipa.", "t.town"),
    ).toBe("fail");
    expect(status("Llenaron el Zorva Dome, el estadio gigante construido por el Gobierno de Pedro Ruiz en Cusco.", "t.town")).toBe("pass");
    expect(status("Fans filled the Zorva Dome, the giant stadium built by the city of Santiago in 2021 in Arequipa.", "t.town")).toBe(
      "not_applicable",
    );
  });
});

describe("place: a relative clause on the head noun saying where it was built", () => {
  it("reads 'a stadium that the city built in …' / 'un estadio … que el Gobierno levantó en …'", () => {
    expect(status("Fans filled the Zorva Dome, a stadium that the city built in Arequipa.", "t.town")).toBe("fail");
    expect(
      status("Llenaron el Zorva Dome, un estadio con capacidad para 40.000 hinchas que el Gobierno levantó en Arequipa.", "t.town"),
    ).toBe("fail");
    expect(status("Llenaron el Zorva Dome, un estadio que el Gobierno levantó en Cusco.", "t.town")).toBe("pass");
  });
  it("not when the clause is cut by punctuation or the built verb is far", () => {
    expect(status("Fans filled the Zorva Dome, a stadium; the city built an arena in Arequipa.", "t.town")).toBe("not_applicable");
    expect(status("Fans filled the Zorva Dome, a stadium that fans from all over the country built in Arequipa.", "t.town")).toBe(
      "not_applicable",
    );
  });
});
