// Titles as typed values: the words of an office ("Vice President", "Chief Judge", "ministro de
// Interior"), the country a title names ("Honduran", "de Venezuela") and whether it is a past one
// ("former", "ex"). A title found next to a name is read as far as title words go — so a right
// word cannot hide a wrong one ("D.C. Circuit Chief Judge") — and compared with the rule's
// titles by its words, not by a list of wrong phrasings.
import { hasVerbEnding } from "../attach";
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { findCountryMentions, foldText, isUpperAt, tokenize, type CountryMention } from "../text-adapter";
import type { Token } from "../text/tokens";
import { firstMentionAt } from "./shared";

/** The office words of a title, its country and whether it states a past title. */
export interface Title {
  /** Folded office words, without country words, articles and connectors ("vice", "president"). */
  words: Set<string>;
  /** Country codes the title names (U.S., Venezuelan, de El Salvador). */
  countries: string[];
  /** Says "former" / "ex": a past title. */
  former: boolean;
  /** Says "then" / "the late": the past on purpose; never judged. */
  then: boolean;
  /**
   * Another body's office ("PSUV vice president") or one relative to someone ("Maduro's vice
   * president"): what it means for this person's office is not known, so it may confirm, never fail.
   */
  qualified: boolean;
  /** Its coordinated parts ("Secretary of State and National Security Adviser"), when there are two or more. */
  parts: Title[];
}

/** "expresidente" → "ex", "presidente": the prefix is the same word as "ex-presidente". */
function splitEx(word: string): string[] {
  for (const p of LANG.formerPrefixes)
    if (word.length > p.length + 2 && word.startsWith(p) && LANG.offices.has(word.slice(p.length))) return [p, word.slice(p.length)];
  return [word];
}

/** Is this a word a title can be made of (for this rule: its own title words too)? */
export function isTitleWord(word: string, vocab: ReadonlySet<string>): boolean {
  return (
    LANG.offices.has(word) ||
    LANG.officeQualifiers.has(word) ||
    LANG.formerTitles.has(word) ||
    LANG.titleThen.has(word) ||
    LANG.titleNeutral.has(word) ||
    vocab.has(word) ||
    splitEx(word).length === 2
  );
}

function blank(): Title {
  return { words: new Set(), countries: [], former: false, then: false, qualified: false, parts: [] };
}

/**
 * Reads the title in tokens [from, to), given the countries that fall inside it. Only title words
 * count (`vocab` null: every word, for the rule's own titles): a proper name in a complement
 * ("of the District of Columbia") neither makes nor breaks the office.
 */
export function readTitle(
  tokens: readonly Token[],
  from: number,
  to: number,
  countries: readonly CountryMention[],
  vocab: ReadonlySet<string> | null,
): Title {
  const t = blank();
  let part = blank();
  const parts = [part];
  for (let i = from; i < to; i++) {
    const tok = tokens[i]!;
    const c = coveringIn(countries, tok.start);
    if (c) {
      // "Cuban-American", "Venezuelan-born": a compound says who the person is, not whose office.
      const after = tokens[i + 1];
      const compound = after?.text === "-" && after.start === c.offset + c.length;
      if (!compound && !t.countries.includes(c.code)) t.countries.push(c.code);
      continue;
    }
    if (tok.kind !== "word") continue;
    if (LANG.coordinators.has(tok.text) && part.words.size) parts.push((part = blank()));
    for (const w of splitEx(tok.text)) {
      if (LANG.titleThen.has(w)) t.then = true;
      else if (LANG.formerTitles.has(w)) t.former = part.former = true;
      else if (!LANG.titleNeutral.has(w) && !LANG.articles.has(w) && (vocab === null || isTitleWord(w, vocab))) {
        t.words.add(w);
        part.words.add(w);
      }
    }
  }
  if (parts.length > 1 && parts.every((p) => p.words.size)) t.parts = parts;
  return t;
}

