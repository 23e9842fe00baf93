// Option pieces several kinds share (term lists, context groups, "near" windows) and the
// helpers that evaluate them against a prepared article.
import { z } from "zod";
import {
  anyWordIn,
  bindEvent,
  compileEvent,
  inCorrection,
  inHearsay,
  inQuestion,
  clauseAfter,
  valueDenied,
  predicateClause,
  valueClause,
  windowAround,
  withAntecedent,
  type Binding,
  type Clause,
  type CompiledEvent,
  type EventDef,
} from "../attach";
import { LANG } from "../lang";
import { RuleCompileError, type ArticleContext, type CompileTools, type Hit, type Scope } from "../kind-api";
import { terms } from "../rule-parts";
import { firstEndingAfter, firstMentionAt, firstStartingAt, hitWithin } from "../search";
import { isUpperAt } from "../text-adapter";

export { isoDate, partialDate, terms } from "../rule-parts";
export { eventSchema, valueClause } from "../attach";
export { firstEndingAfter, firstMentionAt, firstStartingAt, hitCovers } from "../search";

export const scope = z.enum(["clause", "sentence", "paragraph", "article"]);

export const termGroup = z.strictObject({
  terms,
  scope: scope
    .optional()
    .describe(
      "Where the terms must (or must not) occur relative to the mention; default sentence. clause: the value's own clause (value kinds only; elsewhere read as sentence)",
    ),
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

export function compileMentionFilter(
  o: { event?: EventDef; context?: ContextDef; near?: NearDef; ignore_after?: string[] },
  tools: CompileTools,
): MentionFilter {
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
export function mentionPasses(
  ctx: ArticleContext,
  f: MentionFilter,
  start: number,
  end: number,
  sentence: number,
  bind: "nearest" | "clause" = "clause",
): MentionBinding | null {
  // Cheapest first: sentence context, the nearby term, the word before; binding to the event last.
  if (!mentionGate(ctx, f, start, end, sentence)) return null;
  if (f.ignoreAfter !== null && precededBy(ctx, f.ignoreAfter, start)) return null;
  if (f.clauseGroups && !clauseContextHolds(ctx, f.context, start, end)) return null;
  const predicate = f.event ? bindEvent(ctx, f.event, start, end, sentence, bind) : null;
  if (f.event && !predicate) return null;
  // Without an event, a correction notice, a question, hearsay, a denied value ("40,000, not 60,000") and a condition's consequence still are not the fact ("if …, the costs would exceed $20 million").
  if (
    !f.event &&
    (inPossibility(ctx, start, end) ||
      inCorrection(ctx, sentence) ||
      inQuestion(ctx, start, end) ||
      inHearsay(ctx, start) ||
      valueDenied(ctx, start))
  )
    return null;
  return { predicate };
}

/**
 * The filter's cheapest part, a few look-ups: the sentence context and the nearby term. Kinds
 * call it before their own per-mention readings, which most mentions of a long article fail.
 */
export function mentionGate(ctx: ArticleContext, f: MentionFilter, start: number, end: number, sentence: number): boolean {
  return contextHolds(ctx, f.context, sentence, true) && (!f.near || nearHolds(ctx, f.near, start, end, sentence));
}

/** Is the value the consequence of a condition: "if …" earlier in its sentence and a modal in its clause before it? */
function inPossibility(ctx: ArticleContext, start: number, end: number): boolean {
  const s = ctx.sentences[ctx.sentenceAt(start)]!;
  if (!anyWordIn(ctx, LANG.conditions, s.start, start)) return false;
  return anyWordIn(ctx, LANG.modals, valueClause(ctx, start, end).start, start);
}

/** A mention that counts for the rule, and the event predicate that bound it (rules with an `event`). */
export interface MentionBinding {
  predicate: Binding | null;
}

/** " (“landed”)": the words that bound a value to its event, for a fail's message. */
export function boundBy(ctx: ArticleContext, b: MentionBinding): string {
  return b.predicate ? ` (bound by “${ctx.text.slice(b.predicate.start, b.predicate.end)}”)` : "";
}

/** The context's clause-scoped groups, judged in the value's own clause. */
function clauseContextHolds(ctx: ArticleContext, c: CompiledContext, start: number, end: number): boolean {
  const own = valueClause(ctx, start, end);
  let clause: Clause | null = null; // built only when a group needs it
  for (const g of c.all) {
    if (g.scope !== "clause") continue;
    clause ??= withAntecedent(ctx, own);
    if (!referredToWithin(ctx, ctx.hits(g.set), clause.start, clause.end) && !namedBefore(ctx, g.set, clause, start)) return false;
  }
  // Excluded words count in the value's clause — or, when that clause has no predicate of its own,
  // in the one its subject resumes in ("137 Venezuelans | were removed under the Alien Enemies
  // Act") — except where a part quantifier gives them to a subset ("most of them under …").
  // A relative clause on the counted noun is its predicate too ("los 137 venezolanos | que expulsó
  // en marzo … en aplicación de la Ley …"): it says which of them are meant.
  // (Its reach is found only when an excluded word occurs in the article at all.)
  let from = -1;
  let to = -1;
  for (const g of c.none) {
    if (g.scope !== "clause") continue;
    const hits = ctx.hits(g.set);
    if (hits.length === 0) continue;
    if (from < 0) {
      clause ??= withAntecedent(ctx, own);
      const reach = windowAround(ctx, predicateClause(ctx, own), start, end);
      from = Math.min(clause.start, reach.start);
      to = Math.max(clause.end, reach.end, restrictiveRelative(ctx, own, end)?.end ?? 0);
    }
    for (let k = firstStartingAt(hits, from); k < hits.length && hits[k]!.start < to; k++) {
      if (!saidOfAPart(ctx, hits[k]!.start, end)) return false;
    }
  }
  return true;
}

/** The relative clause right after the counted noun that ends the value's clause ("los 137 venezolanos | que expulsó …"), or null. */
function restrictiveRelative(ctx: ArticleContext, own: Clause, valueEnd: number): Clause | null {
  if (ctx.wordsBetween(valueEnd, own.end) > 2) return null;
  const next = clauseAfter(ctx, own);
  if (!next || ctx.sentenceAt(next.start) !== ctx.sentenceAt(own.start)) return null;
  if (!LANG.relativePronouns.has(ctx.tokens[next.from]!.text)) return null;
  // "who | were expelled under the decree": the pronoun alone, its verb cut off as resuming.
  const verb = next.to - next.from <= 1 ? clauseAfter(ctx, next) : null;
  return verb?.resumes ? { ...next, end: verb.end, to: verb.to } : next;
}

/** Does a hit in [from, to) refer to the thing, not introduce another of its kind ("a camp", "una prisión")? */
function referredToWithin(ctx: ArticleContext, hits: readonly Hit[], from: number, to: number): boolean {
  for (let k = firstStartingAt(hits, from); k < hits.length && hits[k]!.start < to; k++) {
    if (hits[k]!.end <= to && !introducesAnother(ctx, hits[k]!.start) && !closesAnotherName(ctx, hits[k]!.start)) return true;
  }
  return false;
}

/**
 * "The Utah State Correctional Facility …", "Surf Camp owner …": a head noun written capitalised
 * right after another capitalised word (not an article, not a country's name) closes another thing's
 * proper name; the thing itself is named by its own terms ("the Terrorism Confinement Center").
 * (Spanish names put the head first, "la Prisión Modelo": they are not read this way.)
 */
function closesAnotherName(ctx: ArticleContext, start: number): boolean {
  if (!isUpperAt(ctx.text, start)) return false;
  const i = ctx.tokenAt(start);
  const prev = ctx.tokens[i - 1];
  if (!prev || prev.kind !== "word" || ctx.tokens[i]!.brk || !isUpperAt(ctx.text, prev.start)) return false;
  if (LANG.articles.has(prev.text) || LANG.definiteArticles.has(prev.text)) return false;
  const countries = ctx.countries();
  const m = countries[firstMentionAt(countries, prev.start + 1) - 1];
  return !(m && m.offset + m.length > prev.start);
}

/**
 * "a camp the government says can hold up to 5,000", "una prisión en Santa Elena con capacidad
 * para 736": an indefinite article (an adjective or two may stand between) introduces another
 * thing of the kind. English "a" counts only before a lower-case word: in Spanish it means
 * "to" ("enviados a CECOT").
 */
function introducesAnother(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") return false;
    // "CECOT is a prison …", "Es un penal …": after a copula the indefinite describes the subject.
    const copula = LANG.auxiliaries.has(ctx.tokens[k - 1]?.text ?? "");
    if (LANG.indefiniteArticles.has(t.text)) return !copula;
    if (LANG.articlePrepositions.has(t.text)) return !copula && !/\p{Lu}/u.test(ctx.text[ctx.tokens[k + 1]!.start] ?? "");
    if (LANG.articles.has(t.text) || LANG.definiteArticles.has(t.text)) return false;
  }
  return false;
}

/**
 * "The prison opened in 2023. The government says it was built to hold 40,000 inmates.": a
 * pronoun before the value stands for a thing the previous sentence of the paragraph names.
 */
function namedBefore(ctx: ArticleContext, set: number, clause: { start: number; end: number }, value: number): boolean {
  const s = ctx.sentenceAt(value);
  // A sentence that opens on its verb has dropped its subject ("Fue inaugurado en 2023", "Tiene capacidad para …").
  let pronoun = clause.start === ctx.sentences[s]!.start && LANG.auxiliaries.has(ctx.tokens[ctx.tokenAt(clause.start)]?.text ?? "");
  for (let i = ctx.tokenAt(clause.start); i < ctx.tokens.length && ctx.tokens[i]!.start < value && !pronoun; i++)
    pronoun = LANG.thingPronouns.has(ctx.tokens[i]!.text);
  // "Con capacidad para 80.000 reos, se levantó …", "…, es presentado por el gobierno como …": a
  // fronted phrase, then a verb without its subject (in the value's clause or opening the next).
  const last = ctx.tokenAt(clause.end);
  for (let i = ctx.tokenAt(clause.start); i <= last && i < ctx.tokens.length && !pronoun; i++) {
    const w = ctx.tokens[i]!.text;
    const afterComma = i === ctx.tokenAt(clause.start) || ctx.tokens[i - 1]!.text === ",";
    pronoun = afterComma && (LANG.droppedSubjectClitics.has(w) || (i === last && i > ctx.tokenAt(clause.start) && LANG.auxiliaries.has(w)));
  }
  if (!pronoun) return false;

  if (s === 0 || ctx.sentences[s - 1]!.paragraph !== ctx.sentences[s]!.paragraph) return false;
  // A chain of pronouns ("When did it open? It was inaugurated …") reaches back to the sentence that
  // names the thing, a few sentences at most, crossing a paragraph only from a sentence that itself
  // refers back.
  for (let p = s - 1; p >= 0 && p >= s - 3; p--) {
    if (hitWithin(ctx.hits(set), ctx.sentences[p]!.start, ctx.sentences[p + 1]!.start)) return true;
    if (!hasThingPronoun(ctx, p)) return false;
  }
  return false;
}

function hasThingPronoun(ctx: ArticleContext, s: number): boolean {
  const end = s + 1 < ctx.sentences.length ? ctx.sentences[s + 1]!.start : ctx.text.length;
  for (let i = ctx.tokenAt(ctx.sentences[s]!.start); i < ctx.tokens.length && ctx.tokens[i]!.start < end; i++)
    if (LANG.thingPronouns.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** Is the word at `at` said of a part ("most of them under the Act", "la mayoría por la ley") after the value? */
function saidOfAPart(ctx: ArticleContext, at: number, valueEnd: number): boolean {
  for (let i = ctx.tokenAt(at) - 1; i >= 0 && ctx.tokens[i]!.start >= valueEnd; i--)
    if (LANG.partQuantifiers.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** Does the sentence satisfy the context (all groups present, none of the excluded)? */
export function contextHolds(ctx: ArticleContext, c: CompiledContext, sentence: number, clausesApart = false): boolean {
  for (const g of c.all) {
    const scope = scopeOf(g, clausesApart);
    if (scope && !ctx.inScope(g.set, sentence, scope)) return false;
  }
  for (const g of c.none) {
    const scope = scopeOf(g, clausesApart);
    if (scope && ctx.inScope(g.set, sentence, scope)) return false;
  }
  return true;
}

/** Value kinds judge clause groups in the value's clause (clauseContextHolds); other kinds read them as sentence groups. */
function scopeOf(g: CompiledGroup, clausesApart: boolean): Scope | null {
  return g.scope !== "clause" ? g.scope : clausesApart ? null : "sentence";
}

// Hits of one term set come sorted by start and never overlap (leftmost-longest), so their ends
// are sorted too: every question below is a binary search plus a look at one or two neighbours,
// never a scan of all hits (a scan per mention is quadratic in a long, claim-dense article).

/** Is a term of `near.set` within `near.words` words of the span [start, end), in the same sentence? */
export function nearHolds(ctx: ArticleContext, near: CompiledNear, start: number, end: number, sentence: number): boolean {
  const hits = ctx.hits(near.set);
  if (hits.length === 0) return false;
  // The first hit ending after `start`: the only one that can overlap the span.
  const k = firstEndingAfter(hits, start);
  const over = hits[k];
  if (over && over.start < end && over.sentence === sentence) return true;
  // Words between grow with distance, so only the nearest hit on each side can be close enough.
  // An entry's heading reaches past the entry's subject to its verb ("Enero de 2021 — El Gobierno de
  // Nayib Bukele inaugura …"): a few words more.
  const heads = headsEntry(ctx.text, start, end);
  if (near.side !== "before" || heads) {
    const after = hits[firstStartingAt(hits, end)];
    if (after && after.sentence === sentence && ctx.wordsBetween(end, after.start) <= near.words + (heads ? 4 : 0)) return true;
  }
  if (near.side !== "after") {
    const before = hits[k - 1];
    if (before && before.sentence === sentence && ctx.wordsBetween(before.end, start) <= near.words) return true;
  }
  return false;
}

/**
 * "January 31, 2023 — Bukele inaugurates …", "• March 15: …", "- 20.000 reclusos: capacidad de
 * diseño …": a value at the start of its line (its unit noun after it, perhaps) that a dash or
 * colon introduces an entry with — a timeline's or a "by the numbers" box's.
 */
function headsEntry(text: string, start: number, end: number): boolean {
  for (let k = start - 1; k >= 0 && text[k] !== "\n"; k--) if (!/[\s\p{P}\p{S}]/u.test(text[k]!)) return false;
  return /^[\s*_]*(?:\p{L}+[\s*_]*){0,2}[:\u2013\u2014-]\s/u.test(text.slice(end, end + 40));
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
