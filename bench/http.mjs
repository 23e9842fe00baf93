// `npm run bench:http`: starts the Worker locally (wrangler dev, throwaway D1 on loopback) and
// drives POST /v1/score with autocannon using the seed articles, with and without ?dry_run=true.
// Prints requests/s, p50/p99 latency, errors and non-2xx answers; shuts everything down.
// Options (env): BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const root = new URL("..", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const token = "bench-token";
const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };
const wrangler = join(root, "node_modules/.bin/wrangler");

const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
if (seeds.length === 0) throw new Error("no seed articles in seeds/*.txt");

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });

// The throwaway D1 lives in RAM when it can (/dev/shm): we measure the Worker, not the disk's fsync.
const persist = mkdtempSync(join(existsSync("/dev/shm") ? "/dev/shm" : tmpdir(), "accuracy-bench-"));
const envFile = join(persist, "bench.vars");
writeFileSync(envFile, `API_TOKEN=${token}\n`);

const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persist], { cwd: root, env: offline, encoding: "utf8" });
if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

const port = await freePort();
const origin = `http://127.0.0.1:${port}`;
// detached: its own process group, so the whole tree (wrangler, workerd) is stopped at the end.
const dev = spawn(
  wrangler,
  ["dev", "--ip", "127.0.0.1", "--port", String(port), "--inspector-port", String(await freePort()), "--persist-to", persist,
    "--env-file", envFile, "--log-level", "error", "--show-interactive-dev-session=false"],
  { cwd: root, env: offline, detached: true, stdio: ["ignore", "ignore", "pipe"] },
);
let devErrors = "";
dev.stderr.on("data", (chunk) => (devErrors += chunk));

function stop() {
  try {
    process.kill(-dev.pid, "SIGTERM");
  } catch {}
  rmSync(persist, { recursive: true, force: true });
}
process.on("SIGINT", () => (stop(), process.exit(130)));

try {
  await waitUntilUp();
  console.log(`Worker on ${origin}; ${seeds.length} seed articles; ${connections} connections, ${seconds} s per run\n`);
  const results = [];
  for (const [name, path] of [["score + store", "/v1/score"], ["dry run", "/v1/score?dry_run=true"]]) {
    results.push({ name, ...(await drive(path)) });
  }
  const stored = await fetch(`${origin}/v1/articles?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json());
  console.table(results);
  console.log(`stored articles visible through the API: ${stored.items.length ? "yes" : "NO"}`);
  if (results.some((r) => r.errors || r.non2xx)) process.exitCode = 1;
} finally {
  stop();
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
  throw new Error(`wrangler dev did not come up in 60 s:\n${devErrors}`);
}

/** One bounded autocannon run; every request carries the next seed and a fresh external_id. */
async function drive(path) {
  let n = 0;
  const result = await autocannon({
    url: `${origin}${path}`,
    connections,
    duration: seconds,
    requests: [
      {
        method: "POST",
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
