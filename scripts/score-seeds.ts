#!/usr/bin/env node
// Scores every seeds/*.txt through POST /v1/score of a running Worker, so the dashboard has data:
//   npm run seed -- [--url http://localhost:8787] [--token dev-token]
// The browser tests import scoreSeeds() to seed their throwaway Worker the same way.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const SEEDS = fileURLToPath(new URL("../seeds/", import.meta.url));

/** Title shown in the dashboard: "Seed 000: <first words>…". */
export function seedTitle(externalId: string, text: string): string {
  return `Seed ${externalId.slice(0, 3)}: ${text.trim().split(/\s+/).slice(0, 8).join(" ")}…`;
}

export interface ScoredSeed {
  externalId: string;
  articleId: string;
  outcome: string;
  score: number | null;
}

/** POSTs each seed; throws on any non-2xx. */
export async function scoreSeeds(url: string, token: string): Promise<ScoredSeed[]> {
  const files = readdirSync(SEEDS)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  if (files.length === 0) throw new Error(`no seed articles in ${SEEDS}`);
  // Each seed is judged as of its publication date (seeds/expected.yaml), as the golden test does.
  const expected = parse(readFileSync(join(SEEDS, "expected.yaml"), "utf8")) as { seeds: Record<string, { published_at?: string | null }> };
  const out: ScoredSeed[] = [];
  for (const file of files) {
    const publishedAt = expected.seeds[file]?.published_at ?? undefined;
    const externalId = file.replace(/\.txt$/, "");
    const text = readFileSync(join(SEEDS, file), "utf8");
    const res = await fetch(`${url}/v1/score`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        text,
        title: seedTitle(externalId, text),
        source: "seeds",
        external_id: externalId,
        published_at: publishedAt,
      }),
    });
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { article_id: string; outcome: string; score: number | null };
    out.push({ externalId, articleId: body.article_id, outcome: body.outcome, score: body.score });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: string): string => {
    const i = process.argv.indexOf(`--${name}`);
    return (i > 0 ? process.argv[i + 1] : undefined) ?? fallback;
  };
  const url = arg("url", "http://localhost:8787");
  for (const s of await scoreSeeds(url, arg("token", "dev-token"))) {
    console.log(`${s.externalId}  ${s.outcome.padEnd(4)}  ${s.score ?? "—"}  ${url}/articles/${s.articleId}`);
  }
}
