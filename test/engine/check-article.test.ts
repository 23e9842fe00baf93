// checkArticle behaviour beyond single rules: quotes, validity periods, errors, skipping.
import { describe, expect, it } from "vitest";
import { checkArticle, judgingDate } from "../../src/engine";
import { compiledOf } from "../../src/engine/load-ruleset";
import { NOW, packRuleset, rulesetOf } from "./helpers";

const rs = packRuleset();

describe("checkArticle", () => {
  it("a contradiction only inside a direct quote is a fail with attribution quote, not scored", () => {
    const text = "“They held our sons in Ecuador's CECOT for months,” one mother said. Salvadoran President Nayib Bukele did not comment.";
    const r = checkArticle({ text, publishedAt: "2025-07-20" }, rs, { now: NOW });
    const v = r.verdicts.find((x) => x.rule === "cecot.country")!;
    expect(v.status).toBe("fail");
    expect(v.attribution).toBe("quote");
    expect(v.evidence.every((e) => e.attribution === "quote")).toBe(true);
    expect(r.score).toBe(100);
    expect(r.outcome).toBe("pass");
  });

  it("the same contradiction in the outlet's voice is scored", () => {
    const r = checkArticle({ text: "They held the men in Ecuador's CECOT for months.", publishedAt: "2025-07-20" }, rs, { now: NOW });
    const v = r.verdicts.find((x) => x.rule === "cecot.country")!;
    expect(v.status).toBe("fail");
    expect(v.attribution).toBeUndefined();
    expect(v.evidence[0]!.attribution).toBe("article");
    expect(v.evidence[0]!.replacements).toEqual(["El Salvador's CECOT"]);
    expect(r.outcome).toBe("fail");
    expect(r.score).toBe(0);
  });

  it("judges as of the publication date, else now", () => {
    expect(judgingDate("2025-07-19T10:00:00Z", NOW)).toEqual({ asOf: "2025-07-19", dated: true });
    expect(judgingDate(null, NOW)).toEqual({ asOf: "2026-11-23", dated: false });
    const text = "President Nicolás Maduro welcomed the Venezuelans back from El Salvador.";
    expect(checkArticle({ text, publishedAt: "2025-07-19" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "role.maduro")!.status).toBe(
      "pass",
    );
    expect(checkArticle({ text, publishedAt: "2026-02-10" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "role.maduro")!.status).toBe(
      "fail",
    );
    expect(checkArticle({ text }, rs, { now: NOW }).as_of).toBe("2026-11-23");
  });

  it("a rule outside its validity period is not applicable", () => {
    const r = rulesetOf({
      "p/t.rule.yaml": `id: t.rule\nclaim: c\nkind: phrase\nseverity: minor\nsources: [https://example.org]\nvalid_from: 2025-01-01\nvalid_until: 2025-12-31\nforbid:\n  - phrases: [bad]\n    replacement: good\nexamples:\n  - text: bad\n    expect: fail\n`,
    });
    expect(checkArticle({ text: "bad", publishedAt: "2025-06-01" }, r, { now: NOW }).verdicts[0]!.status).toBe("fail");
    const late = checkArticle({ text: "bad", publishedAt: "2026-06-01" }, r, { now: NOW }).verdicts[0]!;
    expect(late.status).toBe("not_applicable");
    expect(late.message).toMatch(/2026-06-01/);
  });

  it("a rule that throws is reported as error and the run goes on", () => {
    const r = rulesetOf({
      "p/t.rule.yaml": `id: t.rule\nclaim: c\nkind: phrase\nseverity: critical\nsources: [https://example.org]\nforbid:\n  - phrases: [bad]\n    replacement: good\nexamples:\n  - text: bad\n    expect: fail\n`,
      "p/u.rule.yaml": `id: u.rule\nclaim: c\nkind: phrase\nseverity: minor\nsources: [https://example.org]\nforbid:\n  - phrases: [worse]\n    replacement: good\naccept: [fine]\nexamples:\n  - text: worse\n    expect: fail\n`,
    });
    const rule = compiledOf(r).byId.get("t.rule")!;
    const original = rule.kind;
    rule.kind = {
      ...original,
      check: () => {
        throw new Error("boom");
      },
    };
    try {
      const res = checkArticle({ text: "bad and fine" }, r, { now: NOW });
      expect(res.verdicts.find((v) => v.rule === "t.rule")).toMatchObject({ status: "error", message: expect.stringMatching(/boom/) });
      expect(res.verdicts.find((v) => v.rule === "u.rule")!.status).toBe("pass");
      expect(res.counts).toEqual({ pass: 1, fail: 0, not_applicable: 0, review: 0, error: 1 });
      expect(res.score).toBe(100);
    } finally {
      rule.kind = original;
    }
  });

  it("returns the contract shape", () => {
    const r = checkArticle({ text: "Nothing relevant here.", publishedAt: "2025-07-19" }, rs, { now: NOW });
    expect(r.ruleset).toEqual({ version: rs.version, rules: rs.rules.length });
    expect(r.score).toBeNull();
    expect(r.outcome).toBe("pass");
    expect(r.counts.not_applicable).toBe(rs.rules.length);
    expect(r.verdicts.map((v) => v.rule)).toEqual(rs.rules.map((x) => x.id));
  });

  it("an accurate article full of other numbers, dates and names raises no alarm", () => {
    const text = [
      "On July 18, 2025, El Salvador released all 252 Venezuelans it had held in CECOT, the Terrorism Confinement Center in Tecoluca, since March 15.",
      "The same day another flight brought 244 Venezuelans deported from the U.S., along with seven children, to Maiquetía.",
      "More than 8,200 people have returned since February; at least 50 of the 252 said they were beaten.",
      "In March 2025, 238 Venezuelans were flown to El Salvador; 137 of them were removed under the Alien Enemies Act.",
      "Washington paid about $6 million, or $20,000 per prisoner per year. Venezuela freed 10 Americans in the swap.",
      "CECOT, which opened in January 2023, was built to hold 40,000 inmates and now holds some 15,000.",
      "Secretary of State Marco Rubio and President Donald Trump praised Salvadoran President Nayib Bukele.",
      "Interior Minister Diosdado Cabello and Vice President Delcy Rodríguez met the men, who had spent four months in the prison.",
    ].join(" ");
    const r = checkArticle({ text, publishedAt: "2025-07-20" }, rs, { now: NOW });
    expect(r.verdicts.filter((v) => v.status === "fail").map((v) => [v.rule, v.evidence.map((e) => e.quote)])).toEqual([]);
    expect(r.counts.pass).toBeGreaterThanOrEqual(12);
  });
});
