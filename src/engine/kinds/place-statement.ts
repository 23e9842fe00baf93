// Where a location statement puts the entity: "CECOT is located in the mountains outside Santa
// Ana", "El penal, ubicado en Zacatecoluca, en el departamento de La Paz". The first named place
// its locative chain reaches is where it is, and so is a place an area phrase or an apposition adds
// ("…, in the department of La Paz", "in Tecoluca, San Vicente"). A distance or a direction ("74 km
// southeast of San Salvador") and an approach after a named place ("Ilopango, a las afueras de San
// Salvador") give reference points, not its place.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG, WRITTEN_COPULAS } from "../lang";
import { isUpperAt } from "../text-adapter";
import { glueBetween, type Covered, type PlaceMention } from "./place-mentions";
import { firstEndingAfter, hitCovers } from "./shared";
import { hitWithin } from "../search";

/** The accepted or rejected place name starting at a token's offset, if any. */
export type PlaceAt = (start: number) => PlaceMention | undefined;

/** Most tokens of one segment of the chain ("on the outskirts of the town of"). */
const SEGMENT_MAX = 10;

const phraseWord = (w: string): boolean =>
  LANG.locatives.has(w) ||
  LANG.placeApproaches.has(w) ||
  LANG.placePhraseLinks.has(w) ||
  LANG.articles.has(w) ||
  LANG.definiteArticles.has(w) ||
  LANG.areaNouns.has(w);

/**
 * The places a location statement at token k states: location verbs ("is located", "se
 * encuentra"; optional when `verb` is false, as after a head noun in apposition), then the
 * locative chain. Empty when there is no such statement.
 */
export function statedPlaces(ctx: ArticleContext, k: number, placeAt: PlaceAt, verb: boolean): PlaceMention[] {
  const sentence = ctx.sentenceAt(ctx.tokens[k]?.start ?? ctx.text.length);
  const tok = (i: number) => {
    const t = ctx.tokens[i];
    return t && ctx.sentenceAt(t.start) === sentence ? t : undefined;
  };
  let i = k;
  while (i - k < 3 && tok(i) && LANG.locationVerbs.has(tok(i)!.text)) i++;
  if (verb && i === k) return [];
  const out: PlaceMention[] = [];
  let known = false; // a named place of the rule's has been reached
  for (let segment = 0; segment < 4; segment++) {
    const from = i;
    let locative = false;
    let approach = false;
    let reference = false;
    let area = false;
    let other = false;
    let found: PlaceMention | undefined;
    for (; i - from < SEGMENT_MAX; i++) {
      const t = tok(i);
      if (!t || t.text === ",") break;
      const m = placeAt(t.start);
      if (m) {
        found = { ...m, prepStart: ctx.tokens[from]!.start };
        i = ctx.tokenAt(m.end);
        break;
      }
      if (t.kind === "number") reference = true;
      else if (t.kind !== "word") return out;
      else if (LANG.directions.has(t.text)) reference = true;
      else if (phraseWord(t.text)) {
        // Before the capital test: "En El Salvador, en …" opens an answer.
        if (LANG.locatives.has(t.text) || LANG.placeApproaches.has(t.text)) locative = true;
        if (LANG.placeApproaches.has(t.text)) approach = true;
        if (LANG.areaNouns.has(t.text)) area = true;
      } else if (isUpperAt(ctx.text, t.start))
        other = true; // a place of no rule's ("the town of Ilobasco", "El Salvador")
      else if (!(other && LANG.nameConnectors.has(t.text)) && ctx.tokens[i - 1]?.kind !== "number") return out; // a unit after a number
    }
    if (segment === 0 && !locative && !reference) return out;
    const t = tok(i);
    if (found) {
      // "in Tecoluca, in the department of …" and "in Tecoluca, San Vicente" refine it;
      // "…, a las afueras de San Salvador" approaches from a reference point.
      const direct = found.start === ctx.tokens[from]!.start;
      const judged = !reference && !other && (direct || locative) && !(known && approach && !area);
      // The place must end its phrase: "near San Salvador's airport" places something else.
      const follows = !t || (t.kind === "punct" ? t.text !== "'" : LANG.locatives.has(t.text) || LANG.placeApproaches.has(t.text));
      if (!follows) return out;
      if (judged) out.push(found);
      known = true;
      if (t && t.text !== ",") {
        if (t.kind === "punct") return out;
        segment--; // "outside Santa Ana in the country's far west": the chain goes on without a comma
        continue;
      }
    } else if (!reference && !other) return out; // a phrase reaching no place ends the chain
    if (tok(i)?.text !== ",") return out;
    i++;
  }
  return out;
}

