// The located places of a sentence for the place kind: countries (names after a locative,
// possessives, demonyms, "X-based") and the rule's accepted and rejected place names.
import type { ArticleContext, Hit } from "../kind-api";
import type { Token } from "../text/tokens";
import { LANG } from "../lang";
import { isNegationAt } from "../attach";
import { modifiesNextWord } from "./word-class";
import { countryName, isUpperAt, type CountryMention } from "../text-adapter";
import { firstMentionAt, firstStartingAt, hitCovers } from "./shared";

export interface PlaceMention {
  start: number;
  end: number;
  /** Where a locative preposition starts when the form needs one ("in Ecuador"). */
  prepStart: number;
  form: CountryMention["form"];
  ok: boolean;
  found: string;
  /** Country code when it is a country. */
  code?: string;
  /** Located by a fact-box key ("Location: …"). */
  keyed?: boolean;
}

export function prevToken(ctx: ArticleContext, offset: number): Token | undefined {
  const i = ctx.tokenAt(offset) - 1;
  return i >= 0 ? ctx.tokens[i] : undefined;
}

interface Sets {
  country: string | null;
  accept: number | null;
  reject: number | null;
  heads: number | null;
  attach: "adjacent" | "sentence";
}

/**
 * A sentence's located places in three runs (countries, accepted, rejected), each sorted; built
 * once per sentence however many subject mentions it has.
 */
export function placeMentions(ctx: ArticleContext, c: Sets): (sentence: number) => PlaceMention[][] {
  const bySentence = new Map<number, PlaceMention[][]>();
  // A name (not a possessive/demonym) locates only after a locative preposition.
  const located = (m: PlaceMention): boolean => {
    if (m.form !== "name") return true;
    if (referencePoint(ctx, m.start)) return false;
    // In sentence mode a right place is evidence wherever it sits ("el aeropuerto de Maiquetía").
    if (m.ok && c.attach === "sentence") return true;
    let p = prevToken(ctx, m.start);
    if (p && LANG.articles.has(p.text)) p = prevToken(ctx, p.start); // "in the Dominican Republic"
    if (p?.text === ",") {
      // "in Tecoluca, El Salvador": a place after a located town locates the same thing — unless it
      // modifies the noun after it and opens the next clause ("in CECOT, U.S. officials argued").
      const at = townBefore(ctx, p.start);
      if (at === null) return false;
      const next = ctx.tokens[ctx.tokenAt(m.end)];
      if (next && next.kind === "word" && !next.brk && modifiesNextWord(ctx, ctx.tokenAt(m.end))) return false;
      m.prepStart = at;
      m.keyed = LANG.placeKeys.has(ctx.tokens[ctx.tokenAt(at)]!.text);
      return true;
    }
    // "Location: Tecoluca": a fact-box key locates what the box is about.
    const key = p ? keyBefore(ctx, ctx.tokenAt(p.start)) : null;
    if (key !== null) {
      m.prepStart = key;
      m.keyed = true;
      return true;
    }
    // "aterrizaron en el aeropuerto internacional Arturo Michelena": a head noun (and an adjective)
    // between the locative and the name.
    if (p && c.attach === "sentence" && c.heads !== null) {
      const at = headLocative(ctx, ctx.tokenAt(m.start), ctx.hits(c.heads));
      if (at !== null) {
        m.prepStart = at;
        return true;
      }
    }
    // "in the western department of Santa Ana": the area's locative locates the name.
    const area = p && (LANG.yearLinks.has(p.text) || LANG.genitives.has(p.text)) ? areaLocative(ctx, ctx.tokenAt(p.start)) : null;
    if (area !== null) {
      m.prepStart = area;
      return true;
    }
    if (p && LANG.genitives.has(p.text) && c.attach !== "sentence") {
      m.prepStart = p.start; // "la cárcel de El Salvador", "el municipio de Tecoluca"
      return true;
    }
    if (!p || (!LANG.locatives.has(p.text) && !LANG.articlePrepositions.has(p.text))) return false;
    if (LANG.articlePrepositions.has(p.text) && c.attach !== "sentence") return false; // Spanish "llegaron a Valencia"
    m.prepStart = p.start;
    return true;
  };
  return (sentence) => {
    const cached = bySentence.get(sentence);
    if (cached) return cached;
    const { from, to } = ctx.sentenceSpan(sentence);
    const runs: PlaceMention[][] = [];
    if (c.country) {
      const list: PlaceMention[] = [];
      const cs = ctx.countries();
      for (let i = firstMentionAt(cs, from); i < cs.length && cs[i]!.offset < to; i++) {
        const m = cs[i]!;
        list.push({
          start: m.offset,
          end: m.offset + m.length,
          prepStart: m.offset,
          form: m.form,
          ok: m.code === c.country,
          found: countryName(m.code),
          code: m.code,
        });
      }
      runs.push(list.filter(located));
    }
    for (const [set, ok] of [
      [c.accept, true],
      [c.reject, false],
    ] as const) {
      if (set === null) continue;
      const list: PlaceMention[] = [];
      const hs = ctx.hits(set);
      for (let i = firstStartingAt(hs, from); i < hs.length && hs[i]!.start < to; i++) {
        const h = hs[i]!;
        list.push({ start: h.start, end: h.end, prepStart: h.start, form: "name", ok, found: ctx.text.slice(h.start, h.end) });
      }
      runs.push(list.filter(located));
    }
    bySentence.set(sentence, runs);
    return runs;
  };
}

