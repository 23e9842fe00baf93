// Binding a value to its event: the value's clause, its predicate (nearest, for dates; any in the
// noun phrase's reach, for counts), and the frames that are not the fact itself — corrections,
// plans, denials, datelines, other occurrences, other groups.
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { firstEndingAfter, firstStartingAt, hitWithin } from "../search";
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
import { adjectival, reducedRelativeOn, sharedPlaceIn, singularRelative, singularWhen } from "./group-frames";
import { inHearsay } from "./reported";
import { asideOwnsValue, capacityBefore, documentDated, issueMoves, laterRelative, prevented, repeated, topicOf } from "./value-frames";
import { anotherGroup, countsTheGroup, occurrenceDate, occurrenceIdentified, otherNationalsAt } from "./participants";
import { anyMainIsThis, anySharedIsThis, anySharedUnplaced, mainIsThis, sharedIsThis } from "./places";
import { anyWordIn, nearestPredicate, negated, windowAround } from "./predicates";
import {
  afterDatingWord,
  anniversaryBetween,
  attributiveNoun,
  dateDenied,
  isDateline,
  labelsAGroup,
  monthIn,
  parenthesisedAfter,
  parenthesisedAtLineEnd,
  rulesOver,
} from "./date-frames";
import {
  characterizedAs,
  intentBefore,
  laterBatchIn,
  mediaBefore,
  orderedBefore,
  namesAProgram,
  phraseAt,
  referenceTimeBefore,
  runningTotal,
  valueDenied,
} from "./predicate-frames";

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
    if (afterDatingWord(ctx, start) || labelsAGroup(ctx, start)) return null;
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
  if (
    mediaBefore(ctx, bound.start) ||
    intentBefore(ctx, bound.start, bind === "nearest" ? { start, end } : undefined) ||
    prevented(ctx, bound.start)
  )
    return null;
  // "his vice president at the time of the swap": the event is the time of something else.
  if (bind === "nearest" && referenceTimeBefore(ctx, bound.start)) return null;
  // "presenta la caída de Maduro como una liberación": what something else is called.
  if (characterizedAs(ctx, bound.start) || namesAProgram(ctx, bound)) return null;
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
  // "has deported thousands of Venezuelans since January": a running total, not one occurrence's count.
  if (bind === "clause" && runningTotal(ctx, bound, clauseAt(ctx, bound.start))) return null;
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
  if (
    e.group &&
    (anotherGroup(ctx, e.group, c, start, end) ||
      ((oneperson(ctx, own, bound) || singularRelative(ctx, bound.start)) &&
        !countsTheGroup(ctx, e.group, sentence) &&
        !sharedPlaceIn(ctx, e.group, bound)))
  )
    return null;
  // "A year ago today — July 18 — the men the U.S. had sent to El Salvador walked out": a date
  // before the group's noun dates the main clause, not a relative clause on the noun.
  if (e.group && bind === "nearest" && bound.start > end && reducedRelativeOn(ctx, e.group.set, bound.start, end)) return null;
  // "one return, on June 6, when he was brought back": a when-clause after the date says whose it is.
  if (e.group && bind === "nearest" && singularWhen(ctx, whenClauseAfter(ctx, own, end)) && !countsTheGroup(ctx, e.group, sentence))
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
