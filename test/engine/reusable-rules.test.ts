// Re-checking after a ruleset change judges only added and edited rules: the verdicts of rules
// reusableRules() keeps are passed as CheckOptions.keep, and the result equals a full check of
// every seed under the new ruleset. Rules that read a changed rule, and any pack change, are
// judged again.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkArticle, loadRuleset, reusableRules, type Ruleset, type Verdict } from "../../src/engine";
import { NOW, readRuleFiles, ROOT } from "./helpers";

const seeds = readdirSync(join(ROOT, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(ROOT, "seeds", f), "utf8"));
const files = readRuleFiles();
const v1 = loadRuleset(files);
const edit = (path: string, from: string | RegExp, to: string) =>
  files.map((f) => (f.path.endsWith(path) ? { ...f, text: f.text.replace(from, to) } : f));
const added = {
  path: "cecot/added.prison_name.yaml",
  text: `id: added.prison_name\nclaim: Write CECOT\nkind: phrase\nseverity: minor\nsources: ["https://example.org"]\nforbid:\n  - phrases: ["CECOTT"]\n    replacement: "CECOT"\naccept: ["CECOT"]\nexamples:\n  - text: "It is CECOTT."\n    expect: fail\n`,
};
// release.count edited (the consistency rule reads it), role.trump removed, a rule added.
const v2 = loadRuleset([
  ...edit("release.count.yaml", "severity: critical", "severity: major").filter((f) => !f.path.endsWith("role.trump.yaml")),
  added,
]);
const previousOf = (rs: Ruleset) => ({ version: rs.version, rules: rs.rules.map((r) => ({ id: r.id, hash: r.hash })) });

describe("reusableRules", () => {
  it("keeps unchanged rules, and judges edited, added and dependent ones again", () => {
    const reusable = reusableRules(v2, previousOf(v1));
    for (const id of ["release.count", "consistency.release_count", "added.prison_name", "role.trump"])
      expect(reusable.has(id)).toBe(false);
    expect(reusable.has("cecot.capacity")).toBe(true);
    expect(reusable.size).toBe(v2.rules.length - 3);
  });

  it("keeps nothing when a pack changed (its anchors are outside the rules' hashes)", () => {
    const anchors = loadRuleset(edit("pack.yaml", "Bukele, ", ""));
    expect(anchors.rules.map((r) => r.hash)).toEqual(v1.rules.map((r) => r.hash));
    expect(reusableRules(anchors, previousOf(v1)).size).toBe(0);
  });

  it("a check that keeps the previous verdicts of reusable rules equals a full check of every seed", () => {
    const reusable = reusableRules(v2, previousOf(v1));
    for (const text of seeds) {
      const input = { text, publishedAt: "2025-07-20" };
      const before = checkArticle(input, v1, { now: NOW });
      const keep = new Map(before.verdicts.filter((v) => reusable.has(v.rule)).map((v) => [v.rule, v]));
      expect(checkArticle(input, v2, { now: NOW, keep })).toEqual(checkArticle(input, v2, { now: NOW }));
    }
  });

  it("does not judge a kept rule: its verdict is taken as given, and counts and score follow it", () => {
    const text = seeds[3]!;
    const full = checkArticle({ text, publishedAt: "2025-07-20" }, v1, { now: NOW });
    const passing = full.verdicts.find((v) => v.status === "pass")!;
    const sentinel: Verdict = { ...passing, status: "fail", message: "kept, not judged" };
    const kept = checkArticle({ text, publishedAt: "2025-07-20" }, v1, { now: NOW, keep: new Map([[passing.rule, sentinel]]) });
    expect(kept.verdicts.find((v) => v.rule === passing.rule)).toBe(sentinel);
    expect(kept.counts.pass).toBe(full.counts.pass - 1);
    expect(kept.counts.fail).toBe(full.counts.fail + 1);
    expect(kept.score).not.toBe(full.score);
  });
});
