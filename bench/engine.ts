// Engine benchmark (not a test): `npm run bench`. Prints the cold start (ruleset load and first
// check, each sample in a fresh process), median / p99 check time per seed with
// the CECOT pack, a 2,000-word article against 100 / 1,000 / 5,000 generated rules (load cost
// reported separately), articles per second, the CECOT pack's load time from pre-parsed data (as
// the Worker does at startup), and 1 MiB claim-dense articles (the endpoint's largest body).
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { checkArticle, loadRuleset, type Ruleset } from "../src/engine";
import { markdownToText } from "../src/engine/text/markdown";

const ROOT = join(import.meta.dirname, "..");
const NOW = new Date("2026-11-23T12:00:00Z");

function time(fn: () => void, iterations: number): { median: number; p99: number; mean: number } {
  for (let i = 0; i < Math.min(50, iterations); i++) fn(); // warm-up (JIT)
  const t: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return { median: t[Math.floor(t.length / 2)]!, p99: t[Math.min(t.length - 1, Math.floor(t.length * 0.99))]!, mean: t.reduce((a, b) => a + b, 0) / t.length };
}
const ms = (x: number) => `${x.toFixed(3)} ms`;

function readRules(dir: string) {
  const walk = (d: string): string[] => readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : /\.ya?ml$/.test(e) ? [join(d, e)] : []));
  return walk(dir).map((p) => ({ path: relative(dir, p), text: readFileSync(p, "utf8") }));
}

// ---- 0. Cold start, each sample in a fresh process (this file again, with BENCH_COLD_CHILD set):
// load the CECOT pack from pre-parsed data (as src/rules.ts does once per isolate), then the first
// check (which compiles the shared matcher and warms the text layer).
const parsed = readRules(join(ROOT, "rules")).map((f) => ({ path: f.path, data: parse(f.text) as unknown }));
const SEED_003 = join(ROOT, "seeds", "003_06fac824c4504bdd.txt");
if (process.env.BENCH_COLD_CHILD) {
  const text = readFileSync(SEED_003, "utf8");
  const s = performance.now();
  const rs = loadRuleset(parsed);
  const load = performance.now() - s;
  const c = performance.now();
  checkArticle({ text, publishedAt: "2025-07-22" }, rs, { now: NOW });
  console.log(JSON.stringify({ load, check: performance.now() - c }));
  process.exit(0);
}
const cold = Array.from({ length: 9 }, () => {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], { env: { ...process.env, BENCH_COLD_CHILD: "1" }, encoding: "utf8" });
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as { load: number; check: number };
});
const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// ---- 1. Seeds × CECOT pack (first load from pre-parsed data, as src/rules.ts does in the Worker)
const loadStart = performance.now();
const pack = loadRuleset(parsed);
const firstLoad = performance.now() - loadStart;
const warmLoad = time(() => loadRuleset(parsed), 100);
const dates: Record<string, string> = { "001": "2025-07-19", "002": "2025-12-27", "003": "2025-07-22" };
console.log(`Node ${process.version}; CECOT pack: ${pack.rules.length} rules (ruleset ${pack.version})`);
console.log(`cold start (fresh process, median of ${cold.length}): load from pre-parsed data ${ms(mid(cold.map((c) => c.load)))}, then first check (seed 003) ${ms(mid(cold.map((c) => c.check)))}`);
console.log(`load from pre-parsed data in this process: first ${ms(firstLoad)}, then median ${ms(warmLoad.median)}\n`);
console.log("seed                         words   median      p99");
let total = 0;
const seeds = readdirSync(join(ROOT, "seeds")).filter((f) => f.endsWith(".txt"));
for (const f of seeds) {
  const text = readFileSync(join(ROOT, "seeds", f), "utf8");
  const r = time(() => checkArticle({ text, publishedAt: dates[f.slice(0, 3)] ?? null }, pack, { now: NOW }), 1000);
  total += r.mean;
  console.log(`${f.padEnd(28)} ${String(text.split(/\s+/).length).padStart(5)}  ${ms(r.median).padStart(9)}  ${ms(r.p99).padStart(9)}`);
}
console.log(`articles/second (seeds, one core): ${Math.round((1000 * seeds.length) / total)}\n`);

// ---- 2. Generated rules × a 2,000-word article
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const syll = ["ka", "lo", "mi", "ven", "tor", "sa", "ru", "bel", "da", "qui", "zen", "por", "ta", "gri", "mon"];
const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syll[Math.floor(rand() * syll.length)]).join("");
const COMMON = "the a of in and to was were on for with that by from at said officials men people government report after before their its".split(" ");

