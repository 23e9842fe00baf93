// Runs every example of every rule in rules/ (RuleTester style): one test per example, named
// by rule id. A rule whose examples fail breaks the build.
import { describe, expect, it } from "vitest";
import { runExample } from "../../src/engine";
import { compiledOf } from "../../src/engine/load-ruleset";
import { NOW, packRuleset } from "./helpers";

const ruleset = packRuleset();

for (const rule of compiledOf(ruleset).rules) {
  describe(rule.def.id, () => {
    rule.def.examples.forEach((ex, i) => {
      it(`${rule.def.id} #${i} ${ex.expect}: ${ex.text.slice(0, 70)}`, () => {
        const r = runExample(ruleset, rule.def.id, i, NOW);
        expect(r.problem ?? null, JSON.stringify(r.verdict.evidence.map((e) => [e.quote, e.found]))).toBeNull();
        for (const e of r.verdict.evidence) expect(ex.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
      });
    });
  });
}
