// Cutting one sentence into clauses on the engine's own tokens with the language tables
// (subordinators, relative pronouns, a comma or coordinator before a predicate, an auxiliary that
// resumes the main predicate, colons and single dashes). clauses.ts builds each sentence on first
// use and answers the questions about them.
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf, WRITTEN_COPULAS, WRITTEN_PERSON_PRONOUNS } from "../lang";
import type { Clause } from "./clauses";
import { isGenericPredicate, isParticiple } from "./predicates";

const OPENER_PHRASES = phrasesOf("clauseOpeners");
const OPENER_FIRST = new Set(OPENER_PHRASES.map((w) => w[0]!));

// Parentheses do not cut: "(CECOT)", "(AP)" sit inside the clause they gloss.
const HARD_BREAKS = new Set([";", ":", "?", "!"]);

function startsPredicate(ctx: ArticleContext, eventStarts: Set<number>, i: number): boolean {
  return i < ctx.tokens.length && (eventStarts.has(ctx.tokens[i]!.start) || isGenericPredicate(ctx, i));
}

/**
 * One sentence's clauses: its tokens [first, last) are cut at hard breaks, unpaired dashes, a comma
 * or coordinator before a predicate, clause openers and an auxiliary that resumes the predicate.
 */
export function buildSentence(ctx: ArticleContext, eventStarts: Set<number>, s: number): Clause[] {
  const { tokens, text } = ctx;
  const span = ctx.sentenceSpan(s);
  const first = s === 0 ? 0 : ctx.tokenAt(span.from);
  const last = s + 1 < ctx.sentences.length ? ctx.tokenAt(span.to) : tokens.length;
  const clauses: Clause[] = [];
  let from = first;
  const coordinatedFrom = new Set<number>();
  const resumesFrom = new Set<number>();
  const pairedDash = new Set<number>();
  // The comma ending the sentence before, when the sentence opens with a predicate, makes the
  // first clause coordinated or resumed (the comma's rule below, seen from this side).
  const before = tokens[first - 1];
  if (before && first < last && before.kind === "punct" && before.text === ",") {
    if (startsPredicate(ctx, eventStarts, first)) coordinatedFrom.add(first);
    else if (LANG.auxiliaries.has(tokens[first]!.text) && startsPredicate(ctx, eventStarts, first + 1)) resumesFrom.add(first);
  }
  // A sentence that opens on a subordinator: its clause ends at the first comma, whatever follows.
  let fronted = first < last && LANG.frontedSubordinators.has(tokens[first]!.text);
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (fronted && t.text === "," && i + 1 < last) {
      fronted = false;
      from = close(clauses, tokens, from, i + 1, false);
      continue;
    }
    if (t.brk) from = close(clauses, tokens, from, i, false);
    if (t.kind === "punct") {
      // Tokens are folded (every dash is "-"): the written character tells a dash from a hyphen.
      const isDash = isDashAt(text, t.start, t.end);
      // A pair of dashes in one sentence sets off an aside ("the 238 aboard — along with 23 Salvadorans — were
      // transferred"): like parentheses, it does not cut the clause around it.
      if (isDash && (pairedDash.has(i) || closesPair(text, tokens, i, last, pairedDash))) continue;
      if (HARD_BREAKS.has(t.text) || isDash) {
        close(clauses, tokens, from, i, t.text === ":" || isDash);
        from = i + 1; // the break itself belongs to no clause
      } else if (
        t.text === "," &&
        i + 1 < tokens.length &&
        (LANG.coordinators.has(tokens[i + 1]!.text) ||
          WRITTEN_PERSON_PRONOUNS.has(text.slice(tokens[i + 1]!.start, tokens[i + 1]!.end).toLowerCase()) ||
          (asideBefore(ctx, from, coordinatedFrom) && copulaAt(ctx, i + 1)) ||
          startsPredicate(ctx, eventStarts, i + 1) ||
          isParticiple(ctx, i + 1) ||
          LANG.auxiliaries.has(tokens[i + 1]!.text))
      ) {
        // A comma that ends the sentence closes nothing here: the next sentence reads it (above).
        if (i + 1 < last) {
          // The clause the comma closes is an aside ("known as CECOT", "which opened in 2023").
          const aside = asideBefore(ctx, from, coordinatedFrom);
          from = close(clauses, tokens, from, i + 1, false);
          if (startsPredicate(ctx, eventStarts, i + 1)) coordinatedFrom.add(i + 1);
          // ", y fue inaugurado …", ", and was opened …": a coordinator and an auxiliary share the subject.
          else if (
            LANG.coordinators.has(tokens[i + 1]!.text) &&
            (LANG.auxiliaries.has(tokens[i + 2]?.text ?? "") || startsPredicate(ctx, eventStarts, i + 2))
          )
            coordinatedFrom.add(i + 1);
          // "CECOT, in Tecoluca, | was built …": after an aside the main predicate resumes.
          // "The prison, known as CECOT, | has capacity for …": after an aside the verb resumes even when it is the predicate itself.
          else if (LANG.auxiliaries.has(tokens[i + 1]!.text) && (aside || startsPredicate(ctx, eventStarts, i + 2))) resumesFrom.add(i + 1);
          else if (aside && copulaAt(ctx, i + 1)) resumesFrom.add(i + 1);
        }
      }
      continue;
    }
    // "deported in March and flown home in July": a coordinated predicate is its own clause.
    if (
      LANG.coordinators.has(t.text) &&
      (startsPredicate(ctx, eventStarts, i + 1) ||
        (LANG.auxiliaries.has(tokens[i + 1]?.text ?? "") && startsPredicate(ctx, eventStarts, i + 2)))
    ) {
      from = close(clauses, tokens, from, i, false);
      coordinatedFrom.add(i);
      continue;
    }
    // "regresaron a un país | y hoy viven en otro": a coordinator, an adverb of time and a verb (or its
    // subject) open a conjunct with its own time; the adverb is not the first predicate's.
    if (LANG.coordinators.has(t.text) && i > from && conjunctTimeAt(ctx, i + 1)) {
      from = close(clauses, tokens, from, i, false);
      coordinatedFrom.add(i);
      continue;
    }
    // "llegaron el 16 de marzo | y la liberación se produjo …": a coordinator before an article and an
    // event's noun opens a conjunct with its own subject (not coordinated: it does not share one).
    if (LANG.coordinators.has(t.text) && LANG.definiteArticles.has(tokens[i + 1]?.text ?? "") && startsPredicate(ctx, eventStarts, i + 2)) {
      from = close(clauses, tokens, from, i, false);
      continue;
    }
    if (i > from && finiteAfterRelative(ctx, eventStarts, from, i)) {
      from = close(clauses, tokens, from, i, false);
      resumesFrom.add(i);
      continue;
    }
    if (i > from && opensClause(tokens, i)) from = close(clauses, tokens, from, i, false);
    // An auxiliary before a predicate starts the subject's main predicate: what precedes it
    // ("the men deported on March 15") is the subject and its modifiers.
    // (Not an auxiliary that continues a verb group: "could | have stayed", "had | been held".)
    else if (
      i > from &&
      LANG.auxiliaries.has(t.text) &&
      !continuesVerbGroup(tokens[i - 1]!.text) &&
      startsPredicate(ctx, eventStarts, i + 1)
    ) {
      from = close(clauses, tokens, from, i, false);
      resumesFrom.add(i);
    }
  }
  close(clauses, tokens, from, last, false);
  for (const c of clauses) {
    if (coordinatedFrom.has(c.from)) c.coordinated = true;
    if (resumesFrom.has(c.from)) c.resumes = true;
  }
  return clauses;
}

