// Frames that make a date another thing's date, or no event's: a document's date ("dated July 19"),
// a cited title's ("«…» (04/02/2025)"), a noun's ("his March 15 instruction"), a dateline, an
// anniversary, a denied date, a listed verb's entry date. Read by \`bindEvent\` for dates.
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { isUpperAt } from "../text-adapter";
import { firstMentionAt } from "../search";
import type { Clause } from "./clauses";
import type { CompiledEvent } from "./event";
import { anyWordIn, isGenericPredicate, isNegationAt } from "./predicates";
import { elapsedLength } from "./value-frames";
import type { Binding } from "./bind";

/** Between the two offsets: a length ("un año", "six months") and a boundary word after it ("desde", "since") or one that makes it time elapsed ("se cumple un año de que")? */
export function anniversaryBetween(ctx: ArticleContext, from: number, to: number): boolean {
  const numbers = ctx.numbers();
  for (let k = firstMentionAt(numbers, from); k < numbers.length && numbers[k]!.offset < to; k++) {
    const n = numbers[k]!;
    if (n.unit !== "duration") continue;
    if (anyWordIn(ctx, LANG.boundaryPrepositions, n.offset + n.length, to) || elapsedLength(ctx, n.offset, n.offset + n.length))
      return true;
  }
  return false;
}

/** The lower-case noun a date stands before, after a possessive ("his March 15 instruction"), or null. */
export function attributiveNoun(ctx: ArticleContext, start: number, end: number): { start: number; end: number } | null {
  const before = ctx.tokens[ctx.tokenAt(start) - 1];
  const after = ctx.tokens[ctx.tokenAt(end)];
  if (!before || !after || after.kind !== "word" || after.start - end > 1 || isUpperAt(ctx.text, after.start)) return null;
  if (!LANG.possessiveDeterminers.has(before.text)) return null;
  if (isGenericPredicate(ctx, ctx.tokenAt(end)) || LANG.phraseBreakers.has(after.text) || LANG.coordinators.has(after.text)) return null;
  return after;
}

/** Does the clause itself state the event's month ("en los vuelos de marzo"), the value aside? */
export function monthIn(ctx: ArticleContext, when: NonNullable<CompiledEvent["when"]>, c: Clause, start: number, end: number): boolean {
  const dates = ctx.dates();
  for (let k = firstMentionAt(dates, c.start); k < dates.length && dates[k]!.offset < c.end; k++) {
    const d = dates[k]!;
    if (d.offset < end && d.offset + d.length > start) continue;
    if (d.month === when.m && (d.year === undefined || d.year === when.y) && d.granularity !== "year") return true;
  }
  return false;
}

/**
 * The name or number right before "(" when the value alone fills the parentheses ("Episode 97
 * (August 2025)", "J.G.G. v. Trump (2025)"), or null — a date after a verb phrase ("sent north
 * (January 12)") is still the verb's.
 */
export function parenthesisedAfter(ctx: ArticleContext, start: number, end: number): { start: number; end: number } | null {
  const i = ctx.tokenAt(start);
  const open = ctx.tokens[i - 1];
  const close = ctx.tokens[ctx.tokenAt(end)];
  if (open?.text !== "(" || close?.text !== ")") return null;
  const word = ctx.tokens[i - 2];
  return word && (word.kind === "number" || (word.kind === "word" && isUpperAt(ctx.text, word.start))) ? word : null;
}

/** A listed verb in [from, to) that takes a clause or a noun phrase after it ("rules the 137 men …", "dice que …"), not "held at CECOT". */
export function rulesOver(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    if (!LANG.predicates.has(ctx.tokens[i]!.text)) continue;
    const next = ctx.tokens[i + 1];
    if (
      next &&
      (LANG.articles.has(next.text) ||
        LANG.definiteArticles.has(next.text) ||
        LANG.relativePronouns.has(next.text) ||
        next.kind === "number")
    )
      return true;
  }
  return false;
}

const DOCUMENT_DATE_LEADS = phrasesOf("documentDateLeads");

/** Does a document-dating word end right before the date ("dated", "con fecha del"), an "on"/"el" aside? */
export function afterDatingWord(ctx: ArticleContext, start: number): boolean {
  let i = ctx.tokenAt(start);
  if (LANG.definiteArticles.has(ctx.tokens[i - 1]?.text ?? "") || ctx.tokens[i - 1]?.text === "on") i--;
  return DOCUMENT_DATE_LEADS.some((p) => p.every((w, n) => ctx.tokens[i - p.length + n]?.text === w));
}

/**
 * "the 238 from March plus two later groups", "los 238 de marzo": a definite count and a link
 * before the date make it the group's label ("los vuelos del 15 y 16 de marzo" is a date's days).
 */
