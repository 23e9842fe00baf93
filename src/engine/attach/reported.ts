// What a sentence reports rather than asserts: hearsay from unnamed sources ("some people have been
// saying …"), what a document says ("a photo caption … said …", "el mensaje asegura …"), a claim
// the sentence calls false ("the claim that … is false", "es falso que …") and a line under a label
// that states no claim of the text's own ("Claim: …", "Sources: …"). Built per sentence on first use.
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { isUpperAt } from "../text-adapter";

const MEMO = Symbol("reported");

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const alt = (words: Iterable<string>) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|");
const WORD = "[\\p{L}\\p{N}'’-]+";

/** An unnamed source, up to three words, then a verb of saying: "some people have been saying", "rumores … aseguran". */
const HEARSAY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alt(LANG.hearsaySources)})(?:\\s+[\\p{L}']+){0,3}?\\s+(?:${alt(LANG.hearsayVerbs)})(?![\\p{L}\\p{N}])`,
  "u",
);

/** Determiners that open a document's noun phrase ("a", "the", "that", "una", "el"): not possessives ("his message" is a person's). */
const DETERMINERS = new Set([...LANG.definiteArticles, ...LANG.indefiniteArticles, ...LANG.articlePrepositions]);

/**
 * A determiner, two modifiers at most, a document's noun, an aside between commas and five words
 * at most ("with that article", "on Page A6"), then a verb of saying: "A photo caption with that
 * article said", "un pie de foto publicado con esa nota decía".
 */
const DOCUMENT = new RegExp(
  `(?<![\\p{L}\\p{N}])(${alt(DETERMINERS)})\\s+((?:${WORD}\\s+){0,2}?)(${alt(LANG.documentNouns)})` +
    `((?:\\s*,[^,.;:!?\\n]{1,80},)?(?:\\s+${WORD}){0,5}?)\\s+(?:${alt([...LANG.documentVerbs, ...LANG.hearsayVerbs])})(?![\\p{L}\\p{N}])`,
  "dgu",
);

/** A claim noun and its link ("the claim that", "la afirmación de que"). */
const CLAIM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alt(LANG.claimNouns)})(?:\\s+|\\s*[—–,-]\\s*)(?:${alt(LANG.claimLinks)})(?![\\p{L}\\p{N}])`,
  "gu",
);
/** Right before a claim noun, its denial ("Es falsa la afirmación de que …") or a contrast ("Contrary to claims that …, …"). */
const BEFORE_CLAIM = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(${alt(LANG.falsityWords)})|(${alt(LANG.contraryLeads)}))\\s+(?:(?:${alt(LANG.articles)})\\s+)?$`,
  "u",
);
/** A copula, two words at most, and a word that calls it false ("is false", "is also false", "has been debunked", "es falsa"). */
const FALSE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${alt([...LANG.auxiliaries, ...LANG.singularAuxiliaries, ...LANG.participleAuxiliaries])})(?:\\s+${WORD}){0,2}?\\s+(?:${alt(LANG.falsityWords)})(?![\\p{L}\\p{N}])`,
  "u",
);
const LEAD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alt(LANG.falsityLeads)})(?![\\p{L}\\p{N}])`, "u");
/** A label and a colon opening a line ("Claim:", "Sources:", "Fuentes:"). */
const LABEL = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${alt(LANG.notAssertedLabels)})\\s*:`, "u");

/** Words whose presence in a sentence lets one of the patterns match: most sentences have none and skip the patterns. */
const lastWord = (p: string) => p.split(" ").pop()!;
const HEARSAY_HEADS = new Set([...LANG.hearsaySources].map(lastWord));
const DOCUMENT_HEADS = new Set([...LANG.documentNouns].map(lastWord));
const CLAIM_HEADS = new Set(LANG.claimNouns);
const FUNCTION_WORDS = new Set([...LANG.clauseOpeners, ...LANG.negations, ...LANG.auxiliaries, ...LANG.thingPronouns, ...LANG.articles]);
const LEAD_HEADS = new Set(
  [...LANG.falsityLeads]
    .flatMap((p) => p.split(" "))
    .filter((w) => !FUNCTION_WORDS.has(w) && !LANG.claimLinks.has(w) && /^\p{L}+$/u.test(w)),
);

/** Per sentence, the [from, to) spans it reports rather than asserts, flattened. */
type Spans = Array<number[] | undefined>;

/** Is the value at `start` in a stretch its sentence reports rather than asserts? */
export function inHearsay(ctx: ArticleContext, start: number): boolean {
  let memo = ctx.memo.get(MEMO) as Spans | undefined;
  if (!memo) ctx.memo.set(MEMO, (memo = []));
  const s = ctx.sentenceAt(start);
  const spans = (memo[s] ??= reportedSpans(ctx, s));
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! <= start && start < spans[k + 1]!) return true;
  return false;
}

function reportedSpans(ctx: ArticleContext, s: number): number[] {
  const { from, to } = ctx.sentenceSpan(s);
  const lo = Math.max(0, from);
  const hi = Math.min(ctx.folded.length, to);
  const spans: number[] = [];
  if (underLabel(ctx, s)) return [lo, hi];
  let hearsay = false;
  let document = false;
  let claim = false;
  let lead = false;
  for (let i = ctx.tokenAt(lo); i < ctx.tokens.length && ctx.tokens[i]!.start < hi; i++) {
    const w = ctx.tokens[i]!.text;
    hearsay ||= HEARSAY_HEADS.has(w);
    document ||= DOCUMENT_HEADS.has(w);
    claim ||= CLAIM_HEADS.has(w);
    lead ||= LEAD_HEADS.has(w);
  }
  if (!hearsay && !document && !claim && !lead) return spans;
  const text = ctx.folded.slice(lo, hi);
  // "Some people have been saying …", "A photo caption … said …": what follows is what they say.
  const h = hearsay ? HEARSAY.exec(text) : null;
  if (h) spans.push(lo + h.index + h[0].length, hi);
  if (document) {
    const d = documentSays(ctx, text, lo);
    if (d >= 0) spans.push(d, hi);
  }
  if (lead) {
    // "It is false that …", "No es cierto que …": up to a semicolon or colon, where the fact may follow.
    const m = LEAD.exec(text);
    if (m) spans.push(lo + m.index + m[0].length, lo + endOfPart(text, m.index + m[0].length));
  }
  if (claim) {
    // "The claim that CECOT can hold 100,000 prisoners is false": the content up to its denial.
    CLAIM.lastIndex = 0;
    for (let m = CLAIM.exec(text); m; m = CLAIM.exec(text)) {
      const at = m.index + m[0].length;
      const part = text.slice(at, endOfPart(text, at));
      const f = FALSE.exec(part);
      if (f) spans.push(lo + at, lo + at + f.index);
      else {
        const b = BEFORE_CLAIM.exec(text.slice(Math.max(0, m.index - 40), m.index));
        // A contrast ends at its comma: "Contrary to claims that it holds 100,000, it holds 40,000."
        const comma = b?.[2] ? part.indexOf(",") : -1;
        if (b) spans.push(lo + at, lo + at + (comma >= 0 ? comma : part.length));
      }
    }
  }
  return spans;
}

/** Where the stretch from `at` ends: a semicolon or a colon ("No es cierto que …: el penal fue inaugurado …"), or the sentence's end. */
function endOfPart(text: string, at: number): number {
  const m = /[;:]/.exec(text.slice(at));
  return m ? at + m.index : text.length;
}

/** The offset right after a document's verb of saying ("A photo caption with that article said"), or -1. */
function documentSays(ctx: ArticleContext, text: string, lo: number): number {
  DOCUMENT.lastIndex = 0;
  for (let m = DOCUMENT.exec(text); m; m = DOCUMENT.exec(text)) {
    const [, modifiers, noun, gap] = m.indices!.map((r) => (r ? [lo + r[0], lo + r[1]] : [0, 0])).slice(1) as number[][];
    // Written in lower case: "The Post reported" names a source. So do capitalised modifiers after a
    // definite article ("The White House post said"); after an indefinite one they say where an
    // unnamed document appeared ("A Facebook post says").
    if (isUpperAt(ctx.text, noun![0]!)) continue;
    if (
      !LANG.indefiniteArticles.has(m[1]!) &&
      !LANG.articlePrepositions.has(m[1]!) &&
      /\p{Lu}/u.test(ctx.text.slice(modifiers![0], noun![1]))
    )
      continue;
    // "He shared the post and said …": a coordinator or a person pronoun gives the verb another subject.
    // "A post made that claim": after a determiner the verb's word is a noun.
    const words = ctx.folded.slice(gap![0], gap![1]).split(/[\s,]+/);
    if (words.some((w) => LANG.coordinators.has(w) || LANG.writtenPersonPronouns.has(w))) continue;
    if (DETERMINERS.has(words[words.length - 1]!) || LANG.articles.has(words[words.length - 1]!)) continue;
    return lo + m.index + m[0].length;
  }
  return -1;
}

/**
 * Does the sentence open on a label that states no claim ("Claim: …", "Sources: …"), or sit under
 * such a label alone on its line ("Sources", then "- ACLU, 'Deportation …', March 20, 2025"): on
 * the line right below it, or in the list items that follow it?
 */
function underLabel(ctx: ArticleContext, s: number): boolean {
  const sentence = ctx.sentences[s];
  if (!sentence) return false;
  if (LABEL.test(ctx.folded.slice(sentence.start, Math.min(sentence.end, sentence.start + 48)))) return true;
  let k = firstOfLine(ctx, s);
  const item = isItem(ctx, k);
  for (let steps = 0; k > 0 && steps < 40; steps++) {
    const prev = firstOfLine(ctx, k - 1);
    const p = ctx.sentences[prev]!;
    if (LABEL_ALONE.test(ctx.folded.slice(p.start, Math.min(p.end, p.start + 48))))
      return item || shortLine(ctx, k) || !BLANK_LINE.test(ctx.text.slice(ctx.sentences[k - 1]!.end, ctx.sentences[k]!.start));
    // List items, or an HTML list's items turned into short one-line paragraphs ("Related stories",
    // then "Mar. 17, 2025 — Judge questions timing of …" lines).
    if (!(item && isItem(ctx, prev)) && !(shortLine(ctx, k) && shortLine(ctx, prev))) return false;
    k = prev;
  }
  return false;
}

/** The first sentence of sentence `s`'s line (every line is a paragraph). */
function firstOfLine(ctx: ArticleContext, s: number): number {
  let k = s;
  while (k > 0 && s - k < 8 && ctx.sentences[k - 1]!.paragraph === ctx.sentences[s]!.paragraph) k--;
  return k;
}

/** Is sentence `k`'s line a short title with no closing stop (a link's title, a list item without its bullet), not a sentence? */
function shortLine(ctx: ArticleContext, k: number): boolean {
  const start = ctx.sentences[k]!.start;
  let end = ctx.text.indexOf("\n", start);
  if (end < 0) end = ctx.text.length;
  const line = ctx.text.slice(start, end).trimEnd();
  return line.length <= SHORT_LINE && !/[.!?]$/.test(line);
}
const SHORT_LINE = 120;

/** Does sentence `k` open a list item (a bullet, a dash, a number and a point)? */
function isItem(ctx: ArticleContext, k: number): boolean {
  const start = ctx.sentences[k]!.start;
  return LIST_ITEM.test(ctx.text.slice(start, start + 4));
}

/** Such a label alone on its line ("Sources", "## Fuentes:"). */
const LABEL_ALONE = new RegExp(`^[\\s\\p{P}\\p{S}]*(?:${alt(LANG.notAssertedLabels)})[\\s\\p{P}\\p{S}]*$`, "u");
const LIST_ITEM = /^(?:[-*•·–—]|\d{1,2}[.)])/u;
const BLANK_LINE = /\n[^\S\n]*\n/;