/** An adverb of time at token i and, after it, a word that is no preposition or linker: what follows is a clause of its own ("hoy viven", "now the men live"). */
function conjunctTimeAt(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i];
  const next = ctx.tokens[i + 1];
  if (!t || !next || next.kind !== "word" || next.brk || !LANG.conjunctTimeAdverbs.has(t.text)) return false;
  return !LANG.phraseBreakers.has(next.text) && !LANG.relativePronouns.has(next.text) && !LANG.coordinators.has(next.text);
}

const continuesVerbGroup = (prev: string) => LANG.modals.has(prev) || LANG.auxiliaries.has(prev) || LANG.negations.has(prev);

/**
 * "Los 252 venezolanos que el Gobierno había enviado en marzo a la megacárcel | regresaron …": in a
 * relative clause that already has its verb, a finite verb (an ending no participle has) is the
 * main predicate its antecedent resumes with.
 */
function finiteAfterRelative(ctx: ArticleContext, eventStarts: Set<number>, from: number, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind !== "word" || t.text.length < 6 || !LANG.relativePronouns.has(ctx.tokens[from]!.text)) return false;
  let finite = false;
  for (const suffix of LANG.finiteSuffixes) if (t.text.endsWith(suffix)) finite = true;
  if (!finite || !startsPredicate(ctx, eventStarts, i)) return false;
  const prev = ctx.tokens[i - 1]!.text;
  if (LANG.coordinators.has(prev) || LANG.auxiliaries.has(prev) || LANG.relativePronouns.has(prev)) return false;
  for (let k = from + 1; k < i - 1; k++) if (startsPredicate(ctx, eventStarts, k) || LANG.auxiliaries.has(ctx.tokens[k]!.text)) return true;
  return false;
}

