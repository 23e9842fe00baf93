// place: an entity is located in a country (and/or named towns). Fails when a place is
// grammatically ATTACHED to the entity ("CECOT, a prison in Ecuador", "Ecuador's CECOT",
// "the Ecuadorian prison CECOT", "an Ecuador-based facility, CECOT", "CECOT, which opened in 2023,
// is a prison in Honduras") — sharing a sentence with "deported from the U.S." or "Venezuelan
// migrants" is not enough. "The prison" standing for an entity named before is read for passes only.
import { z } from "zod";
import { inCorrection } from "../attach";
import { defineKind, type ArticleContext, type CompiledRule, type Finding, type Hit } from "../kind-api";
import { LANG } from "../lang";
import { countryName } from "../text-adapter";
import { placeMentions, prevToken, type PlaceMention } from "./place-mentions";
import { compileContext, contextHolds, contextSchema, firstEndingAfter, hitCovers, terms, type CompiledContext } from "./shared";

const options = z.object({
  subject: terms.describe("The entity and its aliases in every language (CECOT, Terrorism Confinement Center, Centro de Confinamiento del Terrorismo)"),
  heads: terms.optional().describe("Common nouns that stand for the entity next to its name (prison, facility, cárcel, megacárcel)"),
  modifiers: terms.optional().describe("Words that may describe the entity between it and a place (notorious, maximum-security, temida)"),
  people: terms.optional().describe("Nouns for people the entity's name may modify (detainees, inmates): \"Venezuelan CECOT detainees\" — the demonym is theirs"),
  country: z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as SV").optional().describe("Where the entity is: any other country attached to it fails"),
  places: z
    .strictObject({
      accept: terms.optional().describe("Correct place names (towns, departments, an airport)"),
      reject: terms.optional().describe("Wrong place names to catch (other towns, other airports)"),
    })
    .optional(),
  attach: z.enum(["adjacent", "sentence"]).optional().describe("adjacent (default): the place must be attached to the subject; sentence: the place the subject governs (\"landed at X\"), else any located place in its sentence"),
  context: contextSchema.optional(),
});

interface Compiled extends CompiledRule {
  subject: number;
  heads: number | null;
  modifiers: number | null;
  people: number | null;
  country: string | null;
  accept: number | null;
  reject: number | null;
  attach: "adjacent" | "sentence";
  context: CompiledContext;
}

/** Punctuation allowed inside an attachment (not sentence-internal breaks like ; or :). */
const GLUE_PUNCT = new Set([",", "(", ")", '"', "'", "-", "/", "—"]);

/** Most tokens an attachment may span ("CECOT, the notorious maximum-security prison in …"). */
const GLUE_MAX = 12;

/** Most tokens of an insertion between a subject and its verb ("CECOT, which opened in 2023, is …"). */
const INSERTION_MAX = 16;

type Covered = (s: number, e: number) => boolean;

function isGlueToken(ctx: ArticleContext, i: number, covered: Covered): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind === "punct") return GLUE_PUNCT.has(t.text);
  if (LANG.articles.has(t.text) || LANG.namingWords.has(t.text) || LANG.namingJoiners.has(t.text) || LANG.placeLinkers.has(t.text)) return true;
  return covered(t.start, t.end);
}

