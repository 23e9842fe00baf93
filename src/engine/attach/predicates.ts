// Predicates a value can bind to: the packs' event terms, the language tables' generic predicates
// (said, ruled, offered …) and past tenses guessed from their written endings.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG, VERB_SUFFIXES } from "../lang";
import { foldText } from "../text/fold";
import { firstStartingAt } from "../search";
import type { Clause } from "./clauses";
import type { Token } from "../text/tokens";

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

/** Each verb suffix with its last code unit once folded ("ó" → "o"): a cheap first test. */
const SUFFIXES: ReadonlyArray<readonly [string, number]> = VERB_SUFFIXES.map((s) => [s, foldText(s).charCodeAt(s.length - 1)] as const);

/**
 * Does the token end, as written, with a verb suffix of the language tables? Compared on the
 * written word: folding turns the Spanish preterite "-ó" into "-o", and every noun ending in "o"
 * ("partido", "ministro") would read as a verb. Only a suffix the folded word could end with is
 * compared, code unit by code unit (no slice per word).
 */
export function hasVerbEnding(ctx: ArticleContext, t: Token): boolean {
  const last = t.text.charCodeAt(t.text.length - 1);
  for (const [suffix, foldedLast] of SUFFIXES) {
    if (last !== foldedLast || t.end - t.start < suffix.length) continue;
    let k = 0;
    for (const at = t.end - suffix.length; k < suffix.length; k++) {
      const written = ctx.text.charCodeAt(at + k);
      const want = suffix.charCodeAt(k);
      if (written !== want && String.fromCharCode(written).toLowerCase() !== suffix[k]) break;
    }
    if (k === suffix.length) return true;
  }
  return false;
}

/** Is the token a predicate by the language tables: a generic verb, or a lower-case past tense? */
export function isGenericPredicate(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind !== "word") return false;
  if (LANG.predicates.has(t.text)) return true; // listed: a predicate even capitalised ("Updated April 3")
  if (t.text.length < 5 || LANG.notVerbs.has(t.text)) return false;
  const c = ctx.text.charCodeAt(t.start);
  if (c >= 65 && c <= 90) return false; // Capitalised: a name ("United", "Alfredo")
  return hasVerbEnding(ctx, t);
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
  // Nearest by words between; on a tie the earlier one. The value itself is no predicate of itself
  // ("released 252" is not a predicate of 252). A loop, not a closure: this runs per value and rule.
  for (const hits of eventHits) {
    for (let k = firstStartingAt(hits, w.start); k < hits.length && hits[k]!.start < w.end; k++) {
      const p = hits[k]!;
      if (p.start < end && p.end > start) continue;
      const d = p.end <= start ? ctx.wordsBetween(p.end, start) : ctx.wordsBetween(end, p.start);
      // The filters only after the distance: most hits are farther than the best so far.
      if (!(d < bestDist || (d === bestDist && best !== null && p.start < best.start))) continue;
      if ((p.start >= end && coordinatedAfter(ctx, end, p.start)) || namesPeople(ctx, p.start) || periphrasis(ctx, p.end)) continue;
      best = p;
      bestDist = d;
    }
  }
  // Another event's noun competes too: "the transfer agreed during his visit in February" dates the visit.
  for (let i = w.from; i < w.to; i++) {
    if (!isGenericPredicate(ctx, i) && !LANG.eventNouns.has(ctx.tokens[i]!.text) && !possessedStatement(ctx, i)) continue;
    const p = ctx.tokens[i]!;
    if ((p.start < end && p.end > start) || (p.start >= end && coordinatedAfter(ctx, end, p.start))) continue;
    const d = p.end <= start ? ctx.wordsBetween(p.end, start) : ctx.wordsBetween(end, p.start);
    if (d < bestDist || (d === bestDist && best !== null && p.start < best.start)) {
      best = p;
      bestDist = d;
    }
  }
  return best;
}

/**
 * "Boasberg's order that the men …", "the court's finding that …": a possessed lower-case noun
 * before a "that" clause states something of its own (a ruling, a finding) — an event a date beside
 * it dates, not the one in its clause.
 */
function possessedStatement(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const apostrophe = ctx.tokens[i - 2]?.text;
  if (t.kind !== "word" || !LANG.possessiveSuffixes.has(ctx.tokens[i - 1]?.text ?? "") || (apostrophe !== "'" && apostrophe !== "’"))
    return false;
  const c = ctx.text.charCodeAt(t.start);
  return !(c >= 65 && c <= 90) && LANG.relativePronouns.has(ctx.tokens[i + 1]?.text ?? "") && !isGenericPredicate(ctx, i);
}

