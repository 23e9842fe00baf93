// Binding a value to its event: the value's clause, its predicate (nearest, for dates; any in the
// noun phrase's reach, for counts), and the frames that are not the fact itself — corrections,
// plans, denials, datelines, other occurrences, other groups.
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { isUpperAt } from "../text-adapter";
import { firstEndingAfter, firstMentionAt, firstStartingAt, hitWithin } from "../search";
import {
  clauseAfter,
  clauseAt,
  inCorrection,
  inQuestion,
  mainPredicateClauses,
  nounPhraseReach,
  startsEventTerm,
  subjectClause,
  withAntecedent,
  type Clause,
} from "./clauses";
import type { CompiledEvent } from "./event";
import { oneperson } from "./one-person";
import { inHearsay } from "./reported";
import {
  asideOwnsValue,
  capacityBefore,
  documentDated,
  elapsedLength,
  issueMoves,
  laterRelative,
  prevented,
  repeated,
  topicOf,
} from "./value-frames";
import { anotherGroup, countsTheGroup, occurrenceDate, occurrenceIdentified, otherNationalsAt } from "./participants";
import { anyMainIsThis, anySharedIsThis, anySharedUnplaced, mainIsThis, sharedIsThis } from "./places";
import { isGenericPredicate, isNegationAt, nearestPredicate, REACH, windowAround } from "./predicates";

/** The clause a value is judged in: its own, or the next when its own only introduces it ("March 15: …"). */
export function valueClause(ctx: ArticleContext, start: number, end: number): Clause {
  const c = clauseAt(ctx, start);
  if (c.endsWithColon && ctx.wordsBetween(c.start, c.end) <= ctx.wordsBetween(start, end) + 2) return clauseAfter(ctx, c) ?? c;
  // A date heading on its own line ("July 17" above a timeline entry) dates the entry below it.
  if (isHeading(ctx, c, start, end)) {
    const entry = clauseAfter(ctx, c);
    if (entry) return nounPhraseReach(ctx, entry);
  }
  return c;
}

/** Is the value alone on its line (a heading), give or take a preposition and punctuation? */
export function isHeading(ctx: ArticleContext, c: Clause, start: number, end: number): boolean {
  if (ctx.wordsBetween(c.start, c.end) > ctx.wordsBetween(start, end) + 1) return false;
  // Only bullets, spaces or punctuation between the line's start and the clause, and after the value to the line's end.
  const text = ctx.text;
  let k = c.start - 1;
  while (k >= 0 && k > c.start - 8 && text[k] !== "\n" && /[\s\p{P}]/u.test(text[k]!)) k--;
  if (k >= 0 && text[k] !== "\n") return false;
  let j = end;
  while (j < text.length && j < end + 8 && text[j] !== "\n" && /[\s\p{P}]/u.test(text[j]!)) j++;
  return j >= text.length || text[j] === "\n";
}

/** "on December 22, when Boasberg ruled …": the when-clause right after a date says what (else) happened on it. */
export function whenClauseAfter(ctx: ArticleContext, c: Clause, end: number): Clause | null {
  if (ctx.wordsBetween(end, c.end) !== 0) return null;
  const next = clauseAfter(ctx, c);
  return next && LANG.whenWords.has(ctx.tokens[next.from]!.text) && ctx.text.slice(end, next.start).includes(",") ? next : null;
}