/** Start of the locative before "el aeropuerto (internacional)" ending right before token `i`, or null. */
function headLocative(ctx: ArticleContext, i: number, heads: readonly Hit[]): number | null {
  let k = i - 1;
  for (let adjectives = 0; adjectives < 2 && k >= 0; adjectives++, k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "word" || isUpperAt(ctx.text, t.start) || hitCovers(heads, t.start, t.end)) break;
  }
  const head = ctx.tokens[k];
  if (!head || !hitCovers(heads, head.start, head.end)) return null;
  while (k > 0 && hitCovers(heads, ctx.tokens[k - 1]!.start, ctx.tokens[k - 1]!.end)) k--; // "air base"
  // English puts the adjective first: "the international airport Las Palmas".
  for (let adjectives = 0; adjectives < 2 && k > 0; adjectives++) {
    const t = ctx.tokens[k - 1]!;
    const closed = LANG.articles.has(t.text) || LANG.locatives.has(t.text) || LANG.destinationPrepositions.has(t.text);
    if (t.kind !== "word" || closed || isUpperAt(ctx.text, t.start)) break;
    k--;
  }
  let p = ctx.tokens[k - 1];
  if (p && LANG.articles.has(p.text)) p = ctx.tokens[k - 2];
  return p && (LANG.locatives.has(p.text) || LANG.destinationPrepositions.has(p.text)) ? p.start : null;
}

/** Start of the locative before "the western department" ending at token `of` (its "of"/"de"), or null. */
function areaLocative(ctx: ArticleContext, of: number): number | null {
  let area = false;
  for (let k = of - 1; k >= Math.max(0, of - 5); k--) {
    const t = ctx.tokens[k]!;
    if (LANG.areaNouns.has(t.text)) area = true;
    else if (LANG.locatives.has(t.text)) return area ? t.start : null;
    else if (!LANG.articles.has(t.text)) return null;
  }
  return null;
}

/** Start of the locative before the capitalised town ending right before `comma` ("in Tecoluca,"), or null. */
function townBefore(ctx: ArticleContext, comma: number): number | null {
  let k = ctx.tokenAt(comma) - 1;
  let words = 0;
  for (; k >= 0 && words < 4; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "word" && isUpperAt(ctx.text, t.start)) {
      words++;
      continue;
    }
    if (t.kind === "word" && LANG.nameConnectors.has(t.text) && words > 0 && !LANG.locatives.has(t.text)) continue; // "San Vicente de…"
    break;
  }
  const p = ctx.tokens[k];
  if (words > 0 && p && LANG.locatives.has(p.text)) return p.start;
  return words > 0 ? keyBefore(ctx, k) : null;
}

/** Start of a place key opening its line when token k is its colon ("Location:", "Ubicación:"), or null. */
export function keyBefore(ctx: ArticleContext, k: number): number | null {
  const colon = ctx.tokens[k];
  const key = ctx.tokens[k - 1];
  if (colon?.text !== ":" || !key || !LANG.placeKeys.has(key.text)) return null;
  const line = ctx.tokens[k - 2];
  return !line || key.brk || ctx.sentenceAt(line.start) !== ctx.sentenceAt(key.start) ? key.start : null;
}

/** Punctuation allowed inside an attachment (not sentence-internal breaks like ; or :). */
const GLUE_PUNCT = new Set([",", "(", ")", '"', "'", "-", "/"]); // dashes fold to "-"

/** Most tokens an attachment may span ("CECOT, the notorious maximum-security prison in …"). */
export const GLUE_MAX = 12;

/** Most tokens of an insertion between a subject and its verb ("CECOT, which opened in 2023, is …"). */
export const INSERTION_MAX = 16;

export type Covered = (s: number, e: number) => boolean;

function isGlueToken(ctx: ArticleContext, i: number, covered: Covered): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind === "punct") return GLUE_PUNCT.has(t.text);
  // Two articles in a row: the first is a preposition ("trasladó a 238 venezolanos a la megacárcel":
  // the Spanish "a" is also the English article), and a preposition is no glue.
  if (LANG.articles.has(t.text) && LANG.articles.has(ctx.tokens[i + 1]?.text ?? "")) return false;
  if (LANG.articles.has(t.text) || LANG.namingWords.has(t.text) || LANG.namingJoiners.has(t.text) || LANG.placeLinkers.has(t.text))
    return true;
  return covered(t.start, t.end);
}

