// Golden test: each seed article against the CECOT pack, as seeds/expected.yaml says.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { checkArticle } from "../../src/engine";
import { packRuleset, ROOT } from "./helpers";

interface SeedExpectation {
  published_at: string | null;
  fail: Record<string, { quotes?: string[]; found?: string[] }>;
  pass: string[];
  review?: string[];
  not_in_failures?: string[];
  evidence?: Record<string, string[]>;
}
const spec = parse(readFileSync(join(ROOT, "seeds/expected.yaml"), "utf8")) as { now: string; seeds: Record<string, SeedExpectation> };
const ruleset = packRuleset();

describe("seed articles", () => {
  for (const [file, exp] of Object.entries(spec.seeds)) {
    const text = readFileSync(join(ROOT, "seeds", file), "utf8");
    const run = (now: string) => checkArticle({ text, publishedAt: exp.published_at }, ruleset, { now: new Date(`${now}T12:00:00Z`) });
    const result = run(spec.now);
    const byRule = new Map(result.verdicts.map((v) => [v.rule, v]));

    it(`${file}: exactly the expected rules fail`, () => {
      const failing = result.verdicts
        .filter((v) => v.status === "fail")
        .map((v) => v.rule)
        .sort();
      expect(failing).toEqual(Object.keys(exp.fail).sort());
      expect(result.counts.error).toBe(0);
    });

    for (const [rule, want] of Object.entries(exp.fail)) {
      it(`${file}: ${rule} fails with the expected evidence`, () => {
        const v = byRule.get(rule)!;
        expect(v.status).toBe("fail");
        for (const q of want.quotes ?? []) expect(v.evidence.map((e) => e.quote)).toContain(q);
        for (const f of want.found ?? []) expect(v.evidence.map((e) => e.found)).toContain(f);
        if (want.found) expect(v.evidence).toHaveLength(want.found.length);
      });
    }
    for (const rule of exp.pass) {
      it(`${file}: ${rule} passes`, () => {
        expect(byRule.get(rule)?.status, JSON.stringify(byRule.get(rule)?.evidence.map((e) => e.quote))).toBe("pass");
      });
    }
    for (const rule of exp.review ?? []) {
      it(`${file}: ${rule} goes to review`, () => expect(byRule.get(rule)?.status).toBe("review"));
    }
    for (const [rule, quotes] of Object.entries(exp.evidence ?? {})) {
      it(`${file}: ${rule} evidence quotes ${quotes.join(", ")}`, () => {
        for (const q of quotes) expect(byRule.get(rule)!.evidence.map((e) => e.quote)).toContain(q);
      });
    }
    it(`${file}: no failing evidence quotes other facts' numbers (${(exp.not_in_failures ?? []).join(", ")})`, () => {
      const failing = result.verdicts.filter((v) => v.status === "fail").flatMap((v) => v.evidence);
      for (const s of exp.not_in_failures ?? [])
        for (const e of failing) expect(e.quote.includes(s), `${e.quote} contains ${s}`).toBe(false);
    });
    it(`${file}: every evidence span slices the text exactly`, () => {
      for (const v of result.verdicts) for (const e of v.evidence) expect(text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    });
    if (exp.published_at === null) {
      it(`${file}: undated, so the verdicts do not depend on "now"`, () => {
        const other = run("2025-03-01");
        expect(other.verdicts.map((v) => [v.rule, v.status])).toEqual(result.verdicts.map((v) => [v.rule, v.status]));
      });
    }
  }
});
