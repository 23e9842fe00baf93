// The engine against textlint + prh, the closest runnable peer (not a test): `npm run bench:peer`.
// textlint is not a dependency (173 packages, 57 MB for one bench): the pinned versions below are
// installed on demand into the git-ignored .bench-peer/ and loaded from there. Both check the
// same texts (bench/texts.ts) with the same phrase set as a prh dictionary: each generated rule's
// forbidden phrase → its replacement, every other term of the ruleset as itself, matched
// case-insensitively (as the engine matches folded terms). Rulesets: the CECOT pack alone, and
// the pack plus generated phrase rules whose terms never occur, 1,000 rules in all. In one
// process, interleaved round by round so every tool sees the same machine load; CPU time
// (process.cpuUsage) per article, median over rounds. Also prints prh alone (its dictionary
// built once, no textlint), the floor of the peer's cost. PEER_ROUNDS sets the rounds (10).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { stringify } from "yaml";
import { readRuleFiles } from "../cli/rule-files";
import { checkArticle, loadRuleset, type Ruleset } from "../src/engine";
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
const packFiles = readRuleFiles(join(ROOT, "rules"));
const pack = loadRuleset(packFiles);
const chars = texts.reduce((a, t) => a + t.text.length, 0);
console.log(
  `Node ${process.version}; textlint ${installed("textlint")} + textlint-rule-prh ${installed("textlint-rule-prh")}; ${texts.length} texts, ${Math.round(chars / 1000)} kchars; CPU ms per article, median of ${ROUNDS} interleaved rounds`,
);
console.log(
  "rules   prh entries   engine   textlint+prh   prh alone   textlint÷engine   prh alone÷engine   (findings per round: engine / textlint / prh)",
);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const total of [pack.rules.length, 1000]) {
  const generated = Array.from({ length: total - pack.rules.length }, (_, i) => phraseRuleData(i));
  const rs = generated.length ? loadRuleset([...packFiles, ...generated]) : pack;
  const dict = prhDictionary(rs, generated);
  // textlint as its CLI runs it (.textlintrc → descriptor → linter); the dictionary goes in as
  // ruleContents, so no file is read per article (textlint-rule-prh still builds it per text).
  const descriptor = await textlint.loadTextlintrc({
    configFilePath: writeRc(total, dict.yaml),
    node_modulesDir: join(PEER, "node_modules"),
  });
  const linter = textlint.createLinter({ descriptor });
  const prhEngine = prh.fromYAML("", dict.yaml);

  // One pass over every text; returns the findings (engine: applicable verdicts).
  const tools: Array<{ pass: () => number | Promise<number>; repeat: number }> = [
    {
      repeat: 10, // 10 passes per round: the engine's pass is short
      pass: () =>
        texts.reduce((n, t) => n + checkArticle(t, rs, { now: NOW }).verdicts.filter((v) => v.status !== "not_applicable").length, 0),
    },
    {
      repeat: 1,
      pass: async () => {
        let n = 0;
        for (const t of texts) n += (await linter.lintText(t.text, "article.txt")).messages.length;
        return n;
      },
    },
    { repeat: 1, pass: () => texts.reduce((n, t) => n + prhEngine.makeChangeSet("", t.text).diffs.length, 0) },
  ];
  const cpu = tools.map(() => [] as number[]);
  const found = tools.map(() => 0);
  // 5 warm-up rounds first: textlint's code takes that long to settle in the JIT.
  for (let round = -5; round < ROUNDS; round++) {
    for (const [k, tool] of tools.entries()) {
      const start = process.cpuUsage();
      for (let i = 0; i < tool.repeat; i++) found[k] = await tool.pass();
      const d = process.cpuUsage(start);
      if (round >= 0) cpu[k]!.push((d.user + d.system) / 1000 / tool.repeat / texts.length);
    }
  }
  const [engine, lint, alone] = cpu.map(median) as [number, number, number];
  // Per-round ratios too: each compares passes seconds apart.
  const perRound = cpu[1]!.map((l, i) => l / cpu[0]![i]!);
  console.log(
    `${String(rs.rules.length).padStart(5)}   ${String(dict.entries).padStart(11)}   ${engine.toFixed(2).padStart(6)}   ${lint.toFixed(2).padStart(12)}   ${alone.toFixed(2).padStart(9)}   ${(lint / engine).toFixed(1).padStart(14)}×   ${(alone / engine).toFixed(1).padStart(15)}×   (${found.join(" / ")})`,
  );
  console.log(`        textlint÷engine per round: ${perRound.map((r) => r.toFixed(1)).join(" ")}`);
}

function writeRc(total: number, yaml: string): string {
  const path = join(PEER, `textlintrc-${total}.json`);
  writeFileSync(path, JSON.stringify({ rules: { prh: { ruleContents: [yaml] } } }));
  return path;
}