/** A rule's title phrase as a Title (at compile time). */
export function parseTitle(phrase: string): Title {
  const folded = foldText(phrase).toLowerCase();
  const tokens = tokenize(folded);
  const countries = findCountryMentions(phrase, { folded, tokens });
  return readTitle(tokens, 0, tokens.length, countries, null);
}

/** The words of a phrase, folded, for the rule's own title vocabulary. */
export function titleVocab(phrases: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const p of phrases)
    for (const t of tokenize(foldText(p).toLowerCase())) if (t.kind === "word") for (const w of splitEx(t.text)) out.add(w);
  return out;
}

/** The country mention covering `offset`, if any (binary search on the article's countries). */
function countryCovering(ctx: ArticleContext, offset: number): CountryMention | undefined {
  return coveringIn(ctx.countries(), offset);
}

/** The mention of `cs` (sorted, not overlapping) covering `offset`, if any. */
function coveringIn(cs: readonly CountryMention[], offset: number): CountryMention | undefined {
  const c = cs[firstMentionAt(cs, offset + 1) - 1];
  return c && c.offset <= offset && offset < c.offset + c.length ? c : undefined;
}

/** May token i sit inside a title? Words of titles, countries, and punctuation glued to a word ("U.S.", "Sen.", "ex-"). */
export function inTitle(ctx: ArticleContext, i: number, vocab: ReadonlySet<string>): boolean {
  const t = ctx.tokens[i]!;
  const country = countryCovering(ctx, t.start);
  // "238 Venezuelans President Donald Trump says are …": a people's plural names people, not an office's country.
  if (country) return !(country.form === "demonym" && peoplePlural(ctx, t));
  if (t.kind === "word") return isTitleWord(t.text, vocab);
  if (t.text === "-") return true;
  // "Sen." / "Gov.": a full stop right after a title word.
  return (
    t.text === "." &&
    i > 0 &&
    ctx.tokens[i - 1]!.end === t.start &&
    ctx.tokens[i - 1]!.kind === "word" &&
    isTitleWord(ctx.tokens[i - 1]!.text, vocab)
  );
}

/** A capitalised demonym written as a plural noun ("Venezuelans", "Salvadorans"). */
function peoplePlural(ctx: ArticleContext, t: Token): boolean {
  if (t.kind !== "word" || t.text.length < 5 || !isUpperAt(ctx.text, t.start)) return false;
  for (const suffix of LANG.pluralSuffixes) if (t.text.endsWith(suffix)) return true;
  return false;
}

/** Is token i a word a title may start or end with (an office or qualifier word, or a country)? */
export function isEdge(ctx: ArticleContext, i: number, vocab: ReadonlySet<string>): boolean {
  const t = ctx.tokens[i]!;
  const country = countryCovering(ctx, t.start);
  if (country) return !(country.form === "demonym" && peoplePlural(ctx, t));
  if (t.kind !== "word" || LANG.titleNeutral.has(t.text) || LANG.articles.has(t.text)) return false;
  return isTitleWord(t.text, vocab);
}

export interface TitleSpan {
  start: number;
  end: number;
  title: Title;
}

/** Most tokens a title may span ("former U.S. District Court Chief Judge" is 9). */
export const MAX_TITLE_TOKENS = 14;

/**
 * The title ending right before the name at `nameStart` ("Vice President Marco Rubio"; in
 * apposition "el ministro de Interior, Diosdado Cabello"), read leftwards as far as title words go
 * and at least over `atLeast` (where the rule's own longest title starts). Null when there is none.
 */
