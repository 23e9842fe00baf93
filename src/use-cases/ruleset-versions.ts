// The stored ruleset versions as the API's GET /v1/rulesets and the dashboard's /rulesets list them:
// the current one and the bundled one marked, and which can be activated (their files are stored).
import { getDb } from "../storage/db";
import { getCurrentRow, listVersions } from "../storage/ruleset-versions";
import { activeRules, bundledRules, type DbEnv } from "./current-ruleset";

export interface RulesetVersionsView {
  current: { version: string; activated_at: string | null; activated_by: string | null };
  bundled_version: string;
  items: Array<{ version: string; rules: number; first_seen_at: string; current: boolean; bundled: boolean; activatable: boolean }>;
}

export async function rulesetVersions(env: DbEnv, limit = 100): Promise<RulesetVersionsView> {
  const db = getDb(env.DB);
  const active = await activeRules(env); // seeds the bundled version on first use
  const [versions, pointer] = await Promise.all([listVersions(db, limit), getCurrentRow(db)]);
  const bundled = bundledRules().ruleset.version;
  return {
    current: { version: active.ruleset.version, activated_at: pointer?.activated_at ?? null, activated_by: pointer?.activated_by ?? null },
    bundled_version: bundled,
    items: versions.map((v) => ({
      version: v.version,
      rules: v.rule_count,
      first_seen_at: v.first_seen_at,
      current: v.version === active.ruleset.version,
      bundled: v.version === bundled,
      activatable: v.files > 0,
    })),
  };
}
