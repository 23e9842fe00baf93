// `npm run bench:http`: builds the deployable bundle (`wrangler deploy --dry-run`), runs it in
// workerd through Miniflare (the runtime `wrangler dev` uses, without its dev proxy) with a
// throwaway local D1 (real migrations applied) and drives POST /v1/score with autocannon using the
// seed articles. Beside it, on the SAME local D1 in the same Miniflare, a Worker whose only work is
// one INSERT of the same request body: stored scores per second are printed as a ratio to that
// ceiling; a third Worker runs only the stored score's own write statement (bench/http-write-only.ts):
// the most any engine could reach with this write. All get identical bodies, are warmed up, and alternate in BENCH_ROUNDS short
// rounds (the machine's load drifts; the ratio of two runs seconds apart drifts less), each round
// also reading workerd's CPU time per request from /proc (Linux). Then the real write statements
// (src/storage/runs.ts) store each seed through the same D1, and the bench prints D1's rows written
// (index entries included) and the database's growth per stored run.
// Options (env): BENCH_SECONDS per run (default 4), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS
// (default 10), BENCH_TMPFS=1 keeps Miniflare's storage in /dev/shm (no disk latency in either figure),
// BENCH_AGAINST=<git ref> also runs that commit's bundle beside this one, taking its turn in every
// round: stored scores of the two compared seconds apart. It gets a D1 of its own with the ref's
// migrations (the write statement's trigger lives in the database), in the same Miniflare.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { type CheckResult, checkArticle } from "../src/engine";
import { bundledRuleset } from "../src/rules";
import { getDb, transact } from "../src/storage/db";
import { storeRuleset } from "../src/storage/rulesets";
import { prepareRunsWrite } from "../src/storage/runs";
import { writeOnlyWorker } from "./http-write-only";