/** Is any token of [from, to) in the word set? */
export function anyWordIn(ctx: ArticleContext, words: Set<string>, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) if (words.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** The predicate a value is bound to: shown to editors with a fail, so they see why the value counts for the fact. */
export interface Binding {
  start: number;
  end: number;
}

/**
 * Is the value at [start, end) stated as this event, in the outlet's asserted words? Not inside a
 * correction notice, not in a clause that is a plan, possibility or denial, and bound to the
 * event: its clause holds the event ("clause", for counts) or the event is the predicate nearest
 * to it ("nearest", for dates: in "a judge ruled on Monday that men deported in March …", Monday
 * belongs to the ruling). A shared predicate (arrived, llegaron) counts with its argument.
 */
export function bindEvent(
  ctx: ArticleContext,
  e: CompiledEvent,
  start: number,
  end: number,
  sentence: number,
  bind: "nearest" | "clause",
): Binding | null {
  if (inCorrection(ctx, sentence) || inQuestion(ctx, start, end) || inHearsay(ctx, start) || valueDenied(ctx, start)) return null;
  // "The prison, built to hold about 15,000 inmates, became …": a capacity counts no event's participants.
  if (bind === "clause" && capacityBefore(ctx, start)) return null;
  const own = valueClause(ctx, start, end);
  let c = windowAround(ctx, bind === "clause" ? nounPhraseReach(ctx, own) : own, start, end);
  if (anyWordIn(ctx, LANG.modals, c.start, start)) return null;
  const main = ctx.hits(e.set);
  if (isDateline(ctx, clauseAt(ctx, start), start, end)) return null;
  const a = e.ambiguous;
  let bound: Binding | null = null;
  if (bind === "nearest") {
    // "his March 15 instruction": a date between a possessive and a noun
    // dates that noun — this event's when the noun is its own, else another thing's.
    // "Our Episode 97 (August 2025) on the prisoner exchange": a date in parentheses dates the word
    // before them — this event's only when that word is its own.
    // "the newspaper clipping …, dated Saturday, July 19": a document's own date.
    if (afterDatingWord(ctx, start)) return null;
    // "Bukele ofrece a Rubio recibir deportados (04/02/2025)" closing its line: a linked headline's
    // or a citation's date, not an event's in it.
    if (parenthesisedAtLineEnd(ctx, start, end)) return null;
    const before = parenthesisedAfter(ctx, start, end);
    if (before) {
      const h = main[firstEndingAfter(main, before.end - 1)];
      return h && h.end === before.end ? h : null;
    }
    // "A graphic on Page A6 on Sunday, July 20, …": the date dates the graphic.
    if (documentDated(ctx, start, end)) return null;
    const noun = attributiveNoun(ctx, start, end);
    if (noun) {
      const h = main[firstStartingAt(main, noun.start)];
      return h && h.start === noun.start ? h : null;
    }
    // The date's own predicate, or the co-temporal event of a when-clause after it.
    const after = whenClauseAfter(ctx, own, end);
    // A fronted date in a clause without a predicate ("On July 18, all 252 Venezuelans | were bused
    // to the airport | and flown to Venezuela"; "On July 18, after weeks of talks, El Salvador sent
    // …") dates the sentence's main predicate and the predicates coordinated with it.
    // (A clause with an auxiliary has a verb of its own, one the tables may not list: "que … había enviado en marzo".)
    if (nearestPredicate(ctx, c, start, end, ctx.predicateHits()) === null && !anyWordIn(ctx, LANG.auxiliaries, own.start, start)) {
      // A bare "today" frames the present its clause speaks of ("Today we're looking back at the men
      // who were sent …"): it dates no relative clause's past event. (An anniversary's today, "hoy se
      // cumple un año de que …", is read as the event's day: it dates what follows.)
      const today = ctx.tokens[ctx.tokenAt(start)]!;
      const main = mainPredicateClauses(ctx, own, LANG.presentDays.has(today.text) && today.end === end);
      if (main) {
        c = windowAround(ctx, main, start, end);
        bound = anyMainIsThis(ctx, ctx.hits(e.set), a, c, start) ?? (a ? anySharedIsThis(ctx, a, c, start) : null);
        if (!bound) return null;
      }
    }
    if (!bound) {
      bound = nearestBinding(ctx, e, c, start, end);
      if (!bound && own.start >= end) {
        // A label's entry ("15 de febrero de 2025 — Trump invoca la ley y parten de Texas los vuelos"):
        // the date dates the entry's main predicate and those coordinated with it, not only the nearest.
        let last = own;
        for (
          let n = clauseAfter(ctx, last);
          n && ctx.sentenceAt(n.start) === sentence && (n.coordinated || n.resumes);
          n = clauseAfter(ctx, n)
        )
          last = n;
        if (last !== own) {
          const w = windowAround(ctx, { ...own, end: last.end, to: last.to }, start, end);
          bound = anyMainIsThis(ctx, main, a, w, start) ?? (a ? anySharedIsThis(ctx, a, w, start) : null);
          // "Dec. 22, 2025 — Boasberg rules the 137 men removed … were denied": a listed verb (rules,
          // says, dictamina) before the event is the entry's; the event is inside what it rules.
          if (bound && rulesOver(ctx, end, bound.start)) bound = null;
          if (bound) c = w;
        }
      }
      // "put on planes on Thursday, July 17, and flown home": the predicate coordinated right after the date.
      // Only when the date's own clause has no event near it (a generic verb at most: "put"), and a
      // comma and a coordinator open the next.
      const near = bound ? null : nearestPredicate(ctx, c, start, end, ctx.predicateHits());
      const next = bound || (near && startsEventTerm(ctx, near.start)) ? null : clauseAfter(ctx, own);
      if (
        next?.coordinated &&
        LANG.coordinators.has(ctx.tokens[next.from]!.text) &&
        ctx.sentenceAt(next.start) === sentence &&
        ctx.wordsBetween(end, next.start) === 0 &&
        ctx.text.slice(end, next.start).includes(",")
      ) {
        bound = nearestBinding(ctx, e, windowAround(ctx, next, start, end), start, end);
        if (bound) c = windowAround(ctx, { ...next, start: own.start, from: own.from }, start, end);
      }
      if (!bound) {
        bound = after && nearestBinding(ctx, e, windowAround(ctx, after, start, end), start, end);
        if (!bound) return null;
        c = windowAround(ctx, { ...after!, start: own.start, from: own.from }, start, end);
      }
    }
  } else {
    bound = anyMainIsThis(ctx, main, a, c, start, end) ?? (a ? anySharedIsThis(ctx, a, c, start) : null);
    // A shared predicate no place decides is this event's when its clause is dated in the event's
    // month ("137 venezolanos viajaban en los vuelos de marzo": March's trip, not July's).
    if (!bound && a && e.when) {
      const p = anySharedUnplaced(ctx, a, own, start);
      if (p && monthIn(ctx, e.when, own, start, end)) bound = p;
    }
    if (!bound) return null;
  }
  if (!bound) return null;
  // "this handout photo released by the office …": the predicate releases a picture, not people.
  // "promised mass deportations", "barred his deportation": a plan or a prevented event, not one that happened.
  if (mediaBefore(ctx, bound.start) || intentBefore(ctx, bound.start) || prevented(ctx, bound.start)) return null;
  // "on Tuesday night for a panel on the deportation": the date dates the panel.
  if (bind === "nearest" && topicOf(ctx, bound.start)) return null;
  // "an earlier release in January 2025", "una liberación anterior": another occurrence of the event.
  if (LANG.otherOccurrenceBefore.has(ctx.tokens[ctx.tokenAt(bound.start) - 1]?.text ?? "")) return null;
  if (LANG.otherOccurrenceAfter.has(ctx.tokens[ctx.tokenAt(bound.end)]?.text ?? "")) return null;
  // "deported from the US a second time", "deportados de nuevo", "were again deported": a repetition.
  if (repeated(ctx, bound)) return null;
  // "since Trump returned to office on Jan. 20": the predicate in another sense.
  if (phraseAt(ctx, LANG.otherSenseAfter, ctx.tokenAt(bound.end))) return null;
  // "the question looks set to return to the Supreme Court": an issue's move, not people's.
  if (issueMoves(ctx, bound, a?.with ?? null)) return null;
  // "llegó un segundo grupo de siete", "a third flight carrying …": a later batch is another occurrence.
  // (Also in the subject a resumed or coordinated clause leaves behind: "A second flight | was sent on …".)
  if (laterBatchIn(ctx, c) || laterBatchIn(ctx, windowAround(ctx, subjectClause(ctx, own), start, end))) return null;
  if (asideOwnsValue(ctx, start, end, bound)) return null;
  // "los 14 que llegaron al CECOT después": a relative clause naming the ones whose event came later.
  if (laterRelative(ctx, clauseAt(ctx, bound.start).from, bound)) return null;
  // "hoy podría concretarse un canje": a modal between the value and its predicate makes it a possibility too.
  const b: Binding = bound;
  if (b.start > end && anyWordIn(ctx, LANG.modals, end, b.start)) return null;
  // "ordered the government to facilitate his return by Monday": an order's object is not done.
  // ("ordenó al Gobierno que fueran liberados el lunes": across a "que"/"that" that opens the
  // predicate's clause, when the value is in what is ordered too.)
  const pc = clauseAt(ctx, b.start);
  const that = LANG.relativePronouns.has(ctx.tokens[pc.from]?.text ?? "");
  const order = orderedBefore(ctx, that ? (ctx.tokens[Math.max(0, pc.from - 4)]?.start ?? pc.start) : pc.start, b.start);
  if (order >= pc.start || (order >= 0 && start > order)) return null;
  if (bind === "nearest" && dateDenied(ctx, start, end, b)) return null;
  // "Este domingo se cumple un año desde que … envió": a length and "since" between the date and
  // the event make the date an anniversary, not the event's.
  if (bind === "nearest" && b.start > end && anniversaryBetween(ctx, end, b.start)) return null;
  // A relative clause's time is its antecedent's ("in late January, in which Venezuela released six").
  const antecedent = withAntecedent(ctx, own);
  const dated = e.when
    ? occurrenceDate(
        ctx,
        e.when,
        antecedent.start < c.start ? windowAround(ctx, { ...c, start: antecedent.start, from: antecedent.from }, start, end) : c,
        start,
        end,
      )
    : "none";
  if (dated === "disagrees" || !occurrenceIdentified(ctx, e, dated, sentence)) return null;
  // One person's event, unless the sentence counts the group he is among ("and was among the 252 …").
  if (e.group && (anotherGroup(ctx, e.group, c, start, end) || (oneperson(ctx, own, bound) && !countsTheGroup(ctx, e.group, sentence))))
    return null;
  // The subject a resumed clause leaves behind, named plainly ("Seven more | were shipped down on March 30").
  if (
    e.group &&
    own.resumes &&
    antecedent.start < c.start &&
    anotherGroup(ctx, e.group, { ...c, start: antecedent.start, end: c.start }, start, end, true)
  )
    return null;
  if (e.group?.nationality && otherNationalsAt(ctx, e.group.nationality, bound) && !countsTheGroup(ctx, e.group, sentence)) return null;
  // "10 Americans …, who had been held for more than a year": a relative clause's subject is its antecedent.
  if (e.group) {
    const predicateClause = clauseAt(ctx, (bound as Binding).start);
    const whose = withAntecedent(ctx, predicateClause);
    if (whose !== predicateClause && anotherGroup(ctx, e.group, { ...whose, end: predicateClause.start }, start, end, true)) return null;
  }
  return bound;
}

/**
 * Where an order or demand in [from, to) starts, with no comma after it and an infinitive's "to" or a
 * "that"/"que" between it and `to` (what follows is what it asks for: "ordered the government to
 * facilitate his return", "ordenó que fueran liberados"), or -1. ("ordered the deportation in 2019"
 * and "ordered them deported" state the event.)
 */
function orderedBefore(ctx: ArticleContext, from: number, to: number): number {
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
function phraseAt(ctx: ArticleContext, set: Set<string>, i: number): boolean {
  let phrase = "";
  for (let k = i; k < Math.min(i + 4, ctx.tokens.length); k++) {
    phrase = phrase ? `${phrase} ${ctx.tokens[k]!.text}` : ctx.tokens[k]!.text;
    if (set.has(phrase)) return true;
  }
  return false;
}

/** Does the clause name a later batch of the event ("a second group", "otro vuelo", "un grupo posterior")? */
function laterBatchIn(ctx: ArticleContext, c: Clause): boolean {
  for (let i = ctx.tokenAt(c.start); i < ctx.tokens.length && ctx.tokens[i]!.start < c.end; i++) {
    if (!LANG.batchNouns.has(ctx.tokens[i]!.text)) continue;
    if (LANG.laterBatchBefore.has(ctx.tokens[i - 1]?.text ?? "") || LANG.laterBatchAfter.has(ctx.tokens[i + 1]?.text ?? "")) return true;
  }
  return false;
}

/** Between the two offsets: a length ("un año", "six months") and a boundary word after it ("desde", "since") or one that makes it time elapsed ("se cumple un año de que")? */
function anniversaryBetween(ctx: ArticleContext, from: number, to: number): boolean {
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
function attributiveNoun(ctx: ArticleContext, start: number, end: number): { start: number; end: number } | null {
  const before = ctx.tokens[ctx.tokenAt(start) - 1];
  const after = ctx.tokens[ctx.tokenAt(end)];
  if (!before || !after || after.kind !== "word" || after.start - end > 1 || isUpperAt(ctx.text, after.start)) return null;
  if (!LANG.possessiveDeterminers.has(before.text)) return null;
  if (isGenericPredicate(ctx, ctx.tokenAt(end)) || LANG.phraseBreakers.has(after.text) || LANG.coordinators.has(after.text)) return null;
  return after;
}

/** Is the predicate a word right before a hit of the group's nouns, with no auxiliary before it ("transferred individuals")? */
function adjectival(ctx: ArticleContext, groupSet: number, p: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(p.start);
  const next = ctx.tokens[ctx.tokenAt(p.end)];
  if (!next || next.start - p.end > 1 || LANG.auxiliaries.has(ctx.tokens[i - 1]?.text ?? "")) return false;
  // "Relatives of a deported man": after an article, a participle before a person noun describes him.
  if (LANG.personNouns.has(next.text) && LANG.articles.has(ctx.tokens[i - 1]?.text ?? "")) return true;
  const hits = ctx.hits(groupSet);
  const h = hits[firstStartingAt(hits, next.start)];
  return !!h && h.start === next.start;
}

/** Does the clause itself state the event's month ("en los vuelos de marzo"), the value aside? */
function monthIn(ctx: ArticleContext, when: NonNullable<CompiledEvent["when"]>, c: Clause, start: number, end: number): boolean {
  const dates = ctx.dates();
  for (let k = firstMentionAt(dates, c.start); k < dates.length && dates[k]!.offset < c.end; k++) {
    const d = dates[k]!;
    if (d.offset < end && d.offset + d.length > start) continue;
    if (d.month === when.m && (d.year === undefined || d.year === when.y) && d.granularity !== "year") return true;
  }
  return false;
}

/** The predicate nearest to the value in clause `k` when it is this event's (not denied, its shared predicate's argument agreeing), or null. */
function nearestBinding(ctx: ArticleContext, e: CompiledEvent, k: Clause, start: number, end: number): Binding | null {
  let p = nearestPredicate(ctx, k, start, end, ctx.predicateHits());
  if (p === null || negated(ctx, p.start)) return null;
  // "the opinion, issued on December 18", "su decisión, dictada el 12 de diciembre": a participle set
  // off after the event's noun dates that noun's event.
  const i = ctx.tokenAt(p.start);
  const noun = ctx.tokens[i - 2];
  if (ctx.tokens[i - 1]?.text === "," && noun && !startsEventTerm(ctx, p.start)) {
    const main = ctx.hits(e.set);
    const h = main[firstStartingAt(main, noun.start)];
    if (h && h.start === noun.start && h.end === noun.end) p = h;
  }
  // "to detain transferred individuals": a participle right before the group's noun describes the
  // people; it is not the clause's event.
  if (e.group && adjectival(ctx, e.group.set, p)) return null;
  const a = e.ambiguous;
  if (hitWithin(ctx.hits(e.set), p.start, p.end) && mainIsThis(ctx, a, p.end, k)) return p;
  if (a !== null && hitWithin(ctx.hits(a.set), p.start, p.end) && sharedIsThis(ctx, a, p.end, k)) return p;
  return null;
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

/** "promised mass deportations", "prometió liberar a los presos": an intent verb at most three words before the predicate makes it a plan. */
function intentBefore(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (LANG.intentVerbs.has(t.text)) return true;
  }
  return false;
}

/**
 * The name or number right before "(" when the value alone fills the parentheses ("Episode 97
 * (August 2025)", "J.G.G. v. Trump (2025)"), or null — a date after a verb phrase ("sent north
 * (January 12)") is still the verb's.
 */
function parenthesisedAfter(ctx: ArticleContext, start: number, end: number): { start: number; end: number } | null {
  const i = ctx.tokenAt(start);
  const open = ctx.tokens[i - 1];
  const close = ctx.tokens[ctx.tokenAt(end)];
  if (open?.text !== "(" || close?.text !== ")") return null;
  const word = ctx.tokens[i - 2];
  return word && (word.kind === "number" || (word.kind === "word" && isUpperAt(ctx.text, word.start))) ? word : null;
}

/** A listed verb in [from, to) that takes a clause or a noun phrase after it ("rules the 137 men …", "dice que …"), not "held at CECOT". */
function rulesOver(ctx: ArticleContext, from: number, to: number): boolean {
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
function afterDatingWord(ctx: ArticleContext, start: number): boolean {
  let i = ctx.tokenAt(start);
  if (LANG.definiteArticles.has(ctx.tokens[i - 1]?.text ?? "") || ctx.tokens[i - 1]?.text === "on") i--;
  return DOCUMENT_DATE_LEADS.some((p) => p.every((w, n) => ctx.tokens[i - p.length + n]?.text === w));
}

const CLOSING_QUOTES = new Set(['"', "”", "»", "'", "’"]);

/**
 * Does the value alone fill parentheses that end their line right after a quoted title ("«…
 * recibir deportados» (04/02/2025)", "“…” (Feb. 4, 2025)")? A heading's own date ("6. The release
 * (July 2025)") is left to the word before it.
 */
function parenthesisedAtLineEnd(ctx: ArticleContext, start: number, end: number): boolean {
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

/** Is a media noun right before the predicate, an adjective or two aside ("handout photo released", "imágenes difundidas")? */
function mediaBefore(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word") return false;
    if (LANG.mediaNouns.has(t.text)) return true;
  }
  return false;
}

/** "held for a few months, not a year", "no 300 sino 252", "no evidence of any $60 million": the value itself is denied (articles and denial fillers may stand between). */
export function valueDenied(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (isNegationAt(ctx, k)) return true;
    // "no evidence of any $60 million payment", "no secret $60 million", "ningún pago de …".
    if (!LANG.articles.has(t.text) && !LANG.denialFillers.has(t.text)) return false;
  }
  return false;
}

/**
 * "cooperation did not begin in 2026", "no llegaron el 16 de marzo": a negation a verb and a
 * preposition before a date denies it — unless a word after the negation keeps it stated ("not
 * until July 18", "no fue sino hasta julio"), or the date names its own noun ("neither does the
 * December 22 ruling": the ruling is not what is denied).
 */
function dateDenied(ctx: ArticleContext, start: number, end: number, bound: Binding): boolean {
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

/** A capitalised place of up to four words and a comma: the start of a dateline ("San Salvador, "). */
const DATE_THEN_CREDIT = /^\s*\([^()\n]{1,40}\)\s*$/;
const PLACE_THEN_COMMA = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3}\s*,\s*$/u;
