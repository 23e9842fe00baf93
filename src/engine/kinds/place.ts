// place: an entity is located in a country (and/or named towns). Fails when a place is
// grammatically ATTACHED to the entity ("CECOT, a prison in Ecuador", "Ecuador's CECOT",
// "the Ecuadorian prison CECOT", "an Ecuador-based facility, CECOT") — sharing a sentence with
// "deported from the U.S." or "Venezuelan migrants" is not enough.
import { z } from "zod";
import type { ArticleContext, CompiledRule, Finding, KindModule, RuleDef } from "../kind-api";
import { countryName, type CountryMention } from "../text-adapter";
import { compileContext, contextHolds, contextSchema, firstEndingAfter, firstMentionAt, firstStartingAt, hitCovers, terms, type CompiledContext } from "./shared";
import { ARTICLES, GLUE, GLUE_PUNCT, LOCATIVE, NAMING, PEOPLE } from "./words";

const options = z.object({
  subject: terms.describe("The entity and its aliases in every language (CECOT, Terrorism Confinement Center, Centro de Confinamiento del Terrorismo)"),
  heads: terms.optional().describe("Common nouns that stand for the entity next to its name (prison, facility, cárcel, megacárcel)"),
  country: z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as SV").optional().describe("Where the entity is: any other country attached to it fails"),
  places: z
    .strictObject({
      accept: terms.optional().describe("Correct place names (towns, departments, an airport)"),
      reject: terms.optional().describe("Wrong place names to catch (other towns, other airports)"),
    })
    .optional(),
  attach: z.enum(["adjacent", "sentence"]).optional().describe("adjacent (default): the place must be attached to the subject; sentence: any located place in a sentence with the subject"),
  context: contextSchema.optional(),
});

interface Compiled extends CompiledRule {
  subject: number;
  heads: number | null;
  country: string | null;
  accept: number | null;
  reject: number | null;
  attach: "adjacent" | "sentence";
  context: CompiledContext;
}

interface PlaceMention {
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

function isGlueToken(ctx: ArticleContext, i: number, covered: (s: number, e: number) => boolean): boolean {
  const t = ctx.tokens[i]!;
  if (t.kind === "punct") return GLUE_PUNCT.has(t.text);
  if (GLUE.has(t.text) || NAMING.has(t.text)) return true;
  return covered(t.start, t.end);
}

/** Most tokens an attachment may span ("CECOT, the notorious maximum-security prison in …"). */
const GLUE_MAX = 12;

/** All tokens in [from, to) are glue; at most `max` tokens. */
function glueBetween(ctx: ArticleContext, from: number, to: number, covered: (s: number, e: number) => boolean, max = GLUE_MAX): boolean {
  let n = 0;
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length; i++) {
    const t = ctx.tokens[i]!;
    if (t.start >= to) break;
    if (++n > max) return false;
    if (!isGlueToken(ctx, i, covered)) return false;
  }
  return true;
}

function prevToken(ctx: ArticleContext, offset: number) {
  const i = ctx.tokenAt(offset) - 1;
  return i >= 0 ? ctx.tokens[i] : undefined;
}
function nextToken(ctx: ArticleContext, offset: number) {
  return ctx.tokens[ctx.tokenAt(offset)];
}

export const place: KindModule = {
  meta: {
    name: "place",
    description:
      "An entity is located in a country (gazetteer of every country, English and Spanish names, possessives, demonyms, \"X-based\") and optionally in named places; fails when a different place is attached to it.",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(rule: RuleDef, tools) {
    const o = rule as unknown as z.infer<typeof options>;
    const places = o.places ?? {};
    const c: Compiled = {
      subject: tools.terms(o.subject, "subject"),
      heads: o.heads ? tools.terms(o.heads, "heads") : null,
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

  check(ctx, compiled) {
    const c = compiled as Compiled;
    const out: Finding[] = [];
    const subjects = ctx.hits(c.subject);
    const heads = c.heads === null ? [] : ctx.hits(c.heads);
    const covered = (s: number, e: number) => hitCovers(subjects, s, e) || hitCovers(heads, s, e);
    const expectedName = c.country ? countryName(c.country) : null;

    // A sentence's located places, in three runs (countries, accepted, rejected), each sorted:
    // built once per sentence, however many subject mentions the sentence has.
    const bySentence = new Map<number, PlaceMention[][]>();
    const mentions = (sentence: number): PlaceMention[][] => {
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
    // A name (not a possessive/demonym) locates only after a locative preposition.
    const located = (m: PlaceMention): boolean => {
      if (m.form !== "name") return true;
      // In sentence mode a right place is evidence wherever it sits ("el aeropuerto de Maiquetía").
      if (m.ok && c.attach === "sentence") return true;
      let p = prevToken(ctx, m.start);
      if (p && ARTICLES.has(p.text)) p = prevToken(ctx, p.start); // "in the Dominican Republic"
      if (!p || !LOCATIVE.has(p.text) && p.text !== "a") return false;
      if (p.text === "a" && c.attach !== "sentence") return false; // Spanish "llegaron a Valencia"
      m.prepStart = p.start;
      return true;
    };

    const seen = new Set<number>();
    const push = (m: PlaceMention, start: number, end: number) => {
      if (seen.has(m.start)) return;
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
      const sentences = new Set(subjects.map((h) => h.sentence));
      for (const s of sentences) {
        if (!contextHolds(ctx, c.context, s)) continue;
        const ms = mentions(s).flat();
        const anyOk = ms.some((m) => m.ok);
        for (const m of ms) if (m.ok || !anyOk) push(m, m.prepStart, m.end);
      }
      return out;
    }

    for (const h of subjects) {
      if (!contextHolds(ctx, c.context, h.sentence)) continue;
      // "Venezuelan CECOT detainees": a word for people after the subject takes the demonym.
      const after = nextToken(ctx, h.end);
      const subjectIsModifier = after !== undefined && PEOPLE.has(after.text);
      // Only places within GLUE_MAX tokens of the subject can attach to it (glueBetween says no
      // to the rest): look at that window, not at every place in a possibly huge sentence.
      const ai = ctx.tokenAt(h.start);
      const zi = ctx.tokenAt(h.end);
      const lo = ctx.tokens[ai - GLUE_MAX - 2]?.start ?? -Infinity; // a place must end after this
      const hi = ctx.tokens[zi + GLUE_MAX + 4]?.start ?? Infinity; // …and start before this
      for (const run of mentions(h.sentence)) {
        for (let i = firstEndingAfter(run, lo); i < run.length && run[i]!.start < hi; i++) {
          const m = run[i]!;
          if (m.end <= h.start) {
            // Place before the subject.
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
              if (covered(t.start, t.end) || (m.form === "name" && ARTICLES.has(t.text))) start = t.start;
              else break;
              if (ARTICLES.has(t.text)) break;
            }
            push(m, Math.min(start, m.start), h.end);
          } else if (m.start >= h.end) {
            if (!glueBetween(ctx, h.end, m.prepStart, covered)) continue;
            if (m.form === "demonym") {
              // "CECOT, a Salvadoran prison" / "el penal salvadoreño": the demonym sits on a head noun.
              const n = nextToken(ctx, m.end);
              const p = prevToken(ctx, m.start);
              const onHead = (n && covered(n.start, n.end)) || (p && covered(p.start, p.end));
              if (!onHead) continue;
            }
            push(m, h.start, m.end);
          }
        }
      }
    }
    return out;
  },
};
