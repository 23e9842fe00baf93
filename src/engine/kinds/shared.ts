// Option pieces several kinds share (term lists, context groups, "near" windows) and the
// helpers that evaluate them against a prepared article.
import { z } from "zod";
import { clauseAfter, clauseAt, withAntecedent, hitWithin, inCorrection, isGenericPredicate, nearestPredicate, nounPhraseReach, subjectClause, windowAround, type Clause } from "../attach";
import { RuleCompileError, type ArticleContext, type CompileTools, type Hit, type Scope } from "../kind-api";
import { LANG } from "../lang";

/** Plain phrases (case- and accent-insensitive, whole words, optional trailing `*`) or `@pack-term` references. */
export const terms = z
  .array(z.string().min(1))
  .min(1)
  .describe("Plain phrases matched case- and accent-insensitively on word boundaries; a trailing * matches a word prefix (deport*); @name inserts the pack's term list `name`. Never regular expressions.");

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .describe("A calendar date, YYYY-MM-DD");

/** A date at year, month or day granularity. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
  .describe("YYYY, YYYY-MM or YYYY-MM-DD: the granularity the fact is known at");

export const scope = z.enum(["clause", "sentence", "paragraph", "article"]);

export const termGroup = z.strictObject({
  terms,
  scope: scope.optional().describe("Where the terms must (or must not) occur relative to the mention; default sentence. clause: the value's own clause (value kinds only; elsewhere read as sentence)"),
});

export const contextSchema = z
  .strictObject({
    all: z.array(termGroup).optional().describe("Every group must occur in its scope"),
    none: z.array(termGroup).optional().describe("No group may occur in its scope"),
  })
  .describe("Context terms that decide whether a mention is about this fact at all");

export const nearSchema = z
  .strictObject({
    terms,
    words: z.number().int().min(0).max(12).optional().describe("Max words between the value and the term; default 4"),
    side: z.enum(["after", "before", "either"]).optional().describe("Where the term sits relative to the value; default after"),
  })
  .describe("The value must sit within a few words of one of these terms (the counted noun, the event verb)");

export const eventSchema = z
  .strictObject({
    terms: terms.describe("The event's predicates: verbs and nouns that state it (released, freed, liberados, the release)"),
    ambiguous: z
      .strictObject({
        terms: terms.describe("Predicates this event shares with another (arrived, flown, llegaron)"),
        with: terms.describe("Words that, in the same clause, make a shared predicate this event (a destination: Caracas, Maiquetía)"),
        from: terms.optional().describe("Origins that, in the same clause, make a shared predicate this event (flown out of Texas)"),
        without: terms.optional().describe("Destinations (after to, into, a, hacia) that, in the same clause, make it another event's"),
      })
      .optional(),
    when: partialDate.optional().describe("When the event happened: a value in a clause dated otherwise belongs to another occurrence"),
    identify: terms
      .optional()
      .describe("The event repeats (several flights): a value counts only where this occurrence is identified — a date agreeing with `when`, one of these marks in the sentence (first flights, Harlingen), or an article published in the `when` month"),
    group: z
      .strictObject({
        sizes: z.array(z.number().int().min(0)).min(1).describe("How many people the event's group counts (and its known parts)"),
        terms: terms.describe("Nouns that count people (Venezuelans, men, hombres)"),
      })
      .optional()
      .describe("Whose event it is: a clause that counts people otherwise (\"177 of them were flown …\") is about another group"),
  })
  .describe("The event the value belongs to: a value counts only when its clause states this event (dates: when this event is the nearest predicate). Statements, rulings, plans, corrections and other events' values are skipped.");

export type EventDef = z.infer<typeof eventSchema>;
export type TermGroupDef = z.infer<typeof termGroup>;
export type ContextDef = z.infer<typeof contextSchema>;
export type NearDef = z.infer<typeof nearSchema>;

export interface CompiledGroup {
  set: number;
  scope: Scope | "clause";
}
export interface CompiledContext {
  all: CompiledGroup[];
  none: CompiledGroup[];
}
export interface CompiledNear {
  set: number;
  words: number;
  side: "after" | "before" | "either";
}

export function compileContext(ctx: ContextDef | undefined, tools: CompileTools, key = "context"): CompiledContext {
  const group = (g: TermGroupDef, k: string): CompiledGroup => ({
    set: tools.terms(g.terms, `${k}.terms`),
    scope: g.scope ?? "sentence",
  });
  return {
    all: (ctx?.all ?? []).map((g, i) => group(g, `${key}.all.${i}`)),
    none: (ctx?.none ?? []).map((g, i) => group(g, `${key}.none.${i}`)),
  };
}

export function compileNear(near: NearDef | undefined, tools: CompileTools, key = "near"): CompiledNear | null {
  if (!near) return null;
  return { set: tools.terms(near.terms, `${key}.terms`), words: near.words ?? 4, side: near.side ?? "after" };
}

/**
 * How a value mention (a number, a date) is tied to a rule's fact: context terms in its
 * sentence/paragraph, an optional nearby term, and words it must not directly follow.
 * Shared by the quantity and date kinds.
 */
