// Clauses: each sentence cut on the engine's own tokens (clause-build.ts), built per sentence on
// first use, and the questions the attachment layer asks about them (a value's clause, the
// clauses its noun phrase reaches, its subject's, the next one, correction notices).
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { hitWithin } from "../search";
import { buildSentence } from "./clause-build";
import { isGenericPredicate, isParticiple } from "./predicates";

export interface Clause {
  start: number;
  end: number;
  /** Index of the first token in the clause and one past the last. */
  from: number;
  to: number;
  /** What ended the clause: punctuation that introduces what follows (":", "—"), or anything else. */
  endsWithColon: boolean;
  /** The clause is a predicate coordinated with the one before ("… were bused to the airport | and flown …"): same subject. */
  coordinated?: boolean;
  /** The clause is the main predicate of the subject before it ("the men deported on March 15 | were taken to …"). */
  resumes?: boolean;
}

/**
 * The clause layer of one article, built sentence by sentence on first use: clauses never cross
 * a sentence, so a rule that asks about one value pays for its sentence only (most sentences hold
 * no value a triggered rule binds).
 */
interface Attachment {
  /** Clauses per sentence (one slot even for a text without sentences), in order. */
  bySentence: Array<Clause[] | undefined>;
  /** Per sentence: 1 a correction notice, 0 not, undefined not yet looked at. */
  correction: Array<0 | 1 | undefined>;
  /** The first sentence after a corrections column's heading (Infinity: none), once looked for. */
  correctionsFrom?: number;
  /** Start offsets of every event-term hit. */
  eventStarts: Set<number>;
  /** Per sentence: the [start, end) spans of its direct questions, flattened; built on first use. */
  questions: Array<number[] | undefined>;
}

/** Where a clause sits: its sentence and its index among that sentence's clauses. */
interface Position {
  s: number;
  k: number;
}

const MEMO = Symbol("clauses");

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Every correction marker in one pattern: a sentence is scanned once, not once per marker. */
const CORRECTIONS = new RegExp([...LANG.correctionMarkers].map(escape).join("|"));

function attachment(ctx: ArticleContext): Attachment {
  let a = ctx.memo.get(MEMO) as Attachment | undefined;
  if (!a) {
    const eventStarts = new Set<number>();
    for (const hits of ctx.predicateHits()) for (const h of hits) eventStarts.add(h.start);
    a = { bySentence: [], correction: [], eventStarts, questions: [] };
    ctx.memo.set(MEMO, a);
  }
  return a;
}

/** Sentence slots: a text without sentences still has one (every token then sits in sentence 0). */
function sentenceSlots(ctx: ArticleContext): number {
  return Math.max(1, ctx.sentences.length);
}

/** The clauses of sentence `s`, built on first use. */
function clausesOf(ctx: ArticleContext, s: number): Clause[] {
  const a = attachment(ctx);
  return (a.bySentence[s] ??= buildSentence(ctx, a.eventStarts, s));
}

/** The last clause starting at or before `offset`, over the whole article; null when there is none. */
function locate(ctx: ArticleContext, offset: number): Position | null {
  for (let s = Math.min(ctx.sentenceAt(offset), sentenceSlots(ctx) - 1); s >= 0; s--) {
    const list = clausesOf(ctx, s);
    let lo = 0;
    let hi = list.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.start <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (ans >= 0) return { s, k: ans };
  }
  return null;
}

/** The clause after the one at `p` in the article (possibly in a later sentence), or null. */
function nextOf(ctx: ArticleContext, p: Position): (Position & { clause: Clause }) | null {
  let list = clausesOf(ctx, p.s);
  if (p.k + 1 < list.length) return { s: p.s, k: p.k + 1, clause: list[p.k + 1]! };
  for (let s = p.s + 1; s < sentenceSlots(ctx); s++) {
    list = clausesOf(ctx, s);
    if (list.length) return { s, k: 0, clause: list[0]! };
  }
  return null;
}

/** The clause after `p` when it lies in sentence `sentence` (without building later sentences when it cannot). */
function nextIn(ctx: ArticleContext, p: Position, sentence: number): (Position & { clause: Clause }) | null {
  const list = clausesOf(ctx, p.s);
  if (p.k + 1 >= list.length && sentence <= p.s) return null;
  const n = nextOf(ctx, p);
  return n && ctx.sentenceAt(n.clause.start) === sentence ? n : null;
}

