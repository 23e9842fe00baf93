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
  type QuoteSpan,
  type Sentence,
  type Token,
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
  return new PreparedArticle(text, asOf, dated, rs, findingsOf);
}

/**
 * The context as a class: its methods live on the prototype, so preparing an article makes no
 * closure per method (with esbuild's keep-names, as wrangler and tsx bundle, each closure also
 * costs a defineProperty), and its fields keep one shape.
 */
class PreparedArticle implements ArticleContext {
  readonly folded: string;
  readonly tokens: Token[];
  readonly quotes: QuoteSpan[];
  readonly sentences: Sentence[];
  /** The term sets that occur, in first-hit order: checkArticle runs only the rules they trigger. */
  readonly hitSets: number[] = [];
  readonly memo = new Map<symbol, unknown>();
  /** Each sentence's start offset (a plain array of small integers: no off-heap buffer per article). */
  private readonly starts: number[] = [];
  /** Hits by term set id; sized once per article (set ids are dense), so the array never turns sparse. */
  private readonly bySet: Array<Hit[] | undefined>;
  private readonly countryHits: PhraseMatch[] = [];
  // Built on first use.
  /** wordPrefix[i]: word tokens among tokens[0, i) (near / ignore_after). */
  private wordPrefix: Int32Array | undefined;
  private numberMentions: NumberMention[] | undefined;
  private dateMentions: DateMention[] | undefined;
  private countryMentions: CountryMention[] | undefined;
  private predicates: Hit[][] | undefined;
  private readonly sentenceSets: Array<Set<number> | undefined> = [];
  private readonly paragraphSets: Array<Set<number> | undefined> = [];

  constructor(
    readonly text: string,
    readonly asOf: string,
    readonly dated: boolean,
    private readonly rs: CompiledRuleset,
    readonly findingsOf: (ruleId: string) => Finding[],
  ) {
    const folded = (this.folded = foldText(text));
    const tokens = (this.tokens = tokenize(folded));
    this.quotes = findQuotes(text);
    const sentences = (this.sentences = splitSentences(text, this.quotes));
    const starts = this.starts;
    for (const s of sentences) starts.push(s.start);

    // One matcher pass; hits grouped by term set, leftmost-longest within each set. Matches come
    // sorted by start, so the sentence index only moves forward: no search per hit.
    // The same pass finds the gazetteer's phrases (entries from rs.countryBase on): kept aside for
    // countries(), which only a triggered place/name rule asks for.
    const bySet: Array<Hit[] | undefined> = (this.bySet = new Array(rs.setCount));
    const { hitSets, countryHits } = this;
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
        let list = bySet[set];
        if (!list) {
          bySet[set] = list = [];
          hitSets.push(set);
        } else if (list[list.length - 1]!.end > m.start) continue; // overlaps the set's last hit
        list.push((hit ??= { start: m.start, end: m.end, sentence }));
      }
    }
  }

  sentenceAt(offset: number): number {
    const starts = this.starts;
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
  }

  sentenceSpan(s: number): { from: number; to: number } {
    const starts = this.starts;
    return { from: s <= 0 ? -Infinity : starts[s]!, to: s + 1 < starts.length ? starts[s + 1]! : Infinity };
  }

  tokenAt(offset: number): number {
    const tokens = this.tokens;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  wordsBetween(from: number, to: number): number {
    const tokens = this.tokens;
    let prefix = this.wordPrefix;
    if (!prefix) {
      prefix = this.wordPrefix = new Int32Array(tokens.length + 1);
      for (let i = 0; i < tokens.length; i++) prefix[i + 1] = prefix[i]! + (tokens[i]!.kind === "punct" ? 0 : 1);
    }
    const a = this.tokenAt(from);
    const b = this.tokenAt(to);
    return b > a ? prefix[b]! - prefix[a]! : 0;
  }

  numbers(): NumberMention[] {
    return (this.numberMentions ??= findNumbers(this.text, {
      folded: this.folded,
      tokens: this.tokens,
      exclude: this.dates().map((d) => ({ start: d.offset, end: d.offset + d.length })),
    }));
  }

  dates(): DateMention[] {
    return (this.dateMentions ??= findDates(this.text, this.dated ? this.asOf : null, { folded: this.folded, tokens: this.tokens }));
  }

  countries(): CountryMention[] {
    return (this.countryMentions ??= findCountryMentions(this.text, { folded: this.folded, tokens: this.tokens }, this.countryHits));
  }

  hits(set: number): Hit[] {
    return this.bySet[set] ?? NONE;
  }

  predicateHits(): Hit[][] {
    return (this.predicates ??= this.rs.predicateSets.map((set) => this.hits(set)).filter((h) => h.length > 0));
  }

  inScope(set: number, sentence: number, scope: Scope): boolean {
    const hs = this.bySet[set];
    if (!hs || hs.length === 0) return false;
    if (scope === "article") return true;
    if (scope === "sentence") {
      let ss = this.sentenceSets[set];
      if (!ss) {
        ss = new Set();
        for (const h of hs) ss.add(h.sentence);
        this.sentenceSets[set] = ss;
      }
      return ss.has(sentence);
    }
    const sentences = this.sentences;
    let ps = this.paragraphSets[set];
    if (!ps) {
      ps = new Set();
      for (const h of hs) ps.add(sentences[h.sentence]?.paragraph ?? -1);
      this.paragraphSets[set] = ps;
    }
    return ps.has(sentences[sentence]?.paragraph ?? -2);
  }
}
