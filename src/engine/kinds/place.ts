// place: an entity is located in a country (and/or named towns). Fails when a place is
// grammatically ATTACHED to the entity ("CECOT, a prison in Ecuador", "Ecuador's CECOT",
// "the Ecuadorian prison CECOT", "an Ecuador-based facility, CECOT", "CECOT, which opened in 2023,
// is a prison in Honduras") — sharing a sentence with "deported from the U.S." or "Venezuelan
// migrants" is not enough. "The prison" standing for an entity named before is read for passes only.
import { z } from "zod";
import { clauseAt, inCorrection } from "../attach/clauses";
import { inHearsay } from "../attach/reported";
import { defineKind, type CompiledRule, type Finding, type Hit } from "../kind-api";
import { LANG } from "../lang";
import { hitWithin } from "../search";
import { countryName, isUpperAt } from "../text-adapter";
import {
  chained,
  copulaBetween,
  glueBetween,
  governs,
  GLUE_MAX,
  INSERTION_MAX,
  negated,
  ofBetween,
  ownsHead,
  placeMentions,
  prevToken,
  skipInsertions,
  type Covered,
  type PlaceMention,
} from "./place-mentions";
import {
  answeredPlaces,
  colonVerb,
  apposedPlaces,
  boxedPlaces,
  dropsSubject,
  prepositionObject,
  namedPlaces,
  spellsAcronym,
  standsFor,
  statedPlaces,
  type Scene,
} from "./place-statement";
import {
  compileContext,
  contextHolds,
  contextSchema,
  firstEndingAfter,
  firstStartingAt,
  hitCovers,
  terms,
  type CompiledContext,
} from "./shared";

const options = z.object({
  subject: terms.describe(
    "The entity and its aliases in every language (CECOT, Terrorism Confinement Center, Centro de Confinamiento del Terrorismo)",
  ),
  heads: terms.optional().describe("Common nouns that stand for the entity next to its name (prison, facility, cárcel, megacárcel)"),
  modifiers: terms.optional().describe("Words that may describe the entity between it and a place (notorious, maximum-security, temida)"),
  others: terms
    .optional()
    .describe("Other things of the entity's kind a story names (other prisons): a head noun after one may stand for it"),
  people: terms
    .optional()
    .describe('Nouns for people the entity\'s name may modify (detainees, inmates): "Venezuelan CECOT detainees" — the demonym is theirs'),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as SV")
    .optional()
    .describe("Where the entity is: any other country attached to it fails"),
  places: z
    .strictObject({
      accept: terms.optional().describe("Correct place names (towns, departments, an airport)"),
      reject: terms.optional().describe("Wrong place names to catch (other towns, other airports)"),
    })
    .optional(),
  attach: z
    .enum(["adjacent", "sentence"])
    .optional()
    .describe(
      'adjacent (default): the place must be attached to the subject; sentence: the place the subject governs ("landed at X"), else any located place in its sentence',
    ),
  context: contextSchema.optional(),
});

interface Compiled extends CompiledRule {
  subject: number;
  heads: number | null;
  modifiers: number | null;
  people: number | null;
  others: number | null;
  country: string | null;
  accept: number | null;
  /** The first accepted place name: the fix offered for a wrong one. */
  bestPlace: string | null;
  reject: number | null;
  attach: "adjacent" | "sentence";
  context: CompiledContext;
}