/** The clause before the one at `p` when it lies in sentence `sentence`. */
function prevIn(ctx: ArticleContext, p: Position, sentence: number): (Position & { clause: Clause }) | null {
  if (p.k > 0) {
    const c = clausesOf(ctx, p.s)[p.k - 1]!;
    return ctx.sentenceAt(c.start) === sentence ? { s: p.s, k: p.k - 1, clause: c } : null;
  }
  if (sentence >= p.s) return null;
  for (let s = p.s - 1; s >= 0; s--) {
    const list = clausesOf(ctx, s);
    if (list.length)
      return ctx.sentenceAt(list[list.length - 1]!.start) === sentence ? { s, k: list.length - 1, clause: list[list.length - 1]! } : null;
  }
  return null;
}

/** Does an event term (any pack event's predicate) start at this offset? */
export function startsEventTerm(ctx: ArticleContext, start: number): boolean {
  return attachment(ctx).eventStarts.has(start);
}

/** The clause holding `offset`. */
export function clauseAt(ctx: ArticleContext, offset: number): Clause {
  const p = locate(ctx, offset);
  if (p) return clausesOf(ctx, p.s)[p.k]!;
  // Before every clause: the article's first clause, if it has any.
  for (let s = 0; s < sentenceSlots(ctx); s++) {
    const list = clausesOf(ctx, s);
    if (list.length) return list[0]!;
  }
  return { start: 0, end: ctx.text.length, from: 0, to: ctx.tokens.length, endsWithColon: false };
}

/** The clause after `c` when `c` only introduces it ("March 15: 238 men deported"). */
export function clauseAfter(ctx: ArticleContext, c: Clause): Clause | null {
  const p = locate(ctx, c.start);
  return p ? (nextOf(ctx, p)?.clause ?? null) : null;
}

/**
 * The clauses a count's noun phrase reaches: its own, the relative and when-clauses that modify
 * the noun ("252 men who had been held … landed in Caracas", "los 252 venezolanos que …
 * llegaron"), and the clause the main predicate resumes in after them.
 */
export function nounPhraseReach(ctx: ArticleContext, c: Clause): Clause {
  let p = locate(ctx, c.start);
  if (!p) return c;
  const sentence = ctx.sentenceAt(c.start);
  // "The flights carried 261 men: 238 Venezuelans and 23 Salvadorans." A list after a colon
  // without a predicate of its own elaborates the clause before it.
  const prev = prevIn(ctx, p, sentence)?.clause;
  // (Not when the noun goes on to a predicate of its own: "…: los 225 venezolanos | que estaban allí | venían de regreso".)
  const after = nextIn(ctx, p, sentence)?.clause;
  const goesOn = !!after && (after.resumes || after.coordinated || LANG.relativePronouns.has(ctx.tokens[after.from]!.text));
  if (prev?.endsWithColon && !hasPredicate(ctx, c) && !goesOn) {
    return { start: prev.start, end: c.end, from: prev.from, to: c.to, endsWithColon: c.endsWithColon };
  }
  let last = c;
  let skipped = false;
  for (let n = nextIn(ctx, p, sentence); n; n = nextIn(ctx, p, sentence)) {
    const next = n.clause;
    const first = ctx.tokens[next.from]!.text;
    if (next.coordinated || next.resumes) {
      // The subject's own predicate: it is the main clause, nothing resumes after it.
      last = next;
      skipped = false;
      p = n;
      continue;
    }
    if (LANG.relativePronouns.has(first) || LANG.whenWords.has(first)) {
      skipped = true;
      last = next;
      p = n;
      continue;
    }
    if (skipped) last = next;
    break;
  }
  return last === c ? c : { start: c.start, end: last.end, from: c.from, to: last.to, endsWithColon: last.endsWithColon };
}

/**
 * For a clause without a predicate (a fronted "On July 18,", a subject "all 252 Venezuelans"): the
 * span from it through the sentence's next clause that has a predicate and the clauses coordinated
 * with that one. Null when the sentence has no such clause.
 */
