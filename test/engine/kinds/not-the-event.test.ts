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
  it("still reads a timeline's date headings as the entries' dates", () => {
    const timeline = "May 2, 2024\n\nThe crew trained.\n\nMay 12, 2024\n\nThe rocket launched from the coast.";
    expect(status(timeline, "t.launch_date")).toBe("fail");
  });
});
