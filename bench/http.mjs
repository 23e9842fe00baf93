// `npm run bench:http`: builds the deployable bundle (`wrangler deploy --dry-run`), runs it in
// workerd through Miniflare (the runtime `wrangler dev` uses, without its dev proxy) with a
// throwaway local D1 (real migrations applied) and drives POST /v1/score with autocannon using the
// seed articles, with and without ?dry_run=true, plus an unrouted path as the stack's ceiling.
// Prints requests/s, p50/p99 latency, errors and non-2xx answers; shuts everything down.
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";

const root = new URL("..", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const token = "bench-token";
const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };

const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
if (seeds.length === 0) throw new Error("no seed articles in seeds/*.txt");

const outdir = mkdtempSync(join(tmpdir(), "accuracy-bench-"));
const build = spawnSync(join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outdir], { cwd: root, env: offline, encoding: "utf8" });
if (build.status !== 0) throw new Error(`bundle failed:\n${build.stdout}\n${build.stderr}`);

const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    name: "accuracy-harness",
    modules: true,
    modulesRoot: outdir,
    scriptPath: join(outdir, "index.js"),
    compatibilityDate: "2026-11-01",
    d1Databases: ["DB"],
    queueProducers: { JOBS: "accuracy-jobs", DEAD_LETTERS: "accuracy-jobs-dlq" },
    bindings: { API_TOKEN: token, WEBHOOK_TOLERANCE_SECONDS: "300" },
  }),
);
const origin = (await mf.ready).origin;

// The real migrations, split where drizzle-kit marks statement boundaries.
const db = await mf.getD1Database("DB");
for (const file of readdirSync(join(root, "migrations")).filter((f) => f.endsWith(".sql")).sort()) {
  for (const statement of readFileSync(join(root, "migrations", file), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) await db.prepare(statement).run();
  }
}

async function stop() {
  await mf.dispose();
  rmSync(outdir, { recursive: true, force: true });
}
process.on("SIGINT", () => stop().finally(() => process.exit(130)));

try {
  await waitUntilUp();
  console.log(`Worker on ${origin}; ${seeds.length} seed articles; ${connections} connections, ${seconds} s per run\n`);
  const results = [];
  for (const [name, path] of [["score + store", "/v1/score"], ["dry run", "/v1/score?dry_run=true"]]) {
    results.push({ name, ...(await drive(path)) });
  }
  // The ceiling of the local stack itself: an unrouted path answers 404 without engine or D1.
  const ceiling = { name: "unrouted 404 (ceiling)", ...(await drive("/nope", "GET")) };
  const stored = await fetch(`${origin}/v1/articles?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  console.table([...results, ceiling]);
  console.log(`stored articles visible through the API: ${stored.items.length ? "yes" : "NO"}`);
  if (results.some((r) => r.errors || r.non2xx)) process.exitCode = 1;
} finally {
  await stop();
}

async function waitUntilUp() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/v1/rules`, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok) return;
      if (res.status === 401 || res.status === 503) throw new Error(`the Worker refused the bench token (${res.status})`);
    } catch (err) {
      if (err.message.startsWith("the Worker")) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the Worker did not come up in 60 s");
}

/** One bounded autocannon run; every request carries the next seed and a fresh external_id. */
async function drive(path, method = "POST") {
  let n = 0;
  const result = await autocannon({
    url: `${origin}${path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        setupRequest: (req) => {
          const i = n++;
          return { ...req, body: JSON.stringify({ text: seeds[i % seeds.length], source: "bench", external_id: `bench-${i}`, published_at: "2025-07-20" }) };
        },
      },
    ],
  });
  return {
    "requests/s": Math.round(result.requests.average),
    "p50 ms": result.latency.p50,
    "p99 ms": result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}
