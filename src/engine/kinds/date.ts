// date: an event date at year, month or day granularity. Mentions are compared at the coarser of
// the two granularities ("July 2025" agrees with 18 July 2025); relative forms ("last July", "on
// Friday") are resolved by the text layer against the article's publication date.
import { z } from "zod";
import { defineKind, type CompiledRule, type Finding } from "../kind-api";
import { LANG } from "../lang";
import { approximateExcludes, isInQuote, type DateMention } from "../text-adapter";
import { boundaryBefore, coordinatedDates, datesANoun, isDateLine } from "../attach";
import {
  boundBy,
  compileMentionFilter,
  contextSchema,
  eventSchema,
  mentionGate,
  mentionPasses,
  nearSchema,
  partialDate,
  terms,
  type MentionFilter,
} from "./shared";

const options = z.object({
  date: partialDate.describe("When the event happened, at the granularity it is known"),
  accept: z.array(partialDate).optional().describe("Other dates that are also right (a flight that landed after midnight)"),
  event: eventSchema.optional(),
  near: nearSchema.optional(),
  context: contextSchema.optional(),
  ignore_after: terms.optional().describe('Skip a date directly preceded by one of these words ("since", "until")'),
});

interface P {
  y: number;
  m?: number;
  d?: number;
}
interface Compiled extends CompiledRule {
  truth: P[];
  filter: MentionFilter;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function parse(s: string): P {
  const [y, m, d] = s.split("-").map(Number);
  return { y: y!, m, d };
}

export function formatPartial(p: { y?: number; m?: number; d?: number }): string {
  const parts: string[] = [];
  if (p.d !== undefined) parts.push(String(p.d));
  if (p.m !== undefined) parts.push(MONTHS[p.m - 1] ?? String(p.m));
  if (p.y !== undefined) parts.push(String(p.y));
  return parts.join(" ");
}

function iso(p: { y?: number; m?: number; d?: number }): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return [p.y ?? "????", p.m !== undefined ? pad(p.m) : null, p.d !== undefined ? pad(p.d) : null].filter((x) => x !== null).join("-");
}

/** Does mention `m` agree with truth `t` at the granularity both state? */
function agrees(m: DateMention, t: P): boolean {
  let gran: 0 | 1 | 2 = m.granularity === "day" ? 2 : m.granularity === "month" ? 1 : 0;
  // "mid-March" still states March: an early/mid/late qualifier blurs only the day.
  if (m.approximate && gran === 2) gran = 1;
  // A year taken from the publication date is the engine's guess, not the writer's word: a
  // retrospective "el 15 de marzo" in a 2026 piece is not a wrong year ("last March" still counts).
  const guessedYear = m.yearFrom === "anchor";
  // "flown out of Texas on the 15th": a day whose month the engine guessed says only the day.
  if (m.monthGuessed) return m.day === undefined || t.d === undefined || m.day === t.d;
  if (m.year !== undefined && m.year !== t.y && !guessedYear) return false;
  if (gran >= 1) {
    if (t.m === undefined || m.month === undefined) return true;
    if (m.month !== t.m) return false;
  }
  if (gran >= 2) {
    if (t.d === undefined || m.day === undefined) return true;
    if (m.day !== t.d) return false;
  }
  return true;
}

export const date = defineKind({
  meta: {
    name: "date",
    description:
      'An event date (year, month or day) in English and Spanish formats, with relative forms ("last July", "on Friday") resolved against the publication date; compared at the coarser granularity of fact and mention.',
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const c: Compiled = {
      truth: [o.date, ...(o.accept ?? [])].map(parse),
      filter: compileMentionFilter(o, tools),
      requires: [],
    };
    c.requires = c.filter.requires;
    return c;
  },

  check(ctx, c) {
    const out: Finding[] = [];
    const all = ctx.dates();
    const groups = coordinatedDates(ctx, all);
    for (let gi = 0; gi < all.length; gi++) {
      const m = all[gi]!;
      // Relative dates in an undated article were resolved against "now": meaningless here.
      if (m.relative && !ctx.dated) continue;
      if (m.year === undefined && m.month === undefined) continue;
      const start = m.offset;
      const end = m.offset + m.length;
      const s = ctx.sentenceAt(start);
      // The rule's sentence context and nearby term first: a few look-ups that most dates fail.
      if (!mentionGate(ctx, c.filter, start, end, s)) continue;
      // "Today, we handed over…" inside a quote is relative to when it was said, not published.
      if (m.relative && isInQuote(ctx.quotes, start, m.length)) continue;
      // "a year ago this month": an offset before a relative date moves it; the scanner read only the date.
      if (m.relative && LANG.offsetAfter.has(ctx.tokens[ctx.tokenAt(start) - 1]?.text ?? "")) continue;
      // "late March" for a 15 March event: that part of the month is another occurrence, not a wrong date.
      if (m.approximate && c.truth.every((t) => approximateExcludes(m, { year: t.y, month: t.m, day: t.d }))) continue;
      const group = groups[gi]!;
      // "since March and April": the preposition before a coordination governs all of it.
      if (c.filter.event && (boundaryBefore(ctx, all[group[0]!]!.offset) || datesANoun(ctx, m, c.filter.event) || isDateLine(ctx, all, m)))
        continue;
      const binding = mentionPasses(ctx, c.filter, start, end, s, "nearest");
      if (!binding) continue;
      // A span of days ("15–16 March") agrees when either end does.
      const agreesAny = (d: DateMention) => {
        const dt = d.range?.to;
        return c.truth.some(
          (t) =>
            agrees(d, t) ||
            (dt !== undefined && agrees({ ...d, year: dt.year ?? d.year, month: dt.month ?? d.month, day: dt.day ?? d.day }, t)),
        );
      };
      // Coordinated dates state the event's occurrences as a set ("deported in March and
      // April"): the set agrees when one of its dates does.
      const ok = agreesAny(m) || (group.length > 1 && group.some((k) => agreesAny(all[k]!)));
      const truth = c.truth[0]!;
      const expected = formatPartial(truth);
      const found = iso({ y: m.year, m: m.granularity !== "year" ? m.month : undefined, d: m.granularity === "day" ? m.day : undefined });
      out.push({
        start,
        end,
        status: ok ? "pass" : "fail",
        found,
        expected: iso(truth),
        replacements: ok ? [] : [expected],
        exact: m.granularity === "day" && !m.approximate,
        message: ok ? undefined : `dates it ${found}${boundBy(ctx, binding)}; it happened on ${expected}`,
      });
    }
    return out;
  },
});