/**
 * "los repatriados pasan controles", "un grupo de deportados aborda un avión", "acuerdos de
 * recepción de deportados": a plural participle after a definite article, or after a noun and
 * "de"/"of", names the people, not their event.
 */
export function namesPeople(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  const word = ctx.tokens[i]!.text;
  const prev = ctx.tokens[i - 1]?.text ?? "";
  const ofNoun = LANG.partitiveOf.has(prev) && nounAt(ctx, i - 2);
  if (!LANG.definiteArticles.has(prev) && !ofNoun) return false;
  for (const suffix of LANG.nominalParticipleSuffixes) if (word.endsWith(suffix) && word.length > suffix.length + 2) return true;
  return false;
}

/** "llegaron a estar en el Cecot": a link and an infinitive after the predicate make it an auxiliary ("came to be"), not the event. */
export function periphrasis(ctx: ArticleContext, pEnd: number): boolean {
  const i = ctx.tokenAt(pEnd);
  // The link may end the event's own term ("llegaron a" | "estar") or follow it.
  const k = LANG.periphrasisLinks.has(ctx.tokens[i - 1]?.text ?? "")
    ? i
    : LANG.periphrasisLinks.has(ctx.tokens[i]?.text ?? "")
      ? i + 1
      : -1;
  if (k < 0) return false;
  const v = ctx.tokens[k];
  if (!v || v.kind !== "word" || v.text.length < 4) return false;
  const c = ctx.text.charCodeAt(v.start);
  if (c >= 65 && c <= 90) return false; // "a Caracas"
  for (const ending of LANG.infinitiveEndings) if (v.text.endsWith(ending)) return true;
  return false;
}

/** A group's noun, or a lower-case word that is no verb ("recepción", "vuelo"; not "ser", "acusados"). */
function nounAt(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.kind !== "word") return false;
  if (LANG.groupNouns.has(t.text)) return true;
  const c = ctx.text.charCodeAt(t.start);
  return !(c >= 65 && c <= 90) && !LANG.auxiliaries.has(t.text) && !isGenericPredicate(ctx, i) && !hasVerbEnding(ctx, t);
}

/** "in March and April 2025, and their subsequent repatriation": a comma and a coordinator after a value start another event, not its own. */
function coordinatedAfter(ctx: ArticleContext, end: number, pStart: number): boolean {
  for (let i = ctx.tokenAt(end); i < ctx.tokens.length && ctx.tokens[i]!.start < pStart; i++) {
    // "put on planes on Thursday, July 17, and flown home": a predicate right after the coordinator
    // shares the subject and the time; a noun phrase after it is another event.
    if (ctx.tokens[i]!.text === "," && LANG.coordinators.has(ctx.tokens[i + 1]?.text ?? "") && ctx.tokens[i + 2]?.start !== pStart)
      return true;
    // "arrested … in February and was among the men flown to …": a coordinator and an auxiliary open
    // another predicate with its own time, comma or not.
    if (
      LANG.coordinators.has(ctx.tokens[i]!.text) &&
      LANG.auxiliaries.has(ctx.tokens[i + 1]?.text ?? "") &&
      ctx.tokens[i + 1]!.start < pStart &&
      ctx.tokens[i + 2]?.start !== pStart
    )
      return true;
  }
  return false;
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

/** Contracted negations of the language tables split at the apostrophe ("n't" → ["n", "t"]): the tokenizer cuts "weren't" into "weren", "'", "t". */
const CONTRACTED_NEGATIONS: ReadonlyArray<readonly [string, string]> = [...LANG.negations]
  .filter((w) => w.includes("'"))
  .map((w) => [w.slice(0, w.indexOf("'")), w.slice(w.indexOf("'") + 1)] as const);

/** Is token k a negation: a listed word, or the tail of a contraction ("weren't", "didn’t")? */
export function isNegationAt(ctx: ArticleContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t) return false;
  if (LANG.negations.has(t.text)) return true;
  const mark = ctx.tokens[k - 1];
  const word = ctx.tokens[k - 2];
  if (!mark || !word || mark.start !== word.end || t.start !== mark.end || (mark.text !== "'" && mark.text !== "’")) return false;
  return CONTRACTED_NEGATIONS.some(([head, tail]) => t.text === tail && word.text.endsWith(head));
}

/** Is any token of [from, to) in the word set? */
export function anyWordIn(ctx: ArticleContext, words: Set<string>, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) if (words.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** Is the predicate at `start` denied ("were not released", "no fueron liberados")? A negation within three words before it. */
export function negated(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (isNegationAt(ctx, k)) return true;
  }
  return false;
}
