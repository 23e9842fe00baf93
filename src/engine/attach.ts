// The attachment layer: ties a value (a date, a count) to the clause it sits in and to that
// clause's predicate, instead of to keywords anywhere in a sentence. Clauses are cut on the
// engine's own tokens with the language tables (src/engine/lang); predicates are the packs'
// event terms, the tables' generic predicates (said, ruled, offered …) and past-tense verbs
// guessed from their endings. Built lazily, once per article, only when a rule asks.
import type { ArticleContext, Hit } from "./kind-api";
import { LANG, phrasesOf } from "./lang";

export interface Clause {
  start: number;
  end: number;
  /** Index of the first token in the clause and one past the last. */
  from: number;
  to: number;
  /** What ended the clause: punctuation that introduces what follows (":", "—"), or anything else. */
  endsWithColon: boolean;
}

export interface Predicate {
  start: number;
  end: number;
}

interface Attachment {
  cuts: number[];
  clauses: Clause[];
  correction: Set<number>;
  predicates: Predicate[][];
}

const cache = new WeakMap<ArticleContext, Attachment>();

const OPENER_PHRASES = phrasesOf("clauseOpeners");
const CORRECTIONS = [...LANG.correctionMarkers];
const HARD_BREAKS = new Set([";", ":", "(", ")", "[", "]", "—", "?", "!"]);

function build(ctx: ArticleContext): Attachment {
  const { tokens, text } = ctx;
  const clauses: Clause[] = [];
  let from = 0;
  const eventStarts = new Set<number>();
  for (const hits of ctx.predicateHits()) for (const h of hits) eventStarts.add(h.start);
  const startsPredicate = (i: number) => i < tokens.length && (eventStarts.has(tokens[i]!.start) || isGenericPredicate(ctx, i));
  const close = (to: number, colon: boolean) => {
    if (to > from) clauses.push({ start: tokens[from]!.start, end: tokens[to - 1]!.end, from, to, endsWithColon: colon });
    from = to;
  };
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const s = ctx.sentenceAt(t.start);
    if (s !== sentence || t.brk) {
      close(i, false);
      sentence = s;
    }
    if (t.kind === "punct") {
      const spacedDash = (t.text === "–" || t.text === "-") && text[t.start - 1] === " " && text[t.end] === " ";
      if (HARD_BREAKS.has(t.text) || spacedDash) {
        close(i, t.text === ":" || t.text === "—" || spacedDash);
        from = i + 1;
      } else if (t.text === "," && i + 1 < tokens.length && (LANG.coordinators.has(tokens[i + 1]!.text) || startsPredicate(i + 1))) {
        close(i + 1, false);
      }
      continue;
    }
    // "deported in March and flown home in July": a coordinated predicate is its own clause.
    if (LANG.coordinators.has(t.text) && startsPredicate(i + 1)) {
      close(i, false);
      continue;
    }
    if (i > from && opensClause(tokens, i)) close(i, false);
  }
  close(tokens.length, false);
  const cuts = clauses.map((c) => c.start);

  // Correction notices are their own frame: every clause of such a sentence is skipped.
  const correction = new Set<number>();
  const folded = ctx.folded;
  for (const marker of CORRECTIONS) {
    for (let at = folded.indexOf(marker); at >= 0; at = folded.indexOf(marker, at + marker.length)) correction.add(ctx.sentenceAt(at));
  }
  return { cuts, clauses, correction, predicates: [] };
}

function opensClause(tokens: ArticleContext["tokens"], i: number): boolean {
  for (const words of OPENER_PHRASES) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k]?.text === words[k];
    if (ok) return true;
  }
  return false;
}

function attachment(ctx: ArticleContext): Attachment {
  let a = cache.get(ctx);
  if (!a) cache.set(ctx, (a = build(ctx)));
  return a;
}

/** The clause holding `offset`. */
export function clauseAt(ctx: ArticleContext, offset: number): Clause {
  const a = attachment(ctx);
  let lo = 0;
  let hi = a.cuts.length - 1;
  let ans = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.cuts[mid]! <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return a.clauses[ans] ?? { start: 0, end: ctx.text.length, from: 0, to: ctx.tokens.length, endsWithColon: false };
}

/** The clause after `c` when `c` only introduces it ("March 15: 238 men deported"). */
export function clauseAfter(ctx: ArticleContext, c: Clause): Clause | null {
  const a = attachment(ctx);
  const i = a.clauses.indexOf(c);
  return i >= 0 && i + 1 < a.clauses.length ? a.clauses[i + 1]! : null;
}

/** Is the sentence a correction notice ("An earlier version of this story incorrectly said …")? */
export function inCorrection(ctx: ArticleContext, sentence: number): boolean {
  return attachment(ctx).correction.has(sentence);
}

/** Is the token a predicate by the language tables: a generic verb, or a lower-case past tense? */
export function isGenericPredicate(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind !== "word") return false;
  if (LANG.predicates.has(t.text)) return true; // listed: a predicate even capitalised ("Updated April 3")
  if (t.text.length < 5 || LANG.notVerbs.has(t.text)) return false;
  const c = ctx.text.charCodeAt(t.start);
  if (c >= 65 && c <= 90) return false; // Capitalised: a name ("United", "Alfredo")
  for (const suffix of LANG.verbSuffixes) if (t.text.endsWith(suffix)) return true;
  return false;
}

/**
 * The predicate nearest to the span [start, end) inside clause `c` (ties go to the one before):
 * the pack's event terms (`eventHits`) and the generic predicates of the language tables.
 */
function firstStartingAt(hits: readonly Hit[], offset: number): number {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does a hit of `hits` lie inside [from, to)? */
export function hitWithin(hits: readonly Hit[], from: number, to: number): boolean {
  const k = firstStartingAt(hits, from);
  return k < hits.length && hits[k]!.start < to;
}

export function nearestPredicate(ctx: ArticleContext, c: Clause, start: number, end: number, eventHits: readonly Hit[][]): Predicate | null {
  const w = windowAround(ctx, c, start, end);
  let best: Predicate | null = null;
  let bestDist = Infinity;
  const consider = (p: Predicate) => {
    if (p.start < end && p.end > start) return; // the value itself ("released 252" is not a predicate of 252)
    const d = p.end <= start ? ctx.wordsBetween(p.end, start) : ctx.wordsBetween(end, p.start);
    if (d < bestDist || (d === bestDist && best !== null && p.start < best.start)) {
      best = p;
      bestDist = d;
    }
  };
  for (const hits of eventHits) {
    for (let k = firstStartingAt(hits, w.start); k < hits.length && hits[k]!.start < w.end; k++) consider(hits[k]!);
  }
  for (let i = w.from; i < w.to; i++) if (isGenericPredicate(ctx, i)) consider(ctx.tokens[i]!);
  return best;
}

/** How far from a value its predicate may sit, in tokens: keeps a run-on sentence linear. */
const REACH = 24;

/** The part of clause `c` within REACH tokens of [start, end). */
export function windowAround(ctx: ArticleContext, c: Clause, start: number, end: number): Clause {
  const from = Math.max(c.from, ctx.tokenAt(start) - REACH);
  const to = Math.min(c.to, ctx.tokenAt(end) + REACH);
  if (to <= from) return c;
  return { start: ctx.tokens[from]!.start, end: ctx.tokens[to - 1]!.end, from, to, endsWithColon: c.endsWithColon };
}
