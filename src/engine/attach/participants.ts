// Whose event and which occurrence: a clause that counts another group or speaks of one person,
// and a value dated to another occurrence of a repeated event, are not the fact's.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG } from "../lang";
import { firstMentionAt, firstStartingAt } from "../search";
import { clauseAt, subjectClause, type Clause } from "./clauses";
import type { CompiledEvent } from "./event";
import { boundaryBefore } from "./dates";
import { isGenericPredicate } from "./predicates";
import { capacityBefore } from "./value-frames";
import { approximateExcludes, type DateMention } from "../text-adapter";

/** Days an exact date may stray from `when`'s day and still be its occurrence, misdated. */
const WEEK = 7;

/** Does the clause count people other than the event's group ("177 of them", "190 Venezuelans")? */
export function anotherGroup(
  ctx: ArticleContext,
  g: NonNullable<CompiledEvent["group"]>,
  c: Clause,
  start: number,
  end: number,
  exactOnly = false,
): boolean {
  const numbers = ctx.numbers();
  const hits = ctx.hits(g.set);
  for (let k = firstMentionAt(numbers, c.start); k < numbers.length && numbers[k]!.offset < c.end; k++) {
    const n = numbers[k]!;
    if (n.unit !== "count" || (n.offset < end && n.offset + n.length > start) || g.sizes.includes(n.value)) continue;
    const i = ctx.tokenAt(n.offset + n.length);
    const a = ctx.tokens[i];
    const b = ctx.tokens[i + 1];
    // "one of 238 Venezuelans", "uno de los 252": a member of the event's own group.
    if (a && LANG.partitiveOf.has(a.text) && partOfTheGroup(ctx, g, i + 1)) continue;
    // "Seven more were shipped down on March 30": an added batch is another group, even without its noun.
    if (a && LANG.additiveAfter.has(a.text) && n.qualifier === "exact") return true;
    // An antecedent names its group plainly: "more than 250 men" and "one of the 252" may be the event's
    // own ("at least 52 men" is too far from every size of the group to be it).
    if (
      exactOnly &&
      ((n.qualifier !== "exact" && (nearASize(g.sizes, n.value) || capacityBefore(ctx, n.offset))) ||
        n.age ||
        (a && LANG.partitiveOf.has(a.text)))
    )
      continue;
    // "junto con otros 237 compatriotas", "with 237 others": companions in the same event, not
    // another group ("17 more men were flown" is another batch, and still counts as one).
    const k0 = ctx.tokenAt(n.offset);
    const before = ctx.tokens[k0 - 1];
    if (before && LANG.additiveBefore.has(before.text) && LANG.comitatives.has(ctx.tokens[k0 - 2]?.text ?? "")) continue;
    // "Los 76 que viven en Venezuela", "the 76 who live there": a definite count with a relative
    // clause and no noun counts people too.
    const countsPeople =
      (a && LANG.partitiveOf.has(a.text) && b && LANG.partitiveDeterminers.has(b.text)) ||
      (a && LANG.relativePronouns.has(a.text) && LANG.definiteArticles.has(before?.text ?? "")) ||
      nextHitWithin(ctx, hits, n.offset + n.length, 2);
    if (countsPeople) return true;
  }
  return false;
}

/**
 * Does the predicate take other nationals as its participants: a count of another country's people
 * within three words of it, with no punctuation between ("la liberación de seis estadounidenses",
 * "con seis estadounidenses liberados")? Farther off they are the exchange's other side, and so
 * are they where the value's sentence counts the event's own group ("the 252 … in the exchange
 * that freed 10 Americans").
 */
