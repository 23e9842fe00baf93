// The phrase kind with a small pack-free rule: forbidden wordings fail with their replacement,
// accepted ones pass, and a year written with an accepted wording is a typed value.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: major\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: phrase\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.law.yaml": `id: t.law\n${COMMON}forbid: [{ phrases: [Clean Water Act], replacement: Clean Air Act }]\naccept: [Clean Air Act, Ley de Aire Limpio]\nyear: 1963\ncontext: { all: [{ terms: [smog, esmog] }] }\n`,
});

const verdict = (text: string) =>
  checkArticle({ text, publishedAt: "2024-06-01" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "t.law")!;
const status = (text: string) => verdict(text).status;

describe("phrase", () => {
  it("fails a forbidden wording with its replacement, in context only", () => {
    const v = verdict("The city cited the Clean Water Act against smog.");
    expect(v.status).toBe("fail");
    expect(v.evidence[0]!.replacements).toEqual(["Clean Air Act"]);
    expect(status("The Clean Water Act protects rivers.")).toBe("not_applicable");
  });
  it("passes an accepted wording and its right year", () => {
    expect(status("The Clean Air Act of 1963 limits smog.")).toBe("pass");
    expect(status("La Ley de Aire Limpio de 1963 limita el esmog.")).toBe("pass");
  });
  it("fails any other year written with the accepted wording, listed or not", () => {
    const v = verdict("The Clean Air Act of 1961 limits smog.");
    expect(v.status).toBe("fail");
    expect(v.evidence[0]!.replacements).toEqual(["Clean Air Act of 1963"]);
    expect(status("La Ley de Aire Limpio de 1970 limita el esmog.")).toBe("fail");
    expect(status("The Clean Air Act (1955) limits smog.")).toBe("fail");
  });
  it("leaves other numbers near the wording alone", () => {
    expect(status("The Clean Air Act of 1963, amended in 1990, limits smog.")).toBe("pass");
    expect(status("The Clean Air Act of 1,963 pages limits smog.")).toBe("pass");
  });
});
