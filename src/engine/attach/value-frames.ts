// Frames around a value or its predicate that make it no event's fact: a capacity ("built to hold
// about 15,000") and an event kept from happening ("barred his deportation").
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";

const CAPACITY = phrasesOf("capacityLeads");

/** Does a capacity phrase end right before the value, two qualifier words at most between ("built to hold about", "capacity of up to")? */
export function capacityBefore(ctx: ArticleContext, start: number): boolean {
  const v = ctx.tokenAt(start);
  for (let skip = 0; skip <= 2; skip++) {
    const end = v - skip; // the phrase ends at token end - 1
    for (let k = v - 1; k >= end; k--) {
      const t = ctx.tokens[k];
      if (!t || t.kind !== "word" || LANG.articles.has(t.text)) return false;
    }
    for (const p of CAPACITY) {
      const from = end - p.length;
      if (from >= 0 && p.every((w, n) => ctx.tokens[from + n]!.text === w)) return true;
    }
  }
  return false;
}

/**
 * Is the predicate the object of a verb that kept it from happening, only articles, possessives
 * and links between ("had barred his deportation", "blocked them from being deported", "impidió
 * que fueran deportados")? Not "the plane stopped in Honduras before landing".
 */
export function prevented(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = ctx.tokens[k]!.text;
    if (LANG.preventionVerbs.has(t)) return true;
    if (!LANG.articles.has(t) && !LANG.possessiveDeterminers.has(t) && !LANG.preventionLinks.has(t)) return false;
  }
  return false;
}
