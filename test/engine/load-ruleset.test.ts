// The loader: strict validation with located errors (file, line, column, rule id, key path).
import { describe, expect, it } from "vitest";
import { RuleFileError, type RuleFileIssue } from "../../src/engine";
import { rulesetOf } from "./helpers";

const RULE = `id: t.rule
claim: A thing is true.
kind: phrase
severity: minor
sources: [https://example.org/a]
forbid:
  - phrases: [bad wording]
    replacement: good wording
examples:
  - text: This has bad wording.
    expect: fail
`;

function issuesOf(files: Record<string, string>): RuleFileIssue[] {
  try {
    rulesetOf(files);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleFileError);
    return (e as RuleFileError).issues;
  }
  throw new Error("expected the ruleset to be rejected");
}

describe("loadRuleset", () => {
  it("loads a valid rule and reports version and per-rule hash", () => {
    const rs = rulesetOf({ "p/t.rule.yaml": RULE });
    expect(rs.rules).toHaveLength(1);
    expect(rs.rules[0]).toMatchObject({ id: "t.rule", kind: "phrase", severity: "minor", file: "p/t.rule.yaml", valid_from: null });
    expect(rs.rules[0]!.hash).toMatch(/^[0-9a-f]{12}$/);
    expect(rs.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("version is a content hash: stable across file order and formatting, changes with content", () => {
    const a = rulesetOf({ "p/t.rule.yaml": RULE, "p/u.rule.yaml": RULE.replace("t.rule", "u.rule") });
    const b = rulesetOf({ "p/u.rule.yaml": RULE.replace("t.rule", "u.rule"), "p/t.rule.yaml": `# a comment\n${RULE}` });
    const c = rulesetOf({
      "p/t.rule.yaml": RULE.replace("good wording", "better wording"),
      "p/u.rule.yaml": RULE.replace("t.rule", "u.rule"),
    });
    expect(a.version).toBe(b.version);
    expect(c.version).not.toBe(a.version);
  });

  it("unknown key: file, line, column, rule id and key path", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("    expect: fail", "    expect: fail\n    colour: red") });
    expect(i).toMatchObject({ file: "p/t.rule.yaml", line: 12, column: 5, rule: "t.rule", key: "examples.0.colour" });
    expect(i!.message).toMatch(/unknown key "colour"/);
  });

  it("unknown top-level key is located on the key", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("severity: minor", "severity: minor\nweight: 3") });
    expect(i).toMatchObject({ line: 5, column: 1, rule: "t.rule", key: "weight" });
  });

  it("wrong kind names the allowed kinds", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("kind: phrase", "kind: regex") });
    expect(i).toMatchObject({ file: "p/t.rule.yaml", line: 3, rule: "t.rule", key: "kind" });
    expect(i!.message).toMatch(/consistency, date, disputed, name, phrase, place, quantity, role/);
  });

  it("bad severity", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("severity: minor", "severity: high") });
    expect(i).toMatchObject({ line: 4, column: 11, rule: "t.rule", key: "severity" });
  });

  it("bad example verdict is located in the examples list", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("expect: fail", "expect: wrong") });
    expect(i).toMatchObject({ line: 11, rule: "t.rule", key: "examples.0.expect" });
  });

  it("duplicate id across files", () => {
    const issues = issuesOf({ "p/t.rule.yaml": RULE, "q/t.rule.yaml": RULE });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "q/t.rule.yaml", line: 1, column: 5, rule: "t.rule", key: "id" });
    expect(issues[0]!.message).toMatch(/also defined in p\/t.rule.yaml/);
  });

  it("file name must be the rule id", () => {
    const [i] = issuesOf({ "p/other.yaml": RULE });
    expect(i).toMatchObject({ file: "p/other.yaml", line: 1, rule: "t.rule", key: "id" });
  });

  it("YAML syntax error with line and column", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("sources: [https://example.org/a]", "sources: [https://example.org/a") });
    expect(i!.file).toBe("p/t.rule.yaml");
    expect(i!.line).toBeGreaterThanOrEqual(5);
    expect(i!.message).toMatch(/YAML/);
  });

  it("duplicate YAML keys are an error", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("severity: minor", "severity: minor\nseverity: major") });
    expect(i!.message).toMatch(/YAML/);
  });

  it("rejects regular-expression-looking terms (no catastrophic backtracking)", () => {
    for (const bad of ["(a+)+$", "foo.*bar", "[abc]", "x{2,}", "a|b", "*lead"]) {
      const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("[bad wording]", JSON.stringify([bad])) });
      expect(i, bad).toMatchObject({ rule: "t.rule", key: "forbid.0.phrases.0", line: 7 });
      expect(i!.message).toMatch(/regular expression/);
    }
  });

  it("a trailing * on a word is allowed", () => {
    expect(() => rulesetOf({ "p/t.rule.yaml": RULE.replace("[bad wording]", "[deport*]") })).not.toThrow();
  });

  it("@term references come from the pack; a missing one is located", () => {
    const pack = "pack: p\nterms:\n  bad: [bad wording, awful wording]\n";
    const rs = rulesetOf({ "p/pack.yaml": pack, "p/t.rule.yaml": RULE.replace("[bad wording]", '["@bad"]') });
    expect(rs.rules).toHaveLength(1);
    const [i] = issuesOf({ "p/pack.yaml": pack, "p/t.rule.yaml": RULE.replace("[bad wording]", '["@nope"]') });
    expect(i).toMatchObject({ rule: "t.rule", key: "forbid.0.phrases.0", line: 7 });
  });

  it("a consistency rule must name an existing rule", () => {
    const cons = `id: t.cons\nclaim: One value.\nkind: consistency\nseverity: minor\nsources: [https://example.org]\nof: t.missing\nexamples:\n  - text: x\n    expect: not_applicable\n`;
    const [i] = issuesOf({ "p/t.cons.yaml": cons });
    expect(i).toMatchObject({ rule: "t.cons", key: "of", line: 6 });
  });

  it("reports every problem at once, across files", () => {
    const issues = issuesOf({
      "p/t.rule.yaml": RULE.replace("kind: phrase", "kind: nope"),
      "p/u.rule.yaml": RULE.replace("t.rule", "u.rule").replace("severity: minor", "severity: x"),
    });
    expect(issues.map((i) => i.rule)).toEqual(["t.rule", "u.rule"]);
  });

  it("sources must be URLs", () => {
    const [i] = issuesOf({ "p/t.rule.yaml": RULE.replace("https://example.org/a", "example.org/a") });
    expect(i).toMatchObject({ key: "sources.0", line: 5 });
  });
});
