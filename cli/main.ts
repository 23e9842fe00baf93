// The CLI: `check` articles, `rules test`, `rules lint`. Reads files, prints reports, sets exit
// codes (0 clean, 1 an outcome is fail or a score is under --fail-under / examples fail,
// 2 usage or rule-file errors). All judging happens in the pure engine.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { readRuleFiles } from "./rule-files";
import { CorpusError, readCorpus, runCorpus, textEvalReport, type CorpusCase } from "./eval";
import { datedArticle, ManifestError, readManifest, type DateFrom, type Manifest } from "./article-input";
import {
  checkArticle,
  formatIssue,
  loadRuleset,
  RuleFileError,
  runExamples,
  type CheckResult,
  type RuleFile,
  type Ruleset,
} from "../src/engine";

const USAGE = `usage:
  accuracy-harness check <files or dirs…> [--rules DIR] [--manifest FILE] [--published-at YYYY-MM-DD] [--format text|json] [--fail-under SCORE]
  accuracy-harness rules test [--rules DIR]
  accuracy-harness rules lint [--rules DIR]
  accuracy-harness eval <cases.json> [--rules DIR] [--format text|json] [--verbose] [--min-recall X] [--min-precision X] [--min-pass-coverage X]

check reads .txt, .md and .html files (directories are searched recursively). Each file is judged as of
its publication date: its entry in --manifest (YAML/JSON map of file → published_at, e.g.
seeds/expected.yaml), else the date the document states (HTML meta / JSON-LD, Markdown front
matter), else --published-at, else today.
eval scores a labelled corpus (format: shared/corpus/README.md) and prints recall, precision and pass-coverage.
Exit codes: 0 clean · 1 an outcome is "fail", a score is under --fail-under, a rule example fails, or an eval figure is under its --min-* gate · 2 usage or rule-file errors.`;

const ARTICLE_EXT = new Set([".txt", ".md", ".markdown", ".html", ".htm"]);

class UsageError extends Error {}

interface Args {
  positional: string[];
  rules?: string;
  publishedAt?: string;
  manifest?: string;
  format: "text" | "json";
  failUnder?: number;
  verbose: boolean;
  gates: { recall?: number; precision?: number; pass_coverage?: number };
}

function parseArgs(argv: string[]): Args {
  const out: Args = { positional: [], format: "text", verbose: false, gates: {} };
  const fraction = (flag: string, v: string) => {
    const x = Number(v);
    if (!Number.isFinite(x) || x < 0 || x > 1) throw new UsageError(`${flag} must be a number between 0 and 1`);
    return x;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--rules":
        out.rules = value();
        break;
      case "--published-at": {
        const v = value();
        if (!/^\d{4}-\d{2}-\d{2}/.test(v) || Number.isNaN(Date.parse(v)))
          throw new UsageError(`--published-at must be a date like 2025-07-19, not "${v}"`);
        out.publishedAt = v;
        break;
      }
      case "--manifest":
        out.manifest = value();
        break;
      case "--format": {
        const v = value();
        if (v !== "text" && v !== "json") throw new UsageError(`--format must be text or json, not "${v}"`);
        out.format = v;
        break;
      }
      case "--fail-under": {
        const v = Number(value());
        if (!Number.isFinite(v) || v < 0 || v > 100) throw new UsageError("--fail-under must be a score between 0 and 100");
        out.failUnder = v;
        break;
      }
      case "--verbose":
        out.verbose = true;
        break;
      case "--min-recall":
        out.gates.recall = fraction(flag, value());
        break;
      case "--min-precision":
        out.gates.precision = fraction(flag, value());
        break;
      case "--min-pass-coverage":
        out.gates.pass_coverage = fraction(flag, value());
        break;
      case "-h":
      case "--help":
        out.positional.unshift("help");
        break;
      default:
        if (a.startsWith("-")) throw new UsageError(`unknown option ${a}`);
        out.positional.push(a);
    }
  }
  return out;
}

