// `npm run bench:write`: what SQLite itself pays for a stored score's one write statement
// (src/storage/runs.ts), this tree's migrations against BENCH_AGAINST's (default main), without
// workerd or D1 around it — the part of a stored score a migration can change, measured finely
// enough to see it (the HTTP bench's CPU ratios on the shared machine resolve ~5%, this ~1%).
// Both schemas get the real migrations in node:sqlite (WAL, a file in /dev/shm or BENCH_WRITE_DIR),
// the seeds' real statements (new articles, then re-posts of the same text), alternating rounds.
// Prints CPU per write (process.cpuUsage, so the machine's load matters less than for wall time)
// and WAL pages per write (each distinct page a commit writes: deterministic, and what a disk-
// backed D1 writes and syncs). BENCH_WRITE_SYNC=full syncs every commit, as the on-disk bench does.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync, type StatementSync } from "node:sqlite";
import { applyFeedback, checkArticle } from "../src/engine";
import { bundledRuleset } from "../src/rules";
import { getDb } from "../src/storage/db";
import { storeRuleset } from "../src/storage/rulesets";
import { prepareRunsWrite } from "../src/storage/runs";

const root = new URL("..", import.meta.url).pathname;
const against = process.env.BENCH_AGAINST ?? "main";
const rounds = Number(process.env.BENCH_ROUNDS ?? 12);
const perRound = Number(process.env.BENCH_WRITES ?? 300);
const dir = mkdtempSync(join(process.env.BENCH_WRITE_DIR ?? "/dev/shm", "accuracy-write-"));
const sync = process.env.BENCH_WRITE_SYNC === "full" ? "FULL" : "NORMAL";
const PUBLISHED_AT = "2025-07-20";

type Query = { sql: string; params: (string | number | null)[] };
const queryOf = (item: unknown): Query => {
  const i = item as { toSQL?: () => Query; getQuery: () => Query };
  return i.toSQL ? i.toSQL() : i.getQuery();
};

const ruleset = bundledRuleset();
const drizzle = getDb({} as D1Database); // builds statements only
const seeds = readdirSync(join(root, "seeds"))
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
// What a stored score binds: labelled without reading labels, its finding ids in the label check.
const results = seeds.map((text) =>
  applyFeedback(
    checkArticle({ text, publishedAt: PUBLISHED_AT }, ruleset, { now: new Date() }),
    { source: "b", externalId: "x" },
    new Map(),
  ),
);
async function statement(seed: number, externalId: string): Promise<Query> {
  const result = results[seed]!;
  const labelCheck = [...new Set(result.verdicts.flatMap((v) => v.evidence.map((e) => e.finding!)))];
  const article = { source: "bench", externalId, text: result.text, publishedAt: PUBLISHED_AT };
  const write = await prepareRunsWrite(drizzle, [{ article, result, ruleset, trigger: "api", labelCheck }], { withRuleset: false });
  return queryOf(write.statements[0]);
}

/** The migrations of this tree, or of a git ref, in order, split at drizzle-kit's breakpoints. */
function migrations(ref: string | null): string[] {
  const files = ref
    ? execFileSync("git", ["ls-tree", "--name-only", ref, "migrations/"], { cwd: root, encoding: "utf8" }).split("\n")
    : readdirSync(join(root, "migrations")).map((f) => `migrations/${f}`);
  return files
    .filter((f) => f.endsWith(".sql"))
    .sort()
    .flatMap((f) =>
      (ref ? execFileSync("git", ["show", `${ref}:${f}`], { cwd: root, encoding: "utf8" }) : readFileSync(join(root, f), "utf8")).split(
        "--> statement-breakpoint",
      ),
    )
    .filter((s) => s.trim());
}

const schemas = [
  { name: "this tree", ref: null },
  { name: against, ref: against },
].map(({ name, ref }, i) => {
  const path = join(dir, `db${i}.sqlite`);
  const db = new DatabaseSync(path);
  db.exec(`PRAGMA journal_mode=WAL; PRAGMA synchronous=${sync}; PRAGMA wal_autocheckpoint=0;`);
  for (const s of migrations(ref)) db.exec(s);
  const r = queryOf(storeRuleset(drizzle, ruleset, new Date().toISOString()));
  db.prepare(r.sql).run(...r.params);
  return { name, db, path, prepared: new Map<string, StatementSync>(), cpu: { new: [] as number[], repost: [] as number[] } };
});
type Schema = (typeof schemas)[number];

let serial = 0;
/** Runs `n` writes (new articles, or re-posts of articles 0..n-1); CPU ms per write, and WAL pages per write. */
async function writes(s: Schema, n: number, repost: boolean): Promise<{ cpu: number; pages: number }> {
  const queries: Query[] = [];
  for (let j = 0; j < n; j++) queries.push(await statement(j % seeds.length, repost ? `repost-${j}` : `new-${serial++}`));
  s.db.prepare("PRAGMA wal_checkpoint(TRUNCATE)").get();
  const t0 = process.cpuUsage();
  for (const q of queries) {
    let st = s.prepared.get(q.sql);
    if (!st) s.prepared.set(q.sql, (st = s.db.prepare(q.sql)));
    st.all(...q.params);
  }
  const t = process.cpuUsage(t0);
  const frames = (s.db.prepare("PRAGMA wal_checkpoint(PASSIVE)").get() as { log: number }).log;
  return { cpu: (t.user + t.system) / 1000 / n, pages: frames / n };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  console.log(
    `${rounds} rounds of ${perRound} writes each, new articles then re-posts; SQLite ${sqliteVersion()}, synchronous=${sync}, in ${dir}\n`,
  );
  for (const s of schemas) await writes(s, perRound, true); // warm-up, and the articles the re-posts re-post
  const pages = new Map<string, number>();
  for (const kind of ["new", "repost"] as const) {
    for (let r = 0; r < rounds; r++)
      for (const s of r % 2 ? [...schemas].reverse() : schemas) {
        const out = await writes(s, perRound, kind === "repost");
        s.cpu[kind].push(out.cpu);
        pages.set(`${s.name} ${kind}`, out.pages);
      }
  }
  const [mine, ref] = schemas as [Schema, Schema];
  const rows = (["new", "repost"] as const).map((kind) => {
    const ratios = mine.cpu[kind].map((c, k) => c / ref.cpu[kind][k]!);
    return {
      write: kind === "new" ? "new article" : "re-post, same text",
      [`CPU ms, ${ref.name}`]: +median(ref.cpu[kind]).toFixed(3),
      "CPU ms, this tree": +median(mine.cpu[kind]).toFixed(3),
      "per-round ratio: median (min–max)": `${median(ratios).toFixed(3)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)})`,
      [`WAL pages, ${ref.name}`]: +pages.get(`${ref.name} ${kind}`)!.toFixed(2),
      "WAL pages, this tree": +pages.get(`${mine.name} ${kind}`)!.toFixed(2),
    };
  });
  console.table(rows);
} finally {
  for (const s of schemas) s.db.close();
  rmSync(dir, { recursive: true, force: true });
}

function sqliteVersion(): string {
  return (schemas[0]!.db.prepare("SELECT sqlite_version() AS v").get() as { v: string }).v;
}
