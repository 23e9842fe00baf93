// Places tell apart the events that share a predicate: the first places after "arrived", "flown",
// "llegaron" say where they went (a destination) or came from (an origin).
import type { ArticleContext, Hit } from "../kind-api";
import { hasPair, LANG } from "../lang";
import { isUpperAt } from "../text-adapter";
import { firstMentionAt, firstStartingAt } from "../search";
import { negated } from "./predicates";
import { startsEventTerm, type Clause } from "./clauses";
import type { CompiledEvent } from "./event";
import { isGenericPredicate, namesPeople, periphrasis } from "./predicates";
import { boundaryBefore } from "./dates";

/** How far after a predicate its places may sit, in tokens ("flown on two planes to Maiquetía"). */
export const PLACE_REACH = 14;

/**
 * Which event do the places after a predicate (before any other predicate) make it? A `without`
 * destination makes it the other event's ("deportation flights to Venezuela" are not the
 * transfer to El Salvador; "flown home from El Salvador's prison" is the return); else a `with`
 * place that is not an origin, or a `from` origin, makes it this one; else nothing is said.
 */
export function placesSay(
  ctx: ArticleContext,
  a: NonNullable<CompiledEvent["ambiguous"]>,
  pEnd: number,
  c: Clause,
  motion: boolean,
): "this" | "other" | null {
  const sets = a.places;
  const first = ctx.tokenAt(pEnd);
  const last = Math.min(c.to, first + PLACE_REACH);
  let verdict: "this" | null = null;
  let held = false; // past an auxiliary: another verb's places
  let object = false; // past a definite object: its places
  // After an origin, places in its noun phrase are still where they left ("left the prison in Tecoluca,
  // El Salvador"), until a preposition of motion or another predicate says where they went.
  // A departure verb's object opens the origin ("left the prison in Tecoluca": not "left for …").
  let inOrigin = LANG.departureVerbs.has(ctx.tokens[first - 1]?.text ?? "") && objectOfDeparture(ctx, first, first + 1);
  // A country the text names as the destination, when no listed place says otherwise ("returned to the United States").
  const countries = ctx.countries();
  let k = firstMentionAt(countries, ctx.tokens[first]?.start ?? pEnd);
  for (let i = first; i < last; i++) {
    const t = ctx.tokens[i]!;
    // Places after another predicate are its own — unless it continues the motion ("flight … landed in Venezuela").
    if (i > first && isPredicateAt(ctx, i)) {
      if (!startsHit(ctx.hits(a.set), t.start) && !LANG.departureVerbs.has(t.text)) break;
      motion = true;
      inOrigin = false;
    }
    // "handed over all 252 Venezuelans it had been holding in CECOT": after an auxiliary, a place
    // where something is (in, en) is its verb's; only one a motion goes to is still the predicate's
    // ("sent all 252 Venezuelans it was holding to Venezuela").
    if (i > first && LANG.auxiliaries.has(t.text)) held = true;
    // "handed over all 252 Venezuelans in CECOT", "entregó a los 252 venezolanos en el CECOT": after a
    // known group counted as the object, a place where something is says where they are, not where they went.
    if (t.kind === "number" && i > first && LANG.partitiveDeterminers.has(ctx.tokens[i - 1]!.text)) object = true;
    if (LANG.motionPrepositions.has(t.text)) inOrigin = false;
    // "the first such flight since the weekend of the transfer to El Salvador": places after a time reference are its own.
    if (LANG.timeReferences.has(t.text) || hasPair(LANG.timeReferences, t.text, ctx.tokens[i + 1]?.text)) break;
    // "carried 137 Venezuelans, along with Salvadorans wanted at home": places after a companion are the companions'.
    if (i > first && t.kind === "word" && (LANG.comitatives.has(t.text) || hasPair(LANG.comitatives, t.text, ctx.tokens[i + 1]?.text)))
      break;
    while (k < countries.length && countries[k]!.offset < t.start) k++;
    const country = countries[k];
    // Only a country's name is a place; a demonym ("a 185 venezolanos") names people.
    const isCountry = !!country && country.offset === t.start && country.form === "name";
    if (isCountry && !sets.some(([set]) => startsHit(ctx.hits(set), t.start)) && governingPreposition(ctx, i, first) === "destination")
      return "other";
    for (const [set, role] of sets) {
      const hits = ctx.hits(set);
      const h = hits[firstStartingAt(hits, t.start)];
      if (!h || h.start !== t.start) continue;
      const governed = governingPreposition(ctx, i, first);
      const origin = governed === "origin" || (inOrigin && governed !== "destination");
      if (origin) inOrigin = true;
      // After a verb of motion any place but an origin is where they went ("landed in Caracas");
      // after another verb only a preposition of motion says so ("freed from a prison in El Salvador" does not).
      if (role === "without" && (motion ? !origin : governed === "destination")) return "other";
      if ((role === "with" && (held || object ? governed === "destination" : !origin)) || (role === "from" && origin)) verdict = "this";
    }
    if (isCountry && governingPreposition(ctx, i, first) === "origin") inOrigin = true;
  }
  return verdict;
}

