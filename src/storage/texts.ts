// Article texts in R2, keyed by content hash (`texts/<sha256 hex>`), so D1 holds what queries
// need. A stored score writes the text into articles.text as before (one D1 batch, no extra
// round trip on the write path); the offload job (the */5 cron) then copies inline texts to R2
// and only after the object is written sets articles.text to '' ("in R2"), never for a row whose
// text changed meanwhile. Rows stored before keep working: a non-empty articles.text is the text.
// Reads go through resolveText/resolveTexts (used by storage's article reads). Objects are
// immutable and shared by every article with the same text (dedupe by hash).
import { sql } from "drizzle-orm";
import type { Db } from "./db";

/** Marks "the text is in R2": a real article text is never empty (intake refuses blank text). */
export const TEXT_IN_R2 = "";
/** SHA-256 of the empty string: the one text that has no R2 object. */
const EMPTY_HASH = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

let bucket: R2Bucket | null = null;

/** The Worker entry (and test setup) registers the TEXTS binding once per isolate; bindings do not change within one. */
export function setTextBucket(b: R2Bucket | undefined | null): void {
  bucket = b ?? null;
}

export function textKey(contentHash: string): string {
  return `texts/${contentHash}`;
}

function requireBucket(): R2Bucket {
  if (!bucket) throw new Error("article texts are in R2 but no TEXTS bucket is registered (setTextBucket)");
  return bucket;
}

/** The article's text: the D1 column when present, else its R2 object. Throws if the object is missing (lost data, not a 404). */
export async function resolveText(row: { text: string; contentHash: string }): Promise<string> {
  if (row.text !== TEXT_IN_R2 || row.contentHash === EMPTY_HASH) return row.text;
  const object = await requireBucket().get(textKey(row.contentHash));
  if (!object) throw new Error(`article text ${row.contentHash} is missing from R2 (${textKey(row.contentHash)})`);
  return object.text();
}

/** resolveText for the rows `need` selects: one R2 read per distinct hash still in R2, in parallel. */
export async function resolveTexts<R extends { text: string; contentHash: string }>(
  rows: R[],
  need: (row: R) => boolean = () => true,
): Promise<R[]> {
  const inR2 = (r: R) => r.text === TEXT_IN_R2 && r.contentHash !== EMPTY_HASH && need(r);
  const wanted = [...new Set(rows.filter(inR2).map((r) => r.contentHash))];
  if (!wanted.length) return rows;
  const texts = new Map(await Promise.all(wanted.map(async (h) => [h, await resolveText({ text: TEXT_IN_R2, contentHash: h })] as const)));
  return rows.map((r) => (inR2(r) ? { ...r, text: texts.get(r.contentHash)! } : r));
}

export interface OffloadResult {
  /** Articles whose text now lives in R2 only. */
  moved: number;
  /** Distinct objects written (articles sharing a text share one). */
  objects: number;
}

/**
 * Moves up to `limit` inline texts to R2 (the backfill for rows stored before R2, and the
 * follow-up of every new or changed text). Bounded: one D1 read, one R2 put per distinct text,
 * one D1 update. The object is written before the row stops holding the text, and the update
 * matches the hash it copied, so a text changed in between stays inline for the next run.
 */
export async function offloadTexts(db: Db, limit: number): Promise<OffloadResult> {
  const target = requireBucket();
  const rows = await db.all<{ id: string; content_hash: string; text: string }>(
    sql`SELECT id, content_hash, text FROM articles WHERE text <> '' ORDER BY id LIMIT ${limit}`,
  );
  if (!rows.length) return { moved: 0, objects: 0 };
  const byHash = new Map(rows.map((r) => [r.content_hash, r.text]));
  await Promise.all(
    [...byHash].map(([hash, text]) => target.put(textKey(hash), text, { httpMetadata: { contentType: "text/plain; charset=utf-8" } })),
  );
  const moved = await db.run(
    sql`UPDATE articles SET text = '' WHERE text <> '' AND (id, content_hash) IN
      (SELECT value ->> 0, value ->> 1 FROM json_each(${JSON.stringify(rows.map((r) => [r.id, r.content_hash]))}))`,
  );
  return { moved: moved.meta.changes ?? 0, objects: byHash.size };
}
