// `npm run bench:audit`: does an audit's cost per batch stay flat as the archive and the audit
// grow? Seeds a local D1 (Miniflare, real migrations) with N generated articles (default 50,000)
// stored through the real write path under the deployed ruleset, then runs two audits through
// the real audit code (startAudit, processAuditBatch; the queue is an in-memory list): A after a
// ruleset edit that changes no verdict (a rule's sources), B after a rule is added (every article
// gets a new run). For each it prints, for the first and the last tenth of the score batches, the
// median wall time, D1 time and D1 rows read per batch (rows read do not depend on the machine's
// load), every batch accounted for, and D1 rows written (index entries included, from D1's own
// meta) and database growth per article.
// Usage: npm run bench:audit [-- N] (BENCH_AUDIT_OUT=file.json also writes every batch's figures;
// AUDIT_BATCH_SIZE=5 measures the Free plan's batch size, docs/operations.md; BENCH_AUDIT_TEXTS=r2
// runs the text offload after every seeded chunk, as the cron does, so texts live in a local R2
// and the database holds what it holds in production)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { checkArticle, loadRuleset, type RuleFile, type Ruleset } from "../src/engine";
import { type AuditEnv, startAudit } from "../src/use-cases/audit";
import { processAuditBatch } from "../src/jobs/audit-batch";
import type { JobMessage } from "../src/lib/job-messages";
import { bundledRuleFiles, bundledRuleset } from "../src/rules";
import { getDb, transact } from "../src/storage/db";
import { storeRuleset } from "../src/storage/rulesets";
import { offloadTexts, setTextBucket } from "../src/storage/texts";
import { prepareRunsWrite } from "../src/storage/runs";
import { generateArticles } from "./seed-archive";

const ROOT = new URL("..", import.meta.url).pathname;
const N = Number(process.argv[2] ?? 50_000);
const SEEDED_AT = new Date("2026-11-01T03:00:00Z");
const TEXTS_IN_R2 = process.env.BENCH_AUDIT_TEXTS === "r2";

const mf = new Miniflare(
  convertV4MiniflareOptions({
    modules: true,
    script: "export default { fetch() { return new Response(null, { status: 404 }); } }",
    compatibilityDate: "2026-11-01",
    d1Databases: { DB: "audit-bench" },
    r2Buckets: { TEXTS: "audit-bench-texts" },
  }),
);
await mf.ready;
if (TEXTS_IN_R2) setTextBucket((await mf.getR2Bucket("TEXTS")) as unknown as R2Bucket);
const raw = await mf.getD1Database("DB");
for (const file of readdirSync(join(ROOT, "migrations"))
  .filter((f) => f.endsWith(".sql"))
  .sort()) {
  for (const statement of readFileSync(join(ROOT, "migrations", file), "utf8").split("--> statement-breakpoint"))
    if (statement.trim()) await raw.prepare(statement).run();
}