export function titleBefore(
  ctx: ArticleContext,
  nameStart: number,
  sentence: number,
  vocab: ReadonlySet<string>,
  atLeast: number | null,
): TitleSpan | null {
  let i = ctx.tokenAt(nameStart) - 1;
  if (i >= 0 && ctx.tokens[i]!.text === ",") {
    i--; // apposition: "the interior minister, Diosdado Cabello"
    // "A federal judge in Washington, James Boasberg": the title's place is not part of it.
    const k = nameRunBefore(ctx, i, vocab, 4);
    const prep = ctx.tokens[k];
    if (k < i && k >= 1 && prep && (LANG.locatives.has(prep.text) || LANG.yearLinks.has(prep.text)) && isEdge(ctx, k - 1, vocab)) i = k - 1;
  } else i = bodyNameBefore(ctx, i, vocab) ?? i;
  const last = i;
  let first = i + 1;
  let possessor = false;
  for (; i >= 0 && last - i < MAX_TITLE_TOKENS; i--) {
    const t = ctx.tokens[i]!;
    if (ctx.sentenceAt(t.start) !== sentence) break;
    const forced = atLeast !== null && t.start >= atLeast;
    // "a spokesperson for El Salvador's President Nayib Bukele": the possessor opens the title;
    // an office joined before it by a function word is someone else's.
    if (!forced && possessor && t.kind === "word" && !isUpperAt(ctx.text, t.start) && FUNCTION_WORDS.has(t.text)) break;
    // "a spokesperson for Salvadoran President Nayib Bukele", "el portavoz del presidente Bukele":
    // a staff office joined before the title by a function word serves it; the title is the name's.
    if (!forced && i < last && FUNCTION_WORDS.has(t.text) && LANG.staffOffices.has(ctx.tokens[i - 1]?.text ?? "")) break;
    if (t.kind === "punct" && LANG.possessiveSuffixes.has(ctx.tokens[i + 1]?.text ?? "")) possessor = true;
    // "It's President Bukele": the "'s" of a pronoun is "is", and opens no title ("Venezuela's" may).
    if (!forced && contractedAfter(ctx, i) && CONTRACTION_HOSTS.has(ctx.tokens[i - 2]?.text ?? "")) break;
    if (!forced && !inTitle(ctx, i, vocab)) break;
    // "el modelo de seguridad del presidente Bukele": before "del", a lower-case word that is no
    // office owns the title ("the president's security model"); the title starts after it.
    if (!forced && LANG.genitives.has(t.text) && possessedBefore(ctx, i - 1)) break;
    first = i;
    if (t.brk) break;
  }
  while (first <= last && !isEdge(ctx, first, vocab) && !(atLeast !== null && ctx.tokens[first]!.start === atLeast)) first++;
  let end = last;
  while (end >= first && ctx.tokens[end]!.kind === "punct") end--; // "Sen." keeps its stop below
  if (end < first || !isEdge(ctx, end, vocab)) return null;
  const title = readTitle(ctx.tokens, first, last + 1, ctx.countries(), vocab);
  // "then-President": "then" right before the title.
  const before = ctx.tokens[first - 1];
  title.qualified = qualifier(ctx, first - 1, sentence, vocab);
  if (before && LANG.titleThen.has(before.text)) title.then = true;
  if (before?.text === "-" && LANG.titleThen.has(ctx.tokens[first - 2]?.text ?? "")) title.then = true;
  return { start: ctx.tokens[first]!.start, end: ctx.tokens[last]!.end, title };
}

/** The token before the run of (at most `max`) capitalised words that are no title words ending at token i. */
function nameRunBefore(ctx: ArticleContext, i: number, vocab: ReadonlySet<string>, max: number): number {
  let k = i;
  while (k >= 0 && i - k < max && ctx.tokens[k]!.kind === "word" && isUpperAt(ctx.text, ctx.tokens[k]!.start) && !inTitle(ctx, k, vocab))
    k--;
  return k;
}

/**
 * "el juez de la Corte de Apelaciones del Distrito de Columbia James Boasberg": when token i ends a
 * known body's own name (at most three capitalised words that are no title words, after "de"/"of"
 * and a title word that is no office), the token the title ends at; else null. After an office
 * ("el vicepresidente de Acme") the name would be another body's.
 */
