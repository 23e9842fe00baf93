// quantity: a count, amount or duration tied to a subject and an event by context terms, judged
// with the mention's own qualifier: "more than 250" and "hundreds" agree with 252, "244" does not.
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding } from "../kind-api";
import { LANG } from "../lang";
import { foldText } from "../text/fold";
import type { NumberMention } from "../text-adapter";
import { anyWordIn } from "../attach";
import {
  countsTheNoun,
  inBreakdown,
  isActivityTime,
  isSlugVersion,
  isSomeOfThem,
  isAdditive,
  isAgeLike,
  isPartitive,
  isPerUnit,
  isTimeOffset,
  timesAnotherNoun,
  namesAnotherCountry,
  sentenceHasAdditive,
} from "./quantity-phrase";
import {
  boundBy,
  compileMentionFilter,
  contextSchema,
  eventSchema,
  firstMentionAt,
  mentionGate,
  mentionPasses,
  nearSchema,
  terms,
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
    .array(
      z.union([
        z.number(),
        range,
        z.strictObject({
          value: z.union([z.number(), range]),
          unless_noun: z
            .array(z.string())
            .min(1)
            .describe('Nouns for which the value is wrong: 261 men in all, but not "261 Venezuelans" (238 of them were)'),
        }),
      ]),
    )
    .optional()
    .describe("Other values that are also right (261 men in all, $4.76 million signed grant)"),
  tolerance: z.number().min(0).max(1).optional().describe('Relative tolerance for approximate mentions ("about 250"); default 0.1'),
  event: eventSchema.optional(),
  near: nearSchema.optional(),
  context: contextSchema.optional(),
  ignore_after: terms.optional().describe('Skip a value directly preceded by one of these words ("since", "desde")'),
  names_group: z
    .array(z.number())
    .optional()
    .describe(
      "Sizes of the story's known groups: after a definite article such a count names the group (\"los 252 venezolanos que EEUU envió en marzo\") and is judged only where the sentence pins the occurrence (a day, or one of `event.identify`'s marks)",
    ),
  limit: z
    .boolean()
    .optional()
    .describe('The fact is itself a limit (a capacity): "can hold up to 80,000" states 80,000, it does not agree with 40,000'),
  country: z
    .array(z.string().regex(/^[A-Z]{2}$/))
    .optional()
    .describe(
      'Where the subject is (ISO 3166 codes): a value whose clause names another country — as a place ("Guantánamo Bay, Cuba, to hold up to 30,000") or as its predicate\'s subject ("Eswatini received five men") — is about another place',
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
  /** Per truth entry: the folded nouns it is wrong for (none: right for any). */
  unless: Array<ReadonlySet<string> | null>;
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
    const accepted = (o.accept ?? []).map((a) => (typeof a === "object" && "value" in a ? a : { value: a, unless_noun: null }));
    const c: Compiled = {
      o,
      truth: [toRange(o.value), ...accepted.map((a) => toRange(a.value))],
      unless: [null, ...accepted.map((a) => (a.unless_noun ? new Set(a.unless_noun.map((w) => foldText(w).toLowerCase())) : null))],
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
    for (let k = 0; k < all.length; k++) {
      const m = all[k]!;
      if (m.age) continue;
      if (m.unit !== o.unit) continue;
      if (o.unit === "money" && o.currency && m.currency && m.currency !== o.currency) continue;
      const start = m.offset;
      const end = m.offset + m.length;
      const s = ctx.sentenceAt(start);
      // The rule's sentence context and nearby term first (a few look-ups), then the value's own
      // shape (the same for every rule: judged once per check), then its event (the costly part).
      if (!mentionGate(ctx, c.filter, start, end, s) || notAValue(ctx, all, k)) continue;
      if (timesAnotherNoun(ctx, m, c.filter.event?.set ?? null)) continue;
      if (o.unit === "count" && (!countsTheNoun(ctx, o, c.filter.near, m) || partOfTheTruth(ctx, c.truth, m, all))) continue;
      if (o.names_group && namesKnownGroup(ctx, c, m, s)) continue;
      const binding = mentionPasses(ctx, c.filter, start, end, s, "clause");
      if (!binding) continue;
      if (o.country && namesAnotherCountry(ctx, o.country, start, end, binding.predicate ?? undefined)) continue;
      out.push(judge(c, truthFor(ctx, c, m), m, start, end, boundBy(ctx, binding)));
    }
    return out;
  },
});

const NOT_A_VALUE = Symbol("not a value");

/**
 * Is the number, by its own phrase, no value of any quantity rule: a part ("seven of the 252"), an
 * offset, an age, time spent on an activity, a wire slug's version, or for a count one per unit, a
 * few of a group, a breakdown's part or an additive part? Judged once per mention and check.
 */