/** The rule's accepted and rejected place names by start offset, whatever precedes them. */
export function namedPlaces(ctx: ArticleContext, accept: number | null, reject: number | null): PlaceAt {
  let byStart: Map<number, PlaceMention> | null = null; // built on first use: most articles state no place
  return (start) => {
    if (!byStart) {
      byStart = new Map();
      for (const [set, ok] of [
        [accept, true],
        [reject, false],
      ] as const) {
        if (set === null) continue;
        for (const h of ctx.hits(set)) {
          const was = byStart.get(h.start);
          if (was && was.end >= h.end) continue; // the longest name ("departamento de San Vicente")
          byStart.set(h.start, { start: h.start, end: h.end, prepStart: h.start, form: "name", ok, found: ctx.text.slice(h.start, h.end) });
        }
      }
    }
    return byStart.get(start);
  };
}

/** What a head noun or "it" may stand for: the entity's mentions, its head nouns, other things of its kind. */
export interface Scene {
  ctx: ArticleContext;
  subjects: readonly Hit[];
  heads: readonly Hit[];
  others: readonly Hit[];
  covered: Covered;
}

/**
 * Does a head noun or "it" surely stand for the entity? It is named in apposition to it ("The
 * prison, CECOT, sits …"), or is the last thing of its kind named before it, at most two paragraphs
 * back (wire copy runs one sentence a paragraph): no other one ("La Esperanza", "a prison in
 * Izalco") named between.
 */
export function standsFor(sc: Scene, a: { start: number; end: number; sentence: number }): boolean {
  const { ctx, subjects, heads, covered } = sc;
  const next = subjects[firstEndingAfter(subjects, a.end)];
  const comma = ctx.tokens[ctx.tokenAt(a.end)];
  if (next && comma?.text === "," && ctx.tokens[ctx.tokenAt(a.end) + 1]?.start === next.start) return true;
  const last = subjects[firstEndingAfter(subjects, a.start) - 1];
  if (!last) return false;
  if (ctx.sentences[a.sentence]!.paragraph - ctx.sentences[last.sentence]!.paragraph > 2) return false;
  if (hitWithin(sc.others, last.end, a.start)) return false;
  for (let i = firstEndingAfter(heads, last.end); i < heads.length && heads[i]!.end <= a.start; i++) {
    const g = heads[i]!;
    if (hitCovers(subjects, g.start, g.end) || glueBetween(ctx, last.end, g.start, covered)) continue;
    if (!spellsAcronym(ctx, g.sentence)) return false;
  }
  return true;
}

/**
 * "CECOT, a sprawling complex outside Santa Ana", "el CECOT es una cárcel de máxima seguridad
 * construida por el Gobierno …, ubicada en Ilopango": a head noun in apposition or after a copula,
 * then its locative chain — directly, after a location participle, or after where it was built.
 */
