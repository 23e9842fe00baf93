// quantity: a count, amount or duration tied to a subject and an event by context terms, judged
// with the mention's own qualifier: "more than 250" and "hundreds" agree with 252, "244" does not.
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding } from "../kind-api";
import type { NumberMention } from "../text-adapter";
import { isDashAt, isGenericPredicate } from "../attach";
import { LANG } from "../lang";
import {
  boundBy,
  compileMentionFilter,
  contextSchema,
  eventSchema,
  firstMentionAt,
  firstStartingAt,
  mentionPasses,
  nearSchema,
  terms,
  valueClause,
  type MentionFilter,
} from "./shared";

const range = z.strictObject({ min: z.number(), max: z.number() });

const options = z.object({
  unit: z
    .enum(["count", "money", "duration", "percent", "distance"])
    .describe("What is counted; durations are compared in days, money in whole currency units"),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional()
    .describe("ISO 4217 code for money (USD)"),
  value: z.union([z.number(), range]).describe("The true value, or {min, max} when only a range is known (124–125 days)"),
  accept: z
    .array(z.union([z.number(), range]))
    .optional()
    .describe("Other values that are also right (261 men in all, $4.76 million signed grant)"),
  tolerance: z.number().min(0).max(1).optional().describe('Relative tolerance for approximate mentions ("about 250"); default 0.1'),
  event: eventSchema.optional(),
  near: nearSchema.optional(),
  context: contextSchema.optional(),
  ignore_after: terms.optional().describe('Skip a value directly preceded by one of these words ("since", "desde")'),
  limit: z
    .boolean()
    .optional()
    .describe('The fact is itself a limit (a capacity): "can hold up to 80,000" states 80,000, it does not agree with 40,000'),
  country: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .optional()
    .describe(
      'Where the subject is (ISO 3166 codes): a value whose clause names another country is about another place ("Guantánamo Bay, Cuba, to hold up to 30,000")',
    ),
  nationality: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .optional()
    .describe('Countries (ISO 3166 codes) of the people counted: "10 U.S. nationals" is another group when this is [VE]'),
  display: z.string().optional().describe('How to write the true value in a correction ("252", "$6 million")'),
});

type Options = z.infer<typeof options>;

interface Compiled extends CompiledRule {
  o: Options;
  truth: Array<[number, number]>;
  filter: MentionFilter;
}

const DAYS: Record<string, number> = {
  second: 1 / 86400,
  minute: 1 / 1440,
  hour: 1 / 24,
  day: 1,
  week: 7,
  month: 30.4375,
  year: 365.25,
  decade: 3652.5,
};

function daysPer(unit: string | undefined): number {
  if (!unit) return 1;
  const u = unit.replace(/s$/, "");
  return DAYS[u] ?? 1;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1000) / 1000);
}

function money(n: number, currency?: string): string {
  const sym = !currency || currency === "USD" ? "$" : `${currency} `;
  if (n >= 1e6) return `${sym}${fmt(n / 1e6)} million`;
  return `${sym}${n.toLocaleString("en-US")}`;
}

/** Partitives are subsets, not the total: "seven of the 252", "one of the men", "137 de los 238". */
function isPartitive(ctx: ArticleContext, m: NumberMention): boolean {
  const i = ctx.tokenAt(m.offset + m.length);
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  if (!a || !b || !LANG.partitiveOf.has(a.text)) return false;
  return b.kind === "number" || LANG.partitiveDeterminers.has(b.text) || (a.text === "out" && b.text === "of");
}

/** "17 more men", "another 14", "otros 101": a part added to a total, and so is every count beside it. */
function isAdditive(ctx: ArticleContext, m: NumberMention): boolean {
  const next = ctx.tokens[ctx.tokenAt(m.offset + m.length)];
  const prev = ctx.tokens[ctx.tokenAt(m.offset) - 1];
  return (!!next && LANG.additiveAfter.has(next.text)) || (!!prev && LANG.additiveBefore.has(prev.text));
}

const additiveSentences = new WeakMap<ArticleContext, Set<number>>();

/** Sentences holding an additive count: every count in them is a part of a total. */
function sentenceHasAdditive(ctx: ArticleContext, m: NumberMention, all: NumberMention[]): boolean {
  let set = additiveSentences.get(ctx);
  if (!set) {
    set = new Set();
    for (const x of all) if (x.unit === "count" && isAdditive(ctx, x)) set.add(ctx.sentenceAt(x.offset));
    additiveSentences.set(ctx, set);
  }
  return set.has(ctx.sentenceAt(m.offset)) && !isAdditive(ctx, m);
}

// "Two weeks later", "three days ago", "dos semanas después": a time offset, not how long anything lasted.
function isTimeOffset(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration") return false;
  const next = ctx.tokens[ctx.tokenAt(m.offset + m.length)];
  if (!next || !LANG.offsetAfter.has(next.text)) return false;
  // "held for about four months before being sent": after "for"/"durante" it is a length.
  const i = ctx.tokenAt(m.offset);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (LANG.lengthPrepositions.has(ctx.tokens[k]!.text)) return false;
  return true;
}