export function sharedIsThis(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, pEnd: number, c: Clause): boolean {
  return placesSay(ctx, a, pEnd, c, true) === "this";
}

/** A main predicate is this event unless its places make it the other's. */
export function mainIsThis(ctx: ArticleContext, a: CompiledEvent["ambiguous"], pEnd: number, c: Clause): boolean {
  return a === null || placesSay(ctx, a, pEnd, c, false) !== "other";
}

/** The first of the event's own predicates in the clause that its places do not give to another event. */
export function anyMainIsThis(
  ctx: ArticleContext,
  main: readonly Hit[],
  a: CompiledEvent["ambiguous"],
  c: Clause,
  value: number,
  valueEnd?: number,
): Hit | null {
  for (let k = firstStartingAt(main, c.start); k < main.length && main[k]!.start < c.end; k++) {
    const p = main[k]!;
    // "Llegan 98 repatriados por Comalapa": the counted noun is not the predicate when a verb before it is.
    if (valueEnd !== undefined && p.start >= valueEnd && ctx.wordsBetween(valueEnd, p.start) === 0 && predicateBefore(ctx, c, value))
      continue;
    // "held there until their release": an event after a boundary word ends another state; it is not the count's.
    if (
      !negated(ctx, p.start) &&
      !namesPeople(ctx, p.start) &&
      !periphrasis(ctx, p.end) &&
      !accompanies(ctx, p.end, value) &&
      !(p.start > value && boundaryBefore(ctx, p.start)) &&
      mainIsThis(ctx, a, p.end, c)
    )
      return p;
  }
  return null;
}

/** Does the clause have a predicate before the value (a generic verb or an event's word: "Llegan 98 repatriados")? */
function predicateBefore(ctx: ArticleContext, c: Clause, value: number): boolean {
  for (let i = c.from; i < c.to && ctx.tokens[i]!.start < value; i++) if (isGenericPredicate(ctx, i)) return true;
  for (const hits of ctx.predicateHits()) {
    const h = hits[firstStartingAt(hits, c.start)];
    if (h && h.start < value) return true;
  }
  return false;
}

/** "returned with six Americans": a comitative between a predicate and the value after it makes the value company, not the event's object. */
function accompanies(ctx: ArticleContext, pEnd: number, value: number): boolean {
  if (pEnd > value) return false;
  for (let i = ctx.tokenAt(pEnd); i < ctx.tokens.length && ctx.tokens[i]!.start < value; i++) {
    const t = ctx.tokens[i]!;
    if (LANG.comitatives.has(t.text) || hasPair(LANG.comitatives, t.text, ctx.tokens[i + 1]?.text)) return true;
  }
  return false;
}

/** The first shared predicate in the clause that its places make this event's. */
export function anySharedIsThis(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, c: Clause, value: number): Hit | null {
  const hits = ctx.hits(a.set);
  for (let k = firstStartingAt(hits, c.start); k < hits.length && hits[k]!.start < c.end; k++) {
    const p = hits[k]!;
    if (!negated(ctx, p.start) && !periphrasis(ctx, p.end) && !accompanies(ctx, p.end, value) && sharedIsThis(ctx, a, p.end, c)) return p;
  }
  return null;
}

/**
 * A shared predicate in the clause whose places name neither trip ("137 venezolanos viajaban en los
 * vuelos de marzo"), or null — and null when a shared predicate near the value is placed on the
 * other trip ("A flight carrying 199 migrants landed in Venezuela": the flight is that landing's).
 */
