// Word classes the kinds ask about a token: is it a noun the term before it modifies ("the CECOT
// class", "238 Venezuelan men") or a function word or verb? Words from the language tables.
import { isGenericPredicate } from "../attach";
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { firstStartingAt } from "../search";

/** Function words and verbs: a word of these after the counted noun does not make it a modifier. */
const CLOSED_CLASSES = [
  LANG.phraseBreakers,
  LANG.relativePronouns,
  LANG.auxiliaries,
  LANG.coordinators,
  LANG.predicates,
  LANG.clauseOpeners,
  LANG.departureVerbs,
  LANG.boundaryPrepositions,
  LANG.destinationPrepositions,
  LANG.motionPrepositions,
  LANG.originPrepositions,
  LANG.modals,
  LANG.negations,
  LANG.additiveAfter,
];

/** Is the word one of the closed classes (a function word or a listed verb)? */
export function isClosedClass(word: string): boolean {
  return CLOSED_CLASSES.some((set) => set.has(word));
}

/** Does the folded word end like a manner adverb ("recently", "recientemente")? */
export function isAdverb(word: string): boolean {
  for (const suffix of LANG.adverbSuffixes) if (word.length > suffix.length + 2 && word.endsWith(suffix)) return true;
  return false;
}

/** Is the word at token i a noun the term before it modifies (not a verb, preposition, conjunction …)? */
export function modifiesNextWord(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const closed = CLOSED_CLASSES.some((set) => set.has(t.text));
  if (closed || isGenericPredicate(ctx, i) || isStatedPredicate(ctx, t.start)) return false;
  const c = ctx.text.charCodeAt(t.start);
  return !(c >= 65 && c <= 90) && t.text.length > 2 && !LANG.partitiveOf.has(t.text);
}

function isStatedPredicate(ctx: ArticleContext, start: number): boolean {
  for (const hits of ctx.predicateHits()) {
    const h = hits[firstStartingAt(hits, start)];
    if (h && h.start === start) return true;
  }
  return false;
}