export const place = defineKind({
  meta: {
    name: "place",
    description:
      'An entity is located in a country (gazetteer of every country, English and Spanish names, possessives, demonyms, "X-based") and optionally in named places; fails when a different place is attached to it.',
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
      others: o.others ? tools.terms(o.others, "others") : null,
      country: o.country ?? null,
      accept: places.accept ? tools.terms(places.accept, "places.accept") : null,
      bestPlace: places.accept?.[0] ?? null,
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
    const people = c.people === null ? [] : ctx.hits(c.people);
    const covered: Covered = (s, e) => hitCovers(subjects, s, e) || hitCovers(heads, s, e) || hitCovers(mods, s, e);
    const expectedName = c.country ? countryName(c.country) : null;
    const mentions = placeMentions(ctx, c);

    const named = namedPlaces(ctx, c.accept, c.reject);
    const scene: Scene = { ctx, subjects, heads, others: c.others === null ? [] : ctx.hits(c.others), covered };
    const seen = new Set<number>();
    const push = (m: PlaceMention, start: number, end: number, passOnly = false) => {
      if (seen.has(m.start) || (passOnly && !m.ok)) return;
      if (!m.ok && inCorrection(ctx, ctx.sentenceAt(m.start))) return; // "An earlier version misstated where…"
      if (!m.ok && inHearsay(ctx, m.start)) return; // "A photo caption said they landed in Valencia"
      if (!m.ok && negated(ctx, start, end)) return; // "CECOT is not in Honduras"
      seen.add(m.start);
      const quote = ctx.text.slice(start, end);
      let replacements: string[] = [];
      if (!m.ok && expectedName && m.code) {
        const word =
          m.form === "demonym"
            ? countryName(c.country!, "demonym", ctx.text.slice(m.start, m.end))
            : m.form === "possessive"
              ? `${expectedName}'s`
              : m.form === "based"
                ? `${expectedName}-based`
                : expectedName;
        replacements = [quote.slice(0, m.start - start) + word + quote.slice(m.end - start)];
      } else if (!m.ok && !m.code && c.bestPlace)
        replacements = [quote.slice(0, m.start - start) + c.bestPlace + quote.slice(m.end - start)];
      out.push({
        start,
        end,
        status: m.ok ? "pass" : "fail",
        found: m.found,
        expected: expectedName,
        replacements,
        message: m.ok
          ? undefined
          : `places it in ${m.found}${m.code && expectedName ? `; it is in ${expectedName}` : !m.code && c.bestPlace ? `; it is ${c.bestPlace}` : ""}`,
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
        // …and so does a place chained to a governed one ("landed in Caracas at La Carlota",
        // "at Maiquetía airport outside Caracas"): every link of the chain is judged.
        const sorted = [...ms].sort((x, y) => x.start - y.start);
        for (const m of sorted) {
          if (governed.includes(m)) continue;
          if (governed.some((g) => g.end <= m.start && chained(ctx, g.end, m.start, covered))) governed.push(m);
        }
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
      const after = ctx.tokens[ctx.tokenAt(h.end)];
      // So does any noun the name modifies ("Venezuelan CECOT alumni"): a lower-case word right
      // after it that is neither a head noun nor a linking word.
      const isPeople = after !== undefined && people.length > 0 && people[firstStartingAt(people, after.start)]?.start === after.start;
      const modifies =
        after !== undefined &&
        after.kind === "word" &&
        after.start <= h.end + 1 &&
        !isUpperAt(ctx.text, after.start) &&
        !covered(after.start, after.end) &&
        !LANG.placeLinkers.has(after.text) &&
        !LANG.namingWords.has(after.text);
      const subjectIsModifier = isPeople || (modifies && !passOnly); // a head noun modifies nothing
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
            // "los venezolanos del CECOT", "the Venezuelans of CECOT": a demonym joined by of/de names people.
            if (m.form === "demonym" && ofBetween(ctx, m.end, h.start)) continue;
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
            // "CECOT, El Salvador's mega-prison" locates it; "after leaving CECOT, Venezuela's returnees
            // build …" opens the next clause: a possessive after the subject owns a head noun.
            if (m.form === "possessive" && !ownsHead(ctx, m.end, covered)) continue;
            push(m, h.start, m.end, passOnly);
          }
        }
      }
    };

    // "Ecuador's CECOT-style prison", "a mini-CECOT", "a CECOT in Honduras": another thing of its kind.
    const compound = (h: Hit): boolean => {
      const next = ctx.tokens[ctx.tokenAt(h.end)];
      const prev = prevToken(ctx, h.start);
      return (
        (next?.text === "-" && next.start === h.end) ||
        (prev?.text === "-" && prev.end === h.start && ctx.text[prev.start] === "-") ||
        (prev !== undefined && LANG.indefiniteArticles.has(prev.text))
      );
    };
    for (const h of subjects) {
      if (compound(h) || !contextHolds(ctx, c.context, h.sentence)) continue;
      attachTo(h, false);
      if (c.attach === "adjacent")
        for (const m of apposedPlaces(scene, h, named)) if (!negated(ctx, h.start, m.end)) push(m, h.start, m.end);
    }
    if (!subjects.length) return out;
    // A question and its answer: "Where is it? / The prison sits in …", "¿Dónde queda? / En …".
    const asks = c.attach === "adjacent" && ctx.text.includes("?") ? ctx.sentences.length - 1 : 0;
    for (let q = 0; q < asks; q++) {
      if (!contextHolds(ctx, c.context, q + 1)) continue;
      for (const m of answeredPlaces(scene, q, named)) push(m, ctx.sentences[q + 1]!.start, m.end);
    }
    for (const m of boxedPlaces(scene, mentions)) push(m, m.prepStart, m.end);

    // A statement whose subject is the entity, one of its head nouns or "it" right after it was
    // named: any right place in the predicate's clause confirms it ("CECOT sits on farmland in
    // Tecoluca", "El Cecot, la cárcel más grande…, se levanta en … Tecoluca"). A strict one — its
    // subject surely the entity — also fails on the place its location verb states
    // ("It is located in the city of Santa Ana"; see place-statement.ts).
    const statement = (a: { start: number; end: number; sentence: number }, strict: boolean) => {
      const s = ctx.sentences[a.sentence]!;
      // The subject opens its sentence, or a clause after a colon ("It is more specific: CECOT sits in …").
      for (let k = ctx.tokenAt(a.start) - 1; k >= ctx.tokenAt(s.start) && ctx.tokens[k]!.text !== ":"; k--) {
        const t = ctx.tokens[k]!;
        if (t.kind !== "punct" && !LANG.articles.has(t.text) && !LANG.definiteArticles.has(t.text)) return;
      }
      const after = ctx.tokenAt(a.end);
      if (strict && c.attach === "adjacent") {
        // "CECOT is located in …", "El penal, ubicado en …", "CECOT, short for …, is located in …".
        for (const k of [after, ctx.tokens[after]?.text === "," ? after + 1 : -1, skipInsertions(ctx, after)]) {
          const ms = k < 0 ? [] : statedPlaces(ctx, k, named, true);
          if (!ms.length) continue;
          for (const m of ms) if (!negated(ctx, a.start, m.end)) push(m, a.start, m.end);
          break;
        }
      }
      // "The prison, which opened in 2023 in Tecoluca, …": a relative clause on the subject states a fact about it.
      const relative = ctx.tokens[after]?.text === "," && LANG.relativePronouns.has(ctx.tokens[after + 1]?.text ?? "") ? after + 1 : -1;
      const k = relative >= 0 ? relative : skipInsertions(ctx, after);
      const first = ctx.tokens[k];
      if (k < 0 || !first || ctx.sentenceAt(first.start) !== a.sentence) return;
      let clause: ReturnType<typeof clauseAt> | null = null; // built lazily: the clause layer is costly
      for (const run of mentions(a.sentence)) {
        for (const m of run) {
          if (!m.ok || seen.has(m.start) || m.start < first.start) continue;
          clause ??= clauseAt(ctx, first.start);
          if (m.start >= clause.end || negated(ctx, a.start, m.end)) continue;
          // A place the predicate reaches with a preposition ("in Tecoluca", "in El Salvador's San
          // Vicente department"), not a demonym on something else ("40,000 Salvadoran inmates").
          const p = prevToken(ctx, m.start);
          if (m.form === "name" || (m.form === "possessive" && p && LANG.locatives.has(p.text))) push(m, a.start, m.end, true);
        }
      }
    };
    for (const h of subjects) if (contextHolds(ctx, c.context, h.sentence)) statement(h, !compound(h));
    // A head noun in an article that names the entity stands for it ("a prison in El Salvador",
    // "The prison, in Tecoluca, opened in 2023"): for passes, and for fails too when it surely
    // does ("The prison is located in the city of Santa Ana" right after CECOT is named).
    for (const h of heads) {
      if (hitCovers(subjects, h.start, h.end) || !contextHolds(ctx, c.context, h.sentence)) continue;
      attachTo(h, true);
      const article = prevToken(ctx, h.start);
      const sure = article !== undefined && LANG.definiteArticles.has(article.text) && standsFor(scene, h);
      statement(h, sure);
      const v = colonVerb(scene, h);
      if (v >= 0) statement({ start: ctx.tokens[v]!.start, end: ctx.tokens[v]!.start, sentence: h.sentence }, sure);
    }
    // "El CECOT no está en un rincón cualquiera: se levanta en …": the clause after a colon goes on about it.
    for (const h of subjects) {
      const v = compound(h) || !contextHolds(ctx, c.context, h.sentence) ? -1 : colonVerb(scene, h);
      if (v >= 0) statement({ start: ctx.tokens[v]!.start, end: ctx.tokens[v]!.start, sentence: h.sentence }, true);
    }
    // "It is located in Tecoluca": "it" opening a sentence after one that names the entity, in its
    // paragraph, one sentence about something else between them at most ("This is CECOT. The acronym
    // stands for … It sits in …") when that one names no other thing of the kind.
    for (const h of subjects) {
      for (let s = h.sentence + 1; s <= h.sentence + 2; s++) {
        const next = ctx.sentences[s];
        if (!next || next.paragraph !== ctx.sentences[h.sentence]!.paragraph) break;
        const t = ctx.tokens[ctx.tokenAt(next.start)];
        const dropped = t !== undefined && dropsSubject(ctx, ctx.tokenAt(t.start));
        if (t && (LANG.subjectPronouns.has(t.text) || dropped)) {
          // "Está en …": no subject word; the statement starts at its verb.
          const it = { start: t.start, end: dropped ? t.start : t.end, sentence: s };
          // A dropped subject may be anyone: only the entity the sentence before is about ("Es el
          // CECOT. Está en …"), not one it names after a preposition ("Lo enviaron al CECOT. Está en …").
          const last = subjects[firstEndingAfter(subjects, it.start) - 1]!;
          const sure = standsFor(scene, it) && !(dropped && prepositionObject(ctx, last));
          if (contextHolds(ctx, c.context, s)) statement(it, sure);
          break;
        }
        const end = ctx.sentences[s + 1]?.start ?? ctx.text.length;
        if ((hitWithin(heads, next.start, end) && !spellsAcronym(ctx, s)) || hitWithin(subjects, next.start, end)) break;
      }
    }
    return out;
  },
});