export interface CompiledEvent {
  set: number;
  ambiguous: { set: number; with: number; from: number | null; without: number | null } | null;
  when: { y: number; m?: number; d?: number } | null;
  group: { sizes: number[]; set: number } | null;
  identify: number | null;
}

export interface MentionFilter {
  event: CompiledEvent | null;
  context: CompiledContext;
  near: CompiledNear | null;
  ignoreAfter: number | null;
  /** The context has clause-scoped groups (checked per value). */
  clauseGroups: boolean;
  /** The term sets that must occur in the article for the rule to run at all. */
  requires: number[];
}

export function compileEvent(e: EventDef | undefined, tools: CompileTools): CompiledEvent | null {
  if (!e) return null;
  const set = tools.terms(e.terms, "event.terms");
  tools.predicate(set);
  let ambiguous: CompiledEvent["ambiguous"] = null;
  if (e.ambiguous) {
    ambiguous = {
      set: tools.terms(e.ambiguous.terms, "event.ambiguous.terms"),
      with: tools.terms(e.ambiguous.with, "event.ambiguous.with"),
      from: e.ambiguous.from ? tools.terms(e.ambiguous.from, "event.ambiguous.from") : null,
      without: e.ambiguous.without ? tools.terms(e.ambiguous.without, "event.ambiguous.without") : null,
    };
    tools.predicate(ambiguous.set);
  }
  const when = e.when ? e.when.split("-").map(Number) : null;
  const group = e.group ? { sizes: e.group.sizes, set: tools.terms(e.group.terms, "event.group.terms") } : null;
  const identify = e.identify ? tools.terms(e.identify, "event.identify") : null;
  return { set, ambiguous, when: when ? { y: when[0]!, m: when[1], d: when[2] } : null, group, identify };
}

export function compileMentionFilter(o: { event?: EventDef; context?: ContextDef; near?: NearDef; ignore_after?: string[] }, tools: CompileTools): MentionFilter {
  const context = compileContext(o.context, tools);
  const near = compileNear(o.near, tools);
  const event = compileEvent(o.event, tools);
  return {
    event,
    clauseGroups: [...context.all, ...context.none].some((g) => g.scope === "clause"),
    context,
    near,
    ignoreAfter: o.ignore_after ? tools.terms(o.ignore_after, "ignore_after") : null,
    requires: [...context.all.map((g) => g.set), ...(near ? [near.set] : [])],
  };
}

