// Seed timings of several checkouts side by side (not a test), e.g. this tree against main:
//   git worktree add --detach /tmp/base main && ln -s "$PWD/node_modules" /tmp/base/node_modules
//   npx tsx bench/compare-seeds.ts base=/tmp/base now=.
// Each checkout's engine and rules load in this one process; per seed, 200 warm-up checks per
// engine, then 600 timed checks per engine taken in alternating blocks of 20, so every engine
// sees the same machine load (the machine is shared). Prints medians and ratios to the first.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const NOW = new Date("2026-11-23T12:00:00Z");
// The publication dates bench/engine.ts uses.
const DATES: Record<string, string> = { "001": "2025-07-19", "002": "2025-12-27", "003": "2025-07-22" };
const SEEDS = join(import.meta.dirname, "..", "seeds");

type Check = (text: string, publishedAt: string | null) => unknown;

async function engineOf(dir: string): Promise<Check> {
  const url = (p: string) => pathToFileURL(join(dir, p)).href;
  const { readRuleFiles } = (await import(url("cli/rule-files.ts"))) as typeof import("../cli/rule-files");
  const engine = (await import(url("src/engine/index.ts"))) as typeof import("../src/engine");
  const ruleset = engine.loadRuleset(readRuleFiles(join(dir, "rules")));
  return (text, publishedAt) => engine.checkArticle({ text, publishedAt }, ruleset, { now: NOW });
}

const trees = process.argv.slice(2).map((arg) => {
  const [label, dir] = arg.split("=");
  if (!label || !dir) throw new Error(`expected label=directory, got ${JSON.stringify(arg)}`);
  return { label, dir: resolve(dir) };
});
if (trees.length === 0) throw new Error("usage: tsx bench/compare-seeds.ts label=dir [label=dir …]");
const engines = await Promise.all(trees.map((t) => engineOf(t.dir)));

console.log(["seed", ...trees.map((t) => t.label), ...trees.slice(1).map((t) => `${t.label} ÷ ${trees[0]!.label}`)].join("\t"));
for (const file of readdirSync(SEEDS).filter((f) => f.endsWith(".txt"))) {
  const text = readFileSync(join(SEEDS, file), "utf8");
  const publishedAt = DATES[file.slice(0, 3)] ?? null;
  for (const check of engines) for (let i = 0; i < 200; i++) check(text, publishedAt);
  const times = engines.map(() => [] as number[]);
  for (let block = 0; block < 30; block++)
    engines.forEach((check, k) => {
      for (let i = 0; i < 20; i++) {
        const s = performance.now();
        check(text, publishedAt);
        times[k]!.push(performance.now() - s);
      }
    });
  const medians = times.map((t) => t.sort((a, b) => a - b)[t.length >> 1]!);
  console.log(
    [file.slice(0, 3), ...medians.map((m) => `${m.toFixed(3)} ms`), ...medians.slice(1).map((m) => (m / medians[0]!).toFixed(2))].join(
      "\t",
    ),
  );
}
