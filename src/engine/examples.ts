// Runs every rule's own examples (ESLint RuleTester / Semgrep --test style). Pure: the vitest
// suite and `accuracy-harness rules test` both call this.
import { checkArticle } from "./check-article";
import { compiledOf } from "./load-ruleset";
import type { Ruleset, Verdict } from "./types";

export interface ExampleResult {
  rule: string;
  index: number;
  text: string;
  expect: string;
  got: string;
  ok: boolean;
  /** Why it failed, when it did. */
  problem?: string;
  verdict: Verdict;
}

export function runExample(ruleset: Ruleset, ruleId: string, index: number, fallbackNow: Date): ExampleResult {
  const rs = compiledOf(ruleset);
  const rule = rs.byId.get(ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const ex = rule.def.examples[index]!;
  const now = rule.examplesAsOf ? new Date(`${rule.examplesAsOf}T12:00:00Z`) : fallbackNow;
  const result = checkArticle({ text: ex.text, publishedAt: ex.published_at ?? null }, ruleset, { now, ignoreAnchors: true });
  const verdict = result.verdicts.find((v) => v.rule === ruleId)!;
  let problem: string | undefined;
  if (verdict.status !== ex.expect)
    problem = `expected ${ex.expect}, got ${verdict.status}${verdict.message ? ` (${verdict.message})` : ""}`;
  else if (ex.found !== undefined && !verdict.evidence.some((e) => e.found === ex.found))
    problem = `no evidence found "${ex.found}" (got ${verdict.evidence.map((e) => JSON.stringify(e.found)).join(", ") || "none"})`;
  else if (ex.quote !== undefined && !verdict.evidence.some((e) => e.quote === ex.quote))
    problem = `no evidence quote "${ex.quote}" (got ${verdict.evidence.map((e) => JSON.stringify(e.quote)).join(", ") || "none"})`;
  return { rule: ruleId, index, text: ex.text, expect: ex.expect, got: verdict.status, ok: problem === undefined, problem, verdict };
}

/** Every example of one rule (e.g. only the rules a ruleset draft changes). */
export function runRuleExamples(ruleset: Ruleset, ruleId: string, fallbackNow: Date): ExampleResult[] {
  const rule = compiledOf(ruleset).byId.get(ruleId);
  return rule ? rule.def.examples.map((_, i) => runExample(ruleset, ruleId, i, fallbackNow)) : [];
}

export function runExamples(ruleset: Ruleset, fallbackNow: Date): ExampleResult[] {
  const out: ExampleResult[] = [];
  for (const r of compiledOf(ruleset).rules) r.def.examples.forEach((_, i) => out.push(runExample(ruleset, r.def.id, i, fallbackNow)));
  return out;
}
