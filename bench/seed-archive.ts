// Seeds a local D1 (wrangler's local state under .wrangler/bench by default) with N generated
// articles for the audit benchmark: paragraphs of the seed articles recombined by a seeded PRNG,
// with some facts perturbed so verdicts vary. Usage: npx tsx bench/seed-archive.ts [N] [persist dir]
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
export const BENCH_STATE = join(ROOT, ".wrangler/bench");
const WRANGLER_ENV = { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: "false", WRANGLER_SEND_METRICS: "false" };

/** Deterministic PRNG (mulberry32), so the CPU benchmark can regenerate the same texts. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Wrong values an editor might type: each swap turns a right fact into a wrong one.
const PERTURB: [RegExp, string][] = [
  [/\b252\b/g, "244"],
  [/El Salvador/g, "Honduras"],
  [/July 18/g, "July 19"],
  [/Maiquetía/g, "Valencia"],
];

export interface BenchArticle {
  id: string;
  externalId: string;
  title: string;
  text: string;
  publishedAt: string | null;
}

export function generateArticles(n: number): BenchArticle[] {
  const paragraphs = readdirSync(join(ROOT, "seeds"))
    .filter((f) => f.endsWith(".txt"))
    .flatMap((f) => readFileSync(join(ROOT, "seeds", f), "utf8").split(/\n\s*\n/))
    .map((p) => p.trim())
    .filter((p) => p.length > 80);
  const rand = prng(20250718);
  const out: BenchArticle[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const count = 3 + Math.floor(rand() * 5);
    for (let k = 0; k < count; k++) parts.push(paragraphs[Math.floor(rand() * paragraphs.length)]!);
    let text = parts.join("\n\n");
    for (const [re, wrong] of PERTURB) if (rand() < 0.08) text = text.replace(re, wrong);
    const dated = rand() < 0.7;
    const day = 1 + Math.floor(rand() * 28);
    out.push({
      id: `art_bench_${String(i).padStart(7, "0")}`,
      externalId: `bench-${i}`,
      title: `Bench article ${i}`,
      text,
      publishedAt: dated ? `2025-08-${String(day).padStart(2, "0")}T12:00:00Z` : null,
    });
  }
  return out;
}

const q = (s: string | null) => (s === null ? "NULL" : `'${s.replace(/'/g, "''")}'`);

function main(): void {
  const n = Number(process.argv[2] ?? 10_000);
  const persist = process.argv[3] ?? BENCH_STATE;
  const wrangler = (...args: string[]) =>
    execFileSync("npx", ["wrangler", ...args, "--local", "--persist-to", persist], {
      cwd: ROOT,
      env: WRANGLER_ENV,
      stdio: ["ignore", "ignore", "inherit"],
    });
  wrangler("d1", "migrations", "apply", "DB");
  wrangler(
    "d1",
    "execute",
    "DB",
    "--command",
    "DELETE FROM audit_changes; DELETE FROM audit_batches; DELETE FROM audits; DELETE FROM verdicts; DELETE FROM runs; DELETE FROM articles WHERE source = 'bench';",
  );
  const dir = join(ROOT, ".wrangler/bench-sql");
  mkdirSync(dir, { recursive: true });
  const articles = generateArticles(n);
  const started = Date.now();
  // ~2,000 rows per file keeps each import small; one INSERT per row stays under D1's 100 KB statement cap.
  for (let i = 0; i < articles.length; i += 2000) {
    const sql = articles
      .slice(i, i + 2000)
      .map((a) => {
        const hash = createHash("sha256").update(a.text).digest("hex");
        return `INSERT INTO articles (id, source, external_id, title, text, content_hash, published_at) VALUES (${q(a.id)}, 'bench', ${q(a.externalId)}, ${q(a.title)}, ${q(a.text)}, '${hash}', ${q(a.publishedAt)});`;
      })
      .join("\n");
    const file = join(dir, `articles-${i}.sql`);
    writeFileSync(file, sql);
    wrangler("d1", "execute", "DB", "--file", file, "--yes");
    process.stdout.write(`seeded ${Math.min(i + 2000, n)}/${n}\r`);
  }
  const bytes = articles.reduce((s, a) => s + a.text.length, 0);
  console.log(
    `\nseeded ${n} articles (${(bytes / n).toFixed(0)} chars on average) into ${persist} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) main();