export function mainPredicateClauses(ctx: ArticleContext, c: Clause, skipRelatives = false): Clause | null {
  const sentence = ctx.sentenceAt(c.start);
  const at = locate(ctx, c.start);
  // The clause after c's (or the article's first one, when c precedes every clause).
  let n = at ? nextIn(ctx, at, sentence) : firstIn(ctx, sentence);
  // "January 31, 2023; first inmates transferred …", "Hoy seguimos con el tema: los muchachos que se
  // llevaron …": a semicolon or a colon joins two statements, not a date to the next one's predicate
  // (a date that only labels what follows, "March 15: …", is read in that clause by valueClause).
  const afterSemicolon = (k: Clause) => {
    const t = ctx.tokens[k.from - 1]?.text;
    return t === ";" || t === ":";
  };
  // (With skipRelatives, a relative clause's predicate is its noun's, not the sentence's: "Today we're
  // looking back at the men | who were sent …"; its resumed verb too.)
  const relative = (k: Clause) =>
    skipRelatives &&
    (LANG.relativePronouns.has(ctx.tokens[k.from]?.text ?? "") ||
      (k.resumes && LANG.relativePronouns.has(ctx.tokens[k.from - 1]?.text ?? "")));
  while (n && !afterSemicolon(n.clause) && (relative(n.clause) || !hasPredicate(ctx, n.clause))) n = nextIn(ctx, n, sentence);
  // ", and their subsequent repatriation": a clause a coordinator opens is another event, not the date's.
  if (!n || afterSemicolon(n.clause) || LANG.coordinators.has(ctx.tokens[n.clause.from]?.text ?? "")) return null;
  let last = n;
  for (let m = nextIn(ctx, last, sentence); m && (m.clause.coordinated || m.clause.resumes); m = nextIn(ctx, last, sentence)) last = m;
  return { start: c.start, end: last.clause.end, from: c.from, to: last.clause.to, endsWithColon: last.clause.endsWithColon };
}

/** The article's first clause when it lies in `sentence`. */
function firstIn(ctx: ArticleContext, sentence: number): (Position & { clause: Clause }) | null {
  for (let s = 0; s < sentenceSlots(ctx); s++) {
    const list = clausesOf(ctx, s);
    if (list.length) return ctx.sentenceAt(list[0]!.start) === sentence ? { s, k: 0, clause: list[0]! } : null;
  }
  return null;
}

/** The clause itself when it has a predicate, else it and the next clause of its reach (its subject's predicate). */
export function predicateClause(ctx: ArticleContext, c: Clause): Clause {
  if (hasPredicate(ctx, c)) return c;
  const at = locate(ctx, c.start);
  const n = at ? nextIn(ctx, at, ctx.sentenceAt(c.start)) : firstIn(ctx, ctx.sentenceAt(c.start));
  const next = n?.clause;
  if (!next || !(next.resumes || next.coordinated)) return c;
  return { start: c.start, end: next.end, from: c.from, to: next.to, endsWithColon: next.endsWithColon };
}

function hasPredicate(ctx: ArticleContext, c: Clause): boolean {
  for (let i = c.from; i < c.to; i++) if (isGenericPredicate(ctx, i)) return true;
  for (const hits of ctx.predicateHits()) if (hitWithin(hits, c.start, c.end)) return true;
  return false;
}

/**
 * A clause with its subject: a relative clause reaches back to its antecedent ("CECOT, which can
 * hold up to 40,000"); a main clause resumed after an aside reaches back over it to its subject
 * ("The prison, which opened in 2023, was built to hold 40,000").
 */
export function withAntecedent(ctx: ArticleContext, c: Clause): Clause {
  const first = ctx.tokens[c.from]?.text ?? "";
  // A when-clause after a date is timed by it like a relative clause by its antecedent ("in January 2025, when six Americans were freed").
  const relative = LANG.relativePronouns.has(first) || LANG.whenWords.has(first);
  if (!relative && !LANG.auxiliaries.has(first) && !c.coordinated && !c.resumes) return c;
  const sentence = ctx.sentenceAt(c.start);
  let from = c;
  for (let p = locate(ctx, c.start), q = p && prevIn(ctx, p, sentence); q; q = prevIn(ctx, q, sentence)) {
    const prev = q.clause;
    from = prev;
    const opener = ctx.tokens[prev.from]!.text;
    if (relative || !(LANG.relativePronouns.has(opener) || isParticiple(ctx, prev.from) || prev.coordinated || prev.resumes)) break;
  }
  return from === c ? c : { start: from.start, end: c.end, from: from.from, to: c.to, endsWithColon: c.endsWithColon };
}

/**
 * The clause whose subject `c` shares: `c` itself, or the clause before it when `c` opens with a
 * subordinator and a gerund ("he was moved …, before being returned this month").
 */
