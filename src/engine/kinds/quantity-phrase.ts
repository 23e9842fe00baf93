// The shape of a count's phrase: whether the number counts the rule's noun (no breaker, the word
// heads its phrase, the right nationality), and the readings that make it a part, an offset, an
// age or another place. Words from the language tables.
import { elapsedLength, isDashAt, isGenericPredicate, isParticiple } from "../attach";
import { isUpperAt } from "../text/tokens";
import type { ArticleContext } from "../kind-api";
import type { CountryMention } from "../text/gazetteer";
import { hasPair, LANG, phrasesOf } from "../lang";
import type { NumberMention } from "../text-adapter";
import { firstMentionAt, firstStartingAt, valueClause, type CompiledNear } from "./shared";
import { isAdverb, isClosedClass, modifiesNextWord } from "./word-class";

/** Partitives are subsets, not the total: "seven of the 252", "one of the men", "137 de los 238". */
export function isPartitive(ctx: ArticleContext, m: NumberMention): boolean {
  const i = ctx.tokenAt(m.offset + m.length);
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  if (!a || !b) return false;
  if (frontedPartOf(ctx, m)) return true;
  if (!LANG.partitiveOf.has(a.text)) return partOfAGroup(ctx, i + 1);
  return b.kind === "number" || LANG.partitiveDeterminers.has(b.text) || (LANG.partitiveLeads.has(a.text) && LANG.partitiveOf.has(b.text));
}

/**
 * "De los 238 venezolanos que salieron en marzo, 101 fueron …", "Of the men on the flights, 101
 * were …": a sentence that opens with "of the …" and a comma right before the count makes the
 * count a part of that group.
 */
function frontedPartOf(ctx: ArticleContext, m: NumberMention): boolean {
  const k = ctx.tokenAt(m.offset);
  if (ctx.tokens[k - 1]?.text !== ",") return false;
  const first = ctx.tokenAt(ctx.sentences[ctx.sentenceAt(m.offset)]!.start);
  const of = ctx.tokens[first];
  if (!of || !LANG.partitiveOf.has(of.text) || !LANG.partitiveDeterminers.has(ctx.tokens[first + 1]?.text ?? "")) return false;
  // Only the opening phrase stands between: no other comma.
  for (let j = first + 2; j < k - 1; j++) if (ctx.tokens[j]!.text === ",") return false;
  return true;
}

const PARTITIVE_FROM = phrasesOf("partitiveFrom");

/**
 * "follows three men from the group", "tres hombres del grupo de 252", "two men from among the
 * 238": after the counted noun (token i), a preposition taking them out of a group — the group
 * named by a group noun or a number — makes the count a part of it.
 */
function partOfAGroup(ctx: ArticleContext, i: number): boolean {
  const p = PARTITIVE_FROM.find((w) => w.every((x, n) => ctx.tokens[i + n]?.text === x));
  if (!p) return false;
  let k = i + p.length;
  if (LANG.partitiveDeterminers.has(ctx.tokens[k]?.text ?? "") || LANG.articles.has(ctx.tokens[k]?.text ?? "")) k++;
  const head = ctx.tokens[k];
  return !!head && (head.kind === "number" || LANG.groupNouns.has(head.text));
}

/**
 * "built for 80 men each", "80 reos por celda", "80 men per cell": a count per unit, not the
 * whole's — a distributive after the noun that ends the phrase (its unit noun aside). Not "the 252
 * men each received …", where it spreads the predicate over the whole.
 */
export function isPerUnit(ctx: ArticleContext, m: NumberMention): boolean {
  const at = ctx.tokenAt(m.offset + m.length);
  for (let i = at; i < Math.min(at + 3, ctx.tokens.length); i++) {
    const t = ctx.tokens[i]!;
    if (t.kind !== "word" || t.brk) return false;
    const n = LANG.distributives.has(t.text) ? 1 : hasPair(LANG.distributives, t.text, ctx.tokens[i + 1]?.text) ? 2 : 0;
    if (n > 0)
      return (
        endsPhrase(ctx, i + n) || (ctx.tokens[i + n]?.kind === "word" && !isGenericPredicate(ctx, i + n) && endsPhrase(ctx, i + n + 1))
      );
    if (LANG.phraseBreakers.has(t.text) || LANG.coordinators.has(t.text)) return false;
  }
  return false;
}