export function anySharedUnplaced(ctx: ArticleContext, a: NonNullable<CompiledEvent["ambiguous"]>, c: Clause, value: number): Hit | null {
  const hits = ctx.hits(a.set);
  let found: Hit | null = null;
  for (let k = firstStartingAt(hits, c.start); k < hits.length && hits[k]!.start < c.end && !found; k++) {
    const p = hits[k]!;
    if (
      !negated(ctx, p.start) &&
      !accompanies(ctx, p.end, value) &&
      !namedPlaceAfter(ctx, p.end) &&
      placesSay(ctx, a, p.end, c, true) === null
    )
      found = p;
  }
  if (!found) return null;
  // Only near the value: a long clause's far predicates are not its noun's (and scanning them all is quadratic).
  const v = ctx.tokenAt(value);
  const lo = Math.max(c.start, ctx.tokens[Math.max(0, v - PLACE_REACH)]!.start);
  const hi = Math.min(c.end, ctx.tokens[Math.min(ctx.tokens.length - 1, v + PLACE_REACH)]!.end);
  for (let k = firstStartingAt(hits, lo); k < hits.length && hits[k]!.start < hi; k++) {
    const p = hits[k]!;
    if (!negated(ctx, p.start) && placesSay(ctx, a, p.end, c, true) === "other") return null;
  }
  return found;
}

/**
 * "arrived in Juba", "llegaron a Tegucigalpa": a locative or a preposition of motion right after the
 * predicate and a capitalised name — a place the pack does not list, so neither trip's, and the
 * predicate is not unplaced.
 */
function namedPlaceAfter(ctx: ArticleContext, pEnd: number): boolean {
  let i = ctx.tokenAt(pEnd);
  const prep = ctx.tokens[i]?.text ?? "";
  if (!LANG.locatives.has(prep) && !LANG.motionPrepositions.has(prep)) return false;
  i++;
  if (LANG.definiteArticles.has(ctx.tokens[i]?.text ?? "")) i++;
  const t = ctx.tokens[i];
  return !!t && t.kind === "word" && !t.brk && isUpperAt(ctx.text, t.start);
}

export function startsHit(hits: readonly Hit[], start: number): boolean {
  const h = hits[firstStartingAt(hits, start)];
  return h !== undefined && h.start === start;
}

/** Does a predicate (an event term or a generic one) start at token i? */
export function isPredicateAt(ctx: ArticleContext, i: number): boolean {
  return startsEventTerm(ctx, ctx.tokens[i]!.start) || isGenericPredicate(ctx, i);
}

/** The preposition governing the noun phrase that starts at token i ("from El Salvador's prison" → origin). */
export function governingPreposition(ctx: ArticleContext, i: number, floor: number): "origin" | "destination" | "other" | null {
  // "leave Harlingen", "salieron de Texas": a departure verb makes what follows an origin.
  const prev = ctx.tokens[i - 1];
  if (prev && LANG.departureVerbs.has(prev.text)) return "origin";
  if (i <= floor) return null;
  // "left the Terrorism Confinement Center", "abandonaron el penal": what a departure verb takes, past its article and modifiers.
  if (LANG.departureVerbs.has(ctx.tokens[floor - 1]?.text ?? "") && i - floor <= 3 && objectOfDeparture(ctx, floor, i)) return "origin";
  for (let k = i - 1; k >= Math.max(floor, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (LANG.originPrepositions.has(t.text) || (k > floor && hasPair(LANG.originPrepositions, ctx.tokens[k - 1]!.text, t.text)))
      return "origin";
    // "de"/"del" right after a predicate, or anywhere after a departure ("salieron este viernes del CECOT").
    if (LANG.weakOriginPrepositions.has(t.text))
      return (k > 0 && isPredicateAt(ctx, k - 1)) || LANG.departureVerbs.has(ctx.tokens[floor - 1]?.text ?? "") ? "origin" : "other";
    if (LANG.motionPrepositions.has(t.text)) return "destination";
    if (LANG.destinationPrepositions.has(t.text) || (t.kind === "punct" && t.text !== "'" && t.text !== "’")) return "other";
  }
  return null;
}

/** Are the tokens [floor, i) an article and modifiers of the noun at i, no preposition among them ("the notorious", not "for the")? */
function objectOfDeparture(ctx: ArticleContext, floor: number, i: number): boolean {
  // Not Spanish "a" ("partieron a Venezuela"): there it is the preposition of motion.
  const first = ctx.tokens[floor]!.text;
  if (LANG.articlePrepositions.has(first) || (!LANG.articles.has(first) && !LANG.definiteArticles.has(first))) return false;
  for (let k = floor + 1; k < i; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word" || LANG.phraseBreakers.has(t.text) || LANG.articles.has(t.text)) return false;
  }
  return true;
}
