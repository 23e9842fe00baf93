// What a rule kind is: option schema + compile + check. Kinds see the article only through
// ArticleContext (prepared once per article) and report Findings, never verdicts: turning
// findings into a status, evidence and a score is the engine's job (check-article.ts, score.ts).
import type { z } from "zod";
import type { NumberMention, DateMention, CountryMention, Sentence, QuoteSpan } from "./text-adapter";
import type { Token } from "./text/tokens";
import type { VerdictStatus } from "./types";

/** A rule after validation, `@term` references expanded. Kind options are flat on the rule. */
export interface RuleDef {
  id: string;
  claim: string;
  kind: string;
  severity: "critical" | "major" | "minor";
  sources: string[];
  valid_from?: string | null;
  valid_until?: string | null;
  tags?: string[];
  examples: RuleExample[];
  note?: string;
  [option: string]: unknown;
}

export interface RuleExample {
  text: string;
  expect: VerdictStatus;
  published_at?: string;
  /** For fail examples: a value that must be among the failing evidence's `found`. */
  found?: string;
  /** An exact span that must be among the evidence quotes. */
  quote?: string;
  note?: string;
}

/** One judged mention: a span of the article and what it says about the rule's fact. */
export interface Finding {
  start: number;
  end: number;
  status: "pass" | "fail" | "review";
  found: string | null;
  expected: string | null;
  replacements: string[];
  message?: string;
  /** True when `found` is a precise value (an exact count, a full name), for consistency checks. */
  exact?: boolean;
}

/** Registers the phrases a rule needs in the ruleset-wide matcher; returns a term-set id. */
export interface CompileTools {
  terms(phrases: readonly string[], key: string): number;
  /** Declares a term set as event predicates: every rule's values may bind to them (attach.ts). */
  predicate(set: number): void;
  /** Ids of every rule in the ruleset (for cross-references). */
  ruleIds: ReadonlySet<string>;
}

export interface CompiledRule {
  /** Term sets that must ALL occur somewhere in the article for the rule to run at all. */
  requires: number[];
  /** The pack's anchor term set: the rule judges only articles that mention its story (set by the loader). */
  anchor?: number;
  /** Rule ids this rule reads findings from (consistency). */
  dependsOn?: string[];
  [key: string]: unknown;
}

export interface Hit {
  start: number;
  end: number;
  /** Index into ctx.sentences. */
  sentence: number;
}

export interface ArticleContext {
  text: string;
  folded: string;
  /** Judging date, YYYY-MM-DD. */
  asOf: string;
  /** True when the article carried a publication date (relative dates can be resolved). */
  dated: boolean;
  tokens: Token[];
  sentences: Sentence[];
  quotes: QuoteSpan[];
  sentenceAt(offset: number): number;
  /**
   * The offsets [from, to) whose sentenceAt is `sentence` (from the sentence's start to the next
   * one's; the first also takes what precedes it): find a sentence's mentions by binary search.
   */
  sentenceSpan(sentence: number): { from: number; to: number };
  /** Index of the first token starting at or after `offset`. */
  tokenAt(offset: number): number;
  /** Word tokens (not punctuation) starting in [from, to): O(log n), from a prefix count. */
  wordsBetween(from: number, to: number): number;
  numbers(): NumberMention[];
  dates(): DateMention[];
  countries(): CountryMention[];
  hits(set: number): Hit[];
  /** Hits of every term set some rule declared as event predicates. */
  predicateHits(): Hit[][];
  /** True when the set has a hit in the given sentence (or its paragraph / the article). */
  inScope(set: number, sentence: number, scope: Scope): boolean;
  /** Findings of another rule (memoised); used by consistency. */
  findingsOf(ruleId: string): Finding[];
  /**
   * Per-article results of layers built on demand (the clauses), each under its module's own
   * symbol. A field of the context rather than a WeakMap keyed by it: a WeakMap entry per article
   * is an ephemeron the garbage collector traces on every check.
   */
  memo: Map<symbol, unknown>;
}

export type Scope = "sentence" | "paragraph" | "article";

export interface KindMeta {
  name: string;
  description: string;
  /** The kind-specific keys, merged into the common rule fields (flat). */
  options: z.ZodObject;
  /** Statuses a rule of this kind can produce, and which its examples must cover (≥2 each). */
  verdicts: VerdictStatus[];
  /**
   * The kind's findings are hits of the rule's own term sets (phrase: the wordings it lists), so a
   * rule of it without required terms cannot apply unless one of its term sets occurs: checkArticle
   * runs it only then, instead of on every article.
   */
  runsOnAnyTerm?: boolean;
}

export interface KindModule {
  meta: KindMeta;
  compile(rule: RuleDef, tools: CompileTools): CompiledRule;
  check(ctx: ArticleContext, compiled: CompiledRule, rule: RuleDef): Finding[];
}

/** Thrown by compile for a problem in the rule's options; the loader locates `key`. */
export class RuleCompileError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = "RuleCompileError";
  }
}

/** A kind written with `defineKind`: its rule type is inferred from its option schema. */
export interface KindSpec<S extends z.ZodObject, C extends CompiledRule> {
  meta: Omit<KindMeta, "options"> & { options: S };
  compile(rule: RuleDef & z.infer<S>, tools: CompileTools): C;
  check(ctx: ArticleContext, compiled: C, rule: RuleDef & z.infer<S>): Finding[];
}

/**
 * Defines a kind typed from its zod option schema, so compile and check read their options
 * without casts. The loader validates every rule against `meta.options` before compile, and only
 * hands check what this kind's compile returned: that is what makes the narrowing below sound.
 * Old-style KindModule objects keep working; the registry takes both.
 */
export function defineKind<S extends z.ZodObject, C extends CompiledRule>(spec: KindSpec<S, C>): KindModule {
  type R = RuleDef & z.infer<S>;
  return {
    meta: spec.meta,
    compile: (rule, tools) => spec.compile(rule as R, tools),
    check: (ctx, compiled, rule) => spec.check(ctx, compiled as C, rule as R),
  };
}
