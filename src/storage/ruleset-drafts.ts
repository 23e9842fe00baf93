// Ruleset drafts (a base version plus file changes) and their impact previews (chunks of
// articles scored apart, each settled once by a claim on its row).
import type { BatchItem } from "drizzle-orm/batch";
import { sql } from "drizzle-orm";
import { type Db, transact } from "./db";
import { setCurrentStatement } from "./ruleset-versions";

export interface DraftChange {
  path: string;
  /** null: the file is removed. */
  text: string | null;
  /** `text` parsed, as JSON (stored so publishing stores it with the version). */
  data?: string | null;
}

export interface DraftRow {
  id: string;
  base_version: string;
  version: string;
  status: "open" | "published";
  created_by: string | null;
  created_at: string;
  published_at: string | null;
}

export function insertDraftStatements(
  db: Db,
  d: { id: string; baseVersion: string; version: string; createdBy: string | null; changes: DraftChange[] },
): BatchItem<"sqlite">[] {
  return [
    db.run(
      sql`INSERT INTO ruleset_drafts (id, base_version, version, created_by) VALUES (${d.id}, ${d.baseVersion}, ${d.version}, ${d.createdBy})`,
    ),
    ...d.changes.map((f) =>
      db.run(sql`INSERT INTO ruleset_draft_files (draft_id, path, text, data) VALUES (${d.id}, ${f.path}, ${f.text}, ${f.data ?? null})`),
    ),
  ];
}

export async function getDraft(db: Db, id: string): Promise<(DraftRow & { changes: DraftChange[] }) | null> {
  const row = await db.get<DraftRow>(
    sql`SELECT id, base_version, version, status, created_by, created_at, published_at FROM ruleset_drafts WHERE id = ${id}`,
  );
  if (!row) return null;
  const changes = await db.all<DraftChange>(sql`SELECT path, text FROM ruleset_draft_files WHERE draft_id = ${id} ORDER BY path`);
  return { ...row, changes };
}

/** Discards an open draft with its files and previews; false when there was no open draft. */
export async function deleteDraft(db: Db, id: string): Promise<boolean> {
  // Everything after the first statement deletes only once the draft row is gone (a published draft keeps its files).
  const gone = sql`NOT EXISTS (SELECT 1 FROM ruleset_drafts WHERE id = ${id})`;
  const [deleted] = await transact(db, [
    db.run(sql`DELETE FROM ruleset_drafts WHERE id = ${id} AND status = 'open'`),
    db.run(sql`DELETE FROM ruleset_draft_files WHERE draft_id = ${id} AND ${gone}`),
    db.run(
      sql`DELETE FROM ruleset_preview_chunks WHERE preview_id IN (SELECT id FROM ruleset_previews WHERE draft_id = ${id}) AND ${gone}`,
    ),
    db.run(sql`DELETE FROM ruleset_previews WHERE draft_id = ${id} AND ${gone}`),
  ]);
  return (deleted?.meta.changes ?? 0) > 0;
}

/**
 * Publishing a draft, as statements for one transaction. The first aborts the whole transaction
 * (json() of a non-JSON string raises) unless the draft is still open, so a draft published or
 * discarded meanwhile changes nothing: no pointer move, no files stored under its version. Then
 * the pointer moves, the version's files are stored — the base's files minus the changed paths,
 * plus the draft's — unless already stored (versions are content-addressed), and the draft is
 * marked published.
 */
export function publishDraftStatements(db: Db, draft: DraftRow, by: string | null, now: string): BatchItem<"sqlite">[] {
  return [
    db.run(sql`SELECT json(CASE WHEN EXISTS (SELECT 1 FROM ruleset_drafts WHERE id = ${draft.id} AND status = 'open') THEN '0'
      ELSE 'draft not open' END)`),
    setCurrentStatement(db, draft.version, by, now),
    db.run(sql`INSERT OR IGNORE INTO ruleset_files (version, path, text, data)
      SELECT ${draft.version}, path, text, data FROM ruleset_files
        WHERE version = ${draft.base_version} AND path NOT IN (SELECT path FROM ruleset_draft_files WHERE draft_id = ${draft.id})
      UNION ALL
      SELECT ${draft.version}, path, text, data FROM ruleset_draft_files WHERE draft_id = ${draft.id} AND text IS NOT NULL`),
    db.run(sql`UPDATE ruleset_drafts SET status = 'published', published_at = ${now} WHERE id = ${draft.id}`),
  ];
}

// ---- previews -------------------------------------------------------------------------------

export interface PreviewRow {
  id: string;
  draft_id: string;
  version: string;
  against_version: string;
  articles: number;
  chunks_total: number;
  as_of: string;
  created_at: string;
}

export interface ChunkRow {
  seq: number;
  article_ids: string;
  status: "pending" | "done" | "dead";
  result: string | null;
}

export function insertPreviewStatements(
  db: Db,
  p: Omit<PreviewRow, "created_at" | "chunks_total">,
  chunks: string[][],
): BatchItem<"sqlite">[] {
  return [
    db.run(sql`INSERT INTO ruleset_previews (id, draft_id, version, against_version, articles, chunks_total, as_of)
      VALUES (${p.id}, ${p.draft_id}, ${p.version}, ${p.against_version}, ${p.articles}, ${chunks.length}, ${p.as_of})`),
    ...chunks.map((ids, seq) =>
      db.run(sql`INSERT INTO ruleset_preview_chunks (preview_id, seq, article_ids) VALUES (${p.id}, ${seq}, ${JSON.stringify(ids)})`),
    ),
  ];
}

export async function getPreview(db: Db, id: string): Promise<(PreviewRow & { chunks: ChunkRow[] }) | null> {
  const row = await db.get<PreviewRow>(
    sql`SELECT id, draft_id, version, against_version, articles, chunks_total, as_of, created_at FROM ruleset_previews WHERE id = ${id}`,
  );
  if (!row) return null;
  const chunks = await db.all<ChunkRow>(
    sql`SELECT seq, article_ids, status, result FROM ruleset_preview_chunks WHERE preview_id = ${id} ORDER BY seq`,
  );
  return { ...row, chunks };
}

/** Settles a pending chunk once (a duplicate delivery finds it settled and changes nothing). */
export async function settleChunk(db: Db, previewId: string, seq: number, status: "done" | "dead", result: unknown): Promise<boolean> {
  const res =
    await db.run(sql`UPDATE ruleset_preview_chunks SET status = ${status}, result = ${result === null ? null : JSON.stringify(result)}
    WHERE preview_id = ${previewId} AND seq = ${seq} AND status = 'pending'`);
  return (res.meta.changes ?? 0) > 0;
}