export function apposedPlaces(sc: Scene, h: Hit, placeAt: PlaceAt): PlaceMention[] {
  const { ctx, heads, covered } = sc;
  const to = ctx.tokenAt(ctx.sentenceSpan(h.sentence).to);
  const text = (k: number) => (k < to ? (ctx.tokens[k]?.text ?? "") : "");
  let i = ctx.tokenAt(h.end);
  if (text(i) !== "," && !LANG.titleCopulas.has(text(i))) return [];
  let head = false;
  for (i++; i < to; i++) {
    const t = ctx.tokens[i]!;
    if (hitCovers(heads, t.start, t.end)) head = true;
    else if (covered(t.start, t.end) || (!head && LANG.articles.has(t.text)))
      continue; // "un estadio gigante"
    else {
      const n = ctx.tokens[i + 1];
      if (!(head && n && LANG.genitives.has(t.text) && covered(n.start, n.end))) break; // "de máxima seguridad"
    }
  }
  if (!head) return [];
  if (LANG.builtParticiples.has(text(i))) {
    let j = i + 1;
    // The agent runs to the place or to a comma: "construida por el Gobierno de Nayib Bukele en …".
    if (LANG.agentPrepositions.has(text(j))) {
      for (j++; j < to && j - i < 12 && !LANG.locatives.has(text(j)); j++) if (ctx.tokens[j]!.kind === "punct") break;
    }
    if (LANG.locatives.has(text(j))) return statedPlaces(ctx, j, placeAt, false);
    return text(j) === "," && LANG.locationVerbs.has(text(j + 1)) ? statedPlaces(ctx, j + 1, placeAt, true) : [];
  }
  if (text(i) === "," && LANG.locationVerbs.has(text(i + 1))) i++; // "una megacárcel enorme, ubicada en …"
  const direct = statedPlaces(ctx, i, placeAt, false);
  return direct.length ? direct : builtIn(ctx, i, to, placeAt);
}

/**
 * "una megacárcel con capacidad para 40.000 presos que el Gobierno levantó en …": a relative clause
 * on the head noun (a few words after it) says where it was built. From token i; no punctuation between.
 */
function builtIn(ctx: ArticleContext, i: number, to: number, placeAt: PlaceAt): PlaceMention[] {
  let k = i;
  const inNumber = (n: number) => ctx.tokens[n - 1]?.kind === "number" && ctx.tokens[n + 1]?.kind === "number"; // "40.000"
  for (; k < to && k - i < 10 && !LANG.relativePronouns.has(ctx.tokens[k]!.text); k++)
    if (ctx.tokens[k]!.kind === "punct" && !inNumber(k)) return [];
  if (k >= to || k - i >= 10) return [];
  let m = k + 1;
  for (; m < to && m - k <= 5 && !LANG.builtVerbs.has(ctx.tokens[m]!.text); m++) if (ctx.tokens[m]!.kind === "punct") return [];
  const at = ctx.tokens[m + 1];
  return m < to && m - k <= 5 && at && LANG.locatives.has(at.text) ? statedPlaces(ctx, m + 1, placeAt, false) : [];
}

/** "The acronym stands for Center for …": the sentence spells out the entity's name, its head nouns are the entity's. */
export function spellsAcronym(ctx: ArticleContext, sentence: number): boolean {
  const i = ctx.tokenAt(ctx.sentences[sentence]!.start);
  return LANG.definiteArticles.has(ctx.tokens[i]?.text ?? "") && LANG.acronymNouns.has(ctx.tokens[i + 1]?.text ?? "");
}

/** "Está en …", "Se encuentra en …": a location verb opens the sentence, its subject dropped (Spanish). */
export function dropsSubject(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  if (WRITTEN_COPULAS.has(ctx.text.slice(t.start, t.end).toLowerCase())) return true;
  return LANG.droppedSubjectClitics.has(t.text) && LANG.locationVerbs.has(ctx.tokens[i + 1]?.text ?? "");
}

/**
 * "¿Dónde queda? / En el norte …, en el departamento de Chalatenango": a question asking where the
 * entity is ("Where is it?", "¿Dónde está el CECOT?") and the places its answer, the next sentence,
 * opens with. The entity is named in the question, or is the last thing of its kind named in the
 * three paragraphs before it.
 */
