// Ruleset versions: each stored once with its rules (id, hash, validity, kind, severity), which
// audit diffs compare and reads use to restore the implied not_applicable verdicts.
import { sql } from "drizzle-orm";
import type { Ruleset } from "../engine";
import type { Db } from "./db";
import { rulesets } from "./schema";
import { parseStoredRules, RULESET_FORMAT, type StoredRule, storedRules } from "../lib/implied-verdicts";

/**
 * Stores a ruleset version with its rules (format 2: enough to imply not_applicable verdicts).
 * Writes nothing when the version is already stored in this format; upgrades an older row.
 */
export function storeRuleset(db: Db, ruleset: Ruleset, now: string) {
  const rules = storedRules(ruleset);
  return db
    .insert(rulesets)
    .values({ version: ruleset.version, ruleCount: rules.length, rules: JSON.stringify(rules), format: RULESET_FORMAT, firstSeenAt: now })
    .onConflictDoUpdate({
      target: rulesets.version,
      set: { rules: sql`excluded.rules`, format: sql`excluded.format` },
      setWhere: sql`${rulesets.format} < ${RULESET_FORMAT}`,
    });
}

/** The stored rules of each requested ruleset version that is stored. */
export async function loadStoredRules(db: Db, versions: string[]): Promise<Map<string, StoredRule[]>> {
  const out = new Map<string, StoredRule[]>();
  if (!versions.length) return out;
  const rows = await db.all<{ version: string; rules: string; format: number }>(
    sql`SELECT version, rules, format FROM rulesets WHERE version IN (SELECT value FROM json_each(${JSON.stringify(versions)}))`,
  );
  for (const row of rows) out.set(row.version, parseStoredRules(row.version, row.rules, row.format));
  return out;
}

/** rule id → content hash for each requested ruleset version that is stored. */
export async function loadRuleHashes(db: Db, versions: string[]): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>();
  for (const [version, rules] of await loadStoredRules(db, versions)) out.set(version, new Map(rules.map((r) => [r.id, r.hash])));
  return out;
}

/** The ruleset the previous audit used; before any audit, the newest other version seen in runs. */
export async function previousRulesetVersion(db: Db, current: string): Promise<string | null> {
  const row = await db.get<{ version: string | null }>(sql`SELECT coalesce(
      (SELECT ruleset_version FROM audits ORDER BY id DESC LIMIT 1),
      (SELECT version FROM rulesets WHERE version <> ${current} ORDER BY first_seen_at DESC LIMIT 1)) AS version`);
  return row?.version ?? null;
}
