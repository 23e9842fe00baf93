// Article files as the CLI reads them: the body by extension (.html/.htm → html, .md/.markdown →
// markdown, else text) and each file's publication date, best first: its --manifest entry (what
// the server would be sent as published_at), the date the document states (HTML metadata,
// Markdown front matter), --published-at, else none (judged as of today).
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";
import { documentPublishedDate, type Article } from "../src/engine";
import { isoDateOf } from "../src/engine/text/document-date";

export type DateFrom = "manifest" | "document" | "--published-at" | "today";

export class ManifestError extends Error {}

/** The article body of a file, by its extension. */
export function articleOf(file: string, raw: string): Article {
  if (/\.html?$/i.test(file)) return { html: raw };
  if (/\.(md|markdown)$/i.test(file)) return { markdown: raw };
  return { text: raw };
}

/** Resolved file path → published_at (null: undated). */
export type Manifest = Map<string, string | null>;

/**
 * Reads a manifest of publication dates, YAML or JSON, paths relative to the manifest's folder:
 * `{ "a.txt": "2025-07-19" }`, `{ "a.txt": { published_at: … } }`, seeds/expected.yaml's
 * `{ seeds: { "a.txt": { published_at: … } } }`, or a corpus's `[{ file, published_at }]`.
 */
export function readManifest(path: string): Manifest {
  let data: unknown;
  try {
    data = parse(readFileSync(path, "utf8"));
  } catch (e) {
    throw new ManifestError(`${path}: ${(e as Error).message}`);
  }
  const entries = manifestEntries(path, data);
  if (entries.length === 0) throw new ManifestError(`${path}: expected a map of file → published_at (or a list of { file, published_at })`);
  const out: Manifest = new Map();
  for (const [file, entry] of entries) {
    const value =
      entry !== null && typeof entry === "object" && !(entry instanceof Date)
        ? ((entry as { published_at?: unknown }).published_at ?? null)
        : entry;
    const date = value === null ? null : isoDateOf(value);
    if (value !== null && date === null) {
      throw new ManifestError(`${path}: ${file}: published_at must be a date like 2025-07-19 (or null), not ${JSON.stringify(value)}`);
    }
    out.set(resolve(dirname(path), file), date);
  }
  return out;
}

function manifestEntries(path: string, data: unknown): Array<[string, unknown]> {
  if (Array.isArray(data)) {
    return data.map((c: unknown, i) => {
      const o = c as { file?: unknown; published_at?: unknown } | null;
      if (!o || typeof o.file !== "string") throw new ManifestError(`${path}: entry ${i} needs a string "file"`);
      return [o.file, o.published_at ?? null];
    });
  }
  if (data === null || typeof data !== "object") return [];
  const seeds = (data as Record<string, unknown>).seeds;
  return Object.entries(seeds !== null && typeof seeds === "object" ? seeds : data);
}

/** The article with the publication date the CLI judges it as of, and where that date came from. */
export function datedArticle(
  file: string,
  raw: string,
  manifest: Manifest | undefined,
  fallback: string | undefined,
): { article: Article; dateFrom: DateFrom } {
  const body = articleOf(file, raw);
  const listed = manifest?.get(resolve(file));
  if (listed) return { article: { ...body, publishedAt: listed }, dateFrom: "manifest" };
  // Without a date of its own, the engine reads the document's; --published-at only fills in for undated files.
  if (documentPublishedDate(body)) return { article: { ...body, publishedAt: null }, dateFrom: "document" };
  if (fallback) return { article: { ...body, publishedAt: fallback }, dateFrom: "--published-at" };
  return { article: { ...body, publishedAt: null }, dateFrom: "today" };
}
