// Frames around a value or its predicate that make it no event's fact: a capacity ("built to hold
// about 15,000"), an event kept from happening ("barred his deportation") and a later batch picked
// out by a relative clause ("the 14 who arrived later").
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { firstMentionAt, firstStartingAt } from "../search";
import { isUpperAt } from "../text-adapter";
import { asideAround, isDashAt } from "./clause-build";
import { isGenericPredicate } from "./predicates";
import { startsEventTerm } from "./clauses";

const CAPACITY = phrasesOf("capacityLeads");
const LATER = phrasesOf("laterAfterPredicate");
const ELAPSED_BEFORE = phrasesOf("elapsedBefore");
const REPEATED = phrasesOf("repetitionMarks");
const TOPIC_LINKS = phrasesOf("topicPrepositions");
const DOCUMENTS = new Set([...LANG.documentNouns].map((p) => p.split(" ").pop()!));
const DOCUMENT_STARTS = new Set([...LANG.documentNouns].map((p) => p.split(" ")[0]!));
const TOPICS = new Set([...LANG.topicNouns].map((p) => p.split(" ").pop()!));

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

/**
 * "los 14 que llegaron al CECOT después", "the 14 who were deported later": a relative clause whose
 * predicate (its place perhaps between) is followed by "later" picks out another, later batch.
 * `from` is the predicate clause's first token. Not "después de" (a preposition), nor "said that … later".
 */
export function laterRelative(ctx: ArticleContext, from: number, predicate: { start: number; end: number }): boolean {
  // "que | fueron enviados": an auxiliary right after the pronoun opens a clause of its own.
  const rel = LANG.auxiliaries.has(ctx.tokens[from]?.text ?? "") ? from - 1 : from;
  if (rel <= 0 || !LANG.relativePronouns.has(ctx.tokens[rel]!.text) || isGenericPredicate(ctx, rel - 1)) return false;
  // "who had been held — the 238 plus fourteen sent later — were flown": an aside's predicate is not the relative clause's.
  for (let k = rel + 1; k < ctx.tokenAt(predicate.start); k++) {
    const t = ctx.tokens[k]!;
    if (t.text === "(" || isDashAt(ctx.text, t.start, t.end)) return false;
  }
  const i = ctx.tokenAt(predicate.end);
  for (let k = i; k < Math.min(i + 5, ctx.tokens.length); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct" || t.brk) return false;
    const p = LATER.find((w) => w.every((x, n) => ctx.tokens[k + n]?.text === x));
    if (!p) continue;
    const next = ctx.tokens[k + p.length]?.text ?? "";
    return !LANG.genitives.has(next) && !LANG.partitiveOf.has(next) && !LANG.relativePronouns.has(next);
  }
  return false;
}

/**
 * "—a los de marzo se sumaron siete el 30 de marzo …— salieron el 18 de julio": a value in an aside
 * with a predicate of its own is that predicate's, not the one bound outside the aside.
 */
export function asideOwnsValue(ctx: ArticleContext, start: number, end: number, predicate: { start: number }): boolean {
  const a = asideAround(ctx, ctx.tokenAt(start));
  if (!a) return false;
  const p = ctx.tokenAt(predicate.start);
  if (p > a.open && p < a.close) return false;
  const from = ctx.tokens[a.open]!.end;
  const to = ctx.tokens[a.close]!.start;
  for (let k = a.open + 1; k < a.close; k++) {
    const t = ctx.tokens[k]!;
    if (t.start >= start && t.end <= end) continue;
    if (isGenericPredicate(ctx, k)) return true;
  }
  for (const hits of ctx.predicateHits())
    for (let k = firstStartingAt(hits, from); k < hits.length && hits[k]!.start < to; k++) {
      const h = hits[k]!;
      if (h.end <= to && (h.end <= start || h.start >= end)) return true;
    }
  return false;
}

/**
 * Is the length at [start, end) time elapsed since an event ("a month has passed since …", "se
 * cumple un año de que …", "se cumplen seis meses desde …"), not how long anything lasted? One manner
 * adverb may stand between the verb and the length ("se cumple exactamente un año").
 */
export function elapsedLength(ctx: ArticleContext, start: number, end: number): boolean {
  const at = ctx.tokenAt(end);
  if (LANG.elapsedAfter.has(`${ctx.tokens[at]?.text ?? ""} ${ctx.tokens[at + 1]?.text ?? ""}`)) return true;
  const first = ctx.tokenAt(start);
  for (let last = first - 1; last >= Math.max(0, first - 2); last--) {
    for (const p of ELAPSED_BEFORE) {
      const from = last - p.length + 1;
      if (from >= 0 && p.every((w, n) => ctx.tokens[from + n]!.text === w)) return true;
    }
    // Only a manner adverb may stand between ("exactly", "exactamente"), not an article ("it was a four-month …").
    const w = ctx.tokens[last]!.text;
    if (ctx.tokens[last]!.kind !== "word" || ![...LANG.adverbSuffixes].some((x) => w.length > x.length + 2 && w.endsWith(x))) break;
  }
  return false;
}

/**
 * "the question looks set to return to the Supreme Court", "el caso volvió a la Corte": a motion
 * predicate whose subject is an issue or a proceeding (an article before it, only verbs between)
 * moves the issue, not people — unless it goes to a country or one of the event's own places.
 */