/** All tokens in [from, to) are glue; at most `max` tokens. */
export function glueBetween(ctx: ArticleContext, from: number, to: number, covered: Covered, max = GLUE_MAX): boolean {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.start >= to) break;
    if (++n > max) return false;
    if (!isGlueToken(ctx, i, covered)) return false;
  }
  return true;
}

/**
 * Skips up to three insertions after token i — "(…)", ", which opened in 2023,", "— … —" — and
 * returns the index after them (i itself when there is none), or -1 when one is left open.
 */
export function skipInsertions(ctx: ArticleContext, i: number, to = Infinity): number {
  // Dashes fold to "-": a spaced one (or a real dash) marks an aside, a hyphen inside a word does not.
  const mark = (k: number): string | null => {
    const t = ctx.tokens[k];
    if (!t) return null;
    if (t.text === "," || t.text === "(") return t.text;
    return t.text === "-" && (ctx.text[t.start] !== "-" || /\s/.test(ctx.text[t.start - 1] ?? "")) ? "-" : null;
  };
  for (let n = 0; n < 3; n++) {
    const open = mark(i);
    if (open === null) break;
    const close = open === "(" ? ")" : open;
    let j = i + 1;
    while (
      j < ctx.tokens.length &&
      j - i <= INSERTION_MAX &&
      ctx.tokens[j]!.start < to &&
      (close === ")" ? ctx.tokens[j]!.text !== ")" : mark(j) !== close)
    )
      j++;
    if ((close === ")" ? ctx.tokens[j]?.text : mark(j)) !== close) return -1;
    i = j + 1;
    if (close === "," && mark(i) !== "(" && mark(i) !== "-") break;
  }
  return i;
}

/**
 * A copular statement with an insertion: "CECOT (…), which opened in 2023, is a prison in X".
 * After the subject, insertions, then a linking word; from there the usual glue reaches the place.
 */
export function copulaBetween(ctx: ArticleContext, from: number, to: number, covered: Covered): boolean {
  const i = ctx.tokenAt(from);
  const k = skipInsertions(ctx, i, to);
  const verb = ctx.tokens[k];
  if (k <= i || !verb || verb.start >= to || !LANG.placeLinkers.has(verb.text)) return false;
  return glueBetween(ctx, verb.start, to, covered);
}

/** Is there a negation inside the attachment? */
export function negated(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) if (isNegationAt(ctx, i)) return true;
  return false;
}

/** Do only destination prepositions and articles lie between the subject and the place ("landed at the")? */
export function governs(ctx: ArticleContext, from: number, to: number): boolean {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!;
    if (++n > 3) return false;
    if (!LANG.destinationPrepositions.has(t.text) && !LANG.articles.has(t.text) && !LANG.locatives.has(t.text)) return false;
  }
  return n > 0;
}

/** Only prepositions, articles, commas and head nouns lie between two places ("Caracas at", "airport outside"). */
export function chained(ctx: ArticleContext, from: number, to: number, covered: Covered): boolean {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!;
    if (++n > 4) return false;
    if (
      t.text === "," ||
      LANG.destinationPrepositions.has(t.text) ||
      LANG.articles.has(t.text) ||
      LANG.locatives.has(t.text) ||
      LANG.genitives.has(t.text)
    )
      continue;
    if (!covered(t.start, t.end)) return false;
  }
  return n > 0;
}

/** "170 km west of Caracas", "a 74 kilómetros al sureste de San Salvador": a direction and "of"/"de" make the place a reference point. */
function referencePoint(ctx: ArticleContext, start: number): boolean {
  const i = ctx.tokenAt(start);
  const of = ctx.tokens[i - 1];
  if (!of || !(LANG.partitiveOf.has(of.text) || LANG.genitives.has(of.text))) return false;
  return LANG.directions.has(ctx.tokens[i - 2]?.text ?? "");
}

/** Is there an "of" / "de" / "del" between two offsets (a noun's complement, not an adjective)? */
export function ofBetween(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const w = ctx.tokens[i]!.text;
    if (LANG.yearLinks.has(w) || LANG.genitives.has(w)) return true;
  }
  return false;
}

/** Is a head noun the possessive's, an adjective or two aside ("El Salvador's notorious mega-prison")? */
export function ownsHead(ctx: ArticleContext, end: number, covered: Covered): boolean {
  for (let k = ctx.tokenAt(end), n = 0; k < ctx.tokens.length && n < 3; k++, n++) {
    const t = ctx.tokens[k]!;
    if (covered(t.start, t.end)) return true;
    if (t.kind !== "word" || isUpperAt(ctx.text, t.start)) return false;
  }
  return false;
}
