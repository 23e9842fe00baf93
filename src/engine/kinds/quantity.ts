// quantity: a count, amount or duration tied to a subject and an event by context terms, judged
// with the mention's own qualifier: "more than 250" and "hundreds" agree with 252, "244" does not.
import { z } from "zod";
import type { ArticleContext, CompiledRule, Finding, KindModule, RuleDef } from "../kind-api";
import type { NumberMention } from "../text-adapter";
import { compileMentionFilter, contextSchema, mentionPasses, nearSchema, terms, type MentionFilter } from "./shared";

const range = z.strictObject({ min: z.number(), max: z.number() });

const options = z.object({
  unit: z.enum(["count", "money", "duration", "percent", "distance"]).describe("What is counted; durations are compared in days, money in whole currency units"),
  currency: z.string().regex(/^[A-Z]{3}$/).optional().describe("ISO 4217 code for money (USD)"),
  value: z.union([z.number(), range]).describe("The true value, or {min, max} when only a range is known (124–125 days)"),
  accept: z.array(z.union([z.number(), range])).optional().describe("Other values that are also right (261 men in all, $4.76 million signed grant)"),
  tolerance: z.number().min(0).max(1).optional().describe("Relative tolerance for approximate mentions (\"about 250\"); default 0.1"),
  near: nearSchema.optional(),
  context: contextSchema.optional(),
  ignore_after: terms.optional().describe("Skip a value directly preceded by one of these words (\"since\", \"desde\")"),
  display: z.string().optional().describe("How to write the true value in a correction (\"252\", \"$6 million\")"),
});

type Options = z.infer<typeof options>;

interface Compiled extends CompiledRule {
  o: Options;
  truth: Array<[number, number]>;
  filter: MentionFilter;
}

const DAYS: Record<string, number> = {
  second: 1 / 86400, minute: 1 / 1440, hour: 1 / 24, day: 1, week: 7, month: 30.4375, year: 365.25, decade: 3652.5,
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

/** Partitives are subsets, not the total: "seven of the 252", "137 de los 238". */
function isPartitive(ctx: ArticleContext, m: NumberMention): boolean {
  const i = ctx.tokenAt(m.offset + m.length);
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  const c = ctx.tokens[i + 2];
  if (!a || (a.text !== "of" && a.text !== "de" && a.text !== "out")) return false;
  const isNum = (t?: { kind: string; text: string }) => !!t && (t.kind === "number" || /^(doscientos|two|ten|diez)/.test(t.text));
  if (isNum(b)) return true;
  return !!b && ["the", "los", "las", "those", "them", "ellos", "ellas", "all", "todos"].includes(b.text) && (isNum(c) || b.text === "them" || b.text === "ellos" || b.text === "ellas");
}

// "Two weeks later", "three days ago", "dos semanas después": a time offset, not how long anything lasted.
const OFFSET_WORDS = new Set(["later", "ago", "earlier", "afterwards", "afterward", "despues", "antes", "atras"]);

function isTimeOffset(ctx: ArticleContext, m: NumberMention): boolean {
  if (m.unit !== "duration") return false;
  const next = ctx.tokens[ctx.tokenAt(m.offset + m.length)];
  return !!next && OFFSET_WORDS.has(next.text);
}

export const quantity: KindModule = {
  meta: {
    name: "quantity",
    description:
      "A count, amount of money or duration tied to its subject and event by context terms (same sentence unless a group says otherwise), compared using the mention's qualifier: exact, approximate, more/less than, at least/at most, ranges and vague words (\"hundreds\").",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(rule: RuleDef, tools) {
    const o = rule as unknown as Options;
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

  check(ctx, compiled) {
    const c = compiled as Compiled;
    const o = c.o;
    const out: Finding[] = [];
    for (const m of ctx.numbers()) {
      if (m.age) continue;
      if (m.unit !== o.unit) continue;
      if (o.unit === "money" && o.currency && m.currency && m.currency !== o.currency) continue;
      const start = m.offset;
      const end = m.offset + m.length;
      const s = ctx.sentenceAt(start);
      if (!mentionPasses(ctx, c.filter, start, end, s)) continue;
      if (isPartitive(ctx, m) || isTimeOffset(ctx, m)) continue;
      out.push(judge(c, m, start, end));
    }
    return out;
  },
};

function judge(c: Compiled, m: NumberMention, start: number, end: number): Finding {
  const o = c.o;
  // Compare in the mention's unit: truth [124, 125] days is [4, 4] months when rounded.
  const per = o.unit === "duration" ? daysPer(m.durationUnit) : 1;
  const truth = c.truth.map(([lo, hi]): [number, number] =>
    o.unit === "duration" && per > 1 ? [Math.round(lo / per), Math.round(hi / per)] : [lo, hi],
  );
  const tol = o.tolerance ?? 0.1;
  const v = m.value;
  let ok: boolean;
  switch (m.qualifier) {
    case "approx":
      ok = truth.some(([lo, hi]) => hi >= v * (1 - tol) && lo <= (m.max ?? v) * (1 + tol));
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
      const [a, b] = m.vagueRange ?? [v, m.max ?? v];
      ok = truth.some(([lo, hi]) => hi >= a && lo <= b);
      break;
    }
    default: {
      const hiM = m.max ?? v;
      ok = truth.some(([lo, hi]) => hi >= v && lo <= hiM);
    }
  }
  const unitWord = o.unit === "duration" ? ` ${m.durationUnit ?? "days"}` : "";
  const show = (n: number) => (o.unit === "money" ? money(n, o.currency) : `${fmt(n)}${unitWord}`);
  const q = m.qualifier === "exact" ? "" : `${m.qualifier.replace("_", " ")} `;
  const found = m.qualifier === "vague" ? `${q}${m.vagueRange ? `${m.vagueRange[0]}–${m.vagueRange[1]}` : fmt(v)}` : `${q}${show(v)}${m.max !== undefined ? `–${show(m.max)}` : ""}`;
  const [lo0, hi0] = truth[0]!;
  const expected = o.display ?? (lo0 === hi0 ? show(lo0) : `${show(lo0)}–${show(hi0)}`);
  return {
    start,
    end,
    status: ok ? "pass" : "fail",
    found: found.trim(),
    expected,
    replacements: ok ? [] : [expected],
    exact: m.qualifier === "exact" && m.max === undefined,
    message: ok ? undefined : `states ${found.trim()}; the fact is ${expected}`,
  };
}