/** Does the phrase end at token j (a break, punctuation other than "$", the text's end)? */
function endsPhrase(ctx: ArticleContext, j: number): boolean {
  const t = ctx.tokens[j];
  return !t || t.brk || (t.kind === "punct" && t.text !== "$");
}

/** "17 more men", "another 14", "otros 101": a part added to a total, and so is every count beside it. */
export function isAdditive(ctx: ArticleContext, m: NumberMention): boolean {
  const at = ctx.tokenAt(m.offset + m.length);
  const next = ctx.tokens[at];
  const prev = ctx.tokens[ctx.tokenAt(m.offset) - 1];
  // "Siete venezolanos más": in Spanish the additive may follow the counted noun.
  const afterNoun = next?.kind === "word" ? ctx.tokens[at + 1] : undefined;
  return (
    (!!next && LANG.additiveAfter.has(next.text)) ||
    (!!afterNoun && LANG.additiveAfterNoun.has(afterNoun.text)) ||
    (!!prev && LANG.additiveBefore.has(prev.text))
  );
}

/**
 * "varios deportados", "a few Venezuelans", "a handful of the men": a small vague amount speaks of
 * some members of a group, never of its total.
 */
export function isSomeOfThem(m: NumberMention): boolean {
  return m.qualifier === "vague" && (m.max ?? m.value) < 10;
}

const ADDITIVE_SENTENCES = Symbol("additive sentences");

/** Sentences holding an additive count: every count in them is a part of a total. */
export function sentenceHasAdditive(ctx: ArticleContext, m: NumberMention, all: NumberMention[]): boolean {
  let set = ctx.memo.get(ADDITIVE_SENTENCES) as Set<number> | undefined;
  if (!set) {
    set = new Set();
    for (const x of all) if (x.unit === "count" && isAdditive(ctx, x)) set.add(ctx.sentenceAt(x.offset));
    ctx.memo.set(ADDITIVE_SENTENCES, set);
  }
  return set.has(ctx.sentenceAt(m.offset)) && !isAdditive(ctx, m);
}

/**
 * "spent nearly three hours Monday questioning witnesses", "pasaron horas esperando", "que lleva 22
 * años dando clases", "llevan tres años sin noticias": time spent on an activity (a gerund right
 * after the length, a day's name aside) or without something is not how long a state lasted.
 */
export function isActivityTime(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration") return false;
  let k = ctx.tokenAt(m.offset + m.length);
  const t = ctx.tokens[k];
  if (t && t.kind === "word" && isUpperAt(ctx.text, t.start)) k++;
  if (isParticiple(ctx, k) || shortGerund(ctx, k)) return true;
  // "llevan tres años sin noticias", "have gone three years without word": a length verb's subject has
  // gone without something that long ("it meant four months without a phone call" is still the stay).
  // "have spent nine months on this litigation": a task after the length.
  const i = ctx.tokenAt(m.offset);
  const next = ctx.tokens[k]?.text ?? "";
  const task = LANG.activityPrepositions.has(next) || hasPair(LANG.activityPrepositions, next, ctx.tokens[k + 1]?.text ?? "");
  return (LANG.withoutAfter.has(next) || task) && [1, 2].some((b) => LANG.lengthVerbs.has(ctx.tokens[i - b]?.text ?? ""));
}

/** "UPDATE 2-Venezuelans held …", "CORRECTED-UPDATE 3-": a wire slug's version number glued to the headline, not a count. */
export function isSlugVersion(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "count" || ctx.text[m.offset + m.length] !== "-") return false;
  const prev = ctx.tokens[ctx.tokenAt(m.offset) - 1];
  if (!prev || prev.kind !== "word") return false;
  const word = ctx.text.slice(prev.start, prev.end);
  return word.length >= 4 && word === word.toUpperCase() && /\p{Lu}/u.test(word);
}

