// Option pieces several kinds share (term lists, context groups, "near" windows) and the
// helpers that evaluate them against a prepared article.
import { z } from "zod";
import { RuleCompileError, type ArticleContext, type CompileTools, type Scope } from "../kind-api";

/** Plain phrases (case- and accent-insensitive, whole words, optional trailing `*`) or `@pack-term` references. */
export const terms = z
  .array(z.string().min(1))
  .min(1)
  .describe("Plain phrases matched case- and accent-insensitively on word boundaries; a trailing * matches a word prefix (deport*); @name inserts the pack's term list `name`. Never regular expressions.");

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .describe("A calendar date, YYYY-MM-DD");

/** A date at year, month or day granularity. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
  .describe("YYYY, YYYY-MM or YYYY-MM-DD: the granularity the fact is known at");

export const scope = z.enum(["sentence", "paragraph", "article"]);

export const termGroup = z.strictObject({
  terms,
  scope: scope.optional().describe("Where the terms must (or must not) occur relative to the mention; default sentence"),
});

export const contextSchema = z
  .strictObject({
    all: z.array(termGroup).optional().describe("Every group must occur in its scope"),
    none: z.array(termGroup).optional().describe("No group may occur in its scope"),
  })
  .describe("Context terms that decide whether a mention is about this fact at all");

export const nearSchema = z
  .strictObject({
    terms,
    words: z.number().int().min(0).max(12).optional().describe("Max words between the value and the term; default 4"),
    side: z.enum(["after", "before", "either"]).optional().describe("Where the term sits relative to the value; default after"),
  })
  .describe("The value must sit within a few words of one of these terms (the counted noun, the event verb)");

export type TermGroupDef = z.infer<typeof termGroup>;
export type ContextDef = z.infer<typeof contextSchema>;
export type NearDef = z.infer<typeof nearSchema>;

export interface CompiledGroup {
  set: number;
  scope: Scope;
}
export interface CompiledContext {
  all: CompiledGroup[];
  none: CompiledGroup[];
}
export interface CompiledNear {
  set: number;
  words: number;
  side: "after" | "before" | "either";
}

export function compileContext(ctx: ContextDef | undefined, tools: CompileTools, key = "context"): CompiledContext {
  const group = (g: TermGroupDef, k: string): CompiledGroup => ({
    set: tools.terms(g.terms, `${k}.terms`),
    scope: g.scope ?? "sentence",
  });
  return {
    all: (ctx?.all ?? []).map((g, i) => group(g, `${key}.all.${i}`)),
    none: (ctx?.none ?? []).map((g, i) => group(g, `${key}.none.${i}`)),
  };
}

export function compileNear(near: NearDef | undefined, tools: CompileTools, key = "near"): CompiledNear | null {
  if (!near) return null;
  return { set: tools.terms(near.terms, `${key}.terms`), words: near.words ?? 4, side: near.side ?? "after" };
}

/** Does the sentence satisfy the context (all groups present, none of the excluded)? */
export function contextHolds(ctx: ArticleContext, c: CompiledContext, sentence: number): boolean {
  for (const g of c.all) if (!ctx.inScope(g.set, sentence, g.scope)) return false;
  for (const g of c.none) if (ctx.inScope(g.set, sentence, g.scope)) return false;
  return true;
}

/** Count word tokens strictly between two offsets (punctuation does not count). */
export function wordsBetween(ctx: ArticleContext, from: number, to: number): number {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.start >= to) break;
    if (t.kind !== "punct") n++;
  }
  return n;
}

/** Is a term of `near.set` within `near.words` words of the span [start, end), in the same sentence? */
export function nearHolds(ctx: ArticleContext, near: CompiledNear, start: number, end: number, sentence: number): boolean {
  for (const h of ctx.hits(near.set)) {
    if (h.sentence !== sentence) continue;
    if (near.side !== "before" && h.start >= end && wordsBetween(ctx, end, h.start) <= near.words) return true;
    if (near.side !== "after" && h.end <= start && wordsBetween(ctx, h.end, start) <= near.words) return true;
    if (h.start < end && h.end > start) return true;
  }
  return false;
}

/** Is the span directly preceded (ignoring spaces/punctuation) by a hit of `set`? */
export function precededBy(ctx: ArticleContext, set: number, start: number): boolean {
  for (const h of ctx.hits(set)) {
    if (h.end > start) break;
    if (h.end <= start && wordsBetween(ctx, h.end, start) === 0 && start - h.end <= 3) return true;
  }
  return false;
}

export function assertNoRegex(phrase: string, key: string): void {
  // Terms are data, never patterns: reject anything that looks like a regular expression so a
  // rule author cannot smuggle in catastrophic backtracking (and learns why the term fails).
  if (/[\\^$|?+{}[\]]/.test(phrase) || /\(.*[*+].*\)/.test(phrase) || /\*\S/.test(phrase) || /(^|\s)\*/.test(phrase)) {
    throw new RuleCompileError(
      key,
      `term ${JSON.stringify(phrase)} looks like a regular expression; terms are plain phrases (a trailing * on a word is the only wildcard) — list the variants as separate terms`,
    );
  }
}
