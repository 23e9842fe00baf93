// Every language's closed-class words, folded and merged: articles are matched against English
// and Spanish together (a Spanish quote in an English story is common). Add a language by adding
// a table here; no kind code changes.
import { foldText } from "../text/fold";
import { en } from "./en";
import { es } from "./es";
import type { LanguageTable } from "./table";

const TABLES: LanguageTable[] = [en, es];

type WordSets = { [K in keyof LanguageTable]: Set<string> };

const fold = (w: string) => foldText(w).toLowerCase();

function merge(): WordSets {
  const out = {} as WordSets;
  for (const key of Object.keys(en) as Array<keyof LanguageTable>) out[key] = new Set(TABLES.flatMap((t) => t[key]).map(fold));
  return out;
}

/** Folded word sets, one per table key, all languages merged. Multi-word entries keep their spaces. */
export const LANG: WordSets = merge();

/**
 * Verb endings as written, lower-cased but NOT folded: folding would turn the Spanish preterite
 * "-ó" into "-o" and make every noun ending in "o" a verb. Compared with the token's original text.
 */
export const VERB_SUFFIXES: readonly string[] = TABLES.flatMap((t) => t.verbSuffixes).map((s) => s.toLowerCase());

/** Person pronouns as written (lower-cased, not folded): "él" is not the article "el". */
export const WRITTEN_PERSON_PRONOUNS: ReadonlySet<string> = new Set(
  TABLES.flatMap((t) => t.writtenPersonPronouns).map((s) => s.toLowerCase()),
);

/** Copulas as written (lower-cased, not folded): "está" is not the demonstrative "esta". */
export const WRITTEN_COPULAS: ReadonlySet<string> = new Set(TABLES.flatMap((t) => t.writtenCopulas).map((s) => s.toLowerCase()));

const PAIR_FIRSTS = new Map<ReadonlySet<string>, Set<string>>();

/**
 * Is "first second" an entry of the set? The same as `set.has(\`${first} ${second}\`)`, without
 * building the string for a first word no multi-word entry starts with (most words).
 */
export function hasPair(set: ReadonlySet<string>, first: string, second: string | undefined): boolean {
  let firsts = PAIR_FIRSTS.get(set);
  if (!firsts) {
    firsts = new Set<string>();
    for (const e of set) if (e.includes(" ")) firsts.add(e.slice(0, e.indexOf(" ")));
    PAIR_FIRSTS.set(set, firsts);
  }
  return firsts.has(first) && set.has(`${first} ${second}`);
}

/** Longest multi-word entry, in words, per key (phrase look-ups try lengths up to it). */
export function phrasesOf(key: keyof LanguageTable): string[][] {
  return [...LANG[key]].map((p) => p.split(" "));
}