function notAValue(ctx: ArticleContext, all: NumberMention[], k: number): boolean {
  let seen = ctx.memo.get(NOT_A_VALUE) as (boolean | undefined)[] | undefined;
  if (!seen) ctx.memo.set(NOT_A_VALUE, (seen = []));
  let v = seen[k];
  if (v === undefined) {
    const m = all[k]!;
    v = seen[k] =
      isPartitive(ctx, m) ||
      isTimeOffset(ctx, m) ||
      isAgeLike(ctx, m) ||
      isActivityTime(ctx, m) ||
      isSlugVersion(ctx, m) ||
      (m.unit === "count" &&
        (isPerUnit(ctx, m) || isSomeOfThem(m) || inBreakdown(ctx, m, all) || isAdditive(ctx, m) || sentenceHasAdditive(ctx, m, all)));
  }
  return v;
}

/**
 * "five U.S. citizens and five permanent residents": a count coordinated with another that, added
 * to it, makes the true total is a part of it, not a wrong total (a count that is itself the truth
 * — "238 Venezuelans and 23 Salvadorans" — is still judged).
 */
function partOfTheTruth(ctx: ArticleContext, truth: Array<[number, number]>, m: NumberMention, all: NumberMention[]): boolean {
  const holds = (v: number) => truth.some(([lo, hi]) => lo <= v && v <= hi);
  if (m.qualifier !== "exact" || holds(m.value)) return false;
  const k = firstMentionAt(all, m.offset);
  for (const other of [all[k - 1], all[k + 1]]) {
    if (!other || other.unit !== "count" || other.qualifier !== "exact") continue;
    const [a, b] = other.offset < m.offset ? [other, m] : [m, other];
    if (ctx.sentenceAt(a.offset) !== ctx.sentenceAt(b.offset) || ctx.wordsBetween(a.offset + a.length, b.offset) > 5) continue;
    if (!anyWordIn(ctx, LANG.coordinators, a.offset + a.length, b.offset)) continue;
    if (holds(m.value + other.value)) return true;
  }
  return false;
}

/**
 * "los 252 venezolanos que EEUU envió en marzo", "the 252 men sent to CECOT": a definite count of a
 * known group's size refers to that group; it states this occurrence's count only where the sentence
 * pins the occurrence down — a day ("the 252 flown on March 15") or one of `identify`'s marks.
 */
function namesKnownGroup(ctx: ArticleContext, c: Compiled, m: NumberMention, sentence: number): boolean {
  if (m.qualifier !== "exact" || !c.o.names_group!.includes(m.value)) return false;
  if (!LANG.definiteArticles.has(ctx.tokens[ctx.tokenAt(m.offset) - 1]?.text ?? "")) return false;
  const identify = c.filter.event?.identify ?? null;
  if (identify !== null && ctx.inScope(identify, sentence, "sentence")) return false;
  // A day in the event's month pins it; "aterrizaron el viernes 18 de julio" dates another event.
  const month = c.filter.event?.when?.m;
  const dates = ctx.dates();
  const { start, end } = ctx.sentences[sentence]!;
  for (let k = firstMentionAt(dates, start); k < dates.length && dates[k]!.offset < end; k++) {
    const d = dates[k]!;
    if (d.granularity === "day" && (month === undefined || d.month === undefined || d.month === month)) return false;
  }
  return true;
}

/** The truth entries that hold for this mention's noun: "261 Venezuelans" is not "261 men" (a coordinated second noun keeps it: "261 Venezuelans and Salvadorans"). */
function truthFor(ctx: ArticleContext, c: Compiled, m: NumberMention): Array<[number, number]> {
  if (!m.noun || c.unless.every((u) => u === null)) return c.truth;
  const at = ctx.tokenAt(m.offset + m.length);
  const coordinated = LANG.coordinators.has(ctx.tokens[at + 1]?.text ?? "");
  return coordinated ? c.truth : c.truth.filter((_, k) => !c.unless[k]?.has(m.noun!));
}

function judge(c: Compiled, truth: Array<[number, number]>, m: NumberMention, start: number, end: number, bound: string): Finding {
  const o = c.o;
  // Durations compare in days: "four months" is 3.5–4.5 months (rounding), so it agrees with
  // 124–125 days, and "more than four months" (over 121.75 days) does too.
  const per = o.unit === "duration" ? daysPer(m.durationUnit) : 1;
  // A duration is stated to the nearest whole unit: "eight days" covers 7.5–8.5 days.
  const slack = o.unit === "duration" ? per / 2 : 0;
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
