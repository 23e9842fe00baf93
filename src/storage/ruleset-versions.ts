// Runtime ruleset versions: each version's rule file texts (immutable, keyed by the engine's
// content hash), the one `current` pointer that publish and activate move, and the listing.
import type { BatchItem } from "drizzle-orm/batch";
import { sql } from "drizzle-orm";
import type { Ruleset } from "../engine";
import type { Db } from "./db";
import { storeRuleset } from "./rulesets";

export interface RuleFileText {
  path: string;
  text: string;
  /** The YAML parsed, as JSON; null for files stored without it. */
  data?: string | null;
}

export interface CurrentPointer {
  /** The version marked current; null when none is (the bundled ruleset is the default). */
  current: string | null;
  /** Whether `bundled` has its files stored. */
  seeded: boolean;
}

/** One tiny read: the current pointer, and whether the bundled version is seeded yet. */
export async function readCurrentPointer(db: Db, bundled: string): Promise<CurrentPointer> {
  const row = await db.get<{ current: string | null; seeded: number }>(
    sql`SELECT (SELECT version FROM ruleset_current WHERE id = 1) AS current,
      EXISTS (SELECT 1 FROM ruleset_files WHERE version = ${bundled}) AS seeded`,
  );
  return { current: row?.current ?? null, seeded: Boolean(row?.seeded) };
}

// D1 binds at most 100 parameters per statement: 4 per file row.
const FILES_PER_INSERT = 25;

/**
 * Stores a version and its files. INSERT OR IGNORE throughout: versions are content-addressed,
 * so a second writer (another isolate seeding at the same time) writes the same rows or nothing.
 */
export function storeVersionStatements(db: Db, ruleset: Ruleset, files: readonly RuleFileText[], now: string): BatchItem<"sqlite">[] {
  const out: BatchItem<"sqlite">[] = [storeRuleset(db, ruleset, now)];
  for (let i = 0; i < files.length; i += FILES_PER_INSERT) {
    const rows = files.slice(i, i + FILES_PER_INSERT).map((f) => sql`(${ruleset.version}, ${f.path}, ${f.text}, ${f.data ?? null})`);
    out.push(db.run(sql`INSERT OR IGNORE INTO ruleset_files (version, path, text, data) VALUES ${sql.join(rows, sql`, `)}`));
  }
  return out;
}

/** A stored version's files, sorted by path ([] when the version has none stored). */
export async function loadVersionFiles(db: Db, version: string): Promise<RuleFileText[]> {
  return db.all<RuleFileText>(sql`SELECT path, text, data FROM ruleset_files WHERE version = ${version} ORDER BY path`);
}

/** Moves the current pointer (the one row) to `version`. */
export function setCurrentStatement(db: Db, version: string, by: string | null, now: string) {
  return db.run(sql`INSERT INTO ruleset_current (id, version, activated_at, activated_by) VALUES (1, ${version}, ${now}, ${by})
    ON CONFLICT (id) DO UPDATE SET version = excluded.version, activated_at = excluded.activated_at, activated_by = excluded.activated_by`);
}

export interface CurrentRow {
  version: string;
  activated_at: string;
  activated_by: string | null;
}

export async function getCurrentRow(db: Db): Promise<CurrentRow | null> {
  return (await db.get<CurrentRow>(sql`SELECT version, activated_at, activated_by FROM ruleset_current WHERE id = 1`)) ?? null;
}

export interface VersionRow {
  version: string;
  rule_count: number;
  first_seen_at: string;
  /** Files stored: the version can be activated. */
  files: number;
}

/** Every stored ruleset version, newest first (at most `limit`). */
export async function listVersions(db: Db, limit: number): Promise<VersionRow[]> {
  return db.all<VersionRow>(sql`SELECT r.version, r.rule_count, r.first_seen_at,
      (SELECT count(*) FROM ruleset_files f WHERE f.version = r.version) AS files
    FROM rulesets r ORDER BY r.first_seen_at DESC, r.version LIMIT ${limit}`);
}
