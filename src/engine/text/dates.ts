// Date mentions in English and Spanish, resolved against the article's publication date.
//
// One pass over the tokens of the folded text. Absolute dates keep what the text says; yearless
// and relative dates ("July 18", "last July", "on Friday", "ayer") take the missing parts from
// the anchor, and are marked `relative: true` whenever anything came from it.
import { addDays, dayOfWeek, daysInMonth } from "./calendar";
import { parseAt, type DateHit } from "./date-forms";
import { DateScanner, validDay } from "./date-scanner";
import { STARTS } from "./date-words";
import { mayBe, wordFilter } from "./word-filter";
import { foldText } from "./fold";
import type { Token } from "./tokens";
import { narrativeYears, weekdaysInContext } from "./narrative-dates";

export { dayOfWeek } from "./calendar";

export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
}

export interface DateAnchor {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0 = Sunday; derived from the date when absent. */
  weekday?: number;
}

export type Granularity = "day" | "month" | "year";
export type Approximate = "early" | "mid" | "late";

export interface DateMention {
  /** UTF-16 offset of the date expression in the original text (includes "last", "mid-", weekday). */
  offset: number;
  length: number;
  year?: number;
  /** 1-12 */
  month?: number;
  day?: number;
  granularity: Granularity;
  /** Some part was (or, without an anchor, would have been) taken from the anchor. */
  relative: boolean;
  approximate?: Approximate;
  /** A span of days ("15–16 March 2025"); year/month/day above are its first day. */
  range?: { from: DateParts; to: DateParts };
  /** The weekday the text names ("Friday, July 18"), 0 = Sunday. */
  weekday?: number;
  /** A numeric date read month-first although it could be day-first ("7/8/2025"). */
  ambiguous?: boolean;
  /**
   * The year was not written: it came from the narrative ("16 July 1969 … on 20 July", the last
   * year stated earlier in the paragraph) or, when the paragraph states none, the anchor.
   */
  yearFrom?: "narrative" | "anchor";
  /** "on the 15th": a day without its month, the month taken from the anchor — a guess. */
  monthGuessed?: boolean;
}

export interface FindDatesOptions {
  /** Read ambiguous numeric dates day-first ("07/08/2025" = 7 August). Default: month-first (US). */
  dayFirst?: boolean;
  /** foldText(text), when the caller already has it (saves a pass). */
  folded?: string;
  /** tokenize(folded), when the caller already has it. */
  tokens?: Token[];
}

/**
 * The days (of a month) or months (of a year) an early/mid/late qualifier covers: "late March" is
 * 20–31 March, "mid-2025" May–August. Loose at the edges, so a boundary day agrees with both
 * parts. Null for a mention without a qualifier or below month granularity.
 */
export function approximateSpan(m: DateMention): { unit: "day" | "month"; from: number; to: number } | null {
  if (!m.approximate || m.granularity === "day") return null;
  if (m.granularity === "month") {
    if (m.month === undefined) return null;
    const last = daysInMonth(m.year ?? 2024, m.month);
    const [from, to] = m.approximate === "early" ? [1, 10] : m.approximate === "mid" ? [10, 20] : [20, last];
    return { unit: "day", from, to };
  }
  const [from, to] = m.approximate === "early" ? [1, 4] : m.approximate === "mid" ? [4, 9] : [9, 12];
  return { unit: "month", from, to };
}

/** Does a qualified mention ("late March", "early 2025") leave out the day (or month) of `p`, in the month (or year) it names? */
export function approximateExcludes(m: DateMention, p: DateParts): boolean {
  const span = approximateSpan(m);
  if (!span) return false;
  if (span.unit === "day") {
    if (p.day === undefined || p.month !== m.month || (m.year !== undefined && p.year !== undefined && p.year !== m.year)) return false;
    return p.day < span.from || p.day > span.to;
  }
  if (p.month === undefined || (m.year !== undefined && p.year !== m.year)) return false;
  return p.month < span.from || p.month > span.to;
}

function ord(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000;
}

/** Shapes of the words that can start a date: most tokens are turned away before the set lookup. */
const MAY_START = wordFilter(STARTS);

/**
 * Every date mention in `text`, in order. Offsets are UTF-16 code units into `text`. With an
 * anchor (the publication date) yearless and relative dates are resolved; without one they keep
 * only what the text says.
 */
export function findDates(text: string, anchor?: DateAnchor, options: FindDatesOptions = {}): DateMention[] {
  const folded = options.folded ?? foldText(text);
  const sc = new DateScanner(text, folded, options.tokens);
  const out: DateMention[] = [];
  let i = 0;
  while (i < sc.toks.length) {
    const t = sc.t(i) as Token;
    if (t.kind === "punct" || (t.kind === "word" && !(mayBe(MAY_START, folded, t) && STARTS.has(t.text)))) {
      i++;
      continue;
    }
    const hit = parseAt(sc, i, options);
    if (!hit) {
      i++;
      continue;
    }
    const mention = resolve(sc, i, hit, anchor);
    if (mention) out.push(mention);
    i = Math.max(hit.core.next, i + 1);
  }
  if (anchor) narrativeYears(text, out, anchor);
  weekdaysInContext(text, out);
  return out;
}