/** A gerund too short for isParticiple's guess ("dando", "yendo"), not one of being ("being held" is the state itself). */
function shortGerund(ctx: ArticleContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word" || t.text.length < 5 || LANG.stateGerunds.has(t.text) || isUpperAt(ctx.text, t.start)) return false;
  for (const suffix of LANG.participleSuffixes) if (t.text.endsWith(suffix) && t.text.length > suffix.length) return true;
  return false;
}

/**
 * "a three-hour argument", "una espera de tres horas", "a 22-year career": a length that modifies a
 * noun times that noun. It is the event's only when the noun, or the words right after it, state
 * the event ("a four-month detention", "a four-month ordeal inside the prison").
 */
export function timesAnotherNoun(ctx: ArticleContext, m: NumberMention, eventSet: number | null): boolean {
  if (m.unit !== "duration" || eventSet === null) return false;
  const end = m.offset + m.length;
  let noun: number;
  const after = ctx.tokens[ctx.tokenAt(end)];
  if (
    /[-‐‑]\p{L}+$/u.test(ctx.text.slice(m.offset, end)) &&
    after &&
    after.kind === "word" &&
    after.start === end + 1 &&
    !closedWord(ctx, ctx.tokenAt(end))
  )
    noun = ctx.tokenAt(end);
  else if (ofAfter(ctx, end)) {
    // "the last five weeks of upheaval", "cinco semanas de caos": the noun after "of"/"de".
    noun = ctx.tokenAt(end) + 1;
  } else {
    // Spanish: an article, a noun and "de" before the length.
    const i = ctx.tokenAt(m.offset);
    const de = ctx.tokens[i - 1];
    const article = ctx.tokens[i - 3];
    if (!de || !LANG.genitives.has(de.text) || !article || !LANG.articles.has(article.text) || closedWord(ctx, i - 2)) return false;
    noun = i - 2;
  }
  const hits = ctx.hits(eventSet);
  const from = ctx.tokens[noun]!.start;
  let to = noun;
  // The noun and up to three words after the length, up to a punctuation mark.
  for (let k = Math.max(noun, ctx.tokenAt(end)); k < ctx.tokens.length && k <= Math.max(noun, ctx.tokenAt(end)) + 3; k++) {
    if (ctx.tokens[k]!.kind === "punct") break;
    to = k;
  }
  const h = hits[firstStartingAt(hits, from)];
  return !(h && h.start <= ctx.tokens[to]!.start);
}

/** "of"/"de" right after the length, then a lower-case noun. */
function ofAfter(ctx: ArticleContext, end: number): boolean {
  const k = ctx.tokenAt(end);
  const of = ctx.tokens[k];
  return !!of && (LANG.partitiveOf.has(of.text) || LANG.genitives.has(of.text)) && !closedWord(ctx, k + 1);
}

/** A function word, verb or capitalised name at token i: not a noun a length could modify. */
function closedWord(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.kind !== "word" || isUpperAt(ctx.text, t.start)) return true;
  return isClosedClass(t.text) || isGenericPredicate(ctx, i) || LANG.genitives.has(t.text);
}

// "Two weeks later", "three days ago", "hace un año": a time offset, not how long anything lasted.
export function isTimeOffset(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration") return false;
  // "hace (exactamente) un año": one adverb may stand between.
  const first = ctx.tokenAt(m.offset);
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") break;
    if (LANG.offsetBefore.has(t.text)) return true;
  }
  // "A month has passed since the men …", "se cumple un año de que …": time elapsed, not a length.
  if (elapsedLength(ctx, m.offset, m.offset + m.length)) return true;
  const next = ctx.tokens[ctx.tokenAt(m.offset + m.length)];
  if (!next || !LANG.offsetAfter.has(next.text)) return false;
  // "held for about four months before being sent": after "for"/"durante" it is a length.
  const i = ctx.tokenAt(m.offset);
  // "pasaron casi seis meses antes de ser devueltos": the object of a verb of spending time is a length too.
  for (let k = i - 1; k >= Math.max(0, i - 3); k--)
    if (LANG.lengthPrepositions.has(ctx.tokens[k]!.text) || LANG.lengthVerbs.has(ctx.tokens[k]!.text)) return false;
  return true;
}

