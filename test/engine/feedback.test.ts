// Findings and feedback (engine/feedback.ts): stable ids, labels on spans, dismissed fails out of
// score and outcome, and the bare evidence storage keeps.
import { describe, expect, it } from "vitest";
import { applyFeedback, bareEvidence, type CheckResult, type Evidence, findingId, labelVerdicts, type Verdict } from "../../src/engine";

const key = { source: "ghost", externalId: "post-1" };

const span = (quote: string, offset = 0): Evidence => ({
  offset,
  length: quote.length,
  quote,
  found: null,
  expected: null,
  replacements: [],
  attribution: "article",
});

const verdict = (rule: string, status: Verdict["status"], quotes: string[], severity: Verdict["severity"] = "major"): Verdict => ({
  rule,
  claim: "c",
  kind: "phrase",
  severity,
  status,
  evidence: quotes.map((q, i) => span(q, i * 100)),
});

describe("findingId", () => {
  it("is stable, and ignores where the wording sits and how it is spaced", () => {
    const id = findingId(key, "release.count", "244 Venezuelans");
    expect(id).toMatch(/^fnd_[0-9a-f]{24}$/);
    expect(findingId(key, "release.count", "244 Venezuelans")).toBe(id);
    expect(findingId(key, "release.count", "  244\n\tVenezuelans ")).toBe(id);
    // NFC: a decomposed accent is the same wording.
    expect(findingId(key, "r", "Maiquetía")).toBe(findingId(key, "r", "Maiqueti\u0301a"));
  });
  it("changes with the wording, the rule and the article", () => {
    const id = findingId(key, "release.count", "244 Venezuelans");
    expect(findingId(key, "release.count", "245 Venezuelans")).not.toBe(id);
    expect(findingId(key, "transfer.count", "244 Venezuelans")).not.toBe(id);
    expect(findingId({ ...key, externalId: "post-2" }, "release.count", "244 Venezuelans")).not.toBe(id);
    expect(findingId({ ...key, source: "wordpress" }, "release.count", "244 Venezuelans")).not.toBe(id);
    // The separator keeps fields apart: ("a b", "c") is not ("a", "b c").
    expect(findingId({ source: "s", externalId: "a" }, "b.c", "q")).not.toBe(findingId({ source: "s", externalId: "a\u0000b.c" }, "", "q"));
  });
});

describe("labelVerdicts / applyFeedback", () => {
  const result = (verdicts: Verdict[]): CheckResult => ({
    ruleset: { version: "v", rules: verdicts.length },
    score: null,
    outcome: "pass",
    counts: { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 },
    verdicts,
    as_of: "2025-08-01",
    text: "",
  });

  it("labels every span and leaves unlabelled ones null", () => {
    const [v] = labelVerdicts([verdict("a", "fail", ["x", "y"])], key, new Map());
    expect(v!.evidence.map((e) => e.feedback)).toEqual([null, null]);
    expect(v!.evidence[0]!.finding).toBe(findingId(key, "a", "x"));
    expect(v!.dismissed).toBeUndefined();
  });

  it("dismisses a fail only when every span is a false alarm; it stays a fail but stops counting", () => {
    const verdicts = [verdict("a", "fail", ["x", "y"], "critical"), verdict("b", "pass", ["z"])];
    const raw = applyFeedback(result(verdicts), key, new Map());
    expect([raw.score, raw.outcome]).toEqual([37.5, "fail"]);

    const one = applyFeedback(result(verdicts), key, new Map([[findingId(key, "a", "x"), "false_alarm"]]));
    expect(one.verdicts[0]!.dismissed).toBeUndefined();
    expect(one.outcome).toBe("fail");

    const both = applyFeedback(
      result(verdicts),
      key,
      new Map([
        [findingId(key, "a", "x"), "false_alarm"],
        [findingId(key, "a", "y"), "false_alarm"],
      ]),
    );
    expect(both.verdicts[0]).toMatchObject({ status: "fail", dismissed: true });
    expect([both.score, both.outcome]).toEqual([100, "pass"]);
  });

  it("a confirmed finding keeps its verdict counting; a pass is never dismissed", () => {
    const labels = new Map([
      [findingId(key, "a", "x"), "confirmed" as const],
      [findingId(key, "b", "z"), "false_alarm" as const],
    ]);
    const r = applyFeedback(result([verdict("a", "fail", ["x"]), verdict("b", "pass", ["z"])]), key, labels);
    expect(r.verdicts.map((v) => v.dismissed)).toEqual([undefined, undefined]);
    expect(r.outcome).toBe("fail");
  });

  it("a label lifted (undo) un-dismisses: stale flags from a stored read are recomputed", () => {
    const dismissed = { ...verdict("a", "fail", ["x"]), dismissed: true };
    const [v] = labelVerdicts([dismissed], key, new Map());
    expect(v!.dismissed).toBeUndefined();
  });

  it("a verdict without spans comes back as it was, unless it carries a stale dismissed flag", () => {
    const none = verdict("n", "not_applicable", []);
    const stale = { ...verdict("f", "fail", []), dismissed: true };
    const [kept, cleared] = labelVerdicts([none, stale], key, new Map([[findingId(key, "f", "x"), "false_alarm"]]));
    expect(kept).toBe(none);
    expect(cleared).toEqual(verdict("f", "fail", []));
    expect(JSON.stringify(cleared)).toBe(JSON.stringify(verdict("f", "fail", [])));
  });

  it("bareEvidence drops what labelling added", () => {
    const [v] = labelVerdicts([verdict("a", "fail", ["x"])], key, new Map());
    expect(bareEvidence(v!.evidence)).toEqual([span("x")]);
  });
});