export function issueMoves(ctx: ArticleContext, predicate: { start: number; end: number }, places: number | null): boolean {
  const j = ctx.tokenAt(predicate.end);
  if (!LANG.motionPrepositions.has(ctx.tokens[j]?.text ?? "")) return false;
  const i = ctx.tokenAt(predicate.start);
  let subject = false;
  for (let k = i - 1; k >= Math.max(1, i - 5); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word" || isUpperAt(ctx.text, t.start)) break;
    if (LANG.issueNouns.has(t.text)) {
      const a = ctx.tokens[k - 1]!.text;
      subject = LANG.articles.has(a) || LANG.definiteArticles.has(a) || LANG.possessiveDeterminers.has(a);
      break;
    }
    // Only verbs and an infinitive's "to" between ("looks set to"): not "the case of the men".
    if (k < i - 1 && LANG.phraseBreakers.has(t.text)) break;
    if (LANG.coordinators.has(t.text) || LANG.relativePronouns.has(t.text)) break;
  }
  if (!subject) return false;
  // Where it goes: a country or the event's own place keeps it people's ("the case of … returned to Venezuela" aside).
  const countries = ctx.countries();
  const own = places === null ? [] : ctx.hits(places);
  const to = Math.min(ctx.tokens.length, j + 5);
  for (let k = j + 1; k < to; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") break;
    const c = countries[firstMentionAt(countries, t.start)];
    if (c && c.offset === t.start && c.form === "name") return false;
    const h = own[firstStartingAt(own, t.start)];
    if (h && h.start === t.start) return false;
  }
  return true;
}

/**
 * "At least seven have been deported from the US a second time", "fueron deportados de nuevo", "were
 * again deported": a mark of repetition after the predicate, within its clause (its places aside),
 * or right before it (auxiliaries aside) makes it another occurrence of the event.
 */
export function repeated(ctx: ArticleContext, predicate: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(predicate.start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    if (REPEATED.some((w) => w.length === 1 && w[0] === ctx.tokens[k]!.text)) return true;
    if (!LANG.auxiliaries.has(ctx.tokens[k]!.text) && !LANG.participleAuxiliaries.has(ctx.tokens[k]!.text)) break;
  }
  const j = ctx.tokenAt(predicate.end);
  for (let k = j; k < Math.min(j + 8, ctx.tokens.length); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct" || t.brk || LANG.coordinators.has(t.text) || LANG.relativePronouns.has(t.text)) return false;
    if (REPEATED.some((w) => w.every((x, n) => ctx.tokens[k + n]?.text === x))) return true;
    if (k > j && (startsEventTerm(ctx, t.start) || isGenericPredicate(ctx, k))) return false;
  }
  return false;
}

/**
 * "A graphic on Page A6 on Sunday, July 20", "la edición del domingo 20": a date right after a
 * document's noun, only where it sits in the publication between, dates the document; so does a
 * date right before one ("a July 19 article").
 */
export function documentDated(ctx: ArticleContext, start: number, end: number): boolean {
  // "a July 19 article about the release": a document's noun right after the date.
  const next = ctx.tokens[ctx.tokenAt(end)];
  if (next && next.kind === "word" && DOCUMENT_STARTS.has(next.text) && !ctx.text.slice(end, next.start).trim()) return true;
  const i = ctx.tokenAt(start);
  const from = ctx.sentences[ctx.sentenceAt(start)]?.start ?? 0;
  for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
    const t = ctx.tokens[k]!;
    // Within the sentence and the line: a heading above ("… an unfinished story\n\nOn Dec. 22") is no document of the date's.
    if (t.kind === "punct" || t.start < from || ctx.tokens[k + 1]!.brk) return false;
    if (DOCUMENTS.has(t.text)) return true;
    // A page or section's name ("A6", "B", "3") stands between too.
    const designator = t.kind === "number" || /\d/.test(t.text) || t.text.length === 1;
    if (!designator && !LANG.documentDateLinks.has(t.text) && !LANG.articles.has(t.text)) return false;
  }
  return false;
}

/**
 * "a panel on the deportation", "a documentary about the men's mass deportation", "un foro en la
 * universidad sobre la deportación": the event is what a discourse is about, so a date there dates
 * the panel, not the event. A topic preposition a few words before the event (no verb or
 * punctuation between but a possessive's apostrophe), and a topic noun a few words before it.
 */
export function topicOf(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(1, i - 5); k--) {
    // "Hoy hablamos de los venezolanos deportados": a verb of talking right before "de"/"about".
    if (
      LANG.topicVerbs.has(ctx.tokens[k - 1]!.text) &&
      (LANG.partitiveOf.has(ctx.tokens[k]!.text) || TOPIC_LINKS.some((w) => w.length === 1 && w[0] === ctx.tokens[k]!.text))
    )
      return true;
    if (!plainWord(ctx, k)) return false;
    const p = TOPIC_LINKS.find((w) => k - w.length + 1 > 0 && w.every((x, n) => ctx.tokens[k - w.length + 1 + n]!.text === x));
    if (!p) continue;
    // "Maduro speaks on state television Saturday about the return": a verb of talking holds the topic too.
    for (let j = k - p.length; j >= Math.max(0, k - p.length - 5); j--) {
      if (TOPICS.has(ctx.tokens[j]!.text) || LANG.topicVerbs.has(ctx.tokens[j]!.text)) return true;
      if (!plainWord(ctx, j)) return false;
    }
    return false;
  }
  return false;
}

/** A word that is no verb, or a possessive's apostrophe ("the men's"). */
function plainWord(ctx: ArticleContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (t.kind === "punct") return (t.text === "'" || t.text === "’") && !t.brk;
  return !t.brk && !isGenericPredicate(ctx, k);
}