/**
 * Does the value's clause name a country outside `countries` — as a place it puts things in, or as
 * the subject of the value's predicate ("In July, Eswatini received five men": another country's event)?
 */
export function namesAnotherCountry(
  ctx: ArticleContext,
  countries: string[],
  start: number,
  end: number,
  predicate?: { start: number },
): boolean {
  const c = valueClause(ctx, start, end);
  const all = ctx.countries();
  if (predicate && countrySubjectOf(ctx, all, predicate.start, countries)) return true;
  // Only a place the clause puts things in counts ("in U.S. immigration detention", "at Guantánamo
  // Bay, Cuba"): not a demonym ("aeronaves venezolanas") nor an agent ("deported by the United States").
  for (let k = firstMentionAt(all, c.start); k < all.length && all[k]!.offset < c.end; k++) {
    const m = all[k]!;
    if (countries.includes(m.code)) continue;
    const i = ctx.tokenAt(m.offset);
    // A demonym right after a locative preposition heads the place ("held in Venezuelan prisons").
    if (m.form === "demonym" ? LANG.destinationPrepositions.has(ctx.tokens[i - 1]?.text ?? "") : locative(ctx, i)) return true;
  }
  return false;
}

/**
 * "10 Americans — five U.S. citizens and five permanent residents —": counts set off by a dash,
 * parenthesis or colon right after another count break it down; they are parts, not the total.
 */
export function inBreakdown(ctx: ArticleContext, m: NumberMention, all: NumberMention[]): boolean {
  // "—cinco ciudadanos y cinco residentes—": a count coordinated with a part is a part too.
  const k = firstMentionAt(all, m.offset);
  const prev = all[k - 1];
  if (
    prev &&
    prev.unit === m.unit &&
    ctx.wordsBetween(prev.offset + prev.length, m.offset) <= 4 &&
    anyCoordinatorBetween(ctx, prev.offset + prev.length, m.offset) &&
    opensBreakdown(ctx, prev, all)
  )
    return true;
  return opensBreakdown(ctx, m, all);
}

function anyCoordinatorBetween(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++)
    if (LANG.coordinators.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** Is the count set off by a dash, parenthesis or colon right after another count of its kind? */
function opensBreakdown(ctx: ArticleContext, m: NumberMention, all: NumberMention[]): boolean {
  const i = ctx.tokenAt(m.offset);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "punct") continue;
    if (t.text !== "(" && t.text !== ":" && !isDashAt(ctx.text, t.start, t.end)) return false;
    // Another count of the same kind in the same sentence, at most a dozen words before the opening
    // mark ("10 U.S. nationals as part of the exchange — five …").
    const j = firstMentionAt(all, m.offset) - 1;
    const prev = all[j];
    return (
      !!prev &&
      prev.unit === m.unit &&
      (ctx.wordsBetween(prev.offset + prev.length, t.start) <= 6 ||
        (ctx.sentenceAt(prev.offset) === ctx.sentenceAt(m.offset) && ctx.wordsBetween(prev.offset + prev.length, t.start) <= 12))
    );
  }
  return false;
}

/** Is token i inside a phrase a locative preposition opens (in, at, en …), looking back a few words? */
/** Is a country's name outside `countries` the subject right before the predicate, auxiliaries aside ("Eswatini received", "Eswatini has received")? */
function countrySubjectOf(ctx: ArticleContext, all: CountryMention[], pStart: number, countries: string[]): boolean {
  const p = ctx.tokenAt(pStart);
  let k = p - 1;
  while (k > p - 3 && k >= 0 && (LANG.auxiliaries.has(ctx.tokens[k]!.text) || LANG.participleAuxiliaries.has(ctx.tokens[k]!.text))) k--;
  const t = ctx.tokens[k];
  if (!t || t.kind !== "word") return false;
  const m = all[firstMentionAt(all, t.end) - 1];
  return !!m && m.form === "name" && m.offset + m.length === t.end && !countries.includes(m.code);
}

