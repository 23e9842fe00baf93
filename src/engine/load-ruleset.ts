// Loads rule files (YAML text in, never the file system): parse with positions, validate
// strictly, expand @pack-terms, compile every rule's terms into ONE phrase matcher, and hash.
// Any problem → RuleFileError carrying every located issue; a ruleset with issues never runs.
import { canonicalJson, sha256Hex } from "./hash";
import { RuleCompileError, type CompiledRule, type KindModule, type RuleDef } from "./kind-api";
import { KINDS } from "./kinds";
import { assertNoRegex } from "./kinds/shared";
import { baseOf, expandRefs, isPack, loadPacks, packFor, type PackInfo } from "./load-pack";
import { Located, RuleFileError, toPath, yamlPos, zodIssues } from "./rule-file-errors";
import { ruleSchema } from "./rule-schema";
import { compilePhrases, countryPhraseEntries, foldTerm, phraseSteps, type PhraseMatcher } from "./text-adapter";
import { LIMITS, sizeIssues } from "./rule-limits";
import type { RuleFileIssue, RuleSummary, Ruleset } from "./types";

/**
 * A rule file: YAML `text` (the CLI, tests, lint: errors carry line and column), or `data`
 * already parsed from that YAML (the Worker's build-time bundle: no YAML parsing at run time,
 * errors still name file, rule and key).
 */
export type RuleFile = {
  /** Path relative to the rules root, with forward slashes ("cecot/cecot.country.yaml"). */
  path: string;
} & ({ text: string } | { data: unknown });

export interface LoadedRule {
  def: RuleDef;
  summary: RuleSummary;
  kind: KindModule;
  compiled: CompiledRule;
  /** Every term set the rule registered while compiling (checkArticle's trigger for phrase rules). */
  termSets: number[];
  examplesAsOf: string | null;
}

export interface CompiledRuleset {
  rules: LoadedRule[];
  byId: Map<string, LoadedRule>;
  /**
   * Every rule term, then the gazetteer's country phrases (from entry `countryBase` on), in ONE
   * matcher: an article is scanned once for both. Compiled on first use (the first check), so
   * loading a ruleset does not pay for it.
   */
  readonly matcher: PhraseMatcher;
  /** Matcher entries from this index on are the gazetteer's (countryPhraseEntries()). */
  countryBase: number;
  /** Every rule term phrase, by matcher entry index (benchmarks compare against a bare scan of them). */
  phrases: readonly string[];
  /** Phrase (matcher entry index) → the term sets it belongs to. */
  phraseSets: number[][];
  setCount: number;
  /** Term sets declared as event predicates (attach.ts binds values to the nearest one). */
  predicateSets: number[];
  /** The version these rule hashes (in id order) have with this ruleset's packs. */
  versionFor(ruleHashes: readonly string[]): string;
}

/**
 * Rule-set size limits (README, "Rule-set limits"), so memory and time stay bounded on any rule
 * set. The Worker compiles its ruleset at isolate startup: 10,000 rules load from pre-parsed data
 * in ~0.5–0.8 s (npm run bench), inside Workers' startup budget. The matcher's work per word of
 * text grows with the longest phrase, not with the number of phrases.
 */
export const RULESET_LIMITS = { rules: 10_000, phraseWords: 12, phrases: 100_000 } as const;

export const COMPILED: unique symbol = Symbol("accuracy-harness.compiled");
export type LoadedRuleset = Ruleset & { [COMPILED]: CompiledRuleset };

export function compiledOf(ruleset: Ruleset): CompiledRuleset {
  const c = (ruleset as Partial<LoadedRuleset>)[COMPILED];
  if (!c) throw new Error("not a ruleset returned by loadRuleset()");
  return c;
}

