// defineKind carries a kind's flags, and checkArticle reads `meta.runsOnAnyTerm` from the kind
// itself (not from a list of kind names): a rule without required terms of such a kind runs only
// when one of its term sets occurs; of any other kind, on every article.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkArticle } from "../../src/engine";
import { defineKind, type KindModule } from "../../src/engine/kind-api";
import { COMPILED, compiledOf, type LoadedRuleset } from "../../src/engine/load-ruleset";
import { NOW, rulesetOf } from "./helpers";

const spec = (runsOnAnyTerm?: boolean) => ({
  meta: {
    name: "probe",
    description: "test kind",
    options: z.object({}),
    verdicts: ["pass" as const, "not_applicable" as const],
    ...(runsOnAnyTerm === undefined ? {} : { runsOnAnyTerm }),
  },
  compile: () => ({ requires: [] }),
  check: () => [],
});

describe("defineKind", () => {
  it("keeps the runsOnAnyTerm flag, absent unless set", () => {
    expect(defineKind(spec(true)).meta.runsOnAnyTerm).toBe(true);
    expect(defineKind(spec()).meta.runsOnAnyTerm).toBeUndefined();
  });
});

describe("meta.runsOnAnyTerm", () => {
  // A phrase rule without required terms; its kind swapped for a copy whose check is counted.
  const rs = rulesetOf({
    "t/t.a.yaml": `id: t.a\nclaim: Write San Salvador\nkind: phrase\nseverity: major\nsources: ["https://example.org"]\nforbid:\n  - phrases: ["San Salvadr"]\n    replacement: "San Salvador"\nexamples:\n  - text: "It is San Salvadr."\n    expect: fail\n`,
  });
  const withKind = (kind: KindModule, calls: { n: number }): LoadedRuleset => {
    const c = compiledOf(rs);
    const counted: KindModule = { ...kind, check: (...args) => (calls.n++, kind.check(...args)) };
    const rules = c.rules.map((r) => ({ ...r, kind: counted }));
    return { ...rs, [COMPILED]: { ...c, rules, byId: new Map(rules.map((r) => [r.def.id, r])) } } as LoadedRuleset;
  };
  const phrase = compiledOf(rs).rules[0]!.kind;
  const check = (ruleset: LoadedRuleset, text: string) => checkArticle({ text, publishedAt: "2025-07-20" }, ruleset, { now: NOW });

  it("skips the rule when none of its term sets occurs, runs it when one does", () => {
    expect(phrase.meta.runsOnAnyTerm).toBe(true);
    const calls = { n: 0 };
    const flagged = withKind(phrase, calls);
    check(flagged, "Nothing about it.");
    expect(calls.n).toBe(0);
    expect(check(flagged, "They went to San Salvadr.").verdicts[0]!.status).toBe("fail");
    expect(calls.n).toBe(1);
  });

  it("runs a rule of a kind without the flag on every article", () => {
    const calls = { n: 0 };
    const unflagged = withKind({ ...phrase, meta: { ...phrase.meta, runsOnAnyTerm: false } }, calls);
    expect(check(unflagged, "Nothing about it.").verdicts[0]!.status).toBe("not_applicable");
    expect(calls.n).toBe(1);
  });
});