export function bodyNameBefore(ctx: ArticleContext, i: number, vocab: ReadonlySet<string>): number | null {
  const k = nameRunBefore(ctx, i, vocab, 3);
  const link = ctx.tokens[k];
  if (k === i || k < 1 || !link || !LANG.yearLinks.has(link.text)) return null;
  return isEdge(ctx, k - 1, vocab) && !LANG.offices.has(ctx.tokens[k - 1]!.text) ? k - 1 : null;
}

/**
 * Does the phrase ending at token i name a thing, not an office: lower-case words back to the first
 * that is no title word, with no office among them ("modelo de seguridad", but not "ministro de seguridad")?
 */
function possessedBefore(ctx: ArticleContext, i: number): boolean {
  for (let k = i; k >= 0 && i - k < 6; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word" || isUpperAt(ctx.text, t.start)) return false;
    if (LANG.offices.has(t.text)) return false;
    if (!LANG.officeQualifiers.has(t.text) && !LANG.genitives.has(t.text)) return true;
  }
  return false;
}

const FUNCTION_WORDS = new Set(
  [
    LANG.articles,
    LANG.definiteArticles,
    LANG.locatives,
    LANG.yearLinks,
    LANG.titleLinks,
    LANG.destinationPrepositions,
    LANG.originPrepositions,
    LANG.boundaryPrepositions,
    LANG.phraseBreakers,
    LANG.coordinators,
    LANG.clauseOpeners,
    LANG.predicates,
    LANG.modals,
    LANG.negations,
    LANG.namingWords,
    LANG.namingJoiners,
    LANG.placeLinkers,
    LANG.auxiliaries,
    LANG.relativePronouns,
    LANG.whenWords,
  ].flatMap((c) => [...c]),
);
/**
 * A word of a closed class or a verb: it can sit before a title without owning it. The verb
 * ending is read on the written word: folded, the Spanish "-ó" is "-o", and any noun ending in
 * "o" ("el partido", "del gobierno") would pass for a verb.
 */
function functionWord(ctx: ArticleContext, t: Token): boolean {
  return FUNCTION_WORDS.has(t.text) || (hasVerbEnding(ctx, t) && !LANG.notVerbs.has(t.text));
}

/** Is token k the suffix of "'s" ("Maduro's", "it's")? */
function contractedAfter(ctx: ArticleContext, k: number): boolean {
  const t = ctx.tokens[k];
  const apostrophe = ctx.tokens[k - 1]?.text;
  return !!t && LANG.possessiveSuffixes.has(t.text) && (apostrophe === "'" || apostrophe === "’");
}

/** Pronouns whose "'s" is "is" or "has" ("it's", "that's", "he's"), not a possessive. */
const CONTRACTION_HOSTS = new Set([
  ...LANG.thingPronouns,
  ...LANG.subjectPronouns,
  ...LANG.writtenPersonPronouns,
  ...LANG.relativePronouns,
]);

/**
 * Is token k (right before a title) a body or a person the title belongs to: a possessive
 * ("Maduro's"), an acronym ("PSUV"), or a capitalised word that does not open the sentence?
 */
function qualifier(ctx: ArticleContext, k: number, sentence: number, vocab: ReadonlySet<string>): boolean {
  const t = ctx.tokens[k];
  if (!t || ctx.sentenceAt(t.start) !== sentence) return false;
  if (contractedAfter(ctx, k)) return !CONTRACTION_HOSTS.has(ctx.tokens[k - 2]?.text ?? "");
  if (t.kind !== "word" || inTitle(ctx, k, vocab)) return false;
  // A lower-case noun before an office makes it that thing's ("party vice president"); function
  // words and verbs ("said", "met", "praised") do not.
  if (!isUpperAt(ctx.text, t.start)) return !functionWord(ctx, t);
  const word = ctx.text.slice(t.start, t.end);
  const opens = ctx.tokenAt(ctx.sentences[sentence]!.start) === k;
  return (word.length > 1 && word === word.toUpperCase()) || !opens;
}
