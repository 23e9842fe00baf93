import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/engine/text/dates";
import { findNumbers, type NumberMention } from "../../../src/engine/text/numbers";

/** The single mention in `text`, with its quoted span. */
function one(text: string): NumberMention & { quote: string } {
  const all = findNumbers(text);
  expect(all, text).toHaveLength(1);
  const m = all[0] as NumberMention;
  return { ...m, quote: text.slice(m.offset, m.offset + m.length) };
}

describe("findNumbers: digits", () => {
  it.each([
    ["CECOT holds 40,000 inmates", 40000, "40,000"],
    ["capacidad de 40.000 presos", 40000, "40.000"],
    ["over 8,200 individuals", 8200, "8,200"],
    ["unas 1 000 personas", 1000, "1 000"],
    ["a population of 14,532", 14532, "14,532"],
    ["1,234.56 units", 1234.56, "1,234.56"],
    ["1.234,56 unidades", 1234.56, "1.234,56"],
    ["The 252 men", 252, "252"],
  ])("%s → %d", (text, value, quote) => {
    const m = one(text);
    expect(m.value).toBe(value);
    expect(m.quote).toBe(quote);
    expect(m.unit).toBe("count");
  });

  it("reads one decimal separator followed by other than three digits as a decimal", () => {
    expect(one("4.76 million").value).toBe(4_760_000);
    expect(one("4,76 millones").value).toBe(4_760_000);
    expect(one("una tasa de 4,5").value).toBe(4.5);
  });

  it("applies scale words", () => {
    expect(one("40 mil reos").value).toBe(40000);
    expect(one("6 millones de personas").value).toBe(6e6);
    expect(one("tres mil millones").value).toBe(3e9);
  });
});

describe("findNumbers: money, percent, distance", () => {
  it.each([
    ["Washington allegedly paid $6 million for it", 6e6, "USD", "$6 million"],
    ["a grant of US$6m", 6e6, "USD", "US$6m"],
    ["the signed grant: $4.76 million", 4.76e6, "USD", "$4.76 million"],
    ["pagó 6 millones de dólares", 6e6, "USD", "6 millones de dólares"],
    ["$20,000 per prisoner per year", 20000, "USD", "$20,000"],
    ["€5 million in aid", 5e6, "EUR", "€5 million"],
    // A table cell's spaced letter scale, after a money amount only.
    ["Signed grant | $4.76 M | April", 4.76e6, "USD", "$4.76 M"],
    ["a $6 MM deal", 6e6, "USD", "$6 MM"],
  ])("%s", (text, value, currency, quote) => {
    const m = one(text);
    expect(m).toMatchObject({ value, currency, unit: "money", quote });
  });

  it("reads a spaced letter as a scale only after money (a 5 m wall is no five million)", () => {
    expect(one("a 5 m wall").value).toBe(5);
  });

  it("percent and distance", () => {
    expect(one("just 2% of them")).toMatchObject({ value: 2, unit: "percent", quote: "2%", qualifier: "exact" });
    expect(one("el 15 por ciento")).toMatchObject({ value: 15, unit: "percent" });
    expect(one("about 74 km southeast")).toMatchObject({ value: 74, unit: "distance", distanceUnit: "km", qualifier: "approx" });
    expect(one("some 45 miles from the capital")).toMatchObject({ value: 45, unit: "distance", distanceUnit: "mile" });
  });

  it("ranges", () => {
    expect(one("72–75 km from San Salvador")).toMatchObject({ value: 72, max: 75, unit: "distance", quote: "72–75 km" });
    expect(one("between 250 and 260 men")).toMatchObject({ value: 250, max: 260, quote: "250 and 260" });
    expect(one("entre 250 y 260 hombres")).toMatchObject({ value: 250, max: 260 });
    expect(one("$4-5 million")).toMatchObject({ value: 4e6, max: 5e6, currency: "USD" });
  });
});

describe("findNumbers: words", () => {
  it.each([
    ["two hundred fifty-two men", 252],
    ["two hundred and fifty-two men", 252],
    ["ten Americans", 10],
    ["thirty-seven people", 37],
    ["a dozen flights", 12],
    ["one thousand children", 1000],
    ["doscientos cincuenta y dos venezolanos", 252],
    ["diez estadounidenses", 10],
    ["cuatro detenidos", 4],
    ["veintitrés salvadoreños", 23],
    ["cien presos", 100],
    ["ciento treinta y siete hombres", 137],
    ["mil presos", 1000],
  ])("%s → %d", (text, value) => {
    const m = one(text);
    expect(m.value).toBe(value);
    expect(m.words).toBe(true);
    expect(m.unit).toBe("count");
  });

  it("does not read articles or English 'once' as numbers", () => {
    expect(findNumbers("un juez federal dijo que once again a man left")).toEqual([]);
    expect(one("los once detenidos").value).toBe(11);
  });
});