/** Validate and compile rule files. Throws RuleFileError with every located issue. */
export function loadRuleset(files: RuleFile[]): LoadedRuleset {
  const issues: RuleFileIssue[] = sizeIssues(files);
  if (issues.length) throw new RuleFileError(issues);
  const packs = loadPacks(files, issues);

  // Pass 1: parse + validate every rule file.
  const budget = { left: LIMITS.totalTerms };
  const valid: Array<{ file: RuleFile; loc: Located; def: RuleDef; pack?: PackInfo }> = [];
  for (const f of [...files].filter((f) => !isPack(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    const loc = new Located(f.path, f);
    if (loc.errors.length) {
      for (const e of loc.errors)
        issues.push({
          file: f.path,
          ...yamlPos(loc, e.pos[0]),
          rule: null,
          key: null,
          message: `YAML syntax: ${e.message.split("\n")[0]}`,
        });
      continue;
    }
    const raw = loc.value;
    const ruleId =
      raw && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? ((raw as { id: string }).id as string) : null;
    if (!raw || typeof raw !== "object" || Array.isArray(raw)) {
      issues.push({
        file: f.path,
        line: 1,
        column: 1,
        rule: null,
        key: null,
        message: "a rule file holds one rule: a mapping with id, claim, kind, severity, sources, examples",
      });
      continue;
    }
    const parsed = ruleSchema.safeParse(raw);
    if (!parsed.success) {
      zodIssues(loc, parsed.error, ruleId, issues);
      continue;
    }
    const def = parsed.data as unknown as RuleDef;
    const stem = baseOf(f.path).replace(/\.ya?ml$/, "");
    if (stem !== def.id) {
      issues.push({
        file: f.path,
        ...loc.at(["id"]),
        rule: def.id,
        key: "id",
        message: `the file name must be the rule id: rename the file to ${def.id}.yaml or change the id to "${stem}"`,
      });
      continue;
    }
    const pack = packFor(packs, f.path);
    let missing = false;
    const expanded = expandRefs(
      def,
      pack?.terms ?? {},
      [],
      (path, name) => {
        missing = true;
        issues.push({
          file: f.path,
          ...loc.at(path),
          rule: def.id,
          key: path.join("."),
          message: `no term list "@${name}" in ${pack ? "the pack's pack.yaml" : "a pack.yaml (there is none for this folder)"}`,
        });
      },
      budget,
    ) as RuleDef;
    if (budget.left < 0) {
      issues.push({
        file: f.path,
        line: 1,
        column: 1,
        rule: def.id,
        key: null,
        message: `the ruleset holds more than ${LIMITS.totalTerms} terms once @references are expanded; this rule goes past it`,
      });
      break;
    }
    if (missing) continue;
    valid.push({ file: f, loc, def: expanded, pack });
  }

  // Duplicate ids: report every later file.
  const firstFile = new Map<string, string>();
  const unique: typeof valid = [];
  for (const v of valid) {
    const prev = firstFile.get(v.def.id);
    if (prev) {
      issues.push({
        file: v.file.path,
        ...v.loc.at(["id"]),
        rule: v.def.id,
        key: "id",
        message: `duplicate rule id: also defined in ${prev}`,
      });
      continue;
    }
    firstFile.set(v.def.id, v.file.path);
    unique.push(v);
  }

  if (unique.length > RULESET_LIMITS.rules) {
    throw new RuleFileError([
      {
        file: "(ruleset)",
        line: null,
        column: null,
        rule: null,
        key: null,
        message: `${unique.length} rules: a ruleset holds at most ${RULESET_LIMITS.rules} (split the packs across deployments)`,
      },
    ]);
  }

  // Pass 2: compile (term registration into one shared matcher).
  const setKeys = new Map<string, number>();
  const phraseIndex = new Map<string, number>();
  const phrases: string[] = [];
  const phraseSets: number[][] = [];
  let setCount = 0;
  const ruleIds = new Set(unique.map((v) => v.def.id));
  const validPhrases = new Map<string, string>();
  const loaded: LoadedRule[] = [];
  // Registers a term list in the shared matcher (validated and folded once); returns its set id.
  const registerTerms = (list: readonly string[], key: string): number => {
    const folded: string[] = [];
    list.forEach((p, i) => {
      // Pack term lists are expanded into many rules: validate and fold each phrase once.
      let f = validPhrases.get(p);
      if (f === undefined) {
        assertNoRegex(p, `${key}.${i}`);
        let words: number;
        try {
          words = phraseSteps(p).length;
        } catch (e) {
          throw new RuleCompileError(`${key}.${i}`, (e as Error).message);
        }
        if (words > RULESET_LIMITS.phraseWords) {
          throw new RuleCompileError(
            `${key}.${i}`,
            `phrase has ${words} words: at most ${RULESET_LIMITS.phraseWords} (the matcher's work per word of text grows with the longest phrase)`,
          );
        }
        f = foldTerm(p);
        validPhrases.set(p, f);
      }
      folded.push(f);
    });
    const uniq = [...new Set(folded)].sort();
    const k = uniq.join("\u0000");
    let id = setKeys.get(k);
    if (id !== undefined) return id;
    id = setCount++;
    setKeys.set(k, id);
    for (const p of uniq) {
      let pi = phraseIndex.get(p);
      if (pi === undefined) {
        pi = phrases.length;
        phraseIndex.set(p, pi);
        phrases.push(p);
        phraseSets.push([]);
      }
      phraseSets[pi]!.push(id);
    }
    return id;
  };
  const predicateSets = new Set<number>();
  for (const v of unique) {
    const kind = KINDS.get(v.def.kind)!;
    const termSets: number[] = [];
    const tools = {
      ruleIds,
      predicate(set: number) {
        predicateSets.add(set);
      },
      terms(list: readonly string[], key: string): number {
        const id = registerTerms(list, key);
        termSets.push(id);
        return id;
      },
    };
    let compiled: CompiledRule;
    try {
      compiled = kind.compile(v.def, tools);
      // A pack's rules run only on articles about its story.
      if (v.pack?.anchors?.length) compiled.anchor = tools.terms(v.pack.anchors, "anchors");
    } catch (e) {
      if (e instanceof RuleCompileError) {
        issues.push({ file: v.file.path, ...v.loc.at(toPath(e.key)), rule: v.def.id, key: e.key, message: e.message });
        continue;
      }
      throw e;
    }
    const hash = sha256Hex(canonicalJson(v.def)).slice(0, 12);
    loaded.push({
      def: v.def,
      kind,
      compiled,
      termSets,
      examplesAsOf: v.pack?.examplesAsOf ?? null,
      summary: {
        id: v.def.id,
        claim: v.def.claim,
        kind: v.def.kind,
        severity: v.def.severity,
        sources: v.def.sources,
        tags: v.def.tags ?? [],
        valid_from: v.def.valid_from ?? null,
        valid_until: v.def.valid_until ?? null,
        hash,
        file: v.file.path,
      },
    });
  }

  if (phrases.length > RULESET_LIMITS.phrases) {
    issues.push({
      file: "(ruleset)",
      line: null,
      column: null,
      rule: null,
      key: null,
      message: `${phrases.length} distinct phrases: a ruleset holds at most ${RULESET_LIMITS.phrases}`,
    });
  }
  if (issues.length) throw new RuleFileError(issues);

  loaded.sort((a, b) => (a.def.id < b.def.id ? -1 : 1));
  const packList = [...packs.entries()].sort().map(([d, p]) => [d, p.canonical]);
  const versionFor = (ruleHashes: readonly string[]) => sha256Hex(canonicalJson({ rules: ruleHashes, packs: packList })).slice(0, 16);
  const version = versionFor(loaded.map((r) => r.summary.hash));
  let matcher: PhraseMatcher | undefined;
  const compiled: CompiledRuleset = {
    rules: loaded,
    byId: new Map(loaded.map((r) => [r.def.id, r])),
    get matcher() {
      // Phrases were validated above (phraseSteps), so compiling cannot throw.
      return (matcher ??= compilePhrases([...phrases.map((phrase, i) => ({ id: String(i), phrase })), ...countryPhraseEntries()]));
    },
    countryBase: phrases.length,
    phrases,
    phraseSets,
    setCount,
    predicateSets: [...predicateSets].sort((a, b) => a - b),
    versionFor,
  };
  const ruleset = { version, rules: loaded.map((r) => r.summary) } as LoadedRuleset;
  Object.defineProperty(ruleset, COMPILED, { value: compiled, enumerable: false });
  return ruleset;
}
