// Which rules a re-check after a ruleset change need not judge again: the ones whose content
// hash is unchanged and that read no changed or removed rule (consistency's `of`, transitively).
// Their previous verdicts stand (CheckOptions.keep); added and edited rules are judged. Pure.
import { compiledOf } from "./load-ruleset";
import type { Ruleset } from "./types";

/**
 * Rule ids of `ruleset` whose verdicts under `previous` still hold for the same text and judging
 * date. A pack's settings (its anchors) are outside rule hashes but inside the version: unless
 * the previous rules with today's packs give the previous version, nothing is reused.
 */
export function reusableRules(
  ruleset: Ruleset,
  previous: { version: string; rules: readonly { id: string; hash: string }[] },
): Set<string> {
  const rs = compiledOf(ruleset);
  const before = [...previous.rules].sort((a, b) => (a.id < b.id ? -1 : 1));
  if (rs.versionFor(before.map((r) => r.hash)) !== previous.version) return new Set();
  const hashes = new Map(before.map((r) => [r.id, r.hash]));
  const current = new Set(rs.rules.map((r) => r.def.id));
  const changed = new Set(before.filter((r) => !current.has(r.id)).map((r) => r.id));
  for (const r of rs.rules) if (hashes.get(r.def.id) !== r.summary.hash) changed.add(r.def.id);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rs.rules) {
      if (changed.has(r.def.id) || !r.compiled.dependsOn?.some((d) => changed.has(d))) continue;
      changed.add(r.def.id);
      grew = true;
    }
  }
  return new Set([...current].filter((id) => !changed.has(id)));
}
