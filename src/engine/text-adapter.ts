// The one place the engine core imports the text layer (src/engine/text/, owned separately).
// Re-exports what the kinds need under stable names, and papers over small gaps.
export { foldText, foldTerm } from "./text/fold";
export { tokenize, isUpperAt, type Token } from "./text/tokens";
import type { Token } from "./text/tokens";
export { compilePhrases, phraseSteps, type PhraseMatch, type PhraseMatcher } from "./text/phrase-matcher";
import type { PhraseMatch } from "./text/phrase-matcher";
export { splitSentences, findQuotes, isInQuote, type Sentence, type Span as QuoteSpan } from "./text/segment";

export { findNumbers, type NumberMention } from "./text/numbers";
import { findDates as findDatesRaw, type DateMention } from "./text/dates";
export { approximateExcludes } from "./text/dates";
export type { DateMention };

/** The folded text and its tokens, when the caller already has them (saves a fold and a tokenize). */
export interface Prepared {
  folded?: string;
  tokens?: Token[];
}

/** findDates with the judging date as anchor ("YYYY-MM-DD"); undated articles get no anchor. */
export function findDates(text: string, asOf: string | null, prepared: Prepared = {}): DateMention[] {
  if (!asOf) return findDatesRaw(text, undefined, prepared);
  const [year, month, day] = asOf.split("-").map(Number) as [number, number, number];
  return findDatesRaw(text, { year, month, day }, prepared);
}

export { htmlToText } from "./text/html";
export { markdownToText, splitFrontMatter } from "./text/markdown";
export { frontMatterDate, htmlPublishedDate, type DocumentDate } from "./text/document-date";
import { COUNTRIES, findCountryMentions as findCountriesRaw } from "./text/gazetteer";
export { countryPhraseEntries } from "./text/gazetteer";

/** A country mention whose span includes its "’s" / "-based" suffix. */
export interface CountryMention {
  offset: number;
  length: number;
  code: string;
  form: "name" | "possessive" | "demonym" | "based";
}

/**
 * Country mentions, minus the ambiguous ones ("Jordan", "Georgia" may be people or states), with
 * the suffix folded into the span so "Ecuador’s" / "Ecuador-based" is one unit for the kinds.
 */
export function findCountryMentions(text: string, prepared: Prepared = {}, hits?: readonly PhraseMatch[]): CountryMention[] {
  const out: CountryMention[] = [];
  for (const m of findCountriesRaw(text, prepared.folded, prepared.tokens, hits)) {
    if (!m.ambiguous) out.push({ offset: m.offset, length: m.length + (m.suffixLength ?? 0), code: m.code, form: m.form });
  }
  return out;
}

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]));

/**
 * A country's English name, or (form "demonym") its demonym in the language and gender of
 * `sample` — the wrong demonym being replaced ("ecuatoriana" → "salvadoreña").
 */
export function countryName(code: string, form?: "demonym", sample = ""): string {
  const c = BY_CODE.get(code);
  if (!c) return code;
  if (form !== "demonym") return c.en[0] ?? code;
  const spanish = sample !== "" && sample === sample.toLowerCase() && /[oa]s?$/.test(sample);
  if (!spanish) return c.demonyms.en[0] ?? c.en[0] ?? code;
  const base = c.demonyms.es[0] ?? c.es[0] ?? code;
  const stem = base.replace(/o$/, "");
  if (/as$/.test(sample)) return base.endsWith("o") ? `${stem}as` : `${base}s`;
  if (/os$/.test(sample)) return base.endsWith("o") ? `${stem}os` : `${base}s`;
  if (/a$/.test(sample) && base.endsWith("o")) return `${stem}a`;
  return base;
}
