// The disputed kind with a small pack-free rule: a claim without a settled source is never pass
// or fail; when an article makes it (in context), the verdict is review with the reason.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../../src/engine";
import { NOW, rulesetOf } from "../helpers";

const COMMON = `claim: test\nseverity: minor\nsources: [https://example.org]\nexamples: [{ text: x, expect: not_applicable }]\nkind: disputed\n`;

const rs = rulesetOf({
  "t/pack.yaml": "pack: t\nterms: {}\n",
  "t/t.claim.yaml": `id: t.claim\n${COMMON}terms: [ate the homework, se comió la tarea]\ncontext: { all: [{ terms: [dog, perro] }] }\nreason: Nobody saw it happen.\n`,
});

const verdict = (text: string) =>
  checkArticle({ text, publishedAt: "2024-06-01" }, rs, { now: NOW }).verdicts.find((v) => v.rule === "t.claim")!;

describe("disputed", () => {
  it("sends the claim to review with its reason, once per sentence", () => {
    const v = verdict("The dog ate the homework, and then the dog ate the homework again.");
    expect(v.status).toBe("review");
    expect(v.message).toBe("Nobody saw it happen.");
    expect(v.evidence).toHaveLength(1);
  });
  it("needs its context in the sentence", () => {
    expect(verdict("El perro se comió la tarea.").status).toBe("review");
    expect(verdict("The cat ate the homework.").status).toBe("not_applicable");
  });
});