/** Does the value's clause name a country outside `countries`? */
function namesAnotherCountry(ctx: ArticleContext, countries: string[], start: number, end: number): boolean {
  const c = valueClause(ctx, start, end);
  const all = ctx.countries();
  // Only a place the clause puts things in counts ("in U.S. immigration detention", "at Guantánamo
  // Bay, Cuba"): not a demonym ("aeronaves venezolanas") nor an agent ("deported by the United States").
  for (let k = firstMentionAt(all, c.start); k < all.length && all[k]!.offset < c.end; k++) {
    const m = all[k]!;
    if (m.form !== "demonym" && !countries.includes(m.code) && locative(ctx, ctx.tokenAt(m.offset))) return true;
  }
  return false;
}

/** Function words and verbs: a word of these after the counted noun does not make it a modifier. */
const CLOSED_CLASSES = [
  LANG.phraseBreakers,
  LANG.relativePronouns,
  LANG.auxiliaries,
  LANG.coordinators,
  LANG.predicates,
  LANG.clauseOpeners,
  LANG.departureVerbs,
  LANG.boundaryPrepositions,
  LANG.destinationPrepositions,
  LANG.motionPrepositions,
  LANG.originPrepositions,
  LANG.modals,
  LANG.negations,
  LANG.additiveAfter,
];

/** Is the word at token i a noun the term before it modifies (not a verb, preposition, conjunction …)? */
function modifiesNextWord(ctx: ArticleContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const closed = CLOSED_CLASSES.some((set) => set.has(t.text));
  if (closed || isGenericPredicate(ctx, i) || isStatedPredicate(ctx, t.start)) return false;
  const c = ctx.text.charCodeAt(t.start);
  return !(c >= 65 && c <= 90) && t.text.length > 2 && !LANG.partitiveOf.has(t.text);
}

function isStatedPredicate(ctx: ArticleContext, start: number): boolean {
  for (const hits of ctx.predicateHits()) {
    const h = hits[firstStartingAt(hits, start)];
    if (h && h.start === start) return true;
  }
  return false;
}

/**
 * "10 Americans — five U.S. citizens and five permanent residents —": counts set off by a dash,
 * parenthesis or colon right after another count break it down; they are parts, not the total.
 */
function inBreakdown(ctx: ArticleContext, m: NumberMention, all: NumberMention[]): boolean {
  const i = ctx.tokenAt(m.offset);
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind !== "punct") continue;
    if (t.text !== "(" && t.text !== ":" && !isDashAt(ctx.text, t.start, t.end)) return false;
    // Another count of the same kind within six words before the opening mark.
    const j = firstMentionAt(all, m.offset) - 1;
    const prev = all[j];
    return !!prev && prev.unit === m.unit && ctx.wordsBetween(prev.offset + prev.length, t.start) <= 6;
  }
  return false;
}

/** Is token i inside a phrase a locative preposition opens (in, at, en …), looking back a few words? */
function locative(ctx: ArticleContext, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (LANG.destinationPrepositions.has(t.text) || LANG.motionPrepositions.has(t.text)) return true;
    if (t.kind === "punct" && t.text !== ",") return false;
    if (LANG.phraseBreakers.has(t.text) || LANG.originPrepositions.has(t.text)) return false;
  }
  return false;
}

/** "de 29 años" after a name is an age in Spanish, as is "aged 29" in English. */
function isAgeLike(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration" || !/^(year|ano)/.test(m.durationUnit ?? "")) return false;
  const prev = ctx.tokens[ctx.tokenAt(m.offset) - 1];
  return !!prev && (prev.text === "de" || LANG.ageWords.has(prev.text));
}

/**
 * Does the number count the rule's noun? The noun must follow it within its own phrase: no
 * preposition, verb or other number between ("two planes carrying 252 men" counts planes), and
 * no nationality other than the counted people's ("10 U.S. nationals" are another group).
 */
function countsTheNoun(ctx: ArticleContext, c: Compiled, m: NumberMention): boolean {
  const near = c.filter.near;
  if (!near || near.side !== "after" || c.o.unit !== "count") return true;
  const end = m.offset + m.length;
  const h = ctx.hits(near.set)[firstStartingAt(ctx.hits(near.set), end)];
  if (!h) return false;
  for (let i = ctx.tokenAt(end); i < ctx.tokens.length && ctx.tokens[i]!.start < h.start; i++) {
    const t = ctx.tokens[i]!;
    // "hundreds of Venezuelans", "decenas de hombres": a vague amount takes its noun with "of".
    if (m.qualifier === "vague" && LANG.partitiveOf.has(t.text) && i === ctx.tokenAt(end)) continue;
    if (t.kind === "number" || LANG.phraseBreakers.has(t.text) || (t.kind === "punct" && t.text !== "-" && t.text !== ".")) return false;
    if (t.kind === "word" && t.text.endsWith("ing")) return false;
  }
  // The term must head its phrase: in "two Venezuelan planes" it is an adjective of "planes".
  const next = ctx.tokens[ctx.tokenAt(h.end)];
  if (next && next.kind === "word" && !next.brk && modifiesNextWord(ctx, ctx.tokenAt(h.end))) return false;
  if (c.o.nationality) {
    const countries = ctx.countries();
    for (let k = firstMentionAt(countries, end); k < countries.length && countries[k]!.offset < h.end; k++) {
      if (!c.o.nationality.includes(countries[k]!.code)) return false;
    }
  }
  return true;
}