function locative(ctx: ArticleContext, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (LANG.destinationPrepositions.has(t.text) || LANG.motionPrepositions.has(t.text)) return true;
    if (t.kind === "punct" && t.text !== ",") return false;
    if (LANG.phraseBreakers.has(t.text) || LANG.originPrepositions.has(t.text)) return false;
  }
  return false;
}

/** "de 29 años" after a name is an age in Spanish, as is "aged 29" in English. */
export function isAgeLike(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration" || !/^(year|ano)/.test(m.durationUnit ?? "")) return false;
  const prev = ctx.tokens[ctx.tokenAt(m.offset) - 1];
  return !!prev && (LANG.genitives.has(prev.text) || LANG.ageWords.has(prev.text));
}

/**
 * "seis estados venezolanos": a lower-case demonym right after another noun is that noun's
 * adjective (Spanish puts it after), so the number counts the noun, not the people.
 */
function postNominalDemonym(ctx: ArticleContext, end: number, h: { start: number }): boolean {
  const at = ctx.tokenAt(h.start);
  const prev = ctx.tokens[at - 1];
  if (at - 1 < ctx.tokenAt(end) || !prev || prev.kind !== "word" || isClosedClass(prev.text)) return false;
  return lowerDemonymAt(ctx, h.start);
}

/** A demonym written lower-case ("venezolanos"): an adjective that follows its noun. */
function lowerDemonymAt(ctx: ArticleContext, start: number): boolean {
  if (isUpperAt(ctx.text, start)) return false;
  const countries = ctx.countries();
  const c = countries[firstMentionAt(countries, start)];
  return !!c && c.offset === start && c.form === "demonym";
}

/**
 * Does the number count the rule's noun? The noun must follow it within its own phrase: no
 * preposition, verb or other number between ("two planes carrying 252 men" counts planes), and
 * no nationality other than the counted people's ("10 U.S. nationals" are another group).
 */
export function countsTheNoun(
  ctx: ArticleContext,
  o: { unit: string; nationality?: string[] },
  near: CompiledNear | null,
  m: NumberMention,
): boolean {
  if (!near || near.side !== "after" || o.unit !== "count") return true;
  const end = m.offset + m.length;
  const h = ctx.hits(near.set)[firstStartingAt(ctx.hits(near.set), end)];
  if (!h) return false;
  for (let i = ctx.tokenAt(end); i < ctx.tokens.length && ctx.tokens[i]!.start < h.start; i++) {
    const t = ctx.tokens[i]!;
    // "hundreds of Venezuelans", "decenas de hombres": a vague amount takes its noun with "of".
    if (m.qualifier === "vague" && LANG.partitiveOf.has(t.text) && i === ctx.tokenAt(end)) continue;
    if (t.kind === "number" || LANG.phraseBreakers.has(t.text) || (t.kind === "punct" && t.text !== "-" && t.text !== ".")) return false;
    if (t.kind === "word" && t.text.endsWith("ing")) return false;
    // "One senator said the men …": a listed verb between ends the number's phrase (not a participle: "238 deported men").
    if (t.kind === "word" && LANG.predicates.has(t.text)) return false;
    // "three aircraft carried men": a past tense after the number's own noun is the clause's verb,
    // so the noun it counts came before it. Right after the number it is a participle ("238 deported men").
    if (i > ctx.tokenAt(end) && isGenericPredicate(ctx, i) && !isAdverb(ctx.tokens[i - 1]!.text)) return false;
  }
  if (postNominalDemonym(ctx, end, h)) return false;
  // The term must head its phrase: in "two Venezuelan planes" it is an adjective of "planes".
  const next = ctx.tokens[ctx.tokenAt(h.end)];
  // "seis hombres venezolanos": a lower-case demonym after it is its adjective, not a noun it modifies.
  if (next && next.kind === "word" && !next.brk && !lowerDemonymAt(ctx, next.start) && modifiesNextWord(ctx, ctx.tokenAt(h.end)))
    return false;
  if (o.nationality) {
    const countries = ctx.countries();
    for (let k = firstMentionAt(countries, end); k < countries.length && countries[k]!.offset < h.end; k++) {
      if (!o.nationality.includes(countries[k]!.code)) return false;
    }
  }
  return true;
}