// Every D1 call is timed, and what D1 says it read and wrote is added up (index entries included).
const meter = { rowsWritten: 0, rowsRead: 0, ms: 0 };
function add(result: D1Result | D1Result[]): void {
  for (const r of Array.isArray(result) ? result : [result]) {
    meter.rowsWritten += r.meta?.rows_written ?? 0;
    meter.rowsRead += r.meta?.rows_read ?? 0;
  }
}
async function timed<T>(work: Promise<T>, count?: (value: T) => void): Promise<T> {
  const t = performance.now();
  try {
    const value = await work;
    count?.(value);
    return value;
  } finally {
    meter.ms += performance.now() - t;
  }
}
const DB = new Proxy(raw, {
  get(target, key) {
    // D1's batch needs its own statement objects: unwrap ours (the proxy forwards to them).
    if (key === "batch") return (statements: D1PreparedStatement[]) => timed(target.batch(statements.map((s) => unwrap.get(s) ?? s)), add);
    if (key === "prepare") return (sql: string) => track(target.prepare(sql));
    const value = Reflect.get(target, key);
    return typeof value === "function" ? value.bind(target) : value;
  },
}) as unknown as D1Database;
const unwrap = new WeakMap<object, D1PreparedStatement>();
function track(statement: D1PreparedStatement): D1PreparedStatement {
  const wrapped = new Proxy(statement, {
    get(target, key) {
      if (key === "bind") return (...params: unknown[]) => track(target.bind(...params));
      if (key === "all" || key === "run") return () => timed((target[key] as () => Promise<D1Result>).call(target), add);
      if (key === "first" || key === "raw")
        return (...args: unknown[]) => timed((target[key] as (...a: unknown[]) => Promise<unknown>).apply(target, args));
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  unwrap.set(wrapped, statement);
  return wrapped;
}
const db = getDb(DB);
const sizeOf = async () => (await raw.prepare("SELECT 1").run()).meta.size_after as number;

function variant(edit: (files: { path: string; data: Record<string, unknown> }[]) => void): Ruleset {
  // The parsed data only: with `text` the engine would load the text and ignore the edits.
  const files = bundledRuleFiles.map((f) => ({ path: f.path, data: structuredClone(f.data) as Record<string, unknown> }));
  edit(files);
  return loadRuleset(files as RuleFile[]);
}
const ruleFile = (files: { path: string; data: Record<string, unknown> }[]) => files.find((f) => !f.path.endsWith("pack.yaml"))!;
// A: a rule's sources change (its hash and the ruleset version change, no verdict does).
const edited = variant((files) => {
  const f = ruleFile(files);
  f.data.sources = [...(f.data.sources as string[]), "https://example.org/another-source"];
});
// B: a rule is added on top of A.
const added = variant((files) => {
  const f = ruleFile(files);
  f.data.sources = [...(f.data.sources as string[]), "https://example.org/another-source"];
  files.push({
    path: f.path.replace(/[^/]+$/, "zz.added.yaml"),
    data: { ...structuredClone(f.data), id: "zz.added", examples: f.data.examples },
  });
});

async function seed(): Promise<void> {
  const v1 = bundledRuleset();
  const started = performance.now();
  await transact(db, [storeRuleset(db, v1, SEEDED_AT.toISOString())]);
  const articles = generateArticles(N);
  for (let i = 0; i < articles.length; i += 50) {
    const inputs = articles.slice(i, i + 50).map((a) => {
      const result = checkArticle({ text: a.text, publishedAt: a.publishedAt }, v1, { now: SEEDED_AT });
      const article = { source: "bench", externalId: a.externalId, title: a.title, text: result.text, publishedAt: a.publishedAt };
      return { article, result, ruleset: v1, trigger: "cli" as const, now: SEEDED_AT };
    });
    await transact(db, (await prepareRunsWrite(db, inputs)).statements);
    // The freed text pages are reused by the next chunk, so the file size is what D1 really holds.
    if (TEXTS_IN_R2) await offloadTexts(db, 50);
    if (i % 5000 === 0) process.stdout.write(`seeded ${i}/${N}\r`);
  }
  // The texts' share of the database: what moving them to R2 (storage/texts.ts) takes out of D1.
  const text = (await raw.prepare("SELECT sum(length(CAST(text AS BLOB))) AS b FROM articles").first<{ b: number }>())!.b;
  const size = await sizeOf();
  console.log(
    `seeded ${N} articles under ${v1.version}${TEXTS_IN_R2 ? " (texts moved to R2)" : ""} in ${((performance.now() - started) / 1000).toFixed(0)} s; database ${(size / 1e6).toFixed(0)} MB, ${Math.round(size / N)} bytes per article of which the text ${Math.round(text / N)}`,
  );
}

async function audit(name: string, ruleset: Ruleset, now: Date) {
  const sent: JobMessage[] = [];
  const env: AuditEnv = {
    DB,
    AUDIT_BATCH_SIZE: process.env.AUDIT_BATCH_SIZE,
    JOBS: { sendBatch: async (m) => void sent.push(...[...m].map((x) => x.body)) as never },
  };
  const before = { ...meter, size: await sizeOf(), runs: (await raw.prepare("SELECT count(*) AS n FROM runs").first<{ n: number }>())!.n };
  const started = performance.now();
  const { audit } = await startAudit(env, { trigger: "api", now, ruleset });
  const batches: { ms: number; d1ms: number; read: number; written: number }[] = [];
  const load: number[] = [loadavg()[0]!];
  while (sent.length) {
    const job = sent.shift()!;
    if (job.type !== "audit-batch") continue;
    const isScore =
      (await raw
        .prepare("SELECT kind FROM audit_batches WHERE audit_id = ? AND seq = ?")
        .bind(job.auditId, job.seq)
        .first<{ kind: string }>())!.kind === "score";
    const t = performance.now();
    const d1 = { ms: meter.ms, read: meter.rowsRead, written: meter.rowsWritten };
    await processAuditBatch(env, job, ruleset);
    if (isScore)
      batches.push({
        ms: performance.now() - t,
        d1ms: meter.ms - d1.ms,
        read: meter.rowsRead - d1.read,
        written: meter.rowsWritten - d1.written,
      });
    if (isScore && batches.length % 100 === 0) load.push(loadavg()[0]!);
  }
  const wall = (performance.now() - started) / 1000;
  const row = (await raw.prepare("SELECT * FROM audits WHERE id = ?").bind(audit.id).first<Record<string, number | string>>())!;
  const runs = (await raw.prepare("SELECT count(*) AS n FROM runs").first<{ n: number }>())!.n - before.runs;
  // Every batch the audit created, by status: none may be left pending (lost).
  const byStatus = Object.fromEntries(
    (
      await raw
        .prepare("SELECT status, count(*) AS n FROM audit_batches WHERE audit_id = ? GROUP BY status")
        .bind(audit.id)
        .all<{ status: string; n: number }>()
    ).results.map((r) => [r.status, r.n]),
  ) as Record<string, number>;
  const [done, dead, pending] = [byStatus.done ?? 0, byStatus.dead ?? 0, byStatus.pending ?? 0];
  const tenth = Math.max(1, Math.floor(batches.length / 10));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const tenths = (pick: (b: (typeof batches)[number]) => number) => {
    const first = median(batches.slice(0, tenth).map(pick));
    const last = median(batches.slice(-tenth).map(pick));
    return `${first.toFixed(1)} → ${last.toFixed(1)} (${(last / first).toFixed(2)}×)`;
  };
  const per = (x: number) => +(x / N).toFixed(2);
  console.log(`\n${name}`);
  console.table({
    audit: {
      status: row.status,
      due: row.articles_due,
      scored: row.scored,
      skipped: row.skipped,
      failed: row.failed,
      "new runs": runs,
      batches: `${row.batches_done}/${row.batches_total}`,
      "wall s": +wall.toFixed(0),
    },
  });
  console.log(`batches expected ${row.batches_total} = ${done} done + ${dead} failed (dead-lettered); ${pending} lost (still pending)`);
  console.log(
    `score batches: ${batches.length}, median of the first tenth → last tenth: wall ms ${tenths((b) => b.ms)}, D1 ms ${tenths((b) => b.d1ms)}, D1 rows read ${tenths((b) => b.read)}`,
  );
  console.log(
    `per article: ${per(meter.rowsWritten - before.rowsWritten)} D1 rows written (index entries included), ${per(meter.rowsRead - before.rowsRead)} rows read, ${Math.round(((await sizeOf()) - before.size) / N)} bytes of database growth`,
  );
  console.log(`load average (1 min) every 100 batches: ${load.map((l) => l.toFixed(1)).join(" ")}`);
  return { name, batches, load };
}

try {
  await seed();
  const results = [
    await audit(`A: audit after a ruleset edit that changes no verdict (${edited.version})`, edited, new Date("2026-11-02T03:00:00Z")),
    await audit(`B: audit after a rule is added (${added.version}): every article gets a new run`, added, new Date("2026-11-03T03:00:00Z")),
  ];
  if (process.env.BENCH_AUDIT_OUT) writeFileSync(process.env.BENCH_AUDIT_OUT, JSON.stringify({ N, results }));
} finally {
  await mf.dispose();
}
