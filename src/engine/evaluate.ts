// Scores an engine run on a labelled corpus (the format of shared/corpus/README.md): caught,
// missed and false-alarm fails, recognised passes, and recall / precision / pass-coverage, per
// rule, per group and overall. Pure: the caller runs checkArticle and hands the verdicts in.
import type { Verdict } from "./types";

export type Expectation = "pass" | "fail";

export interface LabelledCase {
  id: string;
  /** Rule id, or "a|b" meaning either rule satisfies the label. */
  expect: Record<string, Expectation>;
  group?: string;
  note?: string;
}

export interface CaseOutcome {
  id: string;
  group: string;
  caught: string[];
  missed: string[];
  /** Rules that failed (in the outlet's own words) without a fail label. */
  false_alarms: string[];
  recognised: string[];
  unrecognised: string[];
}

export interface Tally {
  caught: number;
  missed: number;
  false_alarms: number;
  recognised: number;
  unrecognised: number;
  recall: number | null;
  precision: number | null;
  pass_coverage: number | null;
}

export interface EvalReport {
  cases: CaseOutcome[];
  overall: Tally;
  by_rule: Record<string, Tally>;
  by_group: Record<string, Tally>;
}

/** A fail the outlet wrote itself; a fail found only inside quotation marks is not scored. */
const scoredFail = (v: Verdict) => v.status === "fail" && v.attribution !== "quote";

export function evaluateCase(c: LabelledCase, verdicts: Verdict[]): CaseOutcome {
  const byRule = new Map(verdicts.map((v) => [v.rule, v]));
  const out: CaseOutcome = { id: c.id, group: c.group ?? "", caught: [], missed: [], false_alarms: [], recognised: [], unrecognised: [] };
  const labelledFail = new Set<string>();
  for (const [key, label] of Object.entries(c.expect)) {
    const rules = key.split("|");
    if (label === "fail") {
      rules.forEach((r) => labelledFail.add(r));
      (rules.some((r) => {
        const v = byRule.get(r);
        return v !== undefined && scoredFail(v);
      })
        ? out.caught
        : out.missed
      ).push(key);
    } else {
      (rules.some((r) => byRule.get(r)?.status === "pass") ? out.recognised : out.unrecognised).push(key);
    }
  }
  for (const v of verdicts) if (scoredFail(v) && !labelledFail.has(v.rule)) out.false_alarms.push(v.rule);
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function emptyTally(): Tally {
  return { caught: 0, missed: 0, false_alarms: 0, recognised: 0, unrecognised: 0, recall: null, precision: null, pass_coverage: null };
}

function finish(t: Tally): Tally {
  t.recall = ratio(t.caught, t.caught + t.missed);
  t.precision = ratio(t.caught, t.caught + t.false_alarms);
  t.pass_coverage = ratio(t.recognised, t.recognised + t.unrecognised);
  return t;
}

export function summarise(cases: CaseOutcome[]): EvalReport {
  const overall = emptyTally();
  const byRule: Record<string, Tally> = {};
  const byGroup: Record<string, Tally> = {};
  const add = (bucket: Record<string, Tally>, key: string, field: keyof Omit<Tally, "recall" | "precision" | "pass_coverage">) => {
    (bucket[key] ??= emptyTally())[field]++;
  };
  for (const c of cases) {
    for (const field of ["caught", "missed", "false_alarms", "recognised", "unrecognised"] as const) {
      for (const rule of c[field]) {
        overall[field]++;
        add(byRule, rule, field);
        add(byGroup, c.group, field);
      }
    }
  }
  const sortKeys = (o: Record<string, Tally>) =>
    Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, finish(o[k]!)]),
    );
  return { cases, overall: finish(overall), by_rule: sortKeys(byRule), by_group: sortKeys(byGroup) };
}
