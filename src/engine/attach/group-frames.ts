// Whose event a bound predicate is, read around it: a participle describing the group's noun, a
// place every member shared the event at, a reduced relative clause on the group's noun, a
// when-clause about one person.
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { firstEndingAfter, firstStartingAt } from "../search";
import { isUpperAt } from "../text-adapter";
import { clauseAt, type Clause } from "./clauses";
import type { CompiledEvent } from "./event";

/** Is the predicate a word right before a hit of the group's nouns, with no auxiliary before it ("transferred individuals")? */
export function adjectival(ctx: ArticleContext, groupSet: number, p: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(p.start);
  const next = ctx.tokens[ctx.tokenAt(p.end)];
  if (!next || next.start - p.end > 1 || LANG.auxiliaries.has(ctx.tokens[i - 1]?.text ?? "")) return false;
  // "Relatives of a deported man": after an article, a participle before a person noun describes him.
  if (LANG.personNouns.has(next.text) && LANG.articles.has(ctx.tokens[i - 1]?.text ?? "")) return true;
  const hits = ctx.hits(groupSet);
  const h = hits[firstStartingAt(hits, next.start)];
  return !!h && h.start === next.start;
}

/**
 * Does the predicate's own clause put the event at a place every member of the group shared it at,
 * after a locative ("he spent six months in CECOT", "pasó seis meses en el CECOT")? Not a place in
 * another clause ("I spent two weeks in Maracay talking to men who were deported to CECOT").
 */
export function sharedPlaceIn(
  ctx: ArticleContext,
  g: NonNullable<CompiledEvent["group"]>,
  predicate: { start: number; end: number },
): boolean {
  if (g.sharedAt === null) return false;
  const c = clauseAt(ctx, predicate.start);
  const hits = ctx.hits(g.sharedAt);
  for (let k = firstStartingAt(hits, c.start); k < hits.length && hits[k]!.start < c.end; k++) {
    let i = ctx.tokenAt(hits[k]!.start) - 1;
    if (LANG.definiteArticles.has(ctx.tokens[i]?.text ?? "") || LANG.articles.has(ctx.tokens[i]?.text ?? "")) i--;
    if (LANG.locatives.has(ctx.tokens[i]?.text ?? "")) return true;
  }
  return false;
}

/**
 * Is the predicate at `start` in a reduced relative clause on the group's noun ("the Venezuelan men
 * | the U.S. had sent …"): before it, auxiliaries, a short subject (an article, capitalised words)
 * and, before that and after the value, a hit of the group's nouns?
 */
export function reducedRelativeOn(ctx: ArticleContext, groupSet: number, start: number, end: number): boolean {
  let i = ctx.tokenAt(start) - 1;
  let pluperfect = false;
  for (; i >= 0; i--) {
    const w = ctx.tokens[i]!.text;
    if (LANG.pluperfectAuxiliaries.has(w)) pluperfect = true;
    else if (!LANG.auxiliaries.has(w) && !LANG.participleAuxiliaries.has(w)) break;
  }
  let n = 0;
  // "238 Venezuelan men | who had been sent …": a relative pronoun and a pluperfect say the same of an earlier event.
  if (pluperfect && i > 0 && LANG.relativePronouns.has(ctx.tokens[i]!.text)) {
    i--;
    n = 1;
  }
  for (; i >= 0 && n < 6; i--, n++) {
    const t = ctx.tokens[i]!;
    const capital = t.kind === "word" && isUpperAt(ctx.text, t.start);
    if (!capital && t.text !== "." && !LANG.articles.has(t.text) && !LANG.definiteArticles.has(t.text)) break;
  }
  const noun = ctx.tokens[i];
  if (n === 0 || !noun || noun.start < end) return false;
  const hits = ctx.hits(groupSet);
  const h = hits[firstEndingAfter(hits, noun.end - 1)];
  return !!h && h.end === noun.end;
}

/** Does a when-clause (right after a date) open on a singular pronoun ("…, when he was brought back")? */
export function singularWhen(ctx: ArticleContext, when: Clause | null): boolean {
  return !!when && LANG.singularPronouns.has(ctx.tokens[when.from + 1]?.text ?? "");
}

const SINGULAR_RELATIVES = phrasesOf("singularRelatives");

/** Does the predicate's clause open on a relative that makes its antecedent one person ("an attorney who has spent eleven years …", "quien pasó …")? */
export function singularRelative(ctx: ArticleContext, predicateStart: number): boolean {
  let from = clauseAt(ctx, predicateStart).from;
  // "who | has spent": an auxiliary right after the pronoun opens the clause.
  if (LANG.auxiliaries.has(ctx.tokens[from]?.text ?? "") && LANG.relativePronouns.has(ctx.tokens[from - 1]?.text ?? "")) from--;
  const first = ctx.tokens[from];
  // As written, not folded: "quién" with its accent asks, it relates nothing.
  if (!first || ctx.text.slice(first.start, first.end).toLowerCase() !== first.text) return false;
  return SINGULAR_RELATIVES.some((p) => p.every((w, n) => ctx.tokens[from + n]?.text === w));
}
