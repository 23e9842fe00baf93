// `npm run bench` runs this in a fresh process: 10,000 generated rules of every kind, loaded from
// pre-parsed data, then a 100 KB article that mentions the subjects of hundreds of them. Prints one
// JSON line: load ms, first check ms (compiles the matcher), warm check median ms, heap grown.
import { parse } from "yaml";
import { checkArticle, loadRuleset } from "../src/engine";
import { genArticle, genRules } from "./generate-rules";

const NOW = new Date("2026-11-23T12:00:00Z");

{
  const { files, subjects } = genRules(10_000);
  const data = files.map((f) => ({ path: f.path, data: parse(f.text) as unknown }));
  // Subjects of any of the 10,000 rules, so hundreds of them have terms that occur.
  const text = genArticle(20_000, subjects, subjects.length).slice(0, 100 * 1024);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  // CPU time beside wall time: on a shared machine the wall clock also counts the neighbours.
  const cpuMs = (from: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(from);
    return (d.user + d.system) / 1000;
  };
  const s = performance.now();
  const c0 = process.cpuUsage();
  const rs = loadRuleset(data);
  const load = performance.now() - s;
  const loadCpu = cpuMs(c0);
  const f = performance.now();
  const first = checkArticle({ text, publishedAt: "2025-07-20" }, rs, { now: NOW });
  const firstCheck = performance.now() - f;
  const times: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    checkArticle({ text, publishedAt: "2025-07-20" }, rs, { now: NOW });
    times.push(performance.now() - t);
    cpus.push(cpuMs(c));
  }
  const warm = { median: times.sort((a, b) => a - b)[5]!, cpu: cpus.sort((a, b) => a - b)[5]! };
  const heap = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    JSON.stringify({
      load,
      loadCpu,
      firstCheck,
      warm: warm.median,
      warmCpu: warm.cpu,
      heapMB: heap / 1e6,
      chars: text.length,
      applicable: first.verdicts.length - first.counts.not_applicable,
      mentioned: subjects.filter((x) => text.includes(x)).length,
    }),
  );
}
