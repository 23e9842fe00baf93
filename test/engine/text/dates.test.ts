import { describe, expect, it } from "vitest";
import { dayOfWeek, findDates, type DateAnchor, type DateMention } from "../../../src/engine/text/dates";

const JUL19: DateAnchor = { year: 2025, month: 7, day: 19 };
const DEC27: DateAnchor = { year: 2025, month: 12, day: 27 };

function one(text: string, anchor?: DateAnchor): DateMention & { quote: string } {
  const all = findDates(text, anchor);
  expect(all, text).toHaveLength(1);
  const m = all[0] as DateMention;
  return { ...m, quote: text.slice(m.offset, m.offset + m.length) };
}

describe("findDates: absolute formats", () => {
  it.each([
    ["released on July 18, 2025.", "July 18, 2025"],
    ["released on 18 July 2025.", "18 July 2025"],
    ["released on 2025-07-18.", "2025-07-18"],
    ["released on 7/18/2025.", "7/18/2025"],
    ["liberados el 18/07/2025.", "18/07/2025"],
    ["liberados el 18 de julio de 2025.", "18 de julio de 2025"],
    ["on Friday 18 July 2025 they flew", "Friday 18 July 2025"],
    // A table row: a count, then a month-first date with its own day and year.
    ["Americans freed in the swap 10 Jul. 18, 2025", "Jul. 18, 2025"],
  ])("%s", (text, quote) => {
    expect(one(text)).toMatchObject({ year: 2025, month: 7, day: 18, granularity: "day", relative: false, quote });
  });

  it("reads a weekday, 'the' and an ordinal day as one date (Saturday the 15th was when …)", () => {
    expect(one("Saturday the 15th was when the flights left", { year: 2025, month: 4, day: 2 })).toMatchObject({
      year: 2025,
      month: 3,
      day: 15,
      quote: "Saturday the 15th",
    });
  });

  it("abbreviations and weekday prefixes", () => {
    expect(one("Dec. 22, 2025")).toMatchObject({ year: 2025, month: 12, day: 22, quote: "Dec. 22, 2025" });
    expect(one("Friday, July 18", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18, weekday: 5, quote: "Friday, July 18" });
    expect(one("el viernes 18 de julio", JUL19)).toMatchObject({ month: 7, day: 18, weekday: 5, quote: "viernes 18 de julio" });
  });

  it("month granularity", () => {
    expect(one("In March 2025, El Salvador")).toMatchObject({ year: 2025, month: 3, granularity: "month", quote: "March 2025" });
    expect(one("en julio de 2025")).toMatchObject({ year: 2025, month: 7, granularity: "month", quote: "julio de 2025" });
  });

  it("approximate forms", () => {
    expect(one("in mid-March 2025")).toMatchObject({ year: 2025, month: 3, approximate: "mid", quote: "mid-March 2025" });
    expect(one("opened in early 2023")).toMatchObject({ year: 2023, granularity: "year", approximate: "early" });
    expect(one("a mediados de marzo", JUL19)).toMatchObject({ year: 2025, month: 3, approximate: "mid" });
    expect(one("a finales de 2024")).toMatchObject({ year: 2024, approximate: "late" });
  });

  it("day ranges", () => {
    const r = { from: { year: 2025, month: 3, day: 15 }, to: { year: 2025, month: 3, day: 16 } };
    expect(one("on 15–16 March 2025")).toMatchObject({ day: 15, range: r, quote: "15–16 March 2025" });
    expect(one("March 15-16, 2025")).toMatchObject({ range: r });
    expect(one("el 15 y 16 de marzo de 2025")).toMatchObject({ range: r });
    expect(one("on the 15th and 16th of March", JUL19)).toMatchObject({ range: r });
  });

  it("marks an ambiguous numeric date and honours dayFirst", () => {
    expect(findDates("on 7/8/2025")[0]).toMatchObject({ month: 7, day: 8, ambiguous: true });
    expect(findDates("el 7/8/2025", undefined, { dayFirst: true })[0]).toMatchObject({ month: 8, day: 7 });
  });
});

