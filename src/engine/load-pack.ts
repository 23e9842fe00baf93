// pack.yaml loading: term lists (with their own @references resolved), anchors and examples date per folder, and @name expansion in rules.
import { canonicalJson } from "./hash";
import type { RuleFile } from "./load-ruleset";
import { Located, yamlPos, zodIssues, type Path } from "./rule-file-errors";
import { LIMITS } from "./rule-limits";
import { packSchema } from "./rule-schema";
import type { RuleFileIssue } from "./types";

const dirOf = (path: string) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "");
export const baseOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
export const isPack = (path: string) => /^pack\.ya?ml$/.test(baseOf(path));

export interface PackInfo {
  terms: Record<string, string[]>;
  /** The story's anchor phrases, expanded; null when the pack names none. */
  anchors: string[] | null;
  examplesAsOf: string | null;
  canonical: string;
}

/** Replace "@name" entries of string arrays by the pack's term list `name`. */
export function expandRefs(
  value: unknown,
  terms: Record<string, string[]>,
  path: Path,
  onMissing: (path: Path, name: string) => void,
  // Terms left for the whole ruleset (LIMITS.totalTerms): expansion stops once it goes negative.
  budget: { left: number },
): unknown {
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "string")) {
      const out: string[] = [];
      for (let i = 0; i < value.length && budget.left >= 0; i++) {
        const v = value[i] as string;
        const list = v.startsWith("@") ? terms[v.slice(1)] : [v];
        if (!list) {
          onMissing([...path, i], v.slice(1));
          continue;
        }
        budget.left -= list.length;
        if (budget.left >= 0) out.push(...list);
      }
      return out;
    }
    return value.map((v, i) => expandRefs(v, terms, [...path, i], onMissing, budget));
  }
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === "examples" ? v : expandRefs(v, terms, [...path, k], onMissing, budget);
    return out;
  }
  return value;
}

/** Every pack.yaml in `files`, by folder; its problems are pushed to `issues`. */
export function loadPacks(files: RuleFile[], issues: RuleFileIssue[]): Map<string, PackInfo> {
  const packs = new Map<string, PackInfo>();
  for (const f of files.filter((f) => isPack(f.path))) {
    const loc = new Located(f.path, f);
    if (loc.errors.length) {
      for (const e of loc.errors)
        issues.push({ file: f.path, ...yamlPos(loc, e.pos[0]), rule: null, key: null, message: `YAML: ${e.message.split("\n")[0]}` });
      continue;
    }
    const parsed = packSchema.safeParse(loc.value);
    if (!parsed.success) {
      zodIssues(loc, parsed.error, null, issues);
      continue;
    }
    // Term lists may use other lists of the same pack (@name), resolved once here.
    const rawTerms = parsed.data.terms ?? {};
    const resolved: Record<string, string[]> = {};
    const resolve = (name: string, stack: string[]): string[] => {
      if (resolved[name]) return resolved[name];
      const list = rawTerms[name] ?? [];
      const out: string[] = [];
      // Stops one past LIMITS.terms, so nested @references cannot multiply into millions of terms.
      for (let i = 0; i < list.length && out.length <= LIMITS.terms; i++) {
        const t = list[i]!;
        if (!t.startsWith("@")) {
          out.push(t);
          continue;
        }
        const ref = t.slice(1);
        if (!rawTerms[ref] || stack.includes(ref)) {
          issues.push({
            file: f.path,
            ...loc.at(["terms", name, i]),
            rule: null,
            key: `terms.${name}.${i}`,
            message: rawTerms[ref] ? `circular term list reference @${ref}` : `no term list "@${ref}" in this pack`,
          });
          continue;
        }
        for (const term of resolve(ref, [...stack, ref])) if (out.push(term) > LIMITS.terms) break;
      }
      return (resolved[name] = out);
    };
    for (const name of Object.keys(rawTerms)) {
      if (resolve(name, [name]).length > LIMITS.terms) {
        issues.push({
          file: f.path,
          ...loc.at(["terms", name]),
          rule: null,
          key: `terms.${name}`,
          message: `more than ${LIMITS.terms} terms once @references are expanded; a list holds at most ${LIMITS.terms}`,
        });
      }
    }
    const anchors = parsed.data.anchors
      ? parsed.data.anchors.flatMap((t) => (t.startsWith("@") ? (resolved[t.slice(1)] ?? []) : [t]))
      : null;
    packs.set(dirOf(f.path), {
      terms: resolved,
      anchors,
      examplesAsOf: parsed.data.examples_as_of ?? null,
      canonical: canonicalJson(parsed.data),
    });
  }
  return packs;
}

/** The pack of the nearest folder at or above `path`. */
export function packFor(packs: Map<string, PackInfo>, path: string): PackInfo | undefined {
  for (let d = dirOf(path); ; d = dirOf(d)) {
    const p = packs.get(d);
    if (p || d === "") return p;
  }
}
