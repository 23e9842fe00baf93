// Whose event and which occurrence: a clause that counts another group or speaks of one person,
// and a value dated to another occurrence of a repeated event, are not the fact's.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG } from "../lang";
import { firstMentionAt, firstStartingAt } from "../search";
import { anyWordIn } from "./bind";
import { subjectClause, type Clause } from "./clauses";
import type { CompiledEvent } from "./event";
import { windowAround } from "./predicates";

/** Does the clause count people other than the event's group ("177 of them", "190 Venezuelans")? */
export function anotherGroup(ctx: ArticleContext, g: NonNullable<CompiledEvent["group"]>, c: Clause, start: number, end: number): boolean {
  const numbers = ctx.numbers();
  const hits = ctx.hits(g.set);
  for (let k = firstMentionAt(numbers, c.start); k < numbers.length && numbers[k]!.offset < c.end; k++) {
    const n = numbers[k]!;
    if (n.unit !== "count" || (n.offset < end && n.offset + n.length > start) || g.sizes.includes(n.value)) continue;
    const i = ctx.tokenAt(n.offset + n.length);
    const a = ctx.tokens[i];
    const b = ctx.tokens[i + 1];
    const countsPeople = (a && LANG.partitiveOf.has(a.text) && b && LANG.partitiveDeterminers.has(b.text)) || nextHitWithin(ctx, hits, n.offset + n.length, 2);
    if (countsPeople) return true;
  }
  return false;
}

/** Is the clause (or the one whose subject it shares) about one person ("he", "ella")? */
export function oneperson(ctx: ArticleContext, own: Clause, start: number, end: number): boolean {
  // Windowed: a run-on sentence must not make every value scan all of it.
  const c = windowAround(ctx, own, start, end);
  const subject = subjectClause(ctx, own);
  const s = windowAround(ctx, subject, subject.start, subject.start); // the subject sits at its start
  return anyWordIn(ctx, LANG.singularPronouns, s.start, s.end) || (s !== c && anyWordIn(ctx, LANG.singularPronouns, c.start, c.end));
}

/** Does a hit start within `words` words after offset? */
export function nextHitWithin(ctx: ArticleContext, hits: readonly Hit[], offset: number, words: number): boolean {
  const h = hits[firstStartingAt(hits, offset)];
  return h !== undefined && ctx.wordsBetween(offset, h.start) <= words;
}

/**
 * Is the value dated otherwise than `when` — another occurrence of the event? By a date in its
 * clause, else by the narrative time: the last date stated before it in the paragraph
 * ("January 2025. … Grenell returned with six Americans").
 */
export function occurrenceDate(ctx: ArticleContext, when: NonNullable<CompiledEvent["when"]>, c: Clause, start: number, end: number): "agrees" | "disagrees" | "none" {
  const disagrees = (d: ReturnType<ArticleContext["dates"]>[number]) =>
    (d.year !== undefined && d.year !== when.y) || (d.granularity !== "year" && d.month !== undefined && when.m !== undefined && d.month !== when.m);
  const dates = ctx.dates();
  let k = firstMentionAt(dates, c.start);
  let inClause = false;
  for (; k < dates.length && dates[k]!.offset < c.end; k++) {
    const d = dates[k]!;
    if ((d.offset < end && d.offset + d.length > start) || (d.year === undefined && d.month === undefined)) continue; // an undated "last year" says nothing
    inClause = true;
    if (disagrees(d)) return "disagrees";
  }
  if (inClause) return "agrees";
  // The narrative time: the last date in the paragraph that opens its sentence ("January 2025.
  // …", "On July 18, …") — not one inside a subordinate clause ("as he had offered in April").
  const paragraph = ctx.sentences[ctx.sentenceAt(start)]?.paragraph;
  for (let b = firstMentionAt(dates, c.start) - 1, seen = 0; b >= 0 && seen < 12; b--, seen++) {
    const d = dates[b]!;
    const s = ctx.sentenceAt(d.offset);
    if (ctx.sentences[s]?.paragraph !== paragraph) break;
    if ((d.year === undefined && d.month === undefined) || ctx.wordsBetween(ctx.sentences[s]!.start, d.offset) > 2) continue;
    return disagrees(d) ? "disagrees" : "agrees";
  }
  return "none";
}

/**
 * Is the occurrence of a repeated event identified (the March flights, not April's)? By a date
 * that agrees, by one of the rule's marks in the sentence, or — when nothing in the text dates
 * it — by an article published in the event's month, written as it happened.
 */
export function occurrenceIdentified(ctx: ArticleContext, e: CompiledEvent, dated: "agrees" | "disagrees" | "none", sentence: number): boolean {
  if (e.identify === null || dated === "agrees") return true;
  if (ctx.inScope(e.identify, sentence, "sentence")) return true;
  const w = e.when;
  return dated === "none" && ctx.dated && w !== null && ctx.asOf.startsWith(`${w.y}-${String(w.m ?? 1).padStart(2, "0")}`) && w.m !== undefined;
}