describe("findDates: yearless and relative forms", () => {
  it("keeps the year undefined without an anchor", () => {
    const m = one("on July 18 the men");
    expect(m).toMatchObject({ month: 7, day: 18, relative: true });
    expect(m.year).toBeUndefined();
  });

  it("resolves yearless days against the anchor", () => {
    expect(one("on July 18", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18, relative: true });
    expect(one("December 22", DEC27)).toMatchObject({ year: 2025, month: 12, day: 22 });
    expect(one("18 de julio", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18 });
    expect(one("Jul. 18", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18 });
    expect(one("since March 15", JUL19)).toMatchObject({ year: 2025, month: 3, day: 15 });
    expect(one("on December 20", JUL19)).toMatchObject({ year: 2024, month: 12, day: 20 });
  });

  it("takes the year before when only there the named weekday falls on that day (Saturday, July 19 in a 2026 piece)", () => {
    const jul2026: DateAnchor = { year: 2026, month: 7, day: 25 };
    expect(one("dated Saturday, July 19", jul2026)).toMatchObject({ year: 2025, month: 7, day: 19 });
    expect(one("el sábado 19 de julio", jul2026)).toMatchObject({ year: 2025, month: 7, day: 19 });
    // The weekday agrees with the anchor's year: it stays.
    expect(one("on Sunday, July 19", jul2026)).toMatchObject({ year: 2026, month: 7, day: 19 });
  });

  it("resolves months: last July in a December article, bare months to the most recent", () => {
    expect(one("released last July", DEC27)).toMatchObject({
      year: 2025,
      month: 7,
      granularity: "month",
      relative: true,
      quote: "last July",
    });
    expect(one("released last July", JUL19)).toMatchObject({ year: 2024, month: 7 });
    expect(one("since last March", JUL19)).toMatchObject({ year: 2025, month: 3 });
    expect(one("in March", JUL19)).toMatchObject({ year: 2025, month: 3, quote: "March" });
    expect(one("in August", JUL19)).toMatchObject({ year: 2024, month: 8 });
    expect(one("el pasado julio", DEC27)).toMatchObject({ year: 2025, month: 7, quote: "el pasado julio" });
    expect(one("en marzo", JUL19)).toMatchObject({ year: 2025, month: 3 });
  });

  it("resolves weekdays and relative days", () => {
    expect(one("released on Friday", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18, weekday: 5, relative: true });
    expect(one("llegaron el viernes", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18 });
    expect(one("next Friday", JUL19)).toMatchObject({ year: 2025, month: 7, day: 25 });
    expect(one("yesterday", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18, granularity: "day" });
    expect(one("ayer", { year: 2025, month: 1, day: 1 })).toMatchObject({ year: 2024, month: 12, day: 31 });
    expect(one("today", JUL19)).toMatchObject({ year: 2025, month: 7, day: 19 });
    expect(one("el año pasado", DEC27)).toMatchObject({ year: 2024, granularity: "year" });
    expect(one("on the 18th", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18 });
  });
  it("takes a weekday and a day without a month to the latest month where they agree, as a guess", () => {
    // 16 July 2025 is a Wednesday; 16 March 2025 a Sunday.
    expect(one("la madrugada del domingo 16", JUL19)).toMatchObject({ year: 2025, month: 3, day: 16, monthGuessed: true });
    expect(one("early on Sunday 16", JUL19)).toMatchObject({ year: 2025, month: 3, day: 16, monthGuessed: true });
    expect(one("el viernes 18", JUL19)).toMatchObject({ year: 2025, month: 7, day: 18 });
    expect(one("el viernes 18", JUL19)!.monthGuessed).toBeUndefined();
  });
  it("takes such a day's month from the date just before it on its line, when the weekday agrees there", () => {
    const [, sunday] = findDates("Partieron el 15 de marzo de 2025 y aterrizaron la madrugada del domingo 16.", JUL19);
    expect(sunday).toMatchObject({ year: 2025, month: 3, day: 16 });
    expect(sunday!.monthGuessed).toBeUndefined();
    const [, friday] = findDates("Left on April 29, 2025, and landed on Friday 2.", JUL19);
    expect(friday).toMatchObject({ year: 2025, month: 5, day: 2 });
    const [, saturday] = findDates("Partieron el 15 de marzo de 2025 y aterrizaron el sábado 16.", JUL19);
    expect(saturday).toMatchObject({ monthGuessed: true });
  });
});

