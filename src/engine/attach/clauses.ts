// Clauses: each sentence cut on the engine's own tokens with the language tables (subordinators,
// relative pronouns, a comma or coordinator before a predicate, an auxiliary that resumes the
// main predicate, colons and single dashes), built once per article and only when a rule asks.
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { hitWithin } from "../search";
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

export interface Attachment {
  cuts: number[];
  clauses: Clause[];
  correction: Set<number>;
}

export const cache = new WeakMap<ArticleContext, Attachment>();

export const OPENER_PHRASES = phrasesOf("clauseOpeners");
const OPENER_FIRST = new Set(OPENER_PHRASES.map((w) => w[0]!));

/** Every correction marker in one pattern: the article is scanned once, not once per marker. */
const CORRECTIONS = new RegExp([...LANG.correctionMarkers].map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"), "g");

// Parentheses do not cut: "(CECOT)", "(AP)" sit inside the clause they gloss.
export const HARD_BREAKS = new Set([";", ":", "?", "!"]);

export function build(ctx: ArticleContext): Attachment {
  const { tokens, text } = ctx;
  const clauses: Clause[] = [];
  let from = 0;
  const coordinatedFrom = new Set<number>();
  const resumesFrom = new Set<number>();
  const pairedDash = new Set<number>();
  const dashAt = (k: number) => {
    const d = tokens[k]!;
    return d.kind === "punct" && isDashAt(text, d.start, d.end);
  };
  // Is dash i the opener of a pair (another dash later in the same sentence)? Remember its partner.
  const closesPair = (i: number): boolean => {
    const s = ctx.sentenceAt(tokens[i]!.start);
    for (let k = i + 1; k < tokens.length && k < i + 40 && ctx.sentenceAt(tokens[k]!.start) === s; k++) {
      if (dashAt(k)) {
        pairedDash.add(k);
        return true;
      }
    }
    return false;
  };
  const eventStarts = new Set<number>();
  for (const hits of ctx.predicateHits()) for (const h of hits) eventStarts.add(h.start);
  eventStartsOf.set(ctx, eventStarts);
  const startsPredicate = (i: number) => i < tokens.length && (eventStarts.has(tokens[i]!.start) || isGenericPredicate(ctx, i));
  const close = (to: number, colon: boolean) => {
    if (to > from) clauses.push({ start: tokens[from]!.start, end: tokens[to - 1]!.end, from, to, endsWithColon: colon });
    from = to;
  };
  let sentence = -1;
  let s = 0; // the sentence of token i, advanced as the tokens go (no search per token)
  const sentences = ctx.sentences;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (s + 1 < sentences.length && sentences[s + 1]!.start <= t.start) s++;
    if (s !== sentence || t.brk) {
      close(i, false);
      sentence = s;
    }
    if (t.kind === "punct") {
      // Tokens are folded (every dash is "-"): the written character tells a dash from a hyphen.
      const isDash = isDashAt(text, t.start, t.end);
      // A pair of dashes in one sentence sets off an aside ("the 238 aboard — along with 23 Salvadorans — were
      // transferred"): like parentheses, it does not cut the clause around it.
      if (isDash && (pairedDash.has(i) || closesPair(i))) continue;
      if (HARD_BREAKS.has(t.text) || isDash) {
        close(i, t.text === ":" || isDash);
        from = i + 1;
      } else if (
        t.text === "," &&
        i + 1 < tokens.length &&
        (LANG.coordinators.has(tokens[i + 1]!.text) ||
          startsPredicate(i + 1) ||
          isParticiple(ctx, i + 1) ||
          LANG.auxiliaries.has(tokens[i + 1]!.text))
      ) {
        close(i + 1, false);
        if (startsPredicate(i + 1)) coordinatedFrom.add(i + 1);
        // "CECOT, in Tecoluca, | was built …": after an aside the main predicate resumes.
        else if (LANG.auxiliaries.has(tokens[i + 1]!.text) && startsPredicate(i + 2)) resumesFrom.add(i + 1);
      }
      continue;
    }
    // "deported in March and flown home in July": a coordinated predicate is its own clause.
    if (
      LANG.coordinators.has(t.text) &&
      (startsPredicate(i + 1) || (LANG.auxiliaries.has(tokens[i + 1]?.text ?? "") && startsPredicate(i + 2)))
    ) {
      close(i, false);
      coordinatedFrom.add(i);
      continue;
    }
    if (i > from && opensClause(tokens, i)) close(i, false);
    // An auxiliary before a predicate starts the subject's main predicate: what precedes it
    // ("the men deported on March 15") is the subject and its modifiers.
    else if (i > from && LANG.auxiliaries.has(t.text) && startsPredicate(i + 1)) {
      close(i, false);
      resumesFrom.add(i);
    }
  }
  close(tokens.length, false);
  for (const c of clauses) {
    if (coordinatedFrom.has(c.from)) c.coordinated = true;
    if (resumesFrom.has(c.from)) c.resumes = true;
  }
  const cuts = clauses.map((c) => c.start);

  // Correction notices are their own frame: every clause of such a sentence is skipped.
  const correction = new Set<number>();
  const folded = ctx.folded;
  for (const m of folded.matchAll(CORRECTIONS)) correction.add(ctx.sentenceAt(m.index));

  return { cuts, clauses, correction };
}

