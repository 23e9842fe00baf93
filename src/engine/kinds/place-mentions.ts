// The located places of a sentence for the place kind: countries (names after a locative,
// possessives, demonyms, "X-based") and the rule's accepted and rejected place names.
import type { ArticleContext } from "../kind-api";
import type { Token } from "../text/tokens";
import { LANG } from "../lang";
import { countryName, isUpperAt, type CountryMention } from "../text-adapter";
import { firstMentionAt, firstStartingAt } from "./shared";

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
}

export function prevToken(ctx: ArticleContext, offset: number): Token | undefined {
  const i = ctx.tokenAt(offset) - 1;
  return i >= 0 ? ctx.tokens[i] : undefined;
}

interface Sets {
  country: string | null;
  accept: number | null;
  reject: number | null;
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
    // In sentence mode a right place is evidence wherever it sits ("el aeropuerto de Maiquetía").
    if (m.ok && c.attach === "sentence") return true;
    let p = prevToken(ctx, m.start);
    if (p && LANG.articles.has(p.text)) p = prevToken(ctx, p.start); // "in the Dominican Republic"
    if (p?.text === ",") {
      // "in Tecoluca, El Salvador": a place after a located town locates the same thing.
      const at = townBefore(ctx, p.start);
      if (at === null) return false;
      m.prepStart = at;
      return true;
    }
    if (!p || (!LANG.locatives.has(p.text) && p.text !== "a")) return false;
    if (p.text === "a" && c.attach !== "sentence") return false; // Spanish "llegaron a Valencia"
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
        list.push({ start: m.offset, end: m.offset + m.length, prepStart: m.offset, form: m.form, ok: m.code === c.country, found: countryName(m.code), code: m.code });
      }
      runs.push(list.filter(located));
    }
    for (const [set, ok] of [[c.accept, true], [c.reject, false]] as const) {
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
  return words > 0 && p && LANG.locatives.has(p.text) ? p.start : null;
}
