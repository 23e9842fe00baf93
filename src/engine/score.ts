// Scoring and outcome. Severity weights: critical 5, major 3, minor 1.
//   score   = 100 × Σ weight(pass) / Σ weight(pass + scored fail), one decimal; null when the
//             denominator is 0 (no rule applies).
//   outcome = "fail" if a scored critical or major rule fails, "warn" if only minor ones do,
//             else "pass".
// Not scored: not_applicable, review (a human decides), error (the rule broke, not the
// article), and a fail whose evidence lies only inside direct quotations (attribution
// "quote": the outlet reported what someone said) — it is still listed as a fail — and a fail
// editors dismissed as a false alarm (`dismissed`, engine/feedback.ts), also still listed.
import type { Outcome, Severity, Verdict } from "./types";

export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { critical: 5, major: 3, minor: 1 };

export function isScoredFail(v: Verdict): boolean {
  return v.status === "fail" && v.attribution !== "quote" && v.dismissed !== true;
}

export function score(verdicts: readonly Verdict[]): number | null {
  let num = 0;
  let den = 0;
  for (const v of verdicts) {
    const w = SEVERITY_WEIGHTS[v.severity];
    if (v.status === "pass") {
      num += w;
      den += w;
    } else if (isScoredFail(v)) den += w;
  }
  if (den === 0) return null;
  return Math.round((1000 * num) / den) / 10;
}

export function outcome(verdicts: readonly Verdict[]): Outcome {
  let warn = false;
  for (const v of verdicts) {
    if (!isScoredFail(v)) continue;
    if (v.severity === "minor") warn = true;
    else return "fail";
  }
  return warn ? "warn" : "pass";
}
