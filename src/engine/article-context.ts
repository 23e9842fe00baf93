// Prepares an article ONCE for every rule: fold, tokenize, sentences, quotes, and a single pass
// of the ruleset-wide phrase matcher. Numbers, dates and countries are parsed lazily, only if a
// rule whose terms occur asks for them — an article no rule is about costs one matcher pass —
// and they reuse the folded text and tokens made here (no parser folds or tokenizes again).
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
  type PhraseMatch,
} from "./text-adapter";

const NONE: Hit[] = [];

export function prepareArticle(
  text: string,
  asOf: string,
  dated: boolean,
  rs: CompiledRuleset,
  findingsOf: (ruleId: string) => Finding[],
): ArticleContext & { hitSets: readonly number[] } {
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const prepared = { folded, tokens };
  const quotes = findQuotes(text);
  const sentences = splitSentences(text, quotes);
  const starts = new Float64Array(sentences.length);
  for (let i = 0; i < sentences.length; i++) starts[i] = sentences[i]!.start;

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
  // wordPrefix[i]: word tokens among tokens[0, i); built on first use (near / ignore_after).
  let wordPrefix: Int32Array | undefined;
  const wordsBetween = (from: number, to: number): number => {
    if (!wordPrefix) {
      wordPrefix = new Int32Array(tokens.length + 1);
      for (let i = 0; i < tokens.length; i++) wordPrefix[i + 1] = wordPrefix[i]! + (tokens[i]!.kind === "punct" ? 0 : 1);
    }
    const a = tokenAt(from);
    const b = tokenAt(to);
    return b > a ? wordPrefix[b]! - wordPrefix[a]! : 0;
  };

  // One matcher pass; hits grouped by term set, leftmost-longest within each set. Matches come
  // sorted by start, so the sentence index only moves forward: no search per hit.
  // The same pass finds the gazetteer's phrases (entries from rs.countryBase on): kept aside for
  // countries(), which only a triggered place/name rule asks for.
  // Sized once per article (set ids are dense), so the arrays never turn sparse.
  const hits: Array<Hit[] | undefined> = new Array(rs.setCount);
  // The term sets that occur, in first-hit order: checkArticle runs only the rules they trigger.
  const hitSets: number[] = [];
  const lastEnd = new Int32Array(rs.setCount).fill(-1);
  const countryHits: PhraseMatch[] = [];
  const countryBase = rs.countryBase;
  let sentence = 0;
  for (const m of rs.matcher.findAll(folded, tokens)) {
    if (m.index >= countryBase) {
      m.index -= countryBase;
      countryHits.push(m);
      continue;
    }
    const sets = rs.phraseSets[m.index];
    if (!sets) continue;
    while (sentence + 1 < starts.length && starts[sentence + 1]! <= m.start) sentence++;
    // One Hit per match, shared by every set the phrase is in (hits are read-only).
    let hit: Hit | undefined;
    for (const set of sets) {
      if (lastEnd[set]! > m.start) continue;
      let list = hits[set];
      if (!list) {
        hits[set] = list = [];
        hitSets.push(set);
      }
      list.push((hit ??= { start: m.start, end: m.end, sentence }));
      lastEnd[set] = m.end;
    }
  }
  const sentenceSets: Array<Set<number> | undefined> = [];
  const paragraphSets: Array<Set<number> | undefined> = [];

  let numbers: NumberMention[] | undefined;
  let dates: DateMention[] | undefined;
  let countries: CountryMention[] | undefined;
  let predicateHits: Hit[][] | undefined;
  const getDates = (): DateMention[] => (dates ??= findDates(text, dated ? asOf : null, prepared));

  return {
    text,
    folded,
    asOf,
    dated,
    tokens,
    sentences,
    quotes,
    sentenceAt,
    sentenceSpan: (s: number) => ({ from: s <= 0 ? -Infinity : starts[s]!, to: s + 1 < starts.length ? starts[s + 1]! : Infinity }),
    tokenAt,
    wordsBetween,
    numbers: () =>
      (numbers ??= findNumbers(text, { ...prepared, exclude: getDates().map((d) => ({ start: d.offset, end: d.offset + d.length })) })),
    dates: getDates,
    countries: () => (countries ??= findCountryMentions(text, prepared, countryHits)),
    hits: (set) => hits[set] ?? NONE,
    predicateHits: () => (predicateHits ??= rs.predicateSets.map((set) => hits[set] ?? NONE).filter((h) => h.length > 0)),
    inScope(set: number, sentence: number, scope: Scope): boolean {
      const hs = hits[set];
      if (!hs || hs.length === 0) return false;
      if (scope === "article") return true;
      if (scope === "sentence") {
        let ss = sentenceSets[set];
        if (!ss) {
          ss = new Set();
          for (const h of hs) ss.add(h.sentence);
          sentenceSets[set] = ss;
        }
        return ss.has(sentence);
      }
      let ps = paragraphSets[set];
      if (!ps) {
        ps = new Set();
        for (const h of hs) ps.add(sentences[h.sentence]?.paragraph ?? -1);
        paragraphSets[set] = ps;
      }
      return ps.has(sentences[sentence]?.paragraph ?? -2);
    },
    findingsOf,
    memo: new Map(),
    hitSets,
  };
}
