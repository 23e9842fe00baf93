// The texts the growth and peer benchmarks check: the seeds, plus up to 15 texts of the shared
// evaluation corpus when it sits beside the checkout (../shared or ../../shared for work trees).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
/** The seeds' publication dates (the others have none). */
export const SEED_DATES: Record<string, string> = { "001": "2025-07-19", "002": "2025-12-27", "003": "2025-07-22" };

export function growthTexts(): { text: string; publishedAt: string | null }[] {
  const seeds = readdirSync(join(ROOT, "seeds")).filter((f) => f.endsWith(".txt"));
  const texts = seeds.map((f) => ({ text: readFileSync(join(ROOT, "seeds", f), "utf8"), publishedAt: SEED_DATES[f.slice(0, 3)] ?? null }));
  const corpus =
    [join(ROOT, "..", "shared", "corpus", "dev"), join(ROOT, "..", "..", "shared", "corpus", "dev")].find((d) => existsSync(d)) ?? "";
  try {
    const cases = JSON.parse(readFileSync(join(corpus, "cases.json"), "utf8")) as { file: string; published_at: string | null }[];
    for (const c of cases.slice(0, 15)) texts.push({ text: readFileSync(join(corpus, c.file), "utf8"), publishedAt: c.published_at });
  } catch {
    // No shared corpus beside this checkout: the seeds alone.
  }
  return texts;
}