describe("findDates: what is not a date", () => {
  it.each(["The migrants may face persecution", "They march on the capital", "Julio Borges habló", "the 252 men"])("%s", (text) => {
    expect(findDates(text)).toEqual([]);
  });

  it("needs context for a bare year", () => {
    expect(findDates("the 1798 law")).toEqual([]);
    expect(one("the Alien Enemies Act of 1798")).toMatchObject({ year: 1798, granularity: "year" });
  });
});

describe("dayOfWeek", () => {
  it("matches the calendar", () => {
    expect(dayOfWeek(2025, 7, 18)).toBe(5);
    expect(dayOfWeek(2025, 12, 22)).toBe(1);
    expect(dayOfWeek(2026, 1, 3)).toBe(6);
  });
});

describe("narrative time and anniversaries", () => {
  const anchor: DateAnchor = { year: 2024, month: 7, day: 20 };
  it("a year-less date takes the year a fronted date of its paragraph set", () => {
    const [first, second] = findDates("On 16 July 1969, Apollo 11 launched. On 20 July, it landed.", anchor);
    expect(first).toMatchObject({ year: 1969, month: 7, day: 16 });
    expect(second).toMatchObject({ year: 1969, month: 7, day: 20, yearFrom: "narrative" });
  });
  it("a year in a law's name, a new paragraph or a relative clause sets no narrative", () => {
    expect(findDates("The law passed in 1798. On 20 July, they landed.", anchor)[1]).toMatchObject({ year: 2024, yearFrom: "anchor" });
    expect(findDates("On 16 July 1969, Apollo 11 launched.\nOn 20 July, crowds gathered.", anchor)[1]).toMatchObject({ year: 2024 });
    expect(findDates("The prison, which opened in February 2023, held them. In July, they left.", anchor)[1]).toMatchObject({ year: 2024 });
  });
  it("a narrative year never moves a date past the publication (15 de enero de 2026.— … regresaron en julio)", () => {
    const jan = { year: 2026, month: 1, day: 15 };
    expect(findDates("15 de enero de 2026.— Los presos que regresaron en julio viven en Caracas.", jan)[1]).toMatchObject({
      year: 2025,
      month: 7,
    });
    expect(findDates("15 de enero de 2026.— Los presos regresaron el 10 de enero.", jan)[1]).toMatchObject({ year: 2026, month: 1 });
  });
  it("'N years ago today' counts back from the publication day", () => {
    expect(findDates("Fifty-five years ago today is wrong; fifty years ago today, they landed.", anchor).at(-1)).toMatchObject({
      year: 1974,
      month: 7,
      day: 20,
    });
    expect(findDates("A year ago today, three planes took off.", anchor)[0]).toMatchObject({
      year: 2023,
      month: 7,
      day: 20,
      offset: 0,
      length: "A year ago today".length,
    });
    expect(findDates("Hoy hace un año, los aviones despegaron.", anchor)[0]).toMatchObject({ year: 2023, month: 7, day: 20 });
    expect(findDates("Hace hoy exactamente un año, los aviones despegaron.", anchor)[0]).toMatchObject({ year: 2023, month: 7, day: 20 });
  });
});

describe("a month of a year counted from publication", () => {
  const anchor: DateAnchor = { year: 2025, month: 11, day: 20 };
  it("reads 'March of last year' and 'marzo del año pasado'", () => {
    expect(findDates("deported in March of last year", anchor)[0]).toMatchObject({
      year: 2024,
      month: 3,
      granularity: "month",
      length: "March of last year".length,
    });
    expect(findDates("deportados en marzo del año pasado", anchor)[0]).toMatchObject({ year: 2024, month: 3 });
    expect(findDates("in July of this year", anchor)[0]).toMatchObject({ year: 2025, month: 7 });
  });
});

describe("findDates: a timeline label before a colon", () => {
  it("reads 'March 16:' as a date and '16:00' as a time", () => {
    expect(one("March 16: The men were deported.", JUL19).quote).toBe("March 16");
    expect(findDates("At 16:00 the men were deported.", JUL19)).toHaveLength(0);
    expect(findDates("On March 16:30 the flight left.", JUL19).map((m) => m.day)).not.toContain(16);
  });
});