/** Does the clause from token `from` set off an aside ("known as CECOT", "que el Gobierno presenta como …")? */
function asideBefore(ctx: ArticleContext, from: number, coordinatedFrom: Set<number>): boolean {
  return isParticiple(ctx, from) || coordinatedFrom.has(from) || LANG.relativePronouns.has(ctx.tokens[from]!.text);
}

/** A copula as written at token i ("está en Zacatecoluca", "sits in the department of …"). */
function copulaAt(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i];
  return !!t && WRITTEN_COPULAS.has(ctx.text.slice(t.start, t.end).toLowerCase());
}

/** Closes the clause [from, to) when it holds a token; returns where the next clause starts. A function, not a closure: no allocation per sentence. */
function close(clauses: Clause[], tokens: ArticleContext["tokens"], from: number, to: number, colon: boolean): number {
  if (to > from) clauses.push({ start: tokens[from]!.start, end: tokens[to - 1]!.end, from, to, endsWithColon: colon });
  return to;
}

/** Is dash i the opener of a pair (another dash later in its sentence, tokens before `last`)? Remembers its partner. */
function closesPair(text: string, tokens: ArticleContext["tokens"], i: number, last: number, paired: Set<number>): boolean {
  for (let k = i + 1; k < last && k < i + 40; k++) {
    const d = tokens[k]!;
    if (d.kind === "punct" && isDashAt(text, d.start, d.end)) {
      paired.add(k);
      return true;
    }
  }
  return false;
}

/**
 * The aside around token i, as the token indices of its marks: a pair of dashes in one sentence
 * (paired in order, as the clauses pair them) or parentheses. Null outside one.
 */
export function asideAround(ctx: ArticleContext, i: number): { open: number; close: number } | null {
  const s = ctx.sentenceAt(ctx.tokens[i]!.start);
  const span = ctx.sentenceSpan(s);
  const first = s === 0 ? 0 : ctx.tokenAt(span.from);
  const last = s + 1 < ctx.sentences.length ? ctx.tokenAt(span.to) : ctx.tokens.length;
  let open = -1;
  let paren = -1;
  for (let k = first; k < last; k++) {
    const t = ctx.tokens[k]!;
    if (t.text === "(") paren = k;
    else if (t.text === ")") {
      if (paren >= 0 && paren < i && k > i) return { open: paren, close: k };
      paren = -1;
    } else if (t.kind === "punct" && isDashAt(ctx.text, t.start, t.end)) {
      if (open < 0) open = k;
      else {
        if (open < i && k > i && k - open < 40) return { open, close: k };
        open = -1;
      }
    }
  }
  return null;
}

/** An em dash, or an en dash or hyphen with spaces around it (not "mega-prison", not "15–16"). */
export function isDashAt(text: string, start: number, end: number): boolean {
  const ch = text[start];
  if (ch === "\u2014") return true;
  if (ch !== "\u2013" && ch !== "-") return false;
  // A typed dash: " - ", " – ", or two hyphens " -- " (the first of them).
  if (ch === "-" && text[end] === "-" && text[start - 1] === " " && text[end + 1] === " ") return true;
  return text[start - 1] === " " && text[end] === " ";
}

function opensClause(tokens: ArticleContext["tokens"], i: number): boolean {
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
