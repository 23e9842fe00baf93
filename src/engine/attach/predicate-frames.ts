// Frames read at the predicate a value is bound to, that make it no event that happened to the
// group: a plan ("promised mass deportations"), an order's object ("ordered … to facilitate his
// return"), a picture released, a later batch ("a second flight"), a denied value ("not 300 but 252").
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import type { Clause } from "./clauses";
import { hasVerbEnding, isGenericPredicate, isNegationAt, REACH } from "./predicates";
import { isUpperAt } from "../text-adapter";

/**
 * Where an order or demand in [from, to) starts, with no comma after it and an infinitive's "to" or a
 * "that"/"que" between it and `to` (what follows is what it asks for: "ordered the government to
 * facilitate his return", "ordenó que fueran liberados"), or -1. ("ordered the deportation in 2019"
 * and "ordered them deported" state the event.)
 */
export function orderedBefore(ctx: ArticleContext, from: number, to: number): number {
  const last = ctx.tokenAt(to) - 1;
  let linked = false;
  for (let i = last; i >= 0 && i > last - REACH && ctx.tokens[i]!.start >= from; i--) {
    const t = ctx.tokens[i]!;
    if (t.text === ",") return -1;
    if (LANG.directiveLinks.has(t.text)) linked = true;
    if (LANG.directives.has(t.text)) return linked ? t.start : -1;
  }
  return -1;
}

/** Do the tokens from i on start with a phrase of the set (up to four words)? */
export function phraseAt(ctx: ArticleContext, set: Set<string>, i: number): boolean {
  let phrase = "";
  for (let k = i; k < Math.min(i + 4, ctx.tokens.length); k++) {
    phrase = phrase ? `${phrase} ${ctx.tokens[k]!.text}` : ctx.tokens[k]!.text;
    if (set.has(phrase)) return true;
  }
  return false;
}

/** Does the clause name a later batch of the event ("a second group", "otro vuelo", "un grupo posterior")? */
export function laterBatchIn(ctx: ArticleContext, c: Clause): boolean {
  for (let i = ctx.tokenAt(c.start); i < ctx.tokens.length && ctx.tokens[i]!.start < c.end; i++) {
    if (!LANG.batchNouns.has(ctx.tokens[i]!.text)) continue;
    if (LANG.laterBatchBefore.has(ctx.tokens[i - 1]?.text ?? "") || LANG.laterBatchAfter.has(ctx.tokens[i + 1]?.text ?? "")) return true;
  }
  return false;
}

/** "promised mass deportations", "prometió liberar a los presos": an intent verb at most three words before the predicate makes it a plan. */
export function intentBefore(ctx: ArticleContext, start: number, value?: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(start);
  // The value itself between the verb and the predicate does not count ("llegó a proponer en abril un canje").
  const skip =
    value && value.end <= start && value.end >= ctx.tokens[Math.max(0, i - 4)]!.start
      ? ctx.tokenAt(value.end) - ctx.tokenAt(value.start) + 1
      : 0;
  for (let k = i - 1; k >= Math.max(0, i - 3 - skip); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (LANG.intentVerbs.has(t.text)) return true;
  }
  return false;
}

/** Is a media noun right before the predicate, an adjective or two aside ("handout photo released", "imágenes difundidas")? */
export function mediaBefore(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word") return false;
    if (LANG.mediaNouns.has(t.text)) return true;
  }
  return false;
}

/**
 * "held for a few months, not a year", "no 300 sino 252", "no evidence of any $60 million": the
 * value itself is denied (articles and denial fillers may stand between, and the value's own noun
 * with its "of"/"de": "no hay registro de un pago de 100 millones", "no record of a payment of …").
 */
export function valueDenied(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  let noun = false;
  for (let k = i - 1; k >= Math.max(0, i - 7); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (isNegationAt(ctx, k)) return true;
    if (LANG.articles.has(t.text) || LANG.denialFillers.has(t.text)) continue;
    // One lower-case noun before its "of"/"de" (not a verb: "no hubo retrasos en el pago de …" stops at "en").
    const of = ctx.tokens[k + 1]?.text ?? "";
    if (noun || t.kind !== "word" || !(LANG.genitives.has(of) || LANG.partitiveOf.has(of)) || isUpperAt(ctx.text, t.start)) return false;
    if (isGenericPredicate(ctx, k) || hasVerbEnding(ctx, t)) return false;
    noun = true;
  }
  return false;
}

const REFERENCE_TIME = phrasesOf("referenceTimeLeads");

/**
 * "Delcy Rodríguez, his vice president at the time of the swap, became …", "en vísperas del canje":
 * the event's word after a reference-time phrase (an article aside) places something else in time;
 * a date beside it is not the event's.
 */
export function referenceTimeBefore(ctx: ArticleContext, start: number): boolean {
  let i = ctx.tokenAt(start);
  const prev = ctx.tokens[i - 1]?.text ?? "";
  if (LANG.articles.has(prev) || LANG.definiteArticles.has(prev)) i--;
  return REFERENCE_TIME.some((p) => p.every((w, n) => ctx.tokens[i - p.length + n]?.text === w));
}

const CHARACTERIZATION = phrasesOf("characterizationLeads");

/** "presenta la caída de Maduro como una liberación", "described the trip as a deportation": the event's word names what something else is called. */
export function characterizedAs(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  return CHARACTERIZATION.some((p) => p.every((w, n) => ctx.tokens[i - p.length + n]?.text === w));
}

/**
 * "el programa de repatriación «México te abraza»", "the repatriation program": the event's word
 * names a programme's kind (before it in English, after its "de"/"of" in Spanish), not an occurrence.
 */
export function namesAProgram(ctx: ArticleContext, p: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(p.start);
  const of = ctx.tokens[i - 1]?.text ?? "";
  if ((LANG.genitives.has(of) || LANG.partitiveOf.has(of)) && LANG.programNouns.has(ctx.tokens[i - 2]?.text ?? "")) return true;
  const next = ctx.tokens[ctx.tokenAt(p.end)];
  return !!next && next.start - p.end <= 1 && LANG.programNouns.has(next.text);
}

/**
 * "The US has deported thousands of Venezuelans since January", "354 people released since the 2023
 * decision": a "since" after the event's predicate, its object aside and before any other predicate,
 * makes a count every occurrence's running total, not one occurrence's.
 */
export function runningTotal(ctx: ArticleContext, predicate: { end: number }, c: Clause): boolean {
  const i = ctx.tokenAt(predicate.end);
  for (let k = i; k < ctx.tokens.length && k < i + 8 && ctx.tokens[k]!.start < c.end; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct" || t.brk) return false;
    if (LANG.sinceWords.has(t.text)) return k + 1 < ctx.tokens.length && ctx.tokens[k + 1]!.kind !== "punct";
  }
  return false;
}
