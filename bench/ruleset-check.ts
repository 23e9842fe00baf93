// `npm run bench:ruleset-check`: what the current-ruleset check (src/use-cases/current-ruleset.ts)
// costs a request. In one Miniflare (workerd, local D1 with the real migrations), side by side and
// interleaved (best of two each): a probe Worker that answers at once, the same probe running the
// check's one query (src/storage/ruleset-versions.ts readCurrentPointer) on EVERY request, and the
// real Worker's POST /v1/score?dry_run=true (which re-reads the pointer at most every
// CURRENT_CHECK_MS). Prints the ratio with and without the check, and its share of a scoring request.
// Options (env): BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { CURRENT_CHECK_MS } from "../src/use-cases/current-ruleset";

const root = new URL("..", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const token = "bench-token";
const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };
const seed = readFileSync(join(root, "seeds", readdirSync(join(root, "seeds")).filter((f) => f.endsWith(".txt"))[0]!), "utf8");

const outdir = mkdtempSync(join(tmpdir(), "accuracy-bench-"));
const build = spawnSync(join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outdir], {
  cwd: root,
  env: offline,
  encoding: "utf8",
});
if (build.status !== 0) throw new Error(`bundle failed:\n${build.stdout}\n${build.stderr}`);

// The check's query, as readCurrentPointer sends it (one row: the pointer and the seeded flag).
const PROBE = `export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname.endsWith("/check")) {
      await env.DB.prepare("SELECT (SELECT version FROM ruleset_current WHERE id = 1) AS current, EXISTS (SELECT 1 FROM ruleset_files WHERE version = ?) AS seeded").bind("0123456789abcdef").first();
    }
    return new Response("ok");
  },
};`;
const D1_ID = "bench-db";
const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    workers: [
      {
        name: "accuracy-harness",
        modules: true,
        modulesRoot: outdir,
        scriptPath: join(outdir, "index.js"),
        compatibilityDate: "2026-11-01",
        d1Databases: { DB: D1_ID },
        queueProducers: { JOBS: "accuracy-jobs", DEAD_LETTERS: "accuracy-jobs-dlq" },
        bindings: { API_TOKEN: token, WEBHOOK_TOLERANCE_SECONDS: "300" },
      },
      { name: "probe", modules: true, script: PROBE, routes: ["*/probe/*"], compatibilityDate: "2026-11-01", d1Databases: { DB: D1_ID } },
    ],
  }),
);
const origin = (await mf.ready).origin;
const db = await mf.getD1Database("DB", "accuracy-harness");
for (const file of readdirSync(join(root, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort()) {
  for (const statement of readFileSync(join(root, "migrations", file), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) await db.prepare(statement).run();
  }
}

type Run = { "requests/s": number; "mean ms": number; "p50 ms": number; "p99 ms": number; errors: number };

async function drive(path: string, method = "GET", body?: string): Promise<Run> {
  const r = await autocannon({
    url: `${origin}${path}`,
    connections,
    duration: seconds,
    method,
    body,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
  });
  return {
    "requests/s": Math.round(r.requests.average),
    "mean ms": r.latency.average,
    "p50 ms": r.latency.p50,
    "p99 ms": r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}
const best = (a: Run, b: Run) => (a["requests/s"] >= b["requests/s"] ? a : b);

try {
  // Warm up: the first request seeds the bundled version.
  await fetch(`${origin}/v1/rules`, { headers: { authorization: `Bearer ${token}` } });
  const score = () => drive("/v1/score?dry_run=true", "POST", JSON.stringify({ text: seed, published_at: "2025-07-20" }));
  const none1 = await drive("/probe/none");
  const check1 = await drive("/probe/check");
  const score1 = await score();
  const none2 = await drive("/probe/none");
  const check2 = await drive("/probe/check");
  const score2 = await score();
  const none = best(none1, none2);
  const check = best(check1, check2);
  const dry = best(score1, score2);
  console.table({ "no check": none, "check on every request": check, "real Worker: dry-run score": dry });
  // Time per request on one connection, from throughput (autocannon's latencies have 1 ms resolution).
  const perRequest = (r: Run) => (connections * 1000) / r["requests/s"];
  const cost = perRequest(check) - perRequest(none);
  console.log(`requests/s without ÷ with the check on every request: ${(none["requests/s"] / check["requests/s"]).toFixed(2)}×`);
  console.log(
    `the check adds ${cost.toFixed(2)} ms per request; a dry-run score request takes ${perRequest(dry).toFixed(2)} ms: checking on every request would make it ${((perRequest(dry) + cost) / perRequest(dry)).toFixed(2)}× as slow`,
  );
  console.log(
    `at one check per ${CURRENT_CHECK_MS} ms per isolate and ${dry["requests/s"]} requests/s, it is paid by 1 request in ${Math.max(1, Math.round((dry["requests/s"] * CURRENT_CHECK_MS) / 1000))}`,
  );
  if ([none, check, dry].some((r) => r.errors)) process.exitCode = 1;
} finally {
  await mf.dispose();
  rmSync(outdir, { recursive: true, force: true });
}
