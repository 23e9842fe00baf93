// The consistency kind over a small pack-free quantity rule: one value per fact in an article.
import { describe, expect, it } from "vitest";
import { checkArticle, loadRuleset } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.count.yaml": `id: t.count\n${COMMON}kind: quantity\nunit: count\nvalue: 12\ntolerance: 0.5\nnear: { terms: [owls], words: 1, side: after }\n`,
  "t/t.same.yaml": `id: t.same\n${COMMON}kind: consistency\nof: t.count\n`,
});

const status = (text: string) =>
  checkArticle({ text, publishedAt: "2024-06-01" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "t.same")!.status;

describe("consistency", () => {
  it("passes one value stated twice", () => {
    expect(status("We saw 12 owls. Later, the 12 owls flew off.")).toBe("pass");
  });
  it("fails two values for the same fact, even when each is within tolerance", () => {
    expect(status("We saw 12 owls. Later, 13 owls flew off.")).toBe("fail");
  });
  it("leaves values inside direct quotation out: they are someone else's words", () => {
    expect(status('Claim: "13 owls were seen here." Verdict: false. We saw 12 owls.')).toBe("pass");
  });
  it("is not applicable when the other rule found nothing", () => {
    expect(status("We saw nothing.")).toBe("not_applicable");
  });
  it("rejects a reference to a missing rule or to itself at load", () => {
    const bad = (of: string) => () =>
      loadRuleset([
        { path: "t/pack.yaml", text: "pack: t\nterms: {}\n" },
        { path: "t/t.same.yaml", text: `id: t.same\n${COMMON}kind: consistency\nof: ${of}\n` },
      ]);
    expect(bad("t.nope")).toThrow(/t\.nope/);
    expect(bad("t.same")).toThrow(/itself/);
  });
});