export function otherNationalsAt(ctx: ArticleContext, nationality: readonly string[], predicate: { start: number; end: number }): boolean {
  const numbers = ctx.numbers();
  const countries = ctx.countries();
  const from = ctx.tokenAt(predicate.start);
  const to = ctx.tokenAt(predicate.end);
  let lo = from;
  while (lo > 0 && from - lo < 4 && ctx.tokens[lo - 1]!.kind !== "punct" && !ctx.tokens[lo]!.brk) lo--;
  let hi = to;
  // "una liberación, de seis estadounidenses": one comma may set the participants off.
  if (ctx.tokens[hi]?.text === "," && LANG.genitives.has(ctx.tokens[hi + 1]?.text ?? "")) hi += 2;
  while (hi < ctx.tokens.length - 1 && hi - to < 6 && ctx.tokens[hi]!.kind !== "punct" && !ctx.tokens[hi + 1]!.brk) hi++;
  // "Six Americans held in Venezuela | are freed": a resumed predicate's subject is the clause before it.
  const own = clauseAt(ctx, predicate.start);
  const subject = own.resumes ? subjectClause(ctx, own) : own;
  const start = Math.min(ctx.tokens[lo]!.start, subject.start);
  const end = ctx.tokens[Math.min(hi, ctx.tokens.length - 1)]!.end;
  for (let k = firstMentionAt(numbers, start); k < numbers.length && numbers[k]!.offset < end; k++) {
    const n = numbers[k]!;
    if (n.unit !== "count") continue;
    const after = n.offset + n.length;
    const m = countries[firstMentionAt(countries, after)];
    if (m && m.form === "demonym" && !nationality.includes(m.code) && ctx.wordsBetween(after, m.offset) <= 1) return true;
  }
  // "Americans freed by Venezuela, January 2025", "liberó a estadounidenses": a plural demonym right
  // before or after the predicate names its people without a count.
  for (let k = firstMentionAt(countries, start); k < countries.length && countries[k]!.offset < end; k++) {
    const m = countries[k]!;
    if (m.form !== "demonym" || nationality.includes(m.code)) continue;
    const mEnd = m.offset + m.length;
    const [a, b] = mEnd <= predicate.start ? [mEnd, predicate.start] : [predicate.end, m.offset];
    if (onlyLinks(ctx, a, b) && plural(ctx.text.slice(m.offset, mEnd))) return true;
  }
  return false;
}

/** Only auxiliaries and the personal "a" between (Americans were freed, liberó a estadounidenses): the demonym is the predicate's own argument. */
function onlyLinks(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!.text;
    if (!LANG.auxiliaries.has(t) && !LANG.articlePrepositions.has(t)) return false;
  }
  return true;
}

function plural(word: string): boolean {
  const w = word.toLowerCase();
  for (const suffix of LANG.pluralSuffixes) if (w.endsWith(suffix)) return true;
  return false;
}

/** Does the sentence count the event's own group ("the 252 Venezuelans")? */
export function countsTheGroup(ctx: ArticleContext, g: NonNullable<CompiledEvent["group"]>, sentence: number): boolean {
  const numbers = ctx.numbers();
  const hits = ctx.hits(g.set);
  const s = ctx.sentences[sentence]!;
  for (let k = firstMentionAt(numbers, s.start); k < numbers.length && numbers[k]!.offset < s.end; k++) {
    const n = numbers[k]!;
    if (n.unit === "count" && g.sizes.includes(n.value) && nextHitWithin(ctx, hits, n.offset + n.length, 2)) return true;
  }
  return false;
}

/** How far a qualified count ("more than 200", "nearly 300") may be from a size and still be read as it. */
const ROUGHLY = 1.5;

/** Is a qualified count within ROUGHLY of one of the group's sizes? */
function nearASize(sizes: readonly number[], value: number): boolean {
  return sizes.some((s) => Math.max(s, value) <= ROUGHLY * Math.min(s, value));
}