/** Does the mention at [start, end) in `sentence` pass the filter? */
export function mentionPasses(ctx: ArticleContext, f: MentionFilter, start: number, end: number, sentence: number, bind: "nearest" | "clause" = "clause"): boolean {
  if (f.event && !eventHolds(ctx, f.event, start, end, sentence, bind)) return false;
  if (!contextHolds(ctx, f.context, sentence)) return false;
  if (f.clauseGroups && !clauseContextHolds(ctx, f.context, start, end)) return false;
  if (f.near && !nearHolds(ctx, f.near, start, end, sentence)) return false;
  return f.ignoreAfter === null || !precededBy(ctx, f.ignoreAfter, start);
}

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
function isHeading(ctx: ArticleContext, c: Clause, start: number, end: number): boolean {
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
function whenClauseAfter(ctx: ArticleContext, c: Clause, end: number): Clause | null {
  if (ctx.wordsBetween(end, c.end) !== 0) return null;
  const next = clauseAfter(ctx, c);
  return next && LANG.whenWords.has(ctx.tokens[next.from]!.text) && ctx.text.slice(end, next.start).includes(",") ? next : null;
}

/** Is any token of [from, to) in the word set? */
function anyWordIn(ctx: ArticleContext, words: Set<string>, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) if (words.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/**
 * Is the value at [start, end) stated as this event, in the outlet's asserted words? Not inside a
 * correction notice, not in a clause that is a plan, possibility or denial, and bound to the
 * event: its clause holds the event ("clause", for counts) or the event is the predicate nearest
 * to it ("nearest", for dates: in "a judge ruled on Monday that men deported in March …", Monday
 * belongs to the ruling). A shared predicate (arrived, llegaron) counts with its argument.
 */
export function eventHolds(ctx: ArticleContext, e: CompiledEvent, start: number, end: number, sentence: number, bind: "nearest" | "clause"): boolean {
  if (inCorrection(ctx, sentence)) return false;
  const own = valueClause(ctx, start, end);
  let c = windowAround(ctx, bind === "clause" ? nounPhraseReach(ctx, own) : own, start, end);
  if (anyWordIn(ctx, LANG.modals, c.start, start)) return false;
  const main = ctx.hits(e.set);
  if (isDateline(ctx, clauseAt(ctx, start), start)) return false;
  const a = e.ambiguous;
  if (bind === "nearest") {
    // The date's own predicate, or the co-temporal event of a when-clause after it.
    const bindsHere = (k: Clause) => {
      const p = nearestPredicate(ctx, k, start, end, ctx.predicateHits());
      return p !== null && !negated(ctx, p.start) && ((hitWithin(main, p.start, p.end) && mainIsThis(ctx, a, p.end, k)) || (a !== null && hitWithin(ctx.hits(a.set), p.start, p.end) && sharedIsThis(ctx, a, p.end, k)));
    };
    const after = whenClauseAfter(ctx, own, end);
    // "On March 15, 238 Venezuelans | were flown to El Salvador": a date in a clause without a
    // predicate belongs to the predicate its subject resumes with.
    if (nearestPredicate(ctx, c, start, end, ctx.predicateHits()) === null) c = windowAround(ctx, nounPhraseReach(ctx, own), start, end);
    if (!bindsHere(c)) {
      if (!after || !bindsHere(windowAround(ctx, after, start, end))) return false;
      c = windowAround(ctx, { ...after, start: own.start, from: own.from }, start, end);
    }
  } else if (!anyMainIsThis(ctx, main, a, c) && !(a && anySharedIsThis(ctx, a, c))) return false;
  const dated = e.when ? occurrenceDate(ctx, e.when, c, start, end) : "none";
  if (dated === "disagrees" || !occurrenceIdentified(ctx, e, dated, sentence)) return false;
  if (e.group && (anotherGroup(ctx, e.group, c, start, end) || oneperson(ctx, own, start, end))) return false;
  return true;
}

/** How far after a predicate its places may sit, in tokens ("flown on two planes to Maiquetía"). */
const PLACE_REACH = 14;

/**
 * Which event do the places after a predicate (before any other predicate) make it? A `without`
 * destination makes it the other event's ("deportation flights to Venezuela" are not the
 * transfer to El Salvador; "flown home from El Salvador's prison" is the return); else a `with`
 * place that is not an origin, or a `from` origin, makes it this one; else nothing is said.
 */
function placesSay(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, pEnd: number, c: Clause, motion: boolean): "this" | "other" | null {
  const sets: Array<[number, "with" | "from" | "without"]> = [[a.with, "with"]];
  if (a.from !== null) sets.push([a.from, "from"]);
  if (a.without !== null) sets.push([a.without, "without"]);
  const first = ctx.tokenAt(pEnd);
  const last = Math.min(c.to, first + PLACE_REACH);
  let verdict: "this" | null = null;
  // A country the text names as the destination, when no listed place says otherwise ("returned to the United States").
  const countries = ctx.countries();
  let k = firstMentionAt(countries, ctx.tokens[first]?.start ?? pEnd);
  for (let i = first; i < last; i++) {
    const t = ctx.tokens[i]!;
    // Places after another predicate are its own — unless it continues the motion ("flight … landed in Venezuela").
    if (i > first && isPredicateAt(ctx, i)) {
      if (!startsHit(ctx.hits(a.set), t.start) && !LANG.departureVerbs.has(t.text)) break;
      motion = true;
    }
    while (k < countries.length && countries[k]!.offset < t.start) k++;
    const country = countries[k];
    // Only a country's name is a place; a demonym ("a 185 venezolanos") names people.
    if (country && country.offset === t.start && country.form === "name" && !sets.some(([set]) => startsHit(ctx.hits(set), t.start)) && governingPreposition(ctx, i, first) === "destination") return "other";
    for (const [set, role] of sets) {
      const hits = ctx.hits(set);
      const h = hits[firstStartingAt(hits, t.start)];
      if (!h || h.start !== t.start) continue;
      const governed = governingPreposition(ctx, i, first);
      const origin = governed === "origin";
      // After a verb of motion any place but an origin is where they went ("landed in Caracas");
      // after another verb only a preposition of motion says so ("freed from a prison in El Salvador" does not).
      if (role === "without" && (motion ? !origin : governed === "destination")) return "other";
      if ((role === "with" && !origin) || (role === "from" && origin)) verdict = "this";
    }
  }
  return verdict;
}

function sharedIsThis(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, pEnd: number, c: Clause): boolean {
  return placesSay(ctx, a, pEnd, c, true) === "this";
}

/** A main predicate is this event unless its places make it the other's. */
function mainIsThis(ctx: ArticleContext, a: CompiledEvent["ambiguous"], pEnd: number, c: Clause): boolean {
  return a === null || placesSay(ctx, a, pEnd, c, false) !== "other";
}

function anyMainIsThis(ctx: ArticleContext, main: readonly Hit[], a: CompiledEvent["ambiguous"], c: Clause): boolean {
  for (let k = firstStartingAt(main, c.start); k < main.length && main[k]!.start < c.end; k++) if (!negated(ctx, main[k]!.start) && mainIsThis(ctx, a, main[k]!.end, c)) return true;
  return false;
}

/** Is the predicate at `start` denied ("were not released", "no fueron liberados")? A negation within three words before it. */
function negated(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    if (LANG.negations.has(t.text)) return true;
  }
  return false;
}

function anySharedIsThis(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, c: Clause): boolean {
  const hits = ctx.hits(a.set);
  for (let k = firstStartingAt(hits, c.start); k < hits.length && hits[k]!.start < c.end; k++) if (!negated(ctx, hits[k]!.start) && sharedIsThis(ctx, a, hits[k]!.end, c)) return true;
  return false;
}

function startsHit(hits: readonly Hit[], start: number): boolean {
  const h = hits[firstStartingAt(hits, start)];
  return h !== undefined && h.start === start;
}

/** Does a predicate (an event term or a generic one) start at token i? */
function isPredicateAt(ctx: ArticleContext, i: number): boolean {
  if (isGenericPredicate(ctx, i)) return true;
  const start = ctx.tokens[i]!.start;
  for (const hits of ctx.predicateHits()) {
    const h = hits[firstStartingAt(hits, start)];
    if (h && h.start === start) return true;
  }
  return false;
}

/** The preposition governing the noun phrase that starts at token i ("from El Salvador's prison" → origin). */
function governingPreposition(ctx: ArticleContext, i: number, floor: number): "origin" | "destination" | "other" | null {
  if (i <= floor) return null;
  // "leave Harlingen", "salieron de Texas": a departure verb makes what follows an origin.
  const prev = ctx.tokens[i - 1]!;
  if (LANG.departureVerbs.has(prev.text)) return "origin";
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (LANG.originPrepositions.has(t.text) || (k > floor && LANG.originPrepositions.has(`${ctx.tokens[k - 1]!.text} ${t.text}`))) return "origin";
    if (LANG.weakOriginPrepositions.has(t.text)) return k > 0 && isPredicateAt(ctx, k - 1) ? "origin" : "other";
    if (LANG.motionPrepositions.has(t.text)) return "destination";
    if (LANG.destinationPrepositions.has(t.text) || (t.kind === "punct" && t.text !== "'" && t.text !== "’")) return "other";
  }
  return null;
}