export function subjectClause(ctx: ArticleContext, c: Clause): Clause {
  const first = ctx.tokens[c.from];
  const second = ctx.tokens[c.from + 1];
  const gerund = !!first && !!second && LANG.clauseOpeners.has(first.text) && (second.text === "being" || second.text.endsWith("ing"));
  if (!gerund && !c.resumes && !c.coordinated) return c;
  // Back over relative, participial, resumed and coordinated clauses ("…, who met him there,")
  // to the clause that holds the subject; the result spans all of them.
  const sentence = ctx.sentenceAt(c.start);
  let subject = c;
  for (let p = locate(ctx, c.start), q = p && prevIn(ctx, p, sentence); q; q = prevIn(ctx, q, sentence)) {
    const prev = q.clause;
    subject = prev;
    if (!LANG.relativePronouns.has(ctx.tokens[prev.from]!.text) && !isParticiple(ctx, prev.from) && !prev.resumes && !prev.coordinated)
      break;
  }
  return subject === c ? c : { start: subject.start, end: c.start, from: subject.from, to: c.from, endsWithColon: false };
}

/**
 * Is the value inside a direct question ("Is this related to the swap in January 2025?", "¿Fueron
 * 238?")? A question asks, it does not state: its values are neither the outlet's claim nor its
 * error. Only the question itself: in "He ruled on December 12 that …: could the government …?"
 * the colon ends the statement.
 */
export function inQuestion(ctx: ArticleContext, start: number, end: number): boolean {
  const a = attachment(ctx);
  const s = ctx.sentenceAt(start);
  const spans = (a.questions[s] ??= questionSpans(ctx, s));
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! <= start && end <= spans[k + 1]!) return true;
  return false;
}

/** The sentence's questions, found in one pass: the stretches between hard breaks that end in "?" or open with "¿". */
function questionSpans(ctx: ArticleContext, sentence: number): number[] {
  const { start, end } = ctx.sentences[sentence] ?? { start: 0, end: ctx.text.length };
  const text = ctx.text;
  const spans: number[] = [];
  let from = start;
  let opened = false;
  for (let i = start, limit = Math.min(text.length, end + 2); i < limit; i++) {
    const ch = text[i];
    if (ch === "¿") opened = true;
    else if (ch === "?" || ch === "." || ch === "!" || ch === ":" || ch === ";" || ch === "\n") {
      if (ch === "?" || opened) spans.push(from, i);
      from = i + 1;
      opened = false;
    }
  }
  if (opened) spans.push(from, end);
  return spans;
}

/** Is the sentence a correction notice ("An earlier version of this story incorrectly said …")? */
export function inCorrection(ctx: ArticleContext, sentence: number): boolean {
  const a = attachment(ctx);
  a.correctionsFrom ??= correctionsColumnStart(ctx);
  if (sentence >= a.correctionsFrom) return true;
  let v = a.correction[sentence];
  if (v === undefined) {
    // A marker never spans two sentences (none holds a terminator or a line break), so testing the
    // sentence's own text finds exactly the markers that start in it.
    const { from, to } = ctx.sentenceSpan(sentence);
    v = a.correction[sentence] = CORRECTIONS.test(ctx.folded.slice(Math.max(0, from), Math.min(ctx.folded.length, to))) ? 1 : 0;
  }
  return v === 1;
}

/** A heading's words without punctuation or coordinators: "Corrections & Clarifications" is "corrections and clarifications". */
function headingWords(line: string): string {
  return line
    .split(/[^\p{L}]+/u)
    .filter((w) => w !== "" && !LANG.coordinators.has(w))
    .join(" ");
}
const HEADINGS = new Set([...LANG.correctionHeadings].map(headingWords));
/** Each corrections heading's longest word: a line that is the heading holds it as written. */
const HEADING_WORDS = [...HEADINGS].map((h) => h.split(" ").reduce((a, b) => (b.length > a.length ? b : a)));

function mayBeHeading(raw: string): boolean {
  for (const w of HEADING_WORDS) if (raw.includes(w)) return true;
  return false;
}

/** The sentence after a line that is only a corrections heading ("Corrections and clarifications"), or Infinity. */
function correctionsColumnStart(ctx: ArticleContext): number {
  for (let s = 0; s < ctx.sentences.length; s++) {
    const { start, end } = ctx.sentences[s]!;
    if (end - start > 40) continue;
    const raw = ctx.folded.slice(start, end);
    if (!mayBeHeading(raw)) continue;
    if (HEADINGS.has(headingWords(raw))) return s + 1;
  }
  return Infinity;
}