function defaultRulesDir(): string {
  const local = resolve("rules");
  return existsSync(local) ? local : join(import.meta.dirname, "..", "rules");
}

function readRules(dir: string): RuleFile[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`rules directory not found: ${dir}`);
  return readRuleFiles(dir);
}

function loadRules(dir: string): Ruleset {
  return loadRuleset(readRules(dir));
}

function articleFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!existsSync(p)) throw new UsageError(`no such file or directory: ${p}`);
    if (statSync(p).isDirectory()) {
      const walk = (d: string): string[] =>
        readdirSync(d)
          .sort()
          .flatMap((e) => {
            const q = join(d, e);
            return statSync(q).isDirectory() ? walk(q) : ARTICLE_EXT.has(extname(e).toLowerCase()) ? [q] : [];
          });
      out.push(...walk(p));
    } else out.push(p);
  }
  if (out.length === 0) throw new UsageError("no .txt, .md or .html files to check");
  return out;
}

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);

function lineCol(text: string, offset: number): string {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  return `${line}:${offset - last}`;
}

/** "…context [[quote]] context…" on one line. */
function marked(text: string, offset: number, length: number): string {
  const before = text.slice(Math.max(0, offset - 50), offset).replace(/\s+/g, " ");
  const after = text.slice(offset + length, offset + length + 50).replace(/\s+/g, " ");
  return `${offset > 50 ? "…" : ""}${before}${c("1;31", `[[${text.slice(offset, offset + length)}]]`)}${after}${offset + length + 50 < text.length ? "…" : ""}`;
}

function textReport(file: string, r: CheckResult, dateFrom: DateFrom): string {
  const lines: string[] = [];
  const mark = r.outcome === "fail" ? c("31", "FAIL") : r.outcome === "warn" ? c("33", "WARN") : c("32", "PASS");
  lines.push(
    `${mark} ${file}  score ${r.score ?? "n/a"}  (as of ${r.as_of}, ${DATE_FROM[dateFrom]}; ${r.counts.pass} pass, ${r.counts.fail} fail, ${r.counts.review} review, ${r.counts.error} error, ${r.counts.not_applicable} n/a)`,
  );
  for (const v of r.verdicts) {
    if (v.status !== "fail" && v.status !== "review" && v.status !== "error") continue;
    const tag =
      v.status === "fail"
        ? v.attribution === "quote"
          ? c("33", "✗ quote")
          : c("31", "✗")
        : v.status === "review"
          ? c("33", "?")
          : c("35", "!");
    lines.push(`  ${tag} ${v.rule} (${v.severity}): ${v.claim}`);
    if (v.message && v.status !== "fail") lines.push(`      ${v.message}`);
    for (const e of v.evidence) {
      lines.push(`      ${lineCol(r.text, e.offset)}  ${marked(r.text, e.offset, e.length)}`);
      const details = [
        e.found !== null ? `found ${JSON.stringify(e.found)}` : null,
        e.expected !== null ? `expected ${JSON.stringify(e.expected)}` : null,
        e.replacements.length ? `suggest ${e.replacements.map((x) => JSON.stringify(x)).join(" or ")}` : null,
        e.attribution === "quote" ? "inside a quotation (not scored)" : null,
      ].filter(Boolean);
      if (details.length && v.status === "fail") lines.push(`        ${details.join("; ")}`);
    }
  }
  return lines.join("\n");
}

const DATE_FROM: Record<DateFrom, string> = {
  manifest: "the manifest's date",
  document: "the document's date",
  "--published-at": "from --published-at",
  today: "undated, so today",
};

function loadManifest(path: string | undefined): Manifest | undefined {
  if (path === undefined) return undefined;
  if (!existsSync(path)) throw new UsageError(`no such manifest: ${path}`);
  try {
    return readManifest(path);
  } catch (e) {
    if (e instanceof ManifestError) throw new UsageError(e.message);
    throw e;
  }
}

