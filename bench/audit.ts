// Audit benchmark: runs a full audit of the seeded local archive (bench/seed-archive.ts) through
// a real `wrangler dev` (local D1 + Queues), then measures the scoring CPU in Node with the same
// engine and rules — workerd freezes the clock between I/O, so in-Worker timings cannot show CPU.
// Usage: npx tsx bench/audit.ts [persist dir] [port]
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { checkArticle } from "../src/engine";
import { SCORE_BATCH_SIZE } from "../src/use-cases/audit";
import { bundledRuleset } from "../src/rules";
import { BENCH_STATE, generateArticles } from "./seed-archive";

const ROOT = new URL("..", import.meta.url).pathname;
const persist = process.argv[2] ?? BENCH_STATE;
const port = Number(process.argv[3] ?? 8799);
const base = `http://127.0.0.1:${port}`;
const TOKEN = "bench-token";
const auth = { authorization: `Bearer ${TOKEN}` };

async function waitUntilUp(): Promise<void> {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("wrangler dev did not come up");
}

async function runAudit(): Promise<Record<string, any>> {
  const started = performance.now();
  const res = await fetch(`${base}/v1/audits`, { method: "POST", headers: auth });
  const { audit } = (await res.json()) as { audit: { id: string } };
  const startResponseMs = performance.now() - started;
  for (;;) {
    const detail = (await (await fetch(`${base}/v1/audits/${audit.id}?limit=1`, { headers: auth })).json()) as Record<string, any>;
    if (detail.status === "finished") return { ...detail, wall_ms: performance.now() - started, start_response_ms: startResponseMs };
    await new Promise((r) => setTimeout(r, 250));
  }
}

function measureCpu(n: number) {
  const ruleset = bundledRuleset();
  const articles = generateArticles(n);
  const now = new Date();
  for (const a of articles.slice(0, 200)) checkArticle({ text: a.text, publishedAt: a.publishedAt }, ruleset, { now }); // warm up the JIT
  const times: number[] = [];
  for (const a of articles) {
    const t = performance.now();
    checkArticle({ text: a.text, publishedAt: a.publishedAt }, ruleset, { now });
    times.push(performance.now() - t);
  }
  const batches: number[] = [];
  for (let i = 0; i < times.length; i += SCORE_BATCH_SIZE) batches.push(times.slice(i, i + SCORE_BATCH_SIZE).reduce((s, x) => s + x, 0));
  const sorted = [...times].sort((a, b) => a - b);
  return {
    rules: ruleset.rules.length,
    mean_ms: times.reduce((s, x) => s + x, 0) / times.length,
    p99_ms: sorted[Math.floor(sorted.length * 0.99)]!,
    max_ms: sorted.at(-1)!,
    batch_max_ms: Math.max(...batches),
    batch_mean_ms: batches.reduce((s, x) => s + x, 0) / batches.length,
  };
}

/**
 * wrangler dev reloads whenever a watched source file changes, and a reload drops the local
 * queue's in-flight messages; other people edit this tree, so run a frozen copy of the Worker.
 */
function snapshot(): string {
  const dir = mkdtempSync(join(tmpdir(), "audit-bench-"));
  for (const entry of ["src", "migrations", "wrangler.toml", "package.json", "tsconfig.json", "worker-configuration.d.ts"])
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

async function main(): Promise<void> {
  const env = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };
  // Start from an unaudited archive: earlier audits and their runs are removed.
  execFileSync(
    "npx",
    [
      "wrangler",
      "d1",
      "execute",
      "DB",
      "--local",
      "--persist-to",
      persist,
      "--command",
      "DELETE FROM audit_changes; DELETE FROM audit_batches; DELETE FROM audits; DELETE FROM verdicts; DELETE FROM runs; UPDATE articles SET latest_run_id = NULL, latest_outcome = NULL, latest_score = NULL, failing_since = NULL;",
    ],
    { cwd: ROOT, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const cwd = snapshot();
  const dev = spawn(
    "npx",
    [
      "wrangler",
      "dev",
      "--local",
      "--persist-to",
      persist,
      "--port",
      String(port),
      "--ip",
      "127.0.0.1",
      "--test-scheduled",
      "--var",
      `API_TOKEN:${TOKEN}`,
    ],
    { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  dev.stdout.on("data", (d) => (log += d));
  dev.stderr.on("data", (d) => (log += d));
  try {
    await waitUntilUp();
    const first = await runAudit();
    const second = await runAudit(); // nothing changed since: every article is skipped
    const fmt = (a: Record<string, any>) => ({
      id: a.id,
      due: a.articles.due,
      scored: a.articles.scored,
      skipped: a.articles.skipped,
      failed: a.articles.failed,
      outcomes: a.outcomes,
      mean_score: a.mean_score,
      batches: a.batches,
      wall_s: +(a.wall_ms / 1000).toFixed(1),
      start_response_ms: Math.round(a.start_response_ms),
      articles_per_s: Math.round((a.articles.scored + a.articles.skipped) / (a.wall_ms / 1000)),
    });
    console.log("full audit:", JSON.stringify(fmt(first)));
    console.log("re-audit (all skipped):", JSON.stringify(fmt(second)));
    const cpu = measureCpu(first.articles.due + first.articles.skipped);
    console.log(
      "engine CPU in Node (proxy for workerd):",
      JSON.stringify(Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, +v.toFixed(3)]))),
    );
    console.log(
      `peak scoring CPU per queue message (${SCORE_BATCH_SIZE} articles): ~${cpu.batch_max_ms.toFixed(1)} ms; per consumer invocation (10 messages): ~${(cpu.batch_mean_ms * 10).toFixed(0)} ms mean`,
    );
  } catch (err) {
    console.error(log.slice(-4000));
    throw err;
  } finally {
    process.kill(-dev.pid!, "SIGTERM");
  }
}

await main();