/** An em dash, or an en dash or hyphen with spaces around it (not "mega-prison", not "15–16"). */
export function isDashAt(text: string, start: number, end: number): boolean {
  const ch = text[start];
  return ch === "\u2014" || ((ch === "\u2013" || ch === "-") && text[start - 1] === " " && text[end] === " ");
}

export function opensClause(tokens: ArticleContext["tokens"], i: number): boolean {
  // "in that exchange": after a preposition "that" is a determiner, not a clause.
  const prev = tokens[i - 1];
  if (
    LANG.determinerOpeners.has(tokens[i]!.text) &&
    prev &&
    (LANG.phraseBreakers.has(prev.text) || LANG.destinationPrepositions.has(prev.text))
  )
    return false;
  const first = tokens[i]!.text;
  if (!OPENER_FIRST.has(first)) return false;
  for (const words of OPENER_PHRASES) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = tokens[i + k]?.text === words[k];
    if (ok) return true;
  }
  return false;
}

export /** Start offsets of every event-term hit, per article (built with the clauses). */
const eventStartsOf = new WeakMap<ArticleContext, Set<number>>();

/** Does an event term (any pack event's predicate) start at this offset? */
export function startsEventTerm(ctx: ArticleContext, start: number): boolean {
  attachment(ctx);
  return eventStartsOf.get(ctx)!.has(start);
}

function attachment(ctx: ArticleContext): Attachment {
  let a = cache.get(ctx);
  if (!a) cache.set(ctx, (a = build(ctx)));
  return a;
}

/** Index of the clause `c` is (or lies in): a binary search, never a scan (articles have thousands of clauses). */
export function indexOfClause(a: Attachment, c: Clause): number {
  let lo = 0;
  let hi = a.cuts.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.cuts[mid]! <= c.start) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
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
  const i = indexOfClause(a, c);
  return i >= 0 && i + 1 < a.clauses.length ? a.clauses[i + 1]! : null;
}

/**
 * The clauses a count's noun phrase reaches: its own, the relative and when-clauses that modify
 * the noun ("252 men who had been held … landed in Caracas", "los 252 venezolanos que …
 * llegaron"), and the clause the main predicate resumes in after them.
 */