async function check(args: Args): Promise<number> {
  const files = articleFiles(args.positional.slice(1));
  const manifest = loadManifest(args.manifest);
  const ruleset = loadRules(args.rules ?? defaultRulesDir());
  const now = new Date();
  let exit = 0;
  const results: Array<CheckResult & { file: string; date_from: DateFrom }> = [];
  for (const file of files) {
    const { article, dateFrom } = datedArticle(file, readFileSync(file, "utf8"), manifest, args.publishedAt);
    const r = checkArticle(article, ruleset, { now });
    if (r.outcome === "fail") exit = 1;
    if (args.failUnder !== undefined && r.score !== null && r.score < args.failUnder) exit = 1;
    results.push({ file, date_from: dateFrom, ...r });
    if (args.format === "text") console.log(textReport(file, r, dateFrom));
  }
  if (args.format === "json") console.log(JSON.stringify(results, null, 2));
  else
    console.log(
      `\n${files.length} file${files.length === 1 ? "" : "s"} checked against ${ruleset.rules.length} rules (ruleset ${ruleset.version}).`,
    );
  return exit;
}

function rulesTest(args: Args): number {
  const ruleset = loadRules(args.rules ?? defaultRulesDir());
  const results = runExamples(ruleset, new Date());
  const failed = results.filter((r) => !r.ok);
  for (const f of failed) console.log(`${c("31", "✗")} ${f.rule} example ${f.index}: ${f.problem}\n    ${JSON.stringify(f.text)}`);
  console.log(
    `${results.length - failed.length}/${results.length} rule examples pass (${ruleset.rules.length} rules, ruleset ${ruleset.version}).`,
  );
  return failed.length ? 1 : 0;
}

function rulesLint(args: Args): number {
  const ruleset = loadRules(args.rules ?? defaultRulesDir());
  console.log(`${ruleset.rules.length} rules valid (ruleset ${ruleset.version}).`);
  return 0;
}

function evaluate(args: Args): number {
  const path = args.positional[1]!;
  if (!existsSync(path)) throw new UsageError(`no such file: ${path}`);
  let cases: CorpusCase[];
  try {
    cases = readCorpus(path);
  } catch (e) {
    if (e instanceof CorpusError) throw new UsageError(e.message);
    throw e;
  }
  const ruleset = loadRules(args.rules ?? defaultRulesDir());
  const { report, results } = runCorpus(path, cases, ruleset, { now: new Date(), verbose: args.verbose });
  if (args.format === "json") console.log(JSON.stringify(report, null, 2));
  else console.log(textEvalReport(report, results, args.verbose));
  let exit = 0;
  for (const [name, min] of Object.entries(args.gates)) {
    const got = report.overall[name as keyof typeof args.gates];
    if (got === null || got < min) {
      console.error(`${name.replace("_", "-")} ${got ?? "n/a"} is under the gate ${min}`);
      exit = 1;
    }
  }
  return exit;
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const [cmd, sub] = args.positional;
    if (cmd === "check") {
      if (args.positional.length < 2) throw new UsageError("check needs at least one file or directory");
      return await check(args);
    }
    if (cmd === "rules" && sub === "test") return rulesTest(args);
    if (cmd === "eval") {
      if (args.positional.length !== 2) throw new UsageError("eval needs one cases.json file");
      return evaluate(args);
    }
    if (cmd === "rules" && sub === "lint") return rulesLint(args);
    if (cmd === "help" || cmd === undefined) {
      console.log(USAGE);
      return cmd === "help" ? 0 : 2;
    }
    throw new UsageError(`unknown command: ${args.positional.join(" ")}`);
  } catch (e) {
    if (e instanceof RuleFileError) {
      for (const i of e.issues) console.error(formatIssue(i));
      console.error(`${e.issues.length} rule file problem${e.issues.length === 1 ? "" : "s"}.`);
      return 2;
    }
    if (e instanceof UsageError) {
      console.error(`error: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
