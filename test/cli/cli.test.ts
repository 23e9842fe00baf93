// The CLI as a child process (Node 22 via the project's node, tsx registered by cli/bin.mjs):
// exit codes and JSON output on seeds/.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packRuleset } from "../engine/helpers";

const ROOT = join(import.meta.dirname, "../..");
const NODE = join(ROOT, "node_modules/.bin/node");
const run = (...args: string[]) =>
  spawnSync(NODE, [join(ROOT, "cli/bin.mjs"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("accuracy-harness CLI", { timeout: 60_000 }, () => {
  it("check seeds/ --format json: one result per file, exit 1 (seed 000 fails)", () => {
    const r = run("check", "seeds/", "--format", "json");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Array<{
      file: string;
      outcome: string;
      score: number | null;
      verdicts: Array<{ rule: string; status: string; evidence: Array<{ quote: string }> }>;
      ruleset: { version: string };
    }>;
    expect(out.map((x) => x.file.replace(/\\/g, "/"))).toEqual([
      "seeds/000_246310151619bba4.txt",
      "seeds/001_08a7ac9cce5a790c.txt",
      "seeds/002_ada128ec4490331f.txt",
      "seeds/003_06fac824c4504bdd.txt",
      "seeds/004_170cde492381ad1a.txt",
    ]);
    const seed0 = out[0]!;
    expect(seed0.outcome).toBe("fail");
    expect(seed0.verdicts.find((v) => v.rule === "cecot.country")!.evidence[0]!.quote).toBe(
      "a detention center in Ecuador, known as CECOT",
    );
    expect(seed0.ruleset.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("check one clean article with --published-at exits 0; text report", () => {
    const r = run("check", "seeds/003_06fac824c4504bdd.txt", "--published-at", "2025-07-22");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/PASS seeds\/003_06fac824c4504bdd.txt {2}score 100/);
  });

  it("text report marks the failing span", () => {
    const r = run("check", "seeds/004_170cde492381ad1a.txt");
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("cecot.name (major)");
    expect(r.stdout).toContain("[[Migrant Resource Center]]");
  });

  it("--fail-under turns a low score into exit 1", () => {
    expect(run("check", "seeds/002_ada128ec4490331f.txt", "--published-at", "2025-12-27").status).toBe(0);
    expect(run("check", "seeds/002_ada128ec4490331f.txt", "--published-at", "2025-12-27", "--fail-under", "100.1").status).toBe(2);
    const low = run("check", "seeds/001_08a7ac9cce5a790c.txt", "--published-at", "2025-07-19", "--fail-under", "95", "--format", "json");
    expect(low.status).toBe(1);
  });

  it("usage errors exit 2", () => {
    expect(run().status).toBe(2);
    expect(run("check").status).toBe(2);
    expect(run("check", "nope/").status).toBe(2);
    expect(run("check", "seeds/", "--format", "xml").status).toBe(2);
    expect(run("frobnicate").status).toBe(2);
  });

  it("rules lint and rules test pass on rules/", () => {
    const lint = run("rules", "lint");
    expect(lint.status).toBe(0);
    // The count comes from the pack, so adding a valid rule never breaks this test.
    expect(lint.stdout).toContain(`${packRuleset().rules.length} rules valid`);
    const test = run("rules", "test");
    expect(test.status).toBe(0);
    expect(test.stdout).toMatch(/rule examples pass/);
  });

  it("rule-file errors exit 2 with located messages", () => {
    const dir = mkdtempSync(join(tmpdir(), "ah-rules-"));
    mkdirSync(join(dir, "p"));
    writeFileSync(
      join(dir, "p/t.rule.yaml"),
      "id: t.rule\nclaim: x\nkind: nope\nseverity: minor\nsources: [https://example.org]\nexamples: [{text: a, expect: pass}]\n",
    );
    const r = run("rules", "lint", "--rules", dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\/t\.rule\.yaml:3:\d+ \[t\.rule\] \(kind\)/);
    expect(run("check", "seeds/", "--rules", dir).status).toBe(2);
  });

  it("a YAML alias bomb in a rule file → exit 2 with a located message, no stack trace", () => {
    const dir = mkdtempSync(join(tmpdir(), "ah-rules-"));
    mkdirSync(join(dir, "p"));
    const levels = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 8; i++)
      levels.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    writeFileSync(join(dir, "p/t.rule.yaml"), `${levels.join("\n")}\nid: t.rule\n`);
    const r = run("rules", "lint", "--rules", dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/p\/t\.rule\.yaml:1:1 .*alias/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("works through npx (bin entry)", () => {
    const out = execFileSync("npx", ["--no-install", "accuracy-harness", "rules", "lint"], { cwd: ROOT, encoding: "utf8" });
    expect(out).toMatch(/rules valid/);
  });
});