/** All tokens in [from, to) are glue; at most `max` tokens. */
function glueBetween(ctx: ArticleContext, from: number, to: number, covered: Covered, max = GLUE_MAX): boolean {
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
 * A copular statement with an insertion: "CECOT (…), which opened in 2023, is a prison in X".
 * After the subject, a parenthesis or a comma-delimited insertion, then a linking word; from there
 * the usual glue reaches the place. Returns whether [from, to) reads so.
 */
function copulaBetween(ctx: ArticleContext, from: number, to: number, covered: Covered): boolean {
  let i = ctx.tokenAt(from);
  let skipped = 0;
  // Up to three insertions in a row: "CECOT (…), built in 2022, is …".
  for (; skipped < 3; skipped++) {
    const open = ctx.tokens[i]?.text;
    if (open !== "," && open !== "(" && open !== "—") break;
    const close = open === "(" ? ")" : open;
    let j = i + 1;
    while (j < ctx.tokens.length && j - i <= INSERTION_MAX && ctx.tokens[j]!.start < to && ctx.tokens[j]!.text !== close) j++;
    if (ctx.tokens[j]?.text !== close) return false;
    i = j + 1;
    if (close === "," && ctx.tokens[i]?.text !== "(" && ctx.tokens[i]?.text !== "—") {
      skipped++;
      break;
    }
  }
  const verb = ctx.tokens[i];
  if (skipped === 0 || !verb || verb.start >= to || !LANG.placeLinkers.has(verb.text)) return false;
  return glueBetween(ctx, verb.start, to, covered);
}

export const place = defineKind({
  meta: {
    name: "place",
    description:
      "An entity is located in a country (gazetteer of every country, English and Spanish names, possessives, demonyms, \"X-based\") and optionally in named places; fails when a different place is attached to it.",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const places = o.places ?? {};
    const c: Compiled = {
      subject: tools.terms(o.subject, "subject"),
      heads: o.heads ? tools.terms(o.heads, "heads") : null,
      modifiers: o.modifiers ? tools.terms(o.modifiers, "modifiers") : null,
      people: o.people ? tools.terms(o.people, "people") : null,
      country: o.country ?? null,
      accept: places.accept ? tools.terms(places.accept, "places.accept") : null,
      reject: places.reject ? tools.terms(places.reject, "places.reject") : null,
      attach: o.attach ?? "adjacent",
      context: compileContext(o.context, tools),
      requires: [],
    };
    c.requires = [c.subject, ...c.context.all.map((g) => g.set)];
    return c;
  },

  check(ctx, c) {
    const out: Finding[] = [];
    const subjects = ctx.hits(c.subject);
    const heads = c.heads === null ? [] : ctx.hits(c.heads);
    const mods = c.modifiers === null ? [] : ctx.hits(c.modifiers);
    const covered: Covered = (s, e) => hitCovers(subjects, s, e) || hitCovers(heads, s, e) || hitCovers(mods, s, e);
    const expectedName = c.country ? countryName(c.country) : null;
    const mentions = placeMentions(ctx, c);

    const seen = new Set<number>();
    const push = (m: PlaceMention, start: number, end: number, passOnly = false) => {
      if (seen.has(m.start) || (passOnly && !m.ok)) return;
      if (!m.ok && inCorrection(ctx, ctx.sentenceAt(m.start))) return; // "An earlier version misstated where…"
      if (!m.ok && negated(ctx, start, end)) return; // "CECOT is not in Honduras"
      seen.add(m.start);
      const quote = ctx.text.slice(start, end);
      let replacements: string[] = [];
      if (!m.ok && expectedName && m.code) {
        const word = m.form === "demonym" ? countryName(c.country!, "demonym", ctx.text.slice(m.start, m.end)) : m.form === "possessive" ? `${expectedName}'s` : m.form === "based" ? `${expectedName}-based` : expectedName;
        replacements = [quote.slice(0, m.start - start) + word + quote.slice(m.end - start)];
      }
      out.push({
        start,
        end,
        status: m.ok ? "pass" : "fail",
        found: m.found,
        expected: expectedName,
        replacements,
        message: m.ok ? undefined : `places it in ${m.found}${expectedName ? `; it is in ${expectedName}` : ""}`,
      });
    };

    if (c.attach === "sentence") {
      const bySentence = new Map<number, Hit[]>();
      for (const h of subjects) bySentence.set(h.sentence, [...(bySentence.get(h.sentence) ?? []), h]);
      for (const [s, hs] of bySentence) {
        if (!contextHolds(ctx, c.context, s)) continue;
        const ms = mentions(s).flat();
        // The place the subject governs ("landing at La Carlota airport in Caracas") decides:
        // a right place locating it ("in Caracas") must not hide it.
        const governed = ms.filter((m) => hs.some((h) => h.end <= m.start && governs(ctx, h.end, m.start)));
        if (governed.length) {
          for (const m of governed) push(m, m.prepStart, m.end);
          continue;
        }
        const anyOk = ms.some((m) => m.ok);
        for (const m of ms) if (m.ok || !anyOk) push(m, m.prepStart, m.end);
      }
      return out;
    }

    const attachTo = (h: { start: number; end: number; sentence: number }, passOnly: boolean) => {
      // "Venezuelan CECOT detainees": a word for people after the subject takes the demonym.
      const people = c.people === null ? [] : ctx.hits(c.people);
      const after = ctx.tokens[ctx.tokenAt(h.end)];
      const subjectIsModifier = after !== undefined && people.some((p) => p.start === after.start);
      // Only places near the subject can attach to it: look at that window, not the whole sentence.
      const ai = ctx.tokenAt(h.start);
      const zi = ctx.tokenAt(h.end);
      const lo = ctx.tokens[ai - GLUE_MAX - 2]?.start ?? -Infinity;
      const hi = ctx.tokens[zi + GLUE_MAX + INSERTION_MAX + 4]?.start ?? Infinity;
      for (const run of mentions(h.sentence)) {
        for (let i = firstEndingAfter(run, lo); i < run.length && run[i]!.start < hi; i++) {
          const m = run[i]!;
          if (m.end <= h.start) {
            if (!glueBetween(ctx, m.end, h.start, covered)) continue;
            if (m.form === "demonym" && subjectIsModifier) continue;
            if (m.form === "name") {
              // "a prison in Ecuador, known as CECOT": the preposition must hang off a head noun.
              const before = prevToken(ctx, m.prepStart);
              if (!before || !covered(before.start, before.end)) continue;
            }
            let start = m.prepStart;
            // Extend left over "a detention center" so the quote reads as a phrase.
            for (let k = ctx.tokenAt(start) - 1; k >= 0; k--) {
              const t = ctx.tokens[k]!;
              if (ctx.sentenceAt(t.start) !== h.sentence) break;
              if (covered(t.start, t.end) || (m.form === "name" && LANG.articles.has(t.text))) start = t.start;
              else break;
              if (LANG.articles.has(t.text)) break;
            }
            push(m, Math.min(start, m.start), h.end, passOnly);
          } else if (m.start >= h.end) {
            if (!glueBetween(ctx, h.end, m.prepStart, covered) && !copulaBetween(ctx, h.end, m.prepStart, covered)) continue;
            if (m.form === "demonym") {
              // "CECOT, a Salvadoran prison" / "el penal salvadoreño": the demonym sits on a head noun.
              const n = ctx.tokens[ctx.tokenAt(m.end)];
              const p = prevToken(ctx, m.start);
              const onHead = (n && covered(n.start, n.end)) || (p && covered(p.start, p.end));
              if (!onHead) continue;
            }
            push(m, h.start, m.end, passOnly);
          }
        }
      }
    };

    for (const h of subjects) if (contextHolds(ctx, c.context, h.sentence)) attachTo(h, false);
    // "The prison, in Tecoluca, opened in 2023": a definite head noun after the entity was named
    // in its paragraph or the one before stands for it; it may confirm the fact, never fail it.
    if (subjects.length) {
      for (const h of heads) {
        if (hitCovers(subjects, h.start, h.end) || !contextHolds(ctx, c.context, h.sentence)) continue;
        const art = prevToken(ctx, h.start);
        if (!art || !LANG.definiteArticles.has(art.text)) continue;
        const named = subjects[firstEndingAfter(subjects, h.start) - 1];
        if (!named) continue;
        const p = (k: number) => ctx.sentences[k]?.paragraph ?? -1;
        if (p(h.sentence) - p(named.sentence) > 1) continue;
        attachTo(h, true);
      }
    }
    return out;
  },
});

/** Is there a negation inside the attachment? */
function negated(ctx: ArticleContext, from: number, to: number): boolean {
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) if (LANG.negations.has(ctx.tokens[i]!.text)) return true;
  return false;
}

/** Do only destination prepositions and articles lie between the subject and the place ("landed at the")? */
function governs(ctx: ArticleContext, from: number, to: number): boolean {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!;
    if (++n > 3) return false;
    if (!LANG.destinationPrepositions.has(t.text) && !LANG.articles.has(t.text) && !LANG.locatives.has(t.text)) return false;
  }
  return n > 0;
}