function resolve(sc: DateScanner, i: number, hit: DateHit, anchor: DateAnchor | undefined): DateMention | null {
  const { core } = hit;
  const firstTok = sc.t(Math.min(hit.first, i)) as Token;
  const lastTok = sc.t(core.next - 1) as Token;
  const base = { offset: firstTok.start, length: lastTok.end - firstTok.start };
  let { year, month, day } = core;
  let relative = false;
  let yearFrom: DateMention["yearFrom"];
  let monthGuessed = false;
  const w = sc.text(i);
  let granularity: Granularity = day !== undefined ? "day" : month !== undefined ? "month" : "year";

  if (hit.relativeWord) {
    relative = true;
    if (w === "yesterday" || w === "ayer" || w === "today" || w === "hoy" || w === "anteayer") {
      granularity = "day";
      if (anchor) {
        const delta = w === "yesterday" || w === "ayer" ? -1 : w === "anteayer" ? -2 : 0;
        ({ year, month, day } = addDays(anchor.year, anchor.month, anchor.day, delta));
        if (hit.offset) {
          const months = hit.offset.unit === "year" ? hit.offset.n * 12 : hit.offset.n;
          const idx = year! * 12 + (month! - 1) - months;
          year = Math.floor(idx / 12);
          month = (idx % 12) + 1;
          day = Math.min(day!, daysInMonth(year, month));
        }
      }
    } else if (hit.granularityYear) {
      granularity = "year";
      if (anchor) year = anchor.year + (core.mode === "last" ? -1 : core.mode === "next" ? 1 : 0);
    } else {
      granularity = "month";
      if (anchor) {
        const shift = core.mode === "last" ? -1 : core.mode === "next" ? 1 : 0;
        const idx = anchor.year * 12 + (anchor.month - 1) + shift;
        year = Math.floor(idx / 12);
        month = (idx % 12) + 1;
      }
    }
  } else if (core.weekday !== undefined && day === undefined && month === undefined) {
    // "on Friday": the most recent such weekday on or before the anchor ("last": strictly before).
    relative = true;
    granularity = "day";
    if (anchor) {
      const awd = anchor.weekday ?? dayOfWeek(anchor.year, anchor.month, anchor.day);
      let delta: number;
      if (core.mode === "next") delta = (core.weekday - awd + 7) % 7 || 7;
      else {
        delta = -((awd - core.weekday + 7) % 7);
        if (core.mode === "last" && delta === 0) delta = -7;
      }
      ({ year, month, day } = addDays(anchor.year, anchor.month, anchor.day, delta));
    }
  } else if (day !== undefined && month === undefined) {
    // "on the 18th", "el viernes 18": this month, or the previous one if the day is still ahead.
    relative = true;
    if (anchor) {
      let y = anchor.year;
      let m = anchor.month;
      if (day > anchor.day + 7) {
        m -= 1;
        if (m === 0) {
          m = 12;
          y -= 1;
        }
      }
      // "el domingo 16" in a July piece: the month is the latest (up to a year back) in which the
      // 16th is a Sunday, and still a guess ("domingo 16" of March 2025, not of July).
      if (core.weekday !== undefined && (!validDay(y, m, day) || dayOfWeek(y, m, day) !== core.weekday)) {
        monthGuessed = true;
        for (let back = 1; back <= 12; back++) {
          if (--m === 0) {
            m = 12;
            y -= 1;
          }
          if (validDay(y, m, day) && dayOfWeek(y, m, day) === core.weekday) break;
        }
      }
      if (!validDay(y, m, day)) return null;
      year = y;
      month = m;
      if (core.weekday === undefined) monthGuessed = true;
    }
  } else if (core.yearShift !== undefined && month !== undefined) {
    relative = true;
    if (anchor) year = anchor.year + core.yearShift;
  } else if (year === undefined && month !== undefined) {
    relative = true;
    if (anchor && (core.mode === undefined || core.mode === "recent")) yearFrom = "anchor";
    if (anchor) {
      if (day !== undefined) {
        // "July 18": this year unless that is more than a month after the anchor.
        year = anchor.year;
        if (ord(year, month, day) - ord(anchor.year, anchor.month, anchor.day) > 31) year -= 1;
        // "Saturday, July 19" in a 2026 piece: the year before, when only there is the 19th a Saturday.
        if (core.weekday !== undefined && validDay(year, month, day) && dayOfWeek(year, month, day) !== core.weekday) {
          if (validDay(year - 1, month, day) && dayOfWeek(year - 1, month, day) === core.weekday) year -= 1;
        }
      } else if (core.mode === "last") year = month < anchor.month ? anchor.year : anchor.year - 1;
      else if (core.mode === "next") year = month > anchor.month ? anchor.year : anchor.year + 1;
      else if (core.mode === "this") year = anchor.year;
      else year = month <= anchor.month ? anchor.year : anchor.year - 1;
    }
    if (day !== undefined && year !== undefined && !validDay(year, month, day)) return null;
  }

  const m: DateMention = { ...base, granularity, relative };
  if (year !== undefined) m.year = year;
  if (month !== undefined) m.month = month;
  if (day !== undefined) m.day = day;
  if (hit.approx) m.approximate = hit.approx;
  if (core.weekday !== undefined) m.weekday = core.weekday;
  if (core.ambiguous) m.ambiguous = true;
  if (yearFrom) m.yearFrom = yearFrom;
  if (monthGuessed) m.monthGuessed = true;
  if (core.dayTo !== undefined && day !== undefined) {
    m.range = { from: { year, month, day }, to: { year, month, day: core.dayTo } };
  }
  return m;
}
