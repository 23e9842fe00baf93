// Rule loading limits: an alias bomb, an oversized file, too many rules and a term list that
// multiplies through @references are located errors (RuleFileError), never a crash or a hang.
import { describe, expect, it } from "vitest";
import { RuleFileError, type RuleFileIssue } from "../../src/engine";
import { LIMITS } from "../../src/engine/rule-limits";
import { rulesetOf } from "./helpers";

function issuesOf(files: Record<string, string>): RuleFileIssue[] {
  try {
    rulesetOf(files);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleFileError);
    return (e as RuleFileError).issues;
  }
  throw new Error("expected the ruleset to be rejected");
}

/** The classic "billion laughs": each level aliases the previous one ten times. */
const ALIAS_BOMB = [
  "a: &a [x, x, x, x, x, x, x, x, x, x]",
  ...Array.from({ length: 8 }, (_, i) => {
    const prev = String.fromCharCode(97 + i);
    const name = String.fromCharCode(98 + i);
    return `${name}: &${name} [${Array(10).fill(`*${prev}`).join(", ")}]`;
  }),
].join("\n");

describe("rule loading limits", () => {
  it("a YAML alias bomb → a located error naming the alias limit", () => {
    const [issue] = issuesOf({ "p/t.rule.yaml": `${ALIAS_BOMB}\nid: t.rule\n` });
    expect(issue).toMatchObject({ file: "p/t.rule.yaml", line: 1, column: 1, message: expect.stringContaining(`${LIMITS.aliases} alias`) });
  });

  it("a file over the size limit → refused before parsing", () => {
    const [issue] = issuesOf({ "p/t.rule.yaml": `# ${"x".repeat(LIMITS.fileBytes)}\n` });
    expect(issue).toMatchObject({ file: "p/t.rule.yaml", line: 1, message: expect.stringContaining(`limit is ${LIMITS.fileBytes}`) });
  });

  it("rule files over the total size → refused before parsing, on the file that crosses it", () => {
    const big = `# ${"x".repeat(LIMITS.fileBytes - 10)}\n`;
    const count = Math.floor(LIMITS.totalBytes / big.length) + 1;
    const files = Object.fromEntries(Array.from({ length: count }, (_, i) => [`p/r${String(i).padStart(3, "0")}.yaml`, big]));
    const issues = issuesOf(files);
    expect(issues).toEqual([
      expect.objectContaining({
        file: `p/r${String(count - 1).padStart(3, "0")}.yaml`,
        message: expect.stringContaining(`more than ${LIMITS.totalBytes} bytes`),
      }),
    ]);
  });

  it("term lists that multiply through @references stop at the limit with a located error", () => {
    const list = (ref: string) => `[${Array(100).fill(`"@${ref}"`).join(", ")}]`;
    const pack = `pack: p\nterms:\n  a: [${Array.from({ length: 100 }, (_, i) => `t${i}`).join(", ")}]\n  b: ${list("a")}\n  c: ${list("b")}\n  d: ${list("c")}\n`;
    const started = Date.now();
    const issues = issuesOf({ "p/pack.yaml": pack });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(issues.map((i) => i.key)).toEqual(["terms.b", "terms.c", "terms.d"]);
    expect(issues[0]).toMatchObject({ file: "p/pack.yaml", line: 4, message: expect.stringContaining(`at most ${LIMITS.terms}`) });
  });

  it("rules whose term lists together expand past the ruleset's total → a located error on the rule that crosses it", () => {
    const pack = `pack: p\nterms:\n  a: [${Array.from({ length: LIMITS.terms }, (_, i) => `t${i}`).join(", ")}]\n`;
    const rule = (id: string) =>
      `id: ${id}\nclaim: A thing is true.\nkind: phrase\nseverity: minor\nsources: [https://example.org/a]\nforbid:\n  - phrases: ["@a"]\n    replacement: good wording\nexamples:\n  - text: This has t1.\n    expect: fail\n`;
    // Each rule expands to LIMITS.terms phrases plus its one source.
    const count = Math.floor(LIMITS.totalTerms / (LIMITS.terms + 1)) + 1;
    const files: Record<string, string> = { "p/pack.yaml": pack };
    const id = (i: number) => `t.r${String(i).padStart(3, "0")}`;
    for (let i = 0; i < count; i++) files[`p/${id(i)}.yaml`] = rule(id(i));
    const issues = issuesOf(files);
    expect(issues).toEqual([
      expect.objectContaining({
        file: `p/${id(count - 1)}.yaml`,
        message: expect.stringContaining(`more than ${LIMITS.totalTerms} terms`),
      }),
    ]);
  });
});