/** Is the whole after a partitive's "of" (past a determiner) one of the group's sizes? */
function partOfTheGroup(ctx: ArticleContext, g: NonNullable<CompiledEvent["group"]>, i: number): boolean {
  const numbers = ctx.numbers();
  for (let k = i; k < Math.min(i + 2, ctx.tokens.length); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "number" || t.kind === "word") {
      const n = numbers[firstMentionAt(numbers, t.start)];
      if (n && n.offset === t.start) return g.sizes.includes(n.value);
      if (!LANG.partitiveDeterminers.has(t.text)) return false;
    }
  }
  return false;
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
export function occurrenceDate(
  ctx: ArticleContext,
  when: NonNullable<CompiledEvent["when"]>,
  c: Clause,
  start: number,
  end: number,
): "agrees" | "year" | "disagrees" | "none" {
  const disagrees = (d: DateMention) =>
    (d.year !== undefined && d.year !== when.y) ||
    (d.granularity !== "year" && d.month !== undefined && when.m !== undefined && d.month !== when.m) ||
    // A part of the month or year that leaves `when` out ("late March" for the 15th).
    approximateExcludes(d, { year: when.y, month: when.m, day: when.d });
  // An exact day a few days off is left to the date's own rule: it is more often a wrong date than
  // another occurrence. One more than a week off, with no date of the occurrence beside it, is a
  // later batch ("seven men sent … on March 30").
  const farDay = (d: DateMention) =>
    d.granularity === "day" && d.month === when.m && d.day !== undefined && when.d !== undefined && Math.abs(d.day - when.d) > WEEK;
  const dates = ctx.dates();
  let k = firstMentionAt(dates, c.start);
  let inClause = false;
  let month = false; // an agreeing date names the month, not only the year
  let far = false; // an exact day more than a week from `when`'s
  for (; k < dates.length && dates[k]!.offset < c.end; k++) {
    const d = dates[k]!;
    // An undated "last year" says nothing; "the Act of 1798" dates the law, not this occurrence.
    if (
      (d.offset < end && d.offset + d.length > start) ||
      (d.year === undefined && d.month === undefined) ||
      datesANoun(ctx, d) ||
      (boundaryBefore(ctx, d.offset) && !timesAWhenClause(ctx, d.offset + d.length))
    )
      continue;
    inClause = true;
    if (disagrees(d)) return "disagrees";
    if (farDay(d)) far = true;
    else if (d.granularity !== "year" && d.month !== undefined) month = true;
  }
  if (far && !month) return "disagrees";
  // "four months of last year": a year alone agrees without telling which of the year's occurrences.
  if (inClause) return month || when.m === undefined ? "agrees" : "year";
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

/** "until July 2025, when all 238 … were sent home": the when-clause after a state's edge happens at that edge. */
function timesAWhenClause(ctx: ArticleContext, end: number): boolean {
  let i = ctx.tokenAt(end);
  if (ctx.tokens[i]?.text === ",") i++;
  return LANG.whenWords.has(ctx.tokens[i]?.text ?? "");
}

/**
 * Is the occurrence of a repeated event identified (the March flights, not April's)? By a date
 * that agrees, by one of the rule's marks in the sentence, or — when nothing in the text dates
 * it — by an article published in the event's month, written as it happened.
 */
export function occurrenceIdentified(
  ctx: ArticleContext,
  e: CompiledEvent,
  dated: "agrees" | "year" | "disagrees" | "none",
  sentence: number,
): boolean {
  if (e.identify === null || dated === "agrees") return true;
  if (ctx.inScope(e.identify, sentence, "sentence")) return true;
  const w = e.when;
  return (
    (dated === "none" || dated === "year") &&
    ctx.dated &&
    w !== null &&
    ctx.asOf.startsWith(`${w.y}-${String(w.m ?? 1).padStart(2, "0")}`) &&
    w.m !== undefined
  );
}

/** "a law from 1798", "la Ley de 1798", "the Act of 1798": a year hung on a noun dates that thing, not an event. */
export function datesANoun(ctx: ArticleContext, m: DateMention, e?: CompiledEvent): boolean {
  if (m.granularity !== "year") return false;
  const i = ctx.tokenAt(m.offset);
  if (e && yearModifiesAnotherNoun(ctx, e, i, m.offset + m.length)) return true;
  const prep = ctx.tokens[i - 1];
  // "la Ley de Enemigos Extranjeros, de 1798": a comma may stand between the name and its year.
  const noun = ctx.tokens[i - 2]?.text === "," ? ctx.tokens[i - 3] : ctx.tokens[i - 2];
  if (!prep || !noun || noun.kind !== "word" || LANG.timeNouns.has(noun.text)) return false;
  return LANG.partitiveOf.has(prep.text) || (prep.text === "from" && !isGenericPredicate(ctx, i - 2));
}

/** "a 1798 law", "the 2023 inauguration": a year between an article and a noun dates that noun; "the 2025 flights" (the event's own word) still counts. */
function yearModifiesAnotherNoun(ctx: ArticleContext, e: CompiledEvent, i: number, end: number): boolean {
  const article = ctx.tokens[i - 1];
  const noun = ctx.tokens[ctx.tokenAt(end)];
  if (!article || !LANG.articles.has(article.text) || !noun || noun.kind !== "word" || noun.start > end + 1) return false;
  if (/\p{Lu}/u.test(ctx.text[noun.start] ?? "") || isGenericPredicate(ctx, ctx.tokenAt(end))) return false;
  const own = (set: number) => {
    const hits = ctx.hits(set);
    const h = hits[firstStartingAt(hits, noun.start)];
    return h !== undefined && h.start === noun.start;
  };
  return !own(e.set) && !(e.ambiguous && own(e.ambiguous.set));
}
