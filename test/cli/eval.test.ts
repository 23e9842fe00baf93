// `accuracy-harness eval` as a child process on a small labelled corpus written here: the figures,
// the JSON shape and the gates' exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { feedbackCorpus } from "../../src/use-cases/feedback-corpus";

const ROOT = join(import.meta.dirname, "../..");
const NODE = join(ROOT, "node_modules/.bin/node");
const run = (...args: string[]) =>
  spawnSync(NODE, [join(ROOT, "cli/bin.mjs"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), "eval-"));
  mkdirSync(join(dir, "cases"));
  writeFileSync(join(dir, "cases/wrong.txt"), "A detention center in Ecuador, known as CECOT, holds the Venezuelans.\n");
  writeFileSync(join(dir, "cases/right.txt"), "CECOT, the prison in El Salvador, held 252 Venezuelans until their release.\n");
  writeFileSync(join(dir, "cases/wrong-labelled-pass.txt"), "The Venezuelans were held at CECOT in Honduras.\n");
  const cases = [
    { id: "w", file: "cases/wrong.txt", published_at: "2025-07-19", expect: { "cecot.country": "fail" }, group: "a" },
    { id: "r", file: "cases/right.txt", published_at: "2025-07-19", expect: { "cecot.country": "pass" }, group: "a" },
    // Mislabelled on purpose: the engine's fail here is a false alarm by this label.
    { id: "m", file: "cases/wrong-labelled-pass.txt", published_at: "2025-07-19", expect: { "cecot.country": "pass" }, group: "b" },
  ];
  writeFileSync(join(dir, "cases.json"), JSON.stringify(cases));
  return join(dir, "cases.json");
}

describe("accuracy-harness eval", { timeout: 60_000 }, () => {
  const path = corpus();
  it("prints recall, precision and pass-coverage overall, per rule and per group", () => {
    const r = run("eval", path, "--format", "json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.overall).toMatchObject({
      caught: 1,
      missed: 0,
      false_alarms: 1,
      recognised: 1,
      unrecognised: 1,
      recall: 1,
      precision: 0.5,
      pass_coverage: 0.5,
    });
    expect(report.by_group.b).toMatchObject({ false_alarms: 1 });
    expect(report.cases.find((c: { id: string }) => c.id === "m").false_alarms).toEqual(["cecot.country"]);
  });
  it("--verbose lists each false alarm with its quote", () => {
    const r = run("eval", path, "--verbose");
    expect(r.stdout).toMatch(/FALSE\s+m cecot\.country: .*Honduras/);
  });
  it("a figure under its gate exits 1 and says which", () => {
    const r = run("eval", path, "--min-precision", "0.9");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("precision 0.5 is under the gate 0.9");
    expect(run("eval", path, "--min-recall", "1").status).toBe(0);
  });
  it("bad input is a usage error (exit 2)", () => {
    expect(run("eval", "no-such.json").status).toBe(2);
    expect(run("eval", path, "--min-recall", "2").status).toBe(2);
  });
});

describe("accuracy-harness eval on the feedback export (GET /v1/feedback.json)", { timeout: 60_000 }, () => {
  it("accepts the inline-text cases the export writes: a confirmed finding is a labelled fail, a false alarm must not fail", () => {
    const wrong = "A detention center in Ecuador, known as CECOT, holds the Venezuelans.";
    const disputed = "The Venezuelans were held at CECOT in Honduras.";
    const cases = feedbackCorpus([
      {
        id: "art_1",
        text: wrong,
        published_at: "2025-07-19",
        labels: [{ rule: "cecot.country", quote: "Ecuador", label: "confirmed", note: null }],
      },
      {
        id: "art_2",
        text: disputed,
        published_at: "2025-07-19",
        labels: [{ rule: "cecot.country", quote: "Honduras", label: "false_alarm", note: null }],
      },
    ]);
    const dir = mkdtempSync(join(tmpdir(), "feedback-eval-"));
    writeFileSync(join(dir, "feedback.json"), JSON.stringify(cases));
    const r = run("eval", join(dir, "feedback.json"), "--format", "json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.by_group.feedback).toMatchObject({ caught: 1, missed: 0, false_alarms: 1 });
    expect(report.cases.find((c: { id: string }) => c.id === "art_2").false_alarms).toEqual(["cecot.country"]);
  });
  it("a case with both a file and inline text, or neither, is a usage error", () => {
    const dir = mkdtempSync(join(tmpdir(), "feedback-eval-"));
    writeFileSync(join(dir, "both.json"), JSON.stringify([{ id: "x", file: "a.txt", text: "t", expect: {} }]));
    writeFileSync(join(dir, "neither.json"), JSON.stringify([{ id: "x", expect: {} }]));
    expect(run("eval", join(dir, "both.json")).status).toBe(2);
    expect(run("eval", join(dir, "neither.json")).status).toBe(2);
  });
});
