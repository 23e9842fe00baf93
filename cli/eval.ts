// `accuracy-harness eval <cases.json>`: runs a labelled corpus through the engine and prints
// caught / missed / false alarms / recognised per rule and per group, with recall, precision and
// pass-coverage; --min-* gates exit 1 when a figure is below them (CI ratchets accuracy with it).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { articleOf } from "./article-input";
import {
  checkArticle,
  evaluateCase,
  summarise,
  type CheckResult,
  type EvalReport,
  type LabelledCase,
  type Ruleset,
  type Tally,
} from "../src/engine";

export interface CorpusCase extends LabelledCase {
  /** The article's file, relative to cases.json; or, instead, its plain `text` inline (GET /v1/feedback.json writes that). */
  file?: string;
  text?: string;
  published_at?: string | null;
}

export interface EvalOptions {
  now: Date;
  /** List each miss and false alarm with the engine's evidence. */
  verbose: boolean;
}

export class CorpusError extends Error {}

export function readCorpus(path: string): CorpusCase[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new CorpusError(`${path}: ${(e as Error).message}`);
  }
  if (!Array.isArray(data)) throw new CorpusError(`${path}: expected an array of cases`);
  data.forEach((c, i) => {
    const where = `${path}: case ${i}${c && typeof c.id === "string" ? ` (${c.id})` : ""}`;
    if (!c || typeof c !== "object") throw new CorpusError(`${where}: not an object`);
    if (typeof c.id !== "string" || (typeof c.file === "string") === (typeof c.text === "string"))
      throw new CorpusError(`${where}: needs a string "id" and either a "file" or an inline "text"`);
    if (!c.expect || typeof c.expect !== "object") throw new CorpusError(`${where}: needs an "expect" object`);
    for (const [k, v] of Object.entries(c.expect))
      if (v !== "pass" && v !== "fail") throw new CorpusError(`${where}: expect["${k}"] must be "pass" or "fail"`);
  });
  return data as CorpusCase[];
}

export function runCorpus(
  path: string,
  cases: CorpusCase[],
  ruleset: Ruleset,
  opts: EvalOptions,
): { report: EvalReport; results: Map<string, CheckResult> } {
  const results = new Map<string, CheckResult>();
  const outcomes = cases.map((c) => {
    const publishedAt = c.published_at ?? null;
    const body = c.file !== undefined ? articleOf(c.file, readFileSync(join(dirname(path), c.file), "utf8")) : { text: c.text ?? "" };
    const article = { ...body, publishedAt };
    const r = checkArticle(article, ruleset, { now: opts.now });
    results.set(c.id, r);
    return evaluateCase(c, r.verdicts);
  });
  return { report: summarise(outcomes), results };
}

const fmt = (x: number | null) => (x === null ? "  –  " : x.toFixed(3));
const row = (name: string, t: Tally) =>
  `${name.padEnd(34)} ${String(t.caught).padStart(6)} ${String(t.missed).padStart(6)} ${String(t.false_alarms).padStart(6)} ${String(t.recognised).padStart(5)}/${String(t.recognised + t.unrecognised).padEnd(4)} ${fmt(t.recall)}  ${fmt(t.precision)}  ${fmt(t.pass_coverage)}`;
const header = `${"".padEnd(34)} ${"caught".padStart(6)} ${"missed".padStart(6)} ${"f.a.".padStart(6)} ${"recog.".padStart(10)} recall precis. pass-cov.`;

export function textEvalReport(report: EvalReport, results: Map<string, CheckResult>, verbose: boolean): string {
  const lines = [header];
  lines.push("by group:");
  for (const [g, t] of Object.entries(report.by_group)) lines.push(row(`  ${g || "(none)"}`, t));
  lines.push("by rule:");
  for (const [r, t] of Object.entries(report.by_rule)) lines.push(row(`  ${r}`, t));
  lines.push(row("overall", report.overall));
  if (verbose) {
    lines.push("");
    for (const c of report.cases) {
      const r = results.get(c.id)!;
      for (const key of c.missed)
        lines.push(
          `MISSED  ${c.id} ${key}: ${key
            .split("|")
            .map((id) => r.verdicts.find((v) => v.rule === id)?.status ?? "?")
            .join("|")}`,
        );
      for (const id of c.false_alarms) {
        const v = r.verdicts.find((x) => x.rule === id)!;
        lines.push(
          `FALSE   ${c.id} ${id}: ${v.evidence.map((e) => `${JSON.stringify(context(r.text, e.offset, e.length))} found ${e.found} expected ${e.expected}`).join(" | ")}`,
        );
      }
      for (const key of c.unrecognised)
        lines.push(
          `UNRECOG ${c.id} ${key}: ${key
            .split("|")
            .map((id) => r.verdicts.find((v) => v.rule === id)?.status ?? "?")
            .join("|")}`,
        );
    }
  }
  return lines.join("\n");
}

function context(text: string, offset: number, length: number): string {
  const s = Math.max(0, offset - 60);
  return `${text.slice(s, offset)}[[${text.slice(offset, offset + length)}]]${text.slice(offset + length, offset + length + 60)}`.replace(
    /\s+/g,
    " ",
  );
}