export function nounPhraseReach(ctx: ArticleContext, c: Clause): Clause {
  const a = attachment(ctx);
  let i = indexOfClause(a, c);
  if (i < 0) return c;
  // "The flights carried 261 men: 238 Venezuelans and 23 Salvadorans." A list after a colon
  // without a predicate of its own elaborates the clause before it.
  const prev = i > 0 ? a.clauses[i - 1]! : undefined;
  if (prev?.endsWithColon && ctx.sentenceAt(prev.start) === ctx.sentenceAt(c.start) && !hasPredicate(ctx, c)) {
    return { start: prev.start, end: c.end, from: prev.from, to: c.to, endsWithColon: c.endsWithColon };
  }
  const sentence = ctx.sentenceAt(c.start);
  let last = c;
  let skipped = false;
  while (i + 1 < a.clauses.length) {
    const next = a.clauses[i + 1]!;
    if (ctx.sentenceAt(next.start) !== sentence) break;
    const first = ctx.tokens[next.from]!.text;
    if (next.coordinated || next.resumes) {
      // The subject's own predicate: it is the main clause, nothing resumes after it.
      last = next;
      skipped = false;
      i++;
      continue;
    }
    if (LANG.relativePronouns.has(first) || LANG.whenWords.has(first)) {
      skipped = true;
      last = next;
      i++;
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
export function mainPredicateClauses(ctx: ArticleContext, c: Clause): Clause | null {
  const a = attachment(ctx);
  const sentence = ctx.sentenceAt(c.start);
  let i = indexOfClause(a, c) + 1;
  // "January 31, 2023; first inmates transferred …": a semicolon joins two statements, not a date to the next one's predicate.
  const afterSemicolon = (k: Clause) => ctx.tokens[k.from - 1]?.text === ";";
  while (
    i < a.clauses.length &&
    ctx.sentenceAt(a.clauses[i]!.start) === sentence &&
    !afterSemicolon(a.clauses[i]!) &&
    !hasPredicate(ctx, a.clauses[i]!)
  )
    i++;
  const first = a.clauses[i];
  if (!first || ctx.sentenceAt(first.start) !== sentence || afterSemicolon(first)) return null;
  let last = first;
  while (
    i + 1 < a.clauses.length &&
    (a.clauses[i + 1]!.coordinated || a.clauses[i + 1]!.resumes) &&
    ctx.sentenceAt(a.clauses[i + 1]!.start) === sentence
  )
    last = a.clauses[++i]!;
  return { start: c.start, end: last.end, from: c.from, to: last.to, endsWithColon: last.endsWithColon };
}

/** The clause itself when it has a predicate, else it and the next clause of its reach (its subject's predicate). */
export function predicateClause(ctx: ArticleContext, c: Clause): Clause {
  if (hasPredicate(ctx, c)) return c;
  const a = attachment(ctx);
  const next = a.clauses[indexOfClause(a, c) + 1];
  if (!next || ctx.sentenceAt(next.start) !== ctx.sentenceAt(c.start) || !(next.resumes || next.coordinated)) return c;
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
  const relative = LANG.relativePronouns.has(first);
  if (!relative && !LANG.auxiliaries.has(first) && !c.coordinated && !c.resumes) return c;
  const a = attachment(ctx);
  const sentence = ctx.sentenceAt(c.start);
  let from = c;
  for (let i = indexOfClause(a, c) - 1; i >= 0; i--) {
    const prev = a.clauses[i]!;
    if (ctx.sentenceAt(prev.start) !== sentence) break;
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
  const a = attachment(ctx);
  const first = ctx.tokens[c.from];
  const second = ctx.tokens[c.from + 1];
  const gerund = !!first && !!second && LANG.clauseOpeners.has(first.text) && (second.text === "being" || second.text.endsWith("ing"));
  if (!gerund && !c.resumes && !c.coordinated) return c;
  // Back over relative, participial, resumed and coordinated clauses ("…, who met him there,")
  // to the clause that holds the subject; the result spans all of them.
  const sentence = ctx.sentenceAt(c.start);
  let subject = c;
  for (let i = indexOfClause(a, c) - 1; i >= 0; i--) {
    const prev = a.clauses[i]!;
    if (ctx.sentenceAt(prev.start) !== sentence) break;
    subject = prev;
    if (!LANG.relativePronouns.has(ctx.tokens[prev.from]!.text) && !isParticiple(ctx, prev.from) && !prev.resumes && !prev.coordinated)
      break;
  }
  return subject === c ? c : { start: subject.start, end: c.start, from: subject.from, to: c.from, endsWithColon: false };
}

/** Is the sentence a correction notice ("An earlier version of this story incorrectly said …")? */
export function inCorrection(ctx: ArticleContext, sentence: number): boolean {
  return attachment(ctx).correction.has(sentence);
}
