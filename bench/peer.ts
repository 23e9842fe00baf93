// The engine against textlint + prh, the closest runnable peer (not a test): `npm run bench:peer`.
// textlint is not a dependency (173 packages, 57 MB for one bench): the pinned versions below are
// installed on demand into the git-ignored .bench-peer/ and loaded from there. Both check the
// same texts (bench/texts.ts) with the same phrase set as a prh dictionary: each generated rule's
// forbidden phrase → its replacement, every other term of the ruleset as itself, matched
// case-insensitively (as the engine matches folded terms). Rulesets: the CECOT pack alone, and
// the pack plus generated phrase rules whose terms never occur, 1,000 rules in all. Also prh
// alone (its dictionary built once, no textlint): the floor of the peer's cost.
//
// One process, CPU per article (process.cpuUsage, with V8 single-threaded: see cpuNow), medians
// over PEER_ROUNDS rounds (10; PEER_DEBUG=1 prints every round of the alternating order), in two
// orders: "batched", each tool's passes over all texts back to back (its steady cost, as a
// server checking a stream of articles or textlint's CLI over many files pays it), and
// "alternating", every text through textlint and then the engine (textlint again before each
// further engine), then prh, so an engine always starts from the caches and the garbage textlint
// leaves (the cost of one check amid other work).
// `npm run bench:peer -- before=DIR …` adds the engine of other checkouts (e.g. a git worktree of
// main) to the same run, so versions compare side by side.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { stringify } from "yaml";
import { readRuleFiles } from "../cli/rule-files";
import { loadRuleset, type Ruleset } from "../src/engine";
import { compiledOf } from "../src/engine/load-ruleset";
import { phraseRuleData } from "./generate-rules";
import { growthTexts } from "./texts";

const ROOT = join(import.meta.dirname, "..");
const PEER = join(ROOT, ".bench-peer");
const PINNED: Record<string, string> = { textlint: "15.8.0", "textlint-rule-prh": "6.1.0" };
const NOW = new Date("2026-11-23T12:00:00Z");
const ROUNDS = Number(process.env.PEER_ROUNDS ?? 10);

function installed(name: string): string | null {
  const p = join(PEER, "node_modules", name, "package.json");
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as { version: string }).version : null;
}
if (Object.entries(PINNED).some(([name, v]) => installed(name) !== v)) {
  console.log(
    `installing ${Object.entries(PINNED)
      .map(([n, v]) => `${n}@${v}`)
      .join(" ")} into .bench-peer/ …`,
  );
  const specs = Object.entries(PINNED).map(([n, v]) => `${n}@${v}`);
  const npm = spawnSync("npm", ["install", "--prefix", PEER, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", ...specs], {
    stdio: "inherit",
  });
  if (npm.status !== 0) throw new Error("npm install into .bench-peer/ failed");
}
// Loaded at run time from .bench-peer/, so neither is a dependency of the project (nor typed).
const peerRequire = createRequire(join(PEER, "node_modules", "index.js"));
type Linter = { lintText(text: string, path: string): Promise<{ messages: unknown[] }> };
const textlint = peerRequire("textlint") as {
  loadTextlintrc(o: { configFilePath: string; node_modulesDir: string }): Promise<unknown>;
  createLinter(o: { descriptor: unknown }): Linter;
};
const prh = peerRequire(peerRequire.resolve("prh", { paths: [join(PEER, "node_modules", "textlint-rule-prh")] })) as {
  fromYAML(path: string, yaml: string): { makeChangeSet(path: string, text: string): { diffs: unknown[] } };
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** The ruleset's phrase set as a prh dictionary (YAML). */
function prhDictionary(rs: Ruleset, generated: ReturnType<typeof phraseRuleData>[]): { yaml: string; entries: number } {
  const own = new Set(generated.flatMap((g) => [...g.data.forbid[0]!.phrases, g.data.forbid[0]!.replacement]));
  const rules: object[] = compiledOf(rs)
    .phrases.filter((p) => !own.has(p))
    .map((p) => ({ expected: p, pattern: `/${escape(p)}/i` }));
  for (const g of generated)
    rules.push({ expected: g.data.forbid[0]!.replacement, patterns: g.data.forbid[0]!.phrases.map((p) => `/${escape(p)}/i`) });
  return { yaml: stringify({ version: 1, rules }), entries: rules.length };
}

const texts = growthTexts();
const chars = texts.reduce((a, t) => a + t.text.length, 0);
// The process's CPU time is read exactly at each call (a thread's own time only at scheduler
// ticks: too coarse for a 1 ms check); `node --single-threaded` (npm run bench:peer) keeps V8's
// GC and compiler work on the main thread, so the process's time is the main thread's.
if (!process.execArgv.includes("--single-threaded"))
  console.warn("not run with node --single-threaded: background threads bill the tool they overlap");
const cpuNow = process.cpuUsage;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = cpuNow(since);
  return (d.user + d.system) / 1000;
};

