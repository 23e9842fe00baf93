// Rule-set size limits (RULESET_LIMITS): a ruleset past them is refused at load with an issue
// that says the limit, like any other rule-file problem.
import { describe, expect, it } from "vitest";
import { loadRuleset, RuleFileError } from "../../src/engine";
import { RULESET_LIMITS } from "../../src/engine/load-ruleset";

const rule = (id: string, phrase: string) => ({
  path: `t/${id}.yaml`,
  data: {
    id,
    claim: "c",
    kind: "phrase",
    severity: "minor",
    sources: ["https://example.org"],
    forbid: [{ phrases: [phrase], replacement: "x" }],
    examples: [{ text: phrase, expect: "fail" }],
  },
});

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof RuleFileError) return e.issues.map((i) => `${i.rule ?? ""} ${i.key ?? ""} ${i.message}`);
    throw e;
  }
  return [];
}

describe("ruleset limits", () => {
  it("refuses a phrase longer than the limit, naming the rule and key", () => {
    const long = Array.from({ length: RULESET_LIMITS.phraseWords + 1 }, (_, i) => `w${"abcdefghijklmnopq"[i]}`).join(" ");
    const ok = Array.from({ length: RULESET_LIMITS.phraseWords }, (_, i) => `w${"abcdefghijklmnopq"[i]}`).join(" ");
    expect(issuesOf(() => loadRuleset([rule("t.ok", ok)]))).toEqual([]);
    expect(issuesOf(() => loadRuleset([rule("t.long", long)]))).toEqual([
      `t.long forbid.0.phrases.0 phrase has 13 words: at most 12 (the matcher's work per word of text grows with the longest phrase)`,
    ]);
  });

  it("refuses more rules than the limit before compiling any", () => {
    const files = Array.from({ length: RULESET_LIMITS.rules + 1 }, (_, i) => rule(`t.r${i}`, `zz${i}`));
    expect(issuesOf(() => loadRuleset(files))).toEqual([
      `  ${RULESET_LIMITS.rules + 1} rules: a ruleset holds at most ${RULESET_LIMITS.rules} (split the packs across deployments)`,
    ]);
  });
});