describe("findNumbers: durations, ages, years, ordinals", () => {
  it("durations in both languages", () => {
    expect(one("held for four months")).toMatchObject({ value: 4, unit: "duration", durationUnit: "month", quote: "four months" });
    expect(one("after 125 days")).toMatchObject({ value: 125, unit: "duration", durationUnit: "day" });
    expect(one("durante cuatro meses")).toMatchObject({ value: 4, durationUnit: "month" });
    expect(one("tras 125 días")).toMatchObject({ value: 125, durationUnit: "day", quote: "125 días" });
    expect(one("their four-month illegal detention")).toMatchObject({ value: 4, durationUnit: "month", quote: "four-month" });
    expect(one("for a year")).toMatchObject({ value: 1, durationUnit: "year", quote: "a year" });
    expect(one("durante un año")).toMatchObject({ value: 1, durationUnit: "year", quote: "un año" });
  });

  it("nearly a year → approx 1 year, with the qualifier located", () => {
    const t = "One individual had spent nearly a year in custody.";
    const m = findNumbers(t).find((x) => x.unit === "duration") as NumberMention;
    expect(m).toMatchObject({ value: 1, durationUnit: "year", qualifier: "approx" });
    expect(t.slice(m.qualifierOffset, (m.qualifierOffset ?? 0) + (m.qualifierLength ?? 0))).toBe("nearly");
  });

  it("marks ages", () => {
    expect(one("37-year-old Lucas Hunter")).toMatchObject({ value: 37, age: true, unit: "duration", durationUnit: "year" });
    expect(one("Venezuelans over age 14")).toMatchObject({ value: 14, age: true });
  });

  it("years stand alone; counts keep their noun", () => {
    expect(one("the Alien Enemies Act of 1798")).toMatchObject({ value: 1798, unit: "year" });
    expect(one("in 2025 the men")).toMatchObject({ value: 2025, unit: "year" });
    expect(one("2000 people")).toMatchObject({ value: 2000, unit: "count", noun: "people" });
  });

  it("ordinals", () => {
    expect(one("the first flight")).toMatchObject({ value: 1, unit: "ordinal" });
    expect(one("the 2nd flight")).toMatchObject({ value: 2, unit: "ordinal", quote: "2nd" });
    expect(one("el segundo vuelo")).toMatchObject({ value: 2, unit: "ordinal" });
  });
});

describe("findNumbers: qualifiers and vague amounts", () => {
  it.each([
    ["over 8,200 individuals", "more_than"],
    ["more than 250 men", "more_than"],
    ["más de 250 hombres", "more_than"],
    ["at least 50 repatriated migrants", "at_least"],
    ["al menos 50 migrantes", "at_least"],
    ["por lo menos 50 migrantes", "at_least"],
    ["fewer than 300 men", "less_than"],
    ["menos de 300", "less_than"],
    ["up to 40,000 inmates", "at_most"],
    ["no more than 40,000", "at_most"],
    ["hasta 40.000 reos", "at_most"],
    ["about 252 men", "approx"],
    ["approximately 1,000 children", "approx"],
    ["casi 250 venezolanos", "approx"],
    ["alrededor de 250", "approx"],
    ["unos 250 hombres", "approx"],
    ["cerca de 40 mil", "approx"],
    ["~250 men", "approx"],
  ])("%s → %s", (text, qualifier) => {
    expect(one(text).qualifier).toBe(qualifier);
  });

  it("vague amounts carry a range and the counted noun", () => {
    expect(one("hundreds of Venezuelans")).toMatchObject({ qualifier: "vague", vagueRange: [200, 999], noun: "venezuelans" });
    expect(one("Dozens of Venezuelan families")).toMatchObject({ qualifier: "vague", vagueRange: [24, 99] });
    expect(one("cientos de venezolanos")).toMatchObject({ qualifier: "vague", vagueRange: [200, 999], noun: "venezolanos" });
    expect(one("miles de migrantes")).toMatchObject({ qualifier: "vague", vagueRange: [2000, 9999] });
    expect(one("a few dastardly criminals")).toMatchObject({ qualifier: "vague", vagueRange: [2, 5] });
    expect(one("hundreds of thousands of people")).toMatchObject({ vagueRange: [200000, 999000] });
    expect(one("after several months of legal battles")).toMatchObject({ qualifier: "vague", unit: "duration", durationUnit: "month" });
  });
});

describe("findNumbers: what is not a count", () => {
  it.each([
    "released on July 18",
    "liberados el 18 de julio",
    "Jul. 18 flights",
    "at 3 p.m. local time",
    "at 10:30",
    "call 202-555-0100",
    "on 2025-07-18",
    "on 7/18/2025",
    "pic.twitter.com/hmRTjNdEfl",
    "(@AgenciaVNews)",
    "https://t.co/tS2z5hnEwl",
    "an A380 landed",
    "15–16 March",
  ])("%s", (text) => {
    expect(findNumbers(text).filter((m) => m.unit !== "year")).toEqual([]);
  });

  it("skips caller-supplied spans (e.g. dates)", () => {
    const t = "On December 22, 2025, the judge ruled on 137 men.";
    const exclude = findDates(t).map((d) => ({ start: d.offset, end: d.offset + d.length }));
    expect(findNumbers(t, { exclude }).map((m) => m.value)).toEqual([137]);
  });

  it("offsets point into the original text with accents and emoji", () => {
    const t = "📑 Maiquetía recibió a 252 venezolanos «liberados» tras 125 días.";
    const got = findNumbers(t).map((m) => t.slice(m.offset, m.offset + m.length));
    expect(got).toEqual(["252", "125 días"]);
  });
});

describe("findNumbers: a seed paragraph", () => {
  it("finds every quantity with the right unit and qualifier", () => {
    const t =
      "Additionally, another flight landed at Maiquetia Airport earlier Friday, bringing back 244 Venezuelans deported from the U.S. along with seven children. " +
      "Official data points to over 8,200 individuals returned to Venezuela from the U.S. and Mexico since February, including approximately 1,000 children.";
    expect(findNumbers(t).map((m) => [m.value, m.unit, m.qualifier, m.noun])).toEqual([
      [244, "count", "exact", "venezuelans"],
      [7, "count", "exact", "children"],
      [8200, "count", "more_than", "individuals"],
      [1000, "count", "approx", "children"],
    ]);
  });
});