const root = new URL("..", import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
// Miniflare keeps local D1 under os.tmpdir(); on tmpfs neither Worker waits on the disk.
if (process.env.BENCH_TMPFS === "1") process.env.TMPDIR = mkdtempSync("/dev/shm/accuracy-bench-");
const storage = process.env.BENCH_TMPFS === "1" ? `tmpfs (${process.env.TMPDIR})` : `disk (${tmpdir()})`;
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const token = "bench-token";
const offline = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" };

const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
if (seeds.length === 0) throw new Error("no seed articles in seeds/*.txt");

/** The deployable bundle of the tree at `dir`, built into a new temporary directory. */
function bundle(dir: string): string {
  const out = mkdtempSync(join(tmpdir(), "accuracy-bench-"));
  const build = spawnSync(join(root, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", out], {
    cwd: dir,
    env: offline,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`bundle failed:\n${build.stdout}\n${build.stderr}`);
  return out;
}

/** BENCH_AGAINST: the ref's tree (git archive, this tree's node_modules), its rules bundled, then its bundle. */
function bundleRef(ref: string): { src: string; out: string } {
  const src = mkdtempSync(join(tmpdir(), "accuracy-bench-ref-"));
  execFileSync("git", ["archive", "--format=tar", "-o", join(src, "tree.tar"), ref], { cwd: root });
  execFileSync("tar", ["-xf", "tree.tar"], { cwd: src });
  symlinkSync(join(root, "node_modules"), join(src, "node_modules"));
  execFileSync(join(root, "node_modules/.bin/tsx"), ["scripts/bundle-rules.ts"], { cwd: src, env: offline });
  return { src, out: bundle(src) };
}

const outdir = bundle(root);
const against = process.env.BENCH_AGAINST ? { ref: process.env.BENCH_AGAINST, ...bundleRef(process.env.BENCH_AGAINST) } : null;

// The one-INSERT Worker: the least a stored score could cost on this D1.
const ONE_INSERT = `export default {
  async fetch(request, env) {
    await env.DB.prepare("INSERT INTO bench_bodies (body) VALUES (?)").bind(await request.text()).run();
    return new Response(null, { status: 201 });
  },
};`;
const D1_ID = "bench-db";
const REF_D1_ID = "bench-db-against";
const PUBLISHED_AT = "2025-07-20";
// BENCH_AGAINST's Worker answers requests for this host (Miniflare routes by the Host header).
const REF_HOST = "against.bench";
const harness = (name: string, dir: string, d1Id = D1_ID) => ({
  name,
  modules: true,
  modulesRoot: dir,
  scriptPath: join(dir, "index.js"),
  compatibilityDate: "2026-11-01",
  d1Databases: { DB: d1Id },
  r2Buckets: { TEXTS: "accuracy-harness-texts" },
  queueProducers: { JOBS: "accuracy-jobs", DEAD_LETTERS: "accuracy-jobs-dlq" },
  bindings: { API_TOKEN: token, WEBHOOK_TOLERANCE_SECONDS: "300" },
});
const mf = new Miniflare(
  convertV4MiniflareOptions({
    host: "127.0.0.1",
    port: 0,
    cf: false,
    workers: [
      harness("accuracy-harness", outdir),
      ...(against ? [{ ...harness("against", against.out, REF_D1_ID), routes: [`${REF_HOST}/*`] }] : []),
      {
        name: "one-insert",
        modules: true,
        script: ONE_INSERT,
        routes: ["*/one-insert"],
        compatibilityDate: "2026-11-01",
        d1Databases: { DB: D1_ID },
      },
      await writeOnlyWorker(seeds, bundledRuleset(), { path: "/write-only", d1Id: D1_ID, publishedAt: PUBLISHED_AT }),
    ],
  }),
);
const origin = (await mf.ready).origin;

// The real migrations, split where drizzle-kit marks statement boundaries.
async function migrate(d1: D1Database, dir: string): Promise<void> {
  for (const file of readdirSync(join(dir, "migrations"))
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    for (const statement of readFileSync(join(dir, "migrations", file), "utf8").split("--> statement-breakpoint")) {
      if (statement.trim()) await d1.prepare(statement).run();
    }
  }
}
const db = await mf.getD1Database("DB", "accuracy-harness");
await db.prepare("CREATE TABLE bench_bodies (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").run();
await migrate(db as unknown as D1Database, root);
if (against) await migrate((await mf.getD1Database("DB", "against")) as unknown as D1Database, against.src);

let runs = 0; // numbers each autocannon run, so every run's external_ids are fresh articles
// workerd runs both Workers and the local D1: its CPU time per request is the load-independent figure.
const workerdPid = (() => {
  try {
    return (
      execFileSync("pgrep", ["-P", String(process.pid), "workerd"], { encoding: "utf8" })
        .trim()
        .split("\n")[0] || null
    );
  } catch {
    return null;
  }
})();
function workerdCpuMs(): number | null {
  const stat = workerdPid && existsSync(`/proc/${workerdPid}/stat`) ? readFileSync(`/proc/${workerdPid}/stat`, "utf8") : null;
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
}

async function stop() {
  await mf.dispose();
  for (const dir of [outdir, against?.src, against?.out]) if (dir) rmSync(dir, { recursive: true, force: true });
  if (process.env.BENCH_TMPFS === "1") rmSync(process.env.TMPDIR!, { recursive: true, force: true });
}
process.on("SIGINT", () => stop().finally(() => process.exit(130)));

try {
  await waitUntilUp();
  console.log(
    `Worker on ${origin}; ${seeds.length} seed articles; ${connections} connections; ${rounds} rounds of ${seconds} s; local storage on ${storage}\n`,
  );
  // Warm-up (discarded): JIT, the isolates' first requests, SQLite's page cache.
  // /v1/score first: its first write stores the ruleset, which the write-only Worker's statements need.
  for (const path of ["/v1/score", "/one-insert", "/write-only", "/v1/score?dry_run=true"]) await drive(path, "POST", 2);
  if (against) await drive("/v1/score", "POST", 2, REF_HOST);
  const perRound: Record<string, string | number>[] = [];
  const storedRuns: Run[] = [];
  const insertRuns: Run[] = [];
  const refRuns: Run[] = [];
  const writeRuns: Run[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so a drift in load does not always favour the same one.
    const turns = ["/v1/score", "/one-insert", "/write-only", ...(against ? ["against"] : [])];
    const got: Record<string, Run> = {};
    for (const turn of r % 2 ? turns.reverse() : turns)
      got[turn] = turn === "against" ? await drive("/v1/score", "POST", seconds, REF_HOST) : await drive(turn);
    const [s, i, w, a] = [got["/v1/score"]!, got["/one-insert"]!, got["/write-only"]!, got.against];
    storedRuns.push(s);
    insertRuns.push(i);
    writeRuns.push(w);
    if (a) refRuns.push(a);
    perRound.push({
      round: r + 1,
      "stored/s": s["requests/s"],
      "insert/s": i["requests/s"],
      "ratio (req/s)": +(s["requests/s"] / i["requests/s"]).toFixed(2),
      "write-only ratio": +(w["requests/s"] / i["requests/s"]).toFixed(2),
      "stored CPU ms/req": s["workerd CPU ms/req"] ?? "n/a",
      "insert CPU ms/req": i["workerd CPU ms/req"] ?? "n/a",
      "write-only CPU ms/req": w["workerd CPU ms/req"] ?? "n/a",
      ...(a && {
        [`${against!.ref} stored/s`]: a["requests/s"],
        [`${against!.ref} CPU ms/req`]: a["workerd CPU ms/req"] ?? "n/a",
        "CPU ÷ against":
          a["workerd CPU ms/req"] && s["workerd CPU ms/req"] ? +(s["workerd CPU ms/req"] / a["workerd CPU ms/req"]).toFixed(2) : "n/a",
      }),
    });
  }
  console.table(perRound);
  const best = (runs: Run[]) => runs.reduce((a, b) => (a["requests/s"] >= b["requests/s"] ? a : b));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const stored = { name: "score + store (best round)", ...best(storedRuns) };
  const insert = { name: "one INSERT of the body (best round)", ...best(insertRuns) };
  // A dry run reads the editors' labels (one D1 query); a stored score checks them in its write instead.
  const dry = { name: "dry run (reads labels)", ...(await drive("/v1/score?dry_run=true")) };
  // The ceiling of the local stack itself: an unrouted path answers 404 without engine or D1.
  const unrouted = { name: "unrouted 404", ...(await drive("/nope", "GET")) };
  console.table([stored, insert, dry, unrouted]);
  const ratios = perRound.map((r) => r["ratio (req/s)"] as number);
  const ratio = stored["requests/s"] / insert["requests/s"];
  console.log(
    `stored scores/s ÷ one-INSERT/s: best of ${rounds} each ${stored["requests/s"]} / ${insert["requests/s"]} = ${ratio.toFixed(2)}×; per round median ${median(ratios).toFixed(2)}× (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)})`,
  );
  const cpuStored = storedRuns.map((r) => r["workerd CPU ms/req"]).filter((x): x is number => x !== null);
  const cpuInsert = insertRuns.map((r) => r["workerd CPU ms/req"]).filter((x): x is number => x !== null);
  const cpuRef = refRuns.map((r) => r["workerd CPU ms/req"]).filter((x): x is number => x !== null);
  if (against && cpuRef.length === cpuStored.length && cpuRef.length) {
    const perRoundRatio = cpuStored.map((c, k) => c / cpuRef[k]!);
    console.log(
      `stored score CPU per request (medians): this tree ${median(cpuStored)} ms, ${against.ref} ${median(cpuRef)} ms; per round this ÷ ${against.ref} median ${median(perRoundRatio).toFixed(2)} (min ${Math.min(...perRoundRatio).toFixed(2)}, max ${Math.max(...perRoundRatio).toFixed(2)})`,
    );
  }
  if (cpuStored.length && cpuInsert.length && dry["workerd CPU ms/req"] !== null) {
    console.log(
      `workerd CPU per request (medians): stored ${median(cpuStored)} ms, dry run ${dry["workerd CPU ms/req"]} ms, one INSERT ${median(cpuInsert)} ms, unrouted 404 ${unrouted["workerd CPU ms/req"]} ms: one INSERT's CPU ÷ a stored score's = ${(median(cpuInsert) / median(cpuStored)).toFixed(2)}× (what the req/s ratio tends to when workerd's one thread is the bottleneck)`,
    );
  }
  const visible = await fetch(`${origin}/v1/articles?limit=1`, { headers: { authorization: `Bearer ${token}` } }).then(
    (r) => r.json() as Promise<{ items: unknown[] }>,
  );
  // The bound: the same write statement from a Worker that does nothing else (bench/http-write-only.ts).
  const writeRatios = writeRuns.map((w, k) => w["requests/s"] / insertRuns[k]!["requests/s"]);
  const cpuWrite = writeRuns.map((r) => r["workerd CPU ms/req"]).filter((x): x is number => x !== null);
  console.log(
    `write only (the stored score's statement, no engine or app) ÷ one-INSERT/s: per round median ${median(writeRatios).toFixed(2)}× (min ${Math.min(...writeRatios).toFixed(2)}, max ${Math.max(...writeRatios).toFixed(2)})${cpuWrite.length && cpuInsert.length ? `; CPU ${median(cpuWrite)} ms per request, one INSERT's ÷ its = ${(median(cpuInsert) / median(cpuWrite)).toFixed(2)}×` : ""}: the most any engine could reach with this write`,
  );
  console.log(`stored articles visible through the API: ${visible.items.length ? "yes" : "NO"}`);
  const cost = await writeCost();
  console.table(cost.rows);
  console.log(
    `per stored run (mean of ${cost.runs}): ${cost.statements.toFixed(1)} statements, ${cost.rowsWritten.toFixed(1)} D1 rows written (index entries included), ${Math.round(cost.bytes)} bytes of database growth (new articles); re-posted with the same text: ${cost.rescoreRows.toFixed(1)} rows written; one-INSERT: ${cost.insertRows} row(s), ${Math.round(cost.insertBytes)} bytes`,
  );
  if ([...storedRuns, ...insertRuns, ...writeRuns, ...refRuns, dry].some((r) => r.errors || r.non2xx)) process.exitCode = 1;
} finally {
  await stop();
}

async function waitUntilUp(): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${origin}/v1/rules`, { headers: { authorization: `Bearer ${token}` } });
      if (res.ok) return;
      if (res.status === 401 || res.status === 503) throw new Error(`the Worker refused the bench token (${res.status})`);
    } catch (err) {
      if ((err as Error).message.startsWith("the Worker")) throw err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the Worker did not come up in 60 s");
}

type Run = Awaited<ReturnType<typeof drive>>;

/** One bounded autocannon run; every request carries the next seed and a fresh external_id. */
async function drive(path: string, method = "POST", duration = seconds, host?: string) {
  let n = 0;
  const runNumber = runs++;
  const cpuBefore = workerdCpuMs();
  const result = await autocannon({
    url: `${origin}${path}`,
    connections,
    duration,
    requests: [
      {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(host && { host }) },
        setupRequest: (req: Record<string, unknown>) => {
          const i = n++;
          return {
            ...req,
            body: JSON.stringify({
              text: seeds[i % seeds.length],
              source: "bench",
              external_id: `bench-${path}-${runNumber}-${i}`,
              published_at: PUBLISHED_AT,
            }),
          };
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
    "workerd CPU ms/req": cpuBefore === null ? null : +((workerdCpuMs()! - cpuBefore) / Math.max(1, result.requests.total)).toFixed(2),
  };
}

/**
 * The real write statements, run from here against the same D1 so its meta can be read: rows
 * written (D1 counts each index entry) and database growth, per seed, over fresh articles; then
 * each article scored again with the same text (a re-post: same verdicts, a new run).
 */
async function writeCost() {
  const drizzleDb = getDb(db as unknown as D1Database);
  const ruleset = bundledRuleset();
  await transact(drizzleDb, [storeRuleset(drizzleDb, ruleset, new Date().toISOString())]);
  const sizeOf = async () => (await db.prepare("SELECT 1").run()).meta.size_after as number;
  /** What saveRun sends for one stored score (the ruleset is already stored): its statements and D1 rows written. */
  const store = async (text: string, externalId: string) => {
    const result = checkArticle({ text, publishedAt: PUBLISHED_AT }, ruleset, { now: new Date() });
    const write = await prepareRunsWrite(
      drizzleDb,
      [{ article: { source: "cost", externalId, text: result.text, publishedAt: PUBLISHED_AT }, result, ruleset, trigger: "api" }],
      { withRuleset: false },
    );
    const out = await transact(drizzleDb, write.statements);
    return { result, statements: write.statements.length, rows: out.reduce((s, o) => s + (o.meta.rows_written ?? 0), 0) };
  };
  const perSeed: {
    seed: number;
    applicable: number;
    implied: number;
    statements: number;
    "rows written": number;
    "bytes grown": number;
    "rows, re-post": number;
  }[] = [];
  const ROUNDS = 20;
  let statements = 0;
  let rowsWritten = 0;
  let rescoreRows = 0;
  let grownNew = 0;
  for (const [i, text] of seeds.entries()) {
    let rows = 0;
    let count = 0;
    const start = await sizeOf();
    let last: CheckResult | undefined;
    for (let r = 0; r < ROUNDS; r++) {
      const stored = await store(text, `cost-${i}-${r}`);
      rows += stored.rows;
      count += stored.statements;
      last = stored.result;
    }
    const grown = (await sizeOf()) - start;
    grownNew += grown;
    let again = 0;
    for (let r = 0; r < ROUNDS; r++) again += (await store(text, `cost-${i}-${r}`)).rows;
    const implied = last!.counts.not_applicable ?? 0;
    perSeed.push({
      seed: i,
      applicable: last!.verdicts.length - implied,
      implied,
      statements: count / ROUNDS,
      "rows written": rows / ROUNDS,
      "bytes grown": Math.round(grown / ROUNDS),
      "rows, re-post": again / ROUNDS,
    });
    statements += count;
    rowsWritten += rows;
    rescoreRows += again;
  }
  const runs = seeds.length * ROUNDS;
  const bytes = grownNew / runs;
  // The ceiling's cost on the same bodies.
  const insertStart = await sizeOf();
  let insertRows = 0;
  for (let r = 0; r < runs; r++) {
    const body = JSON.stringify({ text: seeds[r % seeds.length], source: "bench", external_id: `cost-${r}`, published_at: PUBLISHED_AT });
    insertRows += (await db.prepare("INSERT INTO bench_bodies (body) VALUES (?)").bind(body).run()).meta.rows_written ?? 0;
  }
  const insertBytes = ((await sizeOf()) - insertStart) / runs;
  return {
    rows: perSeed,
    runs,
    statements: statements / runs,
    rowsWritten: rowsWritten / runs,
    rescoreRows: rescoreRows / runs,
    bytes,
    insertRows: insertRows / runs,
    insertBytes,
  };
}