export function labelsAGroup(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  if (!LANG.groupDateLinks.has(ctx.tokens[i - 1]?.text ?? "") || ctx.tokens[i - 2]?.kind !== "number") return false;
  const article = ctx.tokens[i - 3]?.text ?? "";
  return LANG.definiteArticles.has(article) || LANG.articles.has(article);
}

const CLOSING_QUOTES = new Set(['"', "”", "»", "'", "’"]);

/**
 * Does the value alone fill parentheses that end their line right after a quoted title ("«…
 * recibir deportados» (04/02/2025)", "“…” (Feb. 4, 2025)")? A heading's own date ("6. The release
 * (July 2025)") is left to the word before it.
 */
export function parenthesisedAtLineEnd(ctx: ArticleContext, start: number, end: number): boolean {
  const i = ctx.tokenAt(start);
  const open = ctx.tokens[i - 1];
  const k = ctx.tokenAt(end);
  const close = ctx.tokens[k];
  if (open?.text !== "(" || close?.text !== ")") return false;
  const quote = ctx.tokens[i - 2];
  if (!quote || quote.kind !== "punct" || !CLOSING_QUOTES.has(ctx.text[quote.start]!)) return false;
  const after = ctx.tokens[k + 1];
  return !after || after.brk || (after.kind === "punct" && after.text === "." && (!ctx.tokens[k + 2] || ctx.tokens[k + 2]!.brk));
}

/**
 * "cooperation did not begin in 2026", "no llegaron el 16 de marzo": a negation a verb and a
 * preposition before a date denies it — unless a word after the negation keeps it stated ("not
 * until July 18", "no fue sino hasta julio"), or the date names its own noun ("neither does the
 * December 22 ruling": the ruling is not what is denied).
 */
export function dateDenied(ctx: ArticleContext, start: number, end: number, bound: Binding): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct" || LANG.negationLifts.has(t.text)) return false;
    if (isNegationAt(ctx, k)) return !(bound.start >= end && ctx.wordsBetween(end, bound.start) === 0);
    // An article before the date is the date's own ("el 16 de marzo"); further back it opens a noun phrase the negation is not about.
    if (LANG.articles.has(t.text) && k !== i - 1) return false;
  }
  return false;
}

/** "CARACAS, Jan. 15, 2026 —": a dateline dates the story, not an event in it. */
export function isDateline(ctx: ArticleContext, c: Clause, start: number, end = start): boolean {
  if (wireDateline(ctx, start, end)) return true;
  if (!c.endsWithColon) return false;
  const first = ctx.tokens[c.from]!;
  const word = ctx.text.slice(first.start, first.end);
  if (
    first.start < start &&
    word.length >= 3 &&
    word === word.toUpperCase() &&
    /\p{Lu}/u.test(word) &&
    ctx.wordsBetween(c.start, c.end) <= 7
  )
    return true;
  // "San Salvador, 17 de marzo (Corresponsalía) — …": a line opening on a place, a comma and the
  // date, a credit in parentheses at most, before the dash.
  const lineStart = ctx.text.lastIndexOf("\n", c.start - 1) + 1;
  // "July 19, 2025 (Wire) — …": a line opening on the date and a credit in parentheses (a timeline
  // entry, "March 15, 2025 — …", has no credit).
  if (c.start === start && /^[\s\p{P}]*$/u.test(ctx.text.slice(lineStart, c.start)) && DATE_THEN_CREDIT.test(ctx.text.slice(end, c.end)))
    return true;
  return (
    /^[\s\p{P}]*$/u.test(ctx.text.slice(lineStart, c.start)) &&
    PLACE_THEN_COMMA.test(ctx.text.slice(c.start, start)) &&
    ctx.wordsBetween(c.start, c.end) <= 9
  );
}

/**
 * "Caracas, 16 de marzo de 2026.- Hace …", "Caracas, 16 mar (EFE).-": a Spanish wire's dateline — a
 * place and a comma opening the line, the date, a credit perhaps, then a full stop and a dash.
 */
function wireDateline(ctx: ArticleContext, start: number, end: number): boolean {
  if (!WIRE_CLOSE.test(ctx.text.slice(end, end + 48))) return false;
  const lineStart = ctx.text.lastIndexOf("\n", start - 1) + 1;
  return start - lineStart <= 48 && PLACE_THEN_COMMA.test(ctx.text.slice(lineStart, start));
}

/** After a wire dateline's date: a credit perhaps, a full stop and a dash (".-", ". —", "(EFE).-"). */
const WIRE_CLOSE = /^\s*(?:\([^()\n]{1,40}\))?\s*\.\s?[-–—]/;
/** A credit in parentheses and nothing else before the dash: "(Wire)". */
const DATE_THEN_CREDIT = /^\s*\([^()\n]{1,40}\)\s*$/;
/** A capitalised place of up to four words and a comma: the start of a dateline ("San Salvador, "). */
const PLACE_THEN_COMMA = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3}\s*,\s*$/u;
