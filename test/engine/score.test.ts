// Scoring: weights 5/3/1, one decimal, null when nothing applies; review, error, n/a and
// quote-only fails are not scored; outcome from scored fails only.
import { describe, expect, it } from "vitest";
import { outcome, score, SEVERITY_WEIGHTS, type Verdict } from "../../src/engine";

const v = (severity: Verdict["severity"], status: Verdict["status"], attribution?: "quote"): Verdict => ({
  rule: `r.${Math.random()}`,
  claim: "c",
  kind: "phrase",
  severity,
  status,
  evidence: [],
  ...(attribution ? { attribution } : {}),
});

describe("score", () => {
  it("documents the weights", () => expect(SEVERITY_WEIGHTS).toEqual({ critical: 5, major: 3, minor: 1 }));
  it("is null when no rule applies", () => {
    expect(score([])).toBeNull();
    expect(score([v("critical", "not_applicable"), v("major", "review"), v("minor", "error")])).toBeNull();
  });
  it("weights by severity, one decimal", () => {
    // pass critical (5) + pass minor (1) / (5 + 1 + fail major 3) = 6/9 = 66.7
    expect(score([v("critical", "pass"), v("minor", "pass"), v("major", "fail")])).toBe(66.7);
    expect(score([v("major", "pass"), v("minor", "fail"), v("minor", "fail"), v("minor", "fail")])).toBe(50);
    expect(score([v("minor", "pass")])).toBe(100);
    expect(score([v("critical", "fail")])).toBe(0);
  });
  it("review, error and not_applicable do not count", () => {
    expect(score([v("major", "pass"), v("critical", "review"), v("critical", "error"), v("critical", "not_applicable")])).toBe(100);
  });
  it("a fail only inside quotes is listed but not scored", () => {
    expect(score([v("major", "pass"), v("critical", "fail", "quote")])).toBe(100);
    expect(score([v("critical", "fail", "quote")])).toBeNull();
  });
});

describe("outcome", () => {
  it("fail on a critical or major fail, warn on minor only, else pass", () => {
    expect(outcome([v("critical", "fail")])).toBe("fail");
    expect(outcome([v("major", "fail"), v("minor", "fail")])).toBe("fail");
    expect(outcome([v("minor", "fail"), v("critical", "pass")])).toBe("warn");
    expect(outcome([v("critical", "pass"), v("major", "review"), v("major", "error")])).toBe("pass");
    expect(outcome([v("critical", "fail", "quote")])).toBe("pass");
  });
});
