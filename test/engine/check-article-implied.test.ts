// Rules whose terms do not occur cost nothing per check: their not_applicable verdict is built
// once per ruleset and shared, while every rule still gets its verdict, in ruleset order, with
// the same counts, score and outcome as judging each rule one by one.
import { describe, expect, it } from "vitest";
import { checkArticle, type Verdict } from "../../src/engine";
import { NOW, packRuleset, rulesetOf } from "./helpers";

function phrase(id: string, wrong: string, right: string, extra = "") {
  return `id: ${id}\nclaim: Write ${right}\nkind: phrase\nseverity: major\nsources: ["https://example.org"]\nforbid:\n  - phrases: ["${wrong}"]\n    replacement: "${right}"\naccept: ["${right}"]\n${extra}examples:\n  - text: "It is ${wrong}."\n    expect: fail\n`;
}

describe("rules that do not apply", () => {
  const rs = rulesetOf({
    "t/t.a.yaml": phrase("t.a", "San Salvadr", "San Salvador"),
    "t/t.b.yaml": phrase("t.b", "Cecott", "CECOT"),
    "t/t.c.yaml": phrase("t.c", "Bukelle", "Bukele", "valid_until: 2025-01-01\n"),
  });

  it("share one not_applicable verdict per rule across checks, and still list every rule", () => {
    const one = checkArticle({ text: "They went to San Salvador.", publishedAt: "2025-07-20" }, rs, { now: NOW });
    const two = checkArticle({ text: "Nothing about it.", publishedAt: "2025-07-20" }, rs, { now: NOW });
    expect(one.verdicts.map((v) => [v.rule, v.status])).toEqual([
      ["t.a", "pass"],
      ["t.b", "not_applicable"],
      ["t.c", "not_applicable"],
    ]);
    expect(one.verdicts[1]).toBe(two.verdicts[1]);
    expect(Object.isFrozen(one.verdicts[1])).toBe(true);
    expect(one.verdicts[1]).toEqual({
      rule: "t.b",
      claim: "Write CECOT",
      kind: "phrase",
      severity: "major",
      status: "not_applicable",
      evidence: [],
    });
    // A validity window names the judging date, so that verdict is the article's own.
    expect(one.verdicts[2]!.message).toBe("the fact holds until 2025-01-01; the article is judged as of 2025-07-20");
    expect(one.counts).toEqual({ pass: 1, fail: 0, not_applicable: 2, review: 0, error: 0 });
    expect(two.counts).toEqual({ pass: 0, fail: 0, not_applicable: 3, review: 0, error: 0 });
    expect(two.score).toBeNull();
    // A phrase rule without required terms runs when either its forbidden or its accepted wording occurs.
    const three = checkArticle({ text: "They went to San Salvadr and Cecott.", publishedAt: "2025-07-20" }, rs, { now: NOW });
    expect(three.verdicts.map((v) => [v.rule, v.status])).toEqual([
      ["t.a", "fail"],
      ["t.b", "fail"],
      ["t.c", "not_applicable"],
    ]);
  });

  it("give the pack's seeds-like texts the counts, score and outcome their verdicts add up to", () => {
    const pack = packRuleset();
    const text = "The 252 Venezuelans held at CECOT in Ecuador were flown to Maiquetía on July 18, 2025. President Nayib Bukele said so.";
    const r = checkArticle({ text, publishedAt: "2025-07-20" }, pack, { now: NOW });
    expect(r.verdicts.map((v) => v.rule)).toEqual(pack.rules.map((x) => x.id));
    const counts = { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
    for (const v of r.verdicts as Verdict[]) counts[v.status]++;
    expect(r.counts).toEqual(counts);
    expect(r.counts.not_applicable).toBeLessThan(pack.rules.length);
  });
});