/** A checkout's engine with its own rules: the pack, and the pack plus generated rules up to `total`. */
async function engineOf(dir: string) {
  const url = (p: string) => pathToFileURL(join(dir, p)).href;
  const { readRuleFiles: read } = (await import(url("cli/rule-files.ts"))) as typeof import("../cli/rule-files");
  const engine = (await import(url("src/engine/index.ts"))) as typeof import("../src/engine");
  const files = read(join(dir, "rules"));
  const pack = engine.loadRuleset(files);
  return {
    pack,
    ruleset: (total: number) =>
      engine.loadRuleset([...files, ...Array.from({ length: total - pack.rules.length }, (_, i) => phraseRuleData(i))]),
    // Findings: the verdicts that apply (from the counts: reading 1,000 verdicts would bill the engine).
    check: (t: (typeof texts)[number], rs: Ruleset) => {
      const r = engine.checkArticle(t, rs, { now: NOW });
      return r.verdicts.length - r.counts.not_applicable;
    },
  };
}
const engines = [
  { label: "engine", dir: ROOT },
  ...process.argv.slice(2).map((arg) => {
    const [label, dir] = arg.split("=");
    if (!label || !dir) throw new Error(`expected label=directory, got ${JSON.stringify(arg)}`);
    return { label, dir: resolve(dir) };
  }),
];
const loaded = await Promise.all(engines.map((e) => engineOf(e.dir)));
const packFiles = readRuleFiles(join(ROOT, "rules"));
const pack = loadRuleset(packFiles);
console.log(
  `Node ${process.version}; textlint ${installed("textlint")} + textlint-rule-prh ${installed("textlint-rule-prh")}; ${texts.length} texts, ${Math.round(chars / 1000)} kchars; CPU ms per article (V8 single-threaded), median of ${ROUNDS} rounds`,
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const total of [pack.rules.length, 1000]) {
  const generated = Array.from({ length: total - pack.rules.length }, (_, i) => phraseRuleData(i));
  const dict = prhDictionary(generated.length ? loadRuleset([...packFiles, ...generated]) : pack, generated);
  // textlint as its CLI runs it (.textlintrc → descriptor → linter); the dictionary goes in as
  // ruleContents, so no file is read per article (textlint-rule-prh still builds it per text).
  const descriptor = await textlint.loadTextlintrc({
    configFilePath: writeRc(total, dict.yaml),
    node_modulesDir: join(PEER, "node_modules"),
  });
  const linter = textlint.createLinter({ descriptor });
  const prhEngine = prh.fromYAML("", dict.yaml);
  const rulesets = loaded.map((e) => (total === e.pack.rules.length ? e.pack : e.ruleset(total)));

  type Tool = { label: string; check: (t: (typeof texts)[number]) => number | Promise<number> };
  const peers: Tool[] = [
    { label: "textlint+prh", check: async (t) => (await linter.lintText(t.text, "article.txt")).messages.length },
    { label: "prh alone", check: (t) => prhEngine.makeChangeSet("", t.text).diffs.length },
  ];
  const ours: Tool[] = loaded.map((e, k) => ({ label: engines[k]!.label, check: (t) => e.check(t, rulesets[k]!) }));
  const tools = [...ours, ...peers];
  // Findings per tool and text (the last check's): they show each tool did its work.
  const found = new Map(tools.map((tool) => [tool, new Array<number>(texts.length).fill(0)]));
  const time = async (tool: Tool, i: number) => {
    const start = cpuNow();
    found.get(tool)![i] = await tool.check(texts[i]!);
    return cpuMs(start);
  };

  // Batched: per round, each tool over every text (the engines 10 times: their pass is short).
  const batched = new Map(tools.map((tool) => [tool, [] as number[]]));
  for (let round = -5; round < ROUNDS; round++)
    for (const tool of tools) {
      const repeat = ours.includes(tool) ? 10 : 1;
      let ms = 0;
      for (let r = 0; r < repeat; r++) for (let i = 0; i < texts.length; i++) ms += await time(tool, i);
      if (round >= 0) batched.get(tool)!.push(ms / repeat / texts.length);
    }
  // Alternating: per text, textlint then an engine, once per engine (so every engine's check
  // follows a textlint check of the same text, none follows another engine), then prh alone.
  const alternating = new Map(tools.map((tool) => [tool, [] as number[]]));
  for (let round = -3; round < ROUNDS; round++) {
    const sums = new Map(tools.map((tool) => [tool, 0]));
    for (let i = 0; i < texts.length; i++) {
      for (const ours1 of ours) for (const tool of [peers[0]!, ours1]) sums.set(tool, sums.get(tool)! + (await time(tool, i)));
      sums.set(peers[1]!, sums.get(peers[1]!)! + (await time(peers[1]!, i)));
    }
    if (round >= 0)
      for (const tool of tools) alternating.get(tool)!.push(sums.get(tool)! / texts.length / (tool === peers[0] ? ours.length : 1));
  }

  if (process.env.PEER_DEBUG)
    for (const t of tools)
      console.log(
        t.label,
        alternating
          .get(t)!
          .map((x) => x.toFixed(2))
          .join(" "),
      );
  console.log(`\n${total} rules (${dict.entries} prh entries)`);
  console.log("order         " + tools.map((t) => t.label.padStart(13)).join("") + ours.map((t) => `  textlint÷${t.label}`).join(""));
  for (const [name, m] of [
    ["batched", batched],
    ["alternating", alternating],
  ] as const) {
    const med = new Map(tools.map((tool) => [tool, median(m.get(tool)!)]));
    const lint = med.get(peers[0]!)!;
    console.log(
      name.padEnd(14) +
        tools.map((t) => med.get(t)!.toFixed(3).padStart(13)).join("") +
        ours.map((t) => `${(lint / med.get(t)!).toFixed(1)}×`.padStart(11 + t.label.length)).join(""),
    );
  }
  console.log(
    `findings in all ${texts.length} texts: ${tools.map((t) => `${t.label} ${found.get(t)!.reduce((a, b) => a + b, 0)}`).join(", ")}`,
  );
}

function writeRc(total: number, yaml: string): string {
  const path = join(PEER, `textlintrc-${total}.json`);
  writeFileSync(path, JSON.stringify({ rules: { prh: { ruleContents: [yaml] } } }));
  return path;
}
