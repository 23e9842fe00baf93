// The pure text layer of the engine: folding, HTML, segmentation, numbers, dates, places, matching.
// Offsets everywhere are UTF-16 code units into the original text (JavaScript string indices).
export { foldCode, foldTerm, foldText } from "./fold";
export { decodeEntities, htmlToText } from "./html";
export { markdownToText, splitFrontMatter, type MarkdownText } from "./markdown";
export { frontMatterDate, htmlPublishedDate, isoDateOf, type DocumentDate } from "./document-date";
export { findQuotes, isInQuote, splitSentences, type Sentence, type Span } from "./segment";
export {
  findNumbers,
  type Currency,
  type DistanceUnit,
  type DurationUnit,
  type FindNumbersOptions,
  type NumberMention,
  type NumberUnit,
  type Qualifier,
} from "./numbers";
export {
  findDates,
  type Approximate,
  type DateAnchor,
  type DateMention,
  type DateParts,
  type FindDatesOptions,
  type Granularity,
} from "./dates";
export { addDays, dayOfWeek, daysInMonth, MONTHS, WEEKDAYS, type MonthName } from "./calendar";
export {
  COUNTRIES,
  countryLexicon,
  countryPhraseEntries,
  findCountryMentions,
  spanishDemonymForms,
  type Country,
  type CountryForm,
  type CountryMention,
  type CountryMentionForm,
} from "./gazetteer";
export { compilePhrases, longestMatches, phraseSteps, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from "./phrase-matcher";
export { charClass, isAllUpper, isUpperAt, isWordCode, tokenize, tokenizeText, type Token, type TokenKind } from "./tokens";