export const quantity = defineKind({
  meta: {
    name: "quantity",
    description:
      'A count, amount of money or duration tied to its subject and event by context terms (same sentence unless a group says otherwise), compared using the mention\'s qualifier: exact, approximate, more/less than, at least/at most, ranges and vague words ("hundreds").',
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const toRange = (v: number | { min: number; max: number }): [number, number] => (typeof v === "number" ? [v, v] : [v.min, v.max]);
    const c: Compiled = {
      o,
      truth: [toRange(o.value), ...(o.accept ?? []).map(toRange)],
      filter: compileMentionFilter(o, tools),
      requires: [],
    };
    c.requires = c.filter.requires;
    return c;
  },

  check(ctx, c) {
    const o = c.o;
    const out: Finding[] = [];
    const all = ctx.numbers();
    for (const m of all) {
      if (m.age) continue;
      if (m.unit !== o.unit) continue;
      if (o.unit === "money" && o.currency && m.currency && m.currency !== o.currency) continue;
      const start = m.offset;
      const end = m.offset + m.length;
      const s = ctx.sentenceAt(start);
      // The value's own shape first (cheap), then its context and event (the binding is the costly part).
      if (isPartitive(ctx, m) || isTimeOffset(ctx, m) || isAgeLike(ctx, m)) continue;
      if (
        o.unit === "count" &&
        (inBreakdown(ctx, m, all) || isAdditive(ctx, m) || sentenceHasAdditive(ctx, m, all) || !countsTheNoun(ctx, c, m))
      )
        continue;
      const binding = mentionPasses(ctx, c.filter, start, end, s, "clause");
      if (!binding) continue;
      if (o.country && namesAnotherCountry(ctx, o.country, start, end)) continue;
      out.push(judge(c, m, start, end, boundBy(ctx, binding)));
    }
    return out;
  },
});

function judge(c: Compiled, m: NumberMention, start: number, end: number, bound: string): Finding {
  const o = c.o;
  // Durations compare in days: "four months" is 3.5–4.5 months (rounding), so it agrees with
  // 124–125 days, and "more than four months" (over 121.75 days) does too.
  const per = o.unit === "duration" ? daysPer(m.durationUnit) : 1;
  // A duration is stated to the nearest whole unit: "eight days" covers 7.5–8.5 days.
  const slack = o.unit === "duration" ? per / 2 : 0;
  const truth = c.truth;
  const tol = o.tolerance ?? 0.1;
  const v = m.value * per;
  const vMax = (m.max ?? m.value) * per;
  let ok: boolean;
  const qualifier = o.limit && (m.qualifier === "at_most" || m.qualifier === "at_least") ? "exact" : m.qualifier;
  switch (qualifier) {
    case "approx":
      ok = truth.some(([lo, hi]) => hi >= v * (1 - tol) - slack && lo <= vMax * (1 + tol) + slack);
      break;
    case "more_than":
      ok = truth.some(([, hi]) => hi > v);
      break;
    case "at_least":
      ok = truth.some(([, hi]) => hi >= v);
      break;
    case "less_than":
      ok = truth.some(([lo]) => lo < v);
      break;
    case "at_most":
      ok = truth.some(([lo]) => lo <= v);
      break;
    case "vague": {
      const [a, b] = m.vagueRange ?? [m.value, m.max ?? m.value];
      ok = truth.some(([lo, hi]) => hi >= a * per && lo <= b * per);
      break;
    }
    default:
      ok = truth.some(([lo, hi]) => hi >= v - slack && lo <= vMax + slack);
  }
  const shown = (n: number) => (per !== 1 ? Math.round((n / per) * 10) / 10 : n);
  const unitWord = o.unit === "duration" ? ` ${m.durationUnit ?? "days"}` : "";
  const show = (n: number) => (o.unit === "money" ? money(n, o.currency) : `${fmt(n)}${unitWord}`);
  const q = m.qualifier === "exact" ? "" : `${m.qualifier.replace("_", " ")} `;
  const found =
    m.qualifier === "vague"
      ? `${q}${m.vagueRange ? `${m.vagueRange[0]}–${m.vagueRange[1]}` : fmt(m.value)}`
      : `${q}${show(m.value)}${m.max !== undefined ? `–${show(m.max)}` : ""}`;
  const [lo0, hi0] = truth[0]!.map(shown) as [number, number];
  const expected = o.display ?? (lo0 === hi0 ? show(lo0) : `${show(lo0)}–${show(hi0)}`);
  return {
    start,
    end,
    status: ok ? "pass" : "fail",
    found: found.trim(),
    expected,
    replacements: ok ? [] : [expected],
    exact: m.qualifier === "exact" && m.max === undefined,
    message: ok ? undefined : `states ${found.trim()}${bound}; the fact is ${expected}`,
  };
}