export function answeredPlaces(sc: Scene, q: number, placeAt: PlaceAt): PlaceMention[] {
  const { ctx, subjects, covered } = sc;
  const question = ctx.sentences[q]!;
  const answer = ctx.sentences[q + 1];
  if (!answer || answer.paragraph - question.paragraph > 1) return [];
  let i = ctx.tokenAt(question.start);
  if (ctx.tokens[i]?.kind === "punct") i++; // "¿"
  if (!LANG.placeKeys.has(ctx.tokens[i]?.text ?? "")) return [];
  let named = false;
  const end = ctx.tokenAt(answer.start);
  for (i++; i < end - 1; i++) {
    const t = ctx.tokens[i]!;
    if (hitCovers(subjects, t.start, t.end)) named = true;
    else if (!LANG.locationVerbs.has(t.text) && !LANG.subjectPronouns.has(t.text) && !LANG.definiteArticles.has(t.text)) return [];
  }
  if (ctx.tokens[end - 1]?.text !== "?") return [];
  if (!named) {
    const last = subjects[firstEndingAfter(subjects, question.start) - 1];
    if (!last || question.paragraph - ctx.sentences[last.sentence]!.paragraph > 3 || hitWithin(sc.others, last.end, question.start))
      return [];
  }
  // The answer opens with its place ("En El Salvador, en las afueras de …"), or restates its subject
  // ("The prison sits in …").
  let k = end;
  while (k < ctx.tokens.length && ctx.tokenAt(answer.start) <= k && k - end < 4) {
    const t = ctx.tokens[k]!;
    if (!LANG.definiteArticles.has(t.text) && !LANG.subjectPronouns.has(t.text) && !covered(t.start, t.end)) break;
    k++;
  }
  return statedPlaces(ctx, k, placeAt, k > end);
}

/**
 * "El CECOT no está en un rincón cualquiera: se levanta en …": the token of a subjectless location
 * verb opening the clause after a colon, when the entity (or its head noun) is the last thing of its
 * kind named before the colon; else -1.
 */
export function colonVerb(sc: Scene, h: Hit): number {
  const { ctx, subjects, heads } = sc;
  const end = ctx.sentenceSpan(h.sentence).to;
  // Most sentences have no colon: one native scan instead of a look-up per token.
  const colon = ctx.text.indexOf(":", h.end);
  if (colon < 0 || colon >= end) return -1;
  const to = ctx.tokenAt(end);
  for (let i = ctx.tokenAt(h.end); i < to && i - ctx.tokenAt(h.end) < 20; i++) {
    const t = ctx.tokens[i]!;
    if (t.text === ":") return i + 1 < to && dropsSubject(ctx, i + 1) ? i + 1 : -1;
    if (hitCovers(subjects, t.start, t.end) || hitCovers(heads, t.start, t.end) || hitCovers(sc.others, t.start, t.end)) return -1;
  }
  return -1;
}

/**
 * A fact box: "CECOT at a glance / Location: Tecoluca, El Salvador". A keyed place is about the
 * entity named on one of the three lines before it, in its paragraph or the one before.
 */
export function boxedPlaces(sc: Scene, mentions: (sentence: number) => PlaceMention[][]): PlaceMention[] {
  const { ctx, subjects } = sc;
  const out: PlaceMention[] = [];
  const boxes = ctx.text.includes(":") ? ctx.sentences.length : 0; // no colon, no fact box
  for (let s = 0; s < boxes; s++) {
    const i = ctx.tokenAt(ctx.sentences[s]!.start);
    if (!LANG.placeKeys.has(ctx.tokens[i]?.text ?? "") || ctx.tokens[i + 1]?.text !== ":") continue;
    const keyed = mentions(s)
      .flat()
      .filter((m) => m.keyed);
    if (!keyed.length) continue;
    const named = subjects[firstEndingAfter(subjects, ctx.sentences[s]!.start) - 1];
    if (!named || s - named.sentence > 3 || s - named.sentence < 0) continue;
    if (ctx.sentences[s]!.paragraph - ctx.sentences[named.sentence]!.paragraph > 1) continue;
    out.push(...keyed);
  }
  return out;
}

/** Is the mention a preposition's object ("enviado al CECOT", "sent to CECOT"), not what its sentence is about? */
export function prepositionObject(ctx: ArticleContext, h: Hit): boolean {
  let i = ctx.tokenAt(h.start) - 1;
  if (LANG.articles.has(ctx.tokens[i]?.text ?? "")) i--;
  const p = ctx.tokens[i]?.text ?? "";
  return LANG.destinationPrepositions.has(p) || LANG.locatives.has(p) || LANG.genitives.has(p) || LANG.partitiveOf.has(p);
}
