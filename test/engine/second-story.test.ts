// A second story, decades old and written about later: the engine must not assume news written as
// it happens, and two packs loaded together must each judge only their own story's articles.
import { describe, expect, it } from "vitest";
import { checkArticle, loadRuleset } from "../../src/engine";
import { NOW, readRuleFiles } from "./helpers";

const COMMON = "severity: major\nsources: [https://www.nasa.gov/mission/apollo-11/]\n";
const apollo = [
  {
    path: "apollo11/pack.yaml",
    text: "pack: apollo11\nanchors: [Apollo 11, Armstrong, Aldrin, lunar module]\nterms:\n  landing: [landed, landing, touched down, alunizó]\n",
  },
  {
    path: "apollo11/apollo.landing_date.yaml",
    text: `id: apollo.landing_date\nclaim: The lunar module landed on 20 July 1969.\nkind: date\n${COMMON}date: 1969-07-20\nevent:\n  terms: ["@landing"]\nexamples:\n  - { text: "Apollo 11 landed on 20 July 1969.", expect: pass }\n  - { text: "Apollo 11 landed on 21 July 1969.", expect: fail }\n  - { text: "Apollo 11 launched on 16 July 1969.", expect: not_applicable }\n  - { text: "Apollo 11 landed on 20 July 1969, the agency said.", expect: pass }\n  - { text: "Apollo 11 landed on 22 July 1969.", expect: fail }\n  - { text: "Aldrin said on 1 August 1969 that he had walked on the Moon.", expect: not_applicable }\n`,
  },
  {
    path: "apollo11/apollo.duration.yaml",
    text: `id: apollo.duration\nclaim: The mission lasted about 195 hours (8 days 3 hours).\nkind: quantity\n${COMMON}unit: duration\nvalue: { min: 8.1, max: 8.2 }\nevent:\n  terms: [mission lasted, lasted, flight lasted]\nexamples:\n  - { text: "The Apollo 11 mission lasted eight days.", expect: pass }\n  - { text: "The Apollo 11 mission lasted 195 hours.", expect: pass }\n  - { text: "The Apollo 11 mission lasted eight hours.", expect: fail }\n  - { text: "The Apollo 11 mission lasted three weeks.", expect: fail }\n  - { text: "Apollo 11 carried three astronauts.", expect: not_applicable }\n  - { text: "The Apollo 11 crew trained for months.", expect: not_applicable }\n`,
  },
];
const both = loadRuleset([...readRuleFiles(), ...apollo]);
const status = (text: string, rule: string, publishedAt: string) =>
  checkArticle({ text, publishedAt }, both, { now: NOW }).verdicts.find((v) => v.rule === rule)!.status;

describe("a retrospective is judged in its own narrative time", () => {
  it("takes a year-less date's year from the date the paragraph set", () => {
    const text = "On 16 July 1969, Apollo 11 launched from Florida. On 20 July, the lunar module landed.";
    expect(status(text, "apollo.landing_date", "2019-07-20")).toBe("pass");
    expect(status(text.replace("20 July", "21 July"), "apollo.landing_date", "2019-07-20")).toBe("fail");
  });
  it("counts 'fifty years ago today' back from publication", () => {
    expect(status("Fifty years ago today, Armstrong and Aldrin landed on the Moon.", "apollo.landing_date", "2019-07-20")).toBe("pass");
    expect(status("Fifty years ago today, Armstrong and Aldrin landed on the Moon.", "apollo.landing_date", "2019-07-21")).toBe("fail");
  });
  it("compares durations across units: eight hours is not eight days", () => {
    expect(status("The Apollo 11 mission lasted eight days.", "apollo.duration", "2019-07-20")).toBe("pass");
    expect(status("The Apollo 11 mission lasted 195 hours.", "apollo.duration", "2019-07-20")).toBe("pass");
    expect(status("The Apollo 11 mission lasted eight hours.", "apollo.duration", "2019-07-20")).toBe("fail");
  });
});

describe("two packs loaded at once judge only their own story", () => {
  it("the CECOT pack leaves an Apollo article alone, and the Apollo pack a CECOT article", () => {
    const apolloText =
      "Apollo 11 returned to Earth on 24 July 1969; the lunar module had landed on 20 July 1969. President Nixon greeted the crew.";
    const a = checkArticle({ text: apolloText, publishedAt: "2019-07-20" }, both, { now: NOW });
    expect(a.verdicts.filter((v) => !v.rule.startsWith("apollo.")).every((v) => v.status === "not_applicable")).toBe(true);
    expect(a.verdicts.find((v) => v.rule === "apollo.landing_date")!.status).toBe("pass");
    const cecotText = "The 252 Venezuelans held at CECOT in El Salvador landed in Caracas on 18 July 2025.";
    const c = checkArticle({ text: cecotText, publishedAt: "2025-07-19" }, both, { now: NOW });
    expect(c.verdicts.filter((v) => v.rule.startsWith("apollo.")).every((v) => v.status === "not_applicable")).toBe(true);
    expect(c.verdicts.find((v) => v.rule === "release.date")!.status).toBe("pass");
  });
});
