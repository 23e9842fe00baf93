// Predicates a value can bind to: the packs' event terms, the language tables' generic predicates
// (said, ruled, offered …) and past tenses guessed from their written endings.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG, VERB_SUFFIXES } from "../lang";
import { foldText } from "../text/fold";
import { firstStartingAt } from "../search";
import type { Clause } from "./clauses";

export interface Predicate {
  start: number;
  end: number;
}

/** A lower-case present participle after a comma opens a participial clause (", promising …", ", dejando …"). */
export function isParticiple(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.kind !== "word" || t.text.length < 6) return false;
  const c = ctx.text.charCodeAt(t.start);
  if (c >= 65 && c <= 90) return false;
  for (const suffix of LANG.participleSuffixes) if (t.text.endsWith(suffix)) return true;
  return false;
}

/** Is the token a predicate by the language tables: a generic verb, or a lower-case past tense? */
/** Each verb suffix's last code unit once folded ("ó" → "o"): a cheap first test. */
const FOLDED_LAST = new Map(VERB_SUFFIXES.map((s) => [s, foldText(s).charCodeAt(s.length - 1)]));

export function isGenericPredicate(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind !== "word") return false;
  if (LANG.predicates.has(t.text)) return true; // listed: a predicate even capitalised ("Updated April 3")
  if (t.text.length < 5 || LANG.notVerbs.has(t.text)) return false;
  const c = ctx.text.charCodeAt(t.start);
  if (c >= 65 && c <= 90) return false; // Capitalised: a name ("United", "Alfredo")
  // Compare on the written word (folding turns "-ó" into "-o"), but only when the folded word
  // could end so: most words are rejected without slicing the text.
  for (const suffix of VERB_SUFFIXES) {
    if (t.text.charCodeAt(t.text.length - 1) !== FOLDED_LAST.get(suffix)) continue;
    if (ctx.text.slice(t.end - suffix.length, t.end).toLowerCase() === suffix) return true;
  }
  return false;
}

export function nearestPredicate(
  ctx: ArticleContext,
  c: Clause,
  start: number,
  end: number,
  eventHits: readonly Hit[][],
): Predicate | null {
  const w = windowAround(ctx, c, start, end);
  let best: Predicate | null = null;
  let bestDist = Infinity;
  const consider = (p: Predicate) => {
    if (p.start < end && p.end > start) return; // the value itself ("released 252" is not a predicate of 252)
    const d = p.end <= start ? ctx.wordsBetween(p.end, start) : ctx.wordsBetween(end, p.start);
    if (d < bestDist || (d === bestDist && best !== null && p.start < best.start)) {
      best = p;
      bestDist = d;
    }
  };
  for (const hits of eventHits) {
    for (let k = firstStartingAt(hits, w.start); k < hits.length && hits[k]!.start < w.end; k++) consider(hits[k]!);
  }
  // Another event's noun competes too: "the transfer agreed during his visit in February" dates the visit.
  for (let i = w.from; i < w.to; i++) if (isGenericPredicate(ctx, i) || LANG.eventNouns.has(ctx.tokens[i]!.text)) consider(ctx.tokens[i]!);
  return best;
}

/** How far from a value its predicate may sit, in tokens: keeps a run-on sentence linear. */
export const REACH = 24;

/** The part of clause `c` within REACH tokens of [start, end). */
export function windowAround(ctx: ArticleContext, c: Clause, start: number, end: number): Clause {
  const from = Math.max(c.from, ctx.tokenAt(start) - REACH);
  const to = Math.min(c.to, ctx.tokenAt(end) + REACH);
  if (to <= from) return { start: c.start, end: c.start, from, to: from, endsWithColon: false }; // nothing of c is within reach
  return { start: ctx.tokens[from]!.start, end: ctx.tokens[to - 1]!.end, from, to, endsWithColon: c.endsWithColon };
}
