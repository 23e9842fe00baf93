// Prepares an article ONCE for every rule: fold, tokenize, sentences, quotes, and a single pass
// of the ruleset-wide phrase matcher. Numbers, dates and countries are parsed lazily, only if a
// rule whose terms occur asks for them — an article no rule is about costs one matcher pass.
import type { ArticleContext, Finding, Hit, Scope } from "./kind-api";
import type { CompiledRuleset } from "./load-ruleset";
import {
  findCountryMentions,
  findDates,
  findNumbers,
  findQuotes,
  foldText,
  splitSentences,
  tokenize,
  type CountryMention,
  type DateMention,
  type NumberMention,
} from "./text-adapter";

export function prepareArticle(
  text: string,
  asOf: string,
  dated: boolean,
  rs: CompiledRuleset,
  findingsOf: (ruleId: string) => Finding[],
): ArticleContext {
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const sentences = splitSentences(text);
  const quotes = findQuotes(text);
  const starts = sentences.map((s) => s.start);

  const sentenceAt = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    let ans = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! <= offset) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  };
  const tokenAt = (offset: number): number => {
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  // One matcher pass; hits grouped by term set, leftmost-longest within each set.
  const hits: Hit[][] = [];
  const lastEnd: number[] = [];
  for (const m of rs.matcher.findAll(folded, tokens)) {
    const sets = rs.phraseSets[m.index];
    if (!sets) continue;
    let sentence = -1;
    for (const set of sets) {
      if ((lastEnd[set] ?? -1) > m.start) continue;
      if (sentence < 0) sentence = sentenceAt(m.start);
      (hits[set] ??= []).push({ start: m.start, end: m.end, sentence });
      lastEnd[set] = m.end;
    }
  }
  const none: Hit[] = [];
  const sentenceSets: Array<Set<number> | undefined> = [];
  const paragraphSets: Array<Set<number> | undefined> = [];

  let numbers: NumberMention[] | undefined;
  let dates: DateMention[] | undefined;
  let countries: CountryMention[] | undefined;

  return {
    text,
    folded,
    asOf,
    dated,
    tokens,
    sentences,
    quotes,
    sentenceAt,
    tokenAt,
    numbers: () => (numbers ??= findNumbers(text, { exclude: (dates ??= findDates(text, dated ? asOf : null)).map((d) => ({ start: d.offset, end: d.offset + d.length })) })),
    dates: () => (dates ??= findDates(text, dated ? asOf : null)),
    countries: () => (countries ??= findCountryMentions(text)),
    hits: (set) => hits[set] ?? none,
    inScope(set: number, sentence: number, scope: Scope): boolean {
      const hs = hits[set];
      if (!hs || hs.length === 0) return false;
      if (scope === "article") return true;
      if (scope === "sentence") {
        const ss = (sentenceSets[set] ??= new Set(hs.map((h) => h.sentence)));
        return ss.has(sentence);
      }
      const ps = (paragraphSets[set] ??= new Set(hs.map((h) => sentences[h.sentence]?.paragraph ?? -1)));
      return ps.has(sentences[sentence]?.paragraph ?? -2);
    },
    findingsOf,
  };
}