/** "CARACAS, Jan. 15, 2026 —": a dateline dates the story, not an event in it. */
function isDateline(ctx: ArticleContext, c: Clause, start: number): boolean {
  if (!c.endsWithColon) return false;
  const first = ctx.tokens[c.from]!;
  const word = ctx.text.slice(first.start, first.end);
  return first.start < start && word.length >= 3 && word === word.toUpperCase() && /\p{Lu}/u.test(word) && ctx.wordsBetween(c.start, c.end) <= 7;
}

/** Does the clause count people other than the event's group ("177 of them", "190 Venezuelans")? */
function anotherGroup(ctx: ArticleContext, g: NonNullable<CompiledEvent["group"]>, c: Clause, start: number, end: number): boolean {
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
function oneperson(ctx: ArticleContext, own: Clause, start: number, end: number): boolean {
  // Windowed: a run-on sentence must not make every value scan all of it.
  const c = windowAround(ctx, own, start, end);
  const subject = subjectClause(ctx, own);
  const s = windowAround(ctx, subject, subject.start, subject.start); // the subject sits at its start
  return anyWordIn(ctx, LANG.singularPronouns, s.start, s.end) || (s !== c && anyWordIn(ctx, LANG.singularPronouns, c.start, c.end));
}

/** Does a hit start within `words` words after offset? */
function nextHitWithin(ctx: ArticleContext, hits: readonly Hit[], offset: number, words: number): boolean {
  const h = hits[firstStartingAt(hits, offset)];
  return h !== undefined && ctx.wordsBetween(offset, h.start) <= words;
}

/**
 * Is the value dated otherwise than `when` — another occurrence of the event? By a date in its
 * clause, else by the narrative time: the last date stated before it in the paragraph
 * ("January 2025. … Grenell returned with six Americans").
 */
function occurrenceDate(ctx: ArticleContext, when: NonNullable<CompiledEvent["when"]>, c: Clause, start: number, end: number): "agrees" | "disagrees" | "none" {
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
  const paragraph = ctx.sentences[ctx.sentenceAt(start)]?.paragraph;
  const before = dates[firstMentionAt(dates, c.start) - 1];
  if (before === undefined || (before.year === undefined && before.month === undefined) || ctx.sentences[ctx.sentenceAt(before.offset)]?.paragraph !== paragraph) return "none";
  return disagrees(before) ? "disagrees" : "agrees";
}

/**
 * Is the occurrence of a repeated event identified (the March flights, not April's)? By a date
 * that agrees, by one of the rule's marks in the sentence, or — when nothing in the text dates
 * it — by an article published in the event's month, written as it happened.
 */
function occurrenceIdentified(ctx: ArticleContext, e: CompiledEvent, dated: "agrees" | "disagrees" | "none", sentence: number): boolean {
  if (e.identify === null || dated === "agrees") return true;
  if (ctx.inScope(e.identify, sentence, "sentence")) return true;
  const w = e.when;
  return dated === "none" && ctx.dated && w !== null && ctx.asOf.startsWith(`${w.y}-${String(w.m ?? 1).padStart(2, "0")}`) && w.m !== undefined;
}

/** The context's clause-scoped groups, judged in the value's own clause. */
function clauseContextHolds(ctx: ArticleContext, c: CompiledContext, start: number, end: number): boolean {
  const clause = withAntecedent(ctx, valueClause(ctx, start, end));
  for (const g of c.all) if (g.scope === "clause" && !hitWithin(ctx.hits(g.set), clause.start, clause.end)) return false;
  for (const g of c.none) if (g.scope === "clause" && hitWithin(ctx.hits(g.set), clause.start, clause.end)) return false;
  return true;
}

/** Does the sentence satisfy the context (all groups present, none of the excluded)? */
export function contextHolds(ctx: ArticleContext, c: CompiledContext, sentence: number): boolean {
  for (const g of c.all) if (!ctx.inScope(g.set, sentence, g.scope === "clause" ? "sentence" : g.scope)) return false;
  for (const g of c.none) if (g.scope !== "clause" && ctx.inScope(g.set, sentence, g.scope)) return false;
  return true;
}

/** Count word tokens strictly between two offsets (punctuation does not count). */
export function wordsBetween(ctx: ArticleContext, from: number, to: number): number {
  return ctx.wordsBetween(from, to);
}

// Hits of one term set come sorted by start and never overlap (leftmost-longest), so their ends
// are sorted too: every question below is a binary search plus a look at one or two neighbours,
// never a scan of all hits (a scan per mention is quadratic in a long, claim-dense article).

/** Index of the first item whose `start` is >= offset (items sorted by start). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose `end` is > offset (items sorted by end). */
export function firstEndingAfter(items: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mention whose `offset` is >= offset (mentions sorted by offset). */
export function firstMentionAt(items: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { offset: number }).offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does one of the (sorted, non-overlapping) hits contain [start, end)? */
export function hitCovers(hits: readonly Hit[], start: number, end: number): boolean {
  // Only the last hit starting at or before `start` can: it has the largest end of those.
  const i = firstStartingAt(hits, start + 1) - 1;
  return i >= 0 && (hits[i] as Hit).end >= end;
}

/** Is a term of `near.set` within `near.words` words of the span [start, end), in the same sentence? */
export function nearHolds(ctx: ArticleContext, near: CompiledNear, start: number, end: number, sentence: number): boolean {
  const hits = ctx.hits(near.set);
  if (hits.length === 0) return false;
  // The first hit ending after `start`: the only one that can overlap the span.
  const k = firstEndingAfter(hits, start);
  const over = hits[k];
  if (over && over.start < end && over.sentence === sentence) return true;
  // Words between grow with distance, so only the nearest hit on each side can be close enough.
  if (near.side !== "before") {
    const after = hits[firstStartingAt(hits, end)];
    if (after && after.sentence === sentence && ctx.wordsBetween(end, after.start) <= near.words) return true;
  }
  if (near.side !== "after") {
    const before = hits[k - 1];
    if (before && before.sentence === sentence && ctx.wordsBetween(before.end, start) <= near.words) return true;
  }
  return false;
}

/** Is the span directly preceded (ignoring spaces/punctuation) by a hit of `set`? */
export function precededBy(ctx: ArticleContext, set: number, start: number): boolean {
  const hits = ctx.hits(set);
  // Hits ending at most 3 code units before `start`: the last few ending at or before it.
  for (let i = firstEndingAfter(hits, start) - 1; i >= 0; i--) {
    const h = hits[i] as Hit;
    if (start - h.end > 3) break;
    if (ctx.wordsBetween(h.end, start) === 0) return true;
  }
  return false;
}

export function assertNoRegex(phrase: string, key: string): void {
  // Terms are data, never patterns: reject anything that looks like a regular expression so a
  // rule author cannot smuggle in catastrophic backtracking (and learns why the term fails).
  if (/[\\^$|?+{}[\]]/.test(phrase) || /\(.*[*+].*\)/.test(phrase) || /\*\S/.test(phrase) || /(^|\s)\*/.test(phrase)) {
    throw new RuleCompileError(
      key,
      `term ${JSON.stringify(phrase)} looks like a regular expression; terms are plain phrases (a trailing * on a word is the only wildcard) — list the variants as separate terms`,
    );
  }
}