function genRules(n: number): { files: Array<{ path: string; text: string }>; subjects: string[] } {
  const files: Array<{ path: string; text: string }> = [];
  const subjects: string[] = [];
  for (let i = 0; i < n; i++) {
    const subject = `${word()} ${word()}`;
    subjects.push(subject);
    const id = `gen.r${i}`;
    const common = `id: ${id}\nclaim: Generated fact ${i}.\nseverity: ${["critical", "major", "minor"][i % 3]}\nsources: [https://example.org/${i}]\n`;
    const ex = `examples:\n  - text: nothing\n    expect: not_applicable\n`;
    let body: string;
    switch (i % 4) {
      case 0:
        body = `kind: quantity\nunit: count\nvalue: ${100 + i}\nnear:\n  terms: [${subject}]\ncontext:\n  all:\n    - terms: [released, freed, ${word()}]\n`;
        break;
      case 1:
        body = `kind: role\nperson: [${subject}]\ntitles:\n  - title: [Minister, ${word()}]\n    from: 2020-01-01\n`;
        break;
      case 2:
        body = `kind: place\nsubject: [${subject}]\nheads: [prison, facility]\ncountry: SV\n`;
        break;
      default:
        body = `kind: date\ndate: 2025-07-18\ncontext:\n  all:\n    - terms: [${subject}]\n    - terms: [released, opened]\n`;
    }
    files.push({ path: `gen/${id}.yaml`, text: common + body + ex });
  }
  return { files, subjects };
}

function genArticle(words: number, subjects: string[]): string {
  const out: string[] = [];
  let sentence: string[] = [];
  let count = 0;
  while (count + sentence.length < words) {
    const r = rand();
    if (r < 0.01 && subjects.length) sentence.push(...subjects[Math.floor(rand() * Math.min(subjects.length, 20))]!.split(" "));
    else if (r < 0.04) sentence.push(String(Math.floor(rand() * 1000)));
    else if (r < 0.05) sentence.push("July", "18,", "2025");
    else if (r < 0.06) sentence.push("in", "Ecuador");
    else if (r < 0.5) sentence.push(COMMON[Math.floor(rand() * COMMON.length)]!);
    else sentence.push(word());
    if (sentence.length > 12 + rand() * 15) {
      out.push(sentence.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".");
      count += sentence.length;
      sentence = [];
      if (rand() < 0.2) out[out.length - 1] += "\n\n";
    }
  }
  if (sentence.length) out.push(`${sentence.join(" ")}.`);
  return out.join(" ");
}

console.log("rules   load (once)   2,000-word check median      p99   per 1,000 rules");
for (const n of [100, 1000, 5000]) {
  const { files, subjects } = genRules(n);
  const s = performance.now();
  const rs: Ruleset = loadRuleset(files);
  const load = performance.now() - s;
  const text = genArticle(2000, subjects);
  if (n === 100) console.log(`(generated article: ${text.split(/\s+/).length} words, ${text.length} UTF-16 code units)`);
  const r = time(() => checkArticle({ text, publishedAt: "2025-07-20" }, rs, { now: NOW }), n >= 5000 ? 200 : 500);
  console.log(`${String(n).padStart(5)}   ${ms(load).padStart(11)}   ${ms(r.median).padStart(22)}  ${ms(r.p99).padStart(9)}   ${ms((r.median * 1000) / n).padStart(9)}`);
}

// ---- 3. 1 MiB claim-dense articles (the largest body the endpoint accepts)
console.log("\n1 MiB claim-dense article (CECOT pack)          check   verdicts");
const MIB = 1024 * 1024;
const dense: Record<string, string> = {
  "\"CECOT in El Salvador. \" repeated": "CECOT in El Salvador. ",
  "numbers, dates, names, titles, places": "CECOT, a prison in Ecuador, held 252 Venezuelans released on July 18, 2025. Former President Donald Trump met Senator Marco Rubio. The Center for Migrant Care (CECOT) freed 253 men after 125 days for $6 million. Los 252 venezolanos liberados del CECOT llegaron a Maiquetía el 18 de julio de 2025.\n",
  "neutral text": "The quick brown fox jumps over the lazy dog while the weather stays mild. ",
};
for (const [name, unit] of Object.entries(dense)) {
  const text = unit.repeat(Math.ceil(MIB / unit.length)).slice(0, MIB);
  const r = time(() => checkArticle({ text, publishedAt: "2025-07-22" }, pack, { now: NOW }), 3);
  const res = checkArticle({ text, publishedAt: "2025-07-22" }, pack, { now: NOW });
  console.log(`${name.padEnd(44)} ${ms(r.median).padStart(11)}   ${res.counts.pass} pass, ${res.counts.fail} fail`);
}

// ---- 4. Markdown input: seed 003 (976 words) marked up as a blog post (front matter, headings,
// emphasis, links, a list); the cost of deriving its text, against the same check on plain text.
const seedText = readFileSync(SEED_003, "utf8");
const markdown = `---\ntitle: Seed 003\ndate: 2025-07-22\n---\n` + seedText
  .split(/\n+/)
  .map((p, i) => (i % 6 === 0 ? `## ${p}` : i % 5 === 0 ? `- ${p}` : p.replace(/^(\S+ \S+)/, "**$1**").replace(/ (CECOT|Venezuela|El Salvador)\b/, " [$1](https://example.org/x)").replace(/ (\w{6,}) /, " *$1* ")))
  .join("\n\n");
const derived = markdownToText(markdown).text;
const md = time(() => markdownToText(markdown), 1000);
const mdCheck = time(() => checkArticle({ markdown }, pack, { now: NOW }), 1000);
const textCheck = time(() => checkArticle({ text: derived, publishedAt: "2025-07-22" }, pack, { now: NOW }), 1000);
console.log(`\nMarkdown post (${derived.split(/\s+/).length} words): markdownToText median ${ms(md.median)} (p99 ${ms(md.p99)}); check as markdown ${ms(mdCheck.median)} vs as its plain text ${ms(textCheck.median)}`);
