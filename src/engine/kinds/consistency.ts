// consistency: one value per fact within an article. Reads the precise values another rule
// found (its passing and failing mentions alike) and fails when they disagree — useful even
// where no rule says which value is right.
import { z } from "zod";
import { defineKind, RuleCompileError, type CompiledRule, type Finding } from "../kind-api";
import { isInQuote } from "../text-adapter";

const options = z.object({
  of: z.string().min(1).describe("The id of the rule whose values must agree within an article"),
});
interface Compiled extends CompiledRule {
  of: string;
}

/** Distinct values named in the message; the rest are counted. */
const MAX_LISTED = 10;

export const consistency = defineKind({
  meta: {
    name: "consistency",
    description:
      'One value per fact within an article: fails when another rule\'s precise mentions disagree with each other ("252 released" … "253 released").',
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(rule, tools): Compiled {
    if (!tools.ruleIds.has(rule.of)) throw new RuleCompileError("of", `no rule with id "${rule.of}" in this ruleset`);
    if (rule.of === rule.id) throw new RuleCompileError("of", "a consistency rule cannot read itself");
    return { of: rule.of, requires: [], dependsOn: [rule.of] };
  },

  check(ctx, c) {
    // Values inside direct quotation are someone else's words, not the article's own statement.
    const values = ctx
      .findingsOf(c.of)
      .filter((f) => f.exact && f.status !== "review" && f.found !== null && !isInQuote(ctx.quotes, f.start, f.end - f.start));
    const distinct = [...new Set(values.map((f) => f.found as string))];
    if (distinct.length === 0) return [];
    const ok = distinct.length === 1;
    // One message for all findings (built once: a long article may state thousands of values).
    const listed = distinct.slice(0, MAX_LISTED).map((d) => `"${d}"`);
    if (distinct.length > MAX_LISTED) listed.push(`${distinct.length - MAX_LISTED} other values`);
    const message = ok ? undefined : `the article states ${listed.join(" and ")} for the same fact`;
    return values.map((f): Finding => ({
      start: f.start,
      end: f.end,
      status: ok ? "pass" : "fail",
      found: f.found,
      expected: null,
      replacements: [],
      message,
    }));
  },
});
