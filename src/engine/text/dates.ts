// Date mentions in English and Spanish, resolved against the article's publication date.
//
// One pass over the tokens of the folded text. Absolute dates keep what the text says; yearless
// and relative dates ("July 18", "last July", "on Friday", "ayer") take the missing parts from
// the anchor, and are marked `relative: true` whenever anything came from it.
import { addDays, dayOfWeek, daysInMonth, MONTHS, WEEKDAYS } from "./calendar";
import { foldText } from "./fold";
import { smallDuration } from "./number-words";
import { isUpperAt, TokenCursor, type Token } from "./tokens";

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
}

export interface FindDatesOptions {
  /** Read ambiguous numeric dates day-first ("07/08/2025" = 7 August). Default: month-first (US). */
  dayFirst?: boolean;
  /** foldText(text), when the caller already has it (saves a pass). */
  folded?: string;
  /** tokenize(folded), when the caller already has it. */
  tokens?: Token[];
}

/** Words before a bare month or year that make it a date ("in March", "since 2023", "de marzo"). */
const CONTEXT = new Set(
  ("in since until till by during from through throughout before after between of early mid late around " +
    "en desde hasta de del durante entre para antes despues tras a").split(" "),
);
/** Joiners that make a bare month a date when a month mention precedes ("in March and April"). */
const LIST_JOINERS = new Set(["and", "or", "to", "y", "o", "-", ","]);

const APPROX_WORDS = new Map<string, Approximate>([
  ["early", "early"], ["mid", "mid"], ["late", "late"], ["principios", "early"], ["comienzos", "early"],
  ["inicios", "early"], ["mediados", "mid"], ["finales", "late"], ["fines", "late"],
]);

const SPANISH_WEEKDAYS = new Set(["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"]);

const ORDINAL_SUFFIX = new Set(["st", "nd", "rd", "th", "o", "ro", "er"]);

interface Core {
  next: number;
  year?: number;
  month?: number;
  day?: number;
  dayTo?: number;
  weekday?: number;
  ambiguous?: boolean;
  /** How to resolve a missing year/month against the anchor. */
  mode?: "last" | "next" | "this" | "recent";
  /** The year is the anchor's plus this ("of last year" = -1). */
  yearShift?: number;
}

/** "of last year", "of this year", "del año pasado", "de este año" at token j. */
function yearShiftAt(sc: DateScanner, j: number): { next: number; shift: number } | null {
  const a = sc.text(j);
  const b = sc.text(j + 1);
  const c = sc.text(j + 2);
  if (a === "of" && c === "year") {
    const shift = b === "last" ? -1 : b === "this" ? 0 : b === "next" ? 1 : null;
    return shift === null ? null : { next: j + 3, shift };
  }
  if ((a === "del" || a === "de") && b === "ano" && (c === "pasado" || c === "proximo" || c === "siguiente")) return { next: j + 3, shift: c === "pasado" ? -1 : 1 };
  if (a === "de" && b === "este" && c === "ano") return { next: j + 3, shift: 0 };
  return null;
}

class DateScanner extends TokenCursor {  /** Token i exists and is on the same line as token i-1. */
  same(i: number): boolean {
    const t = this.toks[i];
    return !!t && !t.brk;
  }

  /** A month name at i → month and the index after it (and after an abbreviation's period). */
  month(i: number, needContext = false): { month: number; next: number } | null {
    const t = this.toks[i];
    if (!t || t.kind !== "word") return null;
    const m = MONTHS.get(t.text);
    if (!m) return null;
    if (i > 0 && this.glued(i - 1) && this.toks[i - 1]?.kind !== "punct") return null;
    const upper = isUpperAt(this.original, t.start);
    let next = i + 1;
    const dot = this.text(next) === "." && this.glued(i);
    if (m.abbr) {
      // "Jul. 18", "Dec 22": an abbreviation must be capitalised and lead to a day or a year.
      if (!upper) return null;
      if (dot) next++;
      if (!dot && this.t(next)?.kind !== "number") return null;
    } else if (m.lang === "en" && !upper) {
      return null; // "march", "may": verbs
    }
    if (needContext && !this.hasContext(i)) return null;
    if (t.text === "may" && this.t(next)?.kind !== "number" && !this.hasContext(i)) return null;
    return { month: m.month, next };
  }

  hasContext(i: number): boolean {
    const p = this.toks[i - 1];
    if (!p || this.toks[i]?.brk) return false;
    if (CONTEXT.has(p.text) || APPROX_WORDS.has(p.text)) return true;
    if (p.text === "-" && APPROX_WORDS.has(this.text(i - 2))) return true;
    if (LIST_JOINERS.has(p.text)) {
      const pp = this.toks[i - 2];
      return !!pp && MONTHS.has(pp.text);
    }
    return false;
  }

  /** A day number 1-31 at i, with an optional glued ordinal suffix ("18", "18th", "1º"). */
  day(i: number): { day: number; next: number } | null {
    const t = this.toks[i];
    if (!t || t.kind !== "number" || t.text.length > 2) return null;
    if (i > 0 && this.glued(i - 1) && this.toks[i - 1]?.kind === "word") return null;
    const d = Number(t.text);
    if (d < 1 || d > 31) return null;
    let next = i + 1;
    const suf = this.toks[next];
    if (suf && this.glued(i)) {
      if (suf.kind === "word") {
        if (!ORDINAL_SUFFIX.has(suf.text)) return null;
        next++;
      } else if (suf.text === ":" || suf.text === "/" || suf.text === "%") return null;
      else if ((suf.text === "." || suf.text === ",") && this.toks[next + 1]?.kind === "number" && this.glued(next)) return null;
    }
    return { day: d, next };
  }

  /** A four-digit year 1000-2999 at i. */
  year(i: number): { year: number; next: number } | null {
    const t = this.toks[i];
    if (!t || t.kind !== "number" || t.text.length !== 4) return null;
    if (this.glued(i) && (this.toks[i + 1]?.kind === "word" || [",", "."].includes(this.text(i + 1)) && this.toks[i + 2]?.kind === "number" && this.glued(i + 1))) {
      return null; // "2025s", "2,025"
    }
    const y = Number(t.text);
    if (y < 1000 || y > 2999) return null;
    return { year: y, next: i + 1 };
  }
}

function validDay(year: number | undefined, month: number, day: number): boolean {
  return day >= 1 && day <= daysInMonth(year ?? 2024, month);
}

/** "[,] [de|del] 2025" after a day-month or a month. */
function trailingYear(sc: DateScanner, i: number): { year: number; next: number } | null {
  let j = i;
  if (sc.text(j) === "," && sc.same(j)) j++;
  if ((sc.text(j) === "de" || sc.text(j) === "del") && sc.same(j)) j++;
  if (!sc.same(j)) return null;
  return sc.year(j);
}

/** Absolute or yearless calendar forms starting at i. */
function parseCalendar(sc: DateScanner, i: number, options: FindDatesOptions): Core | null {
  const t = sc.t(i);
  if (!t) return null;
  if (t.kind === "number") {
    // ISO 2025-07-18.
    if (t.text.length === 4 && sc.text(i + 1) === "-" && sc.glued(i) && sc.glued(i + 1) && sc.text(i + 3) === "-" && sc.glued(i + 2) && sc.glued(i + 3)) {
      const y = Number(t.text);
      const m = Number(sc.text(i + 2));
      const d = Number(sc.text(i + 4));
      if (m >= 1 && m <= 12 && validDay(y, m, d) && sc.t(i + 4)?.kind === "number") return { next: i + 5, year: y, month: m, day: d };
      return null;
    }
    // 7/18/2025, 18/07/2025, 18.07.2025, 7/18/25.
    const sep = sc.text(i + 1);
    if ((sep === "/" || sep === ".") && sc.glued(i) && sc.glued(i + 1) && sc.text(i + 3) === sep && sc.glued(i + 2) && sc.glued(i + 3)) {
      const a = Number(t.text);
      const b = Number(sc.text(i + 2));
      const yt = sc.text(i + 4);
      if (!/^\d{2}$|^\d{4}$/.test(yt) || t.text.length > 2 || sc.text(i + 2).length > 2) return null;
      const y = yt.length === 2 ? 2000 + Number(yt) : Number(yt);
      let day: number;
      let month: number;
      let ambiguous = false;
      if (a > 12 || sep === ".") [day, month] = [a, b];
      else if (b > 12) [month, day] = [a, b];
      else {
        ambiguous = a !== b;
        [month, day] = options.dayFirst ? [b, a] : [a, b];
      }
      if (month < 1 || month > 12 || !validDay(y, month, day)) return null;
      return { next: i + 5, year: y, month, day, ...(ambiguous ? { ambiguous } : {}) };
    }
    // Day first: "18 July 2025", "18 de julio de 2025", "15–16 March", "15 y 16 de marzo", "18th of July".
    const d1 = sc.day(i);
    if (!d1) return null;
    let j = d1.next;
    let dayTo: number | undefined;
    const joiner = sc.text(j);
    if (sc.same(j) && ["-", "and", "y", "to", "al", "a"].includes(joiner)) {
      const d2 = sc.same(j + 1) ? sc.day(j + 1) : null;
      if (d2 && d2.day > d1.day) {
        dayTo = d2.day;
        j = d2.next;
      }
    }
    if ((sc.text(j) === "of" || sc.text(j) === "de") && sc.same(j)) j++;
    if (!sc.same(j)) return null;
    const m = sc.month(j);
    if (!m) return null;
    const y = trailingYear(sc, m.next);
    if (!validDay(y?.year, m.month, d1.day)) return null;
    return { next: y ? y.next : m.next, year: y?.year, month: m.month, day: d1.day, dayTo };
  }
  if (t.kind !== "word") return null;
  const m = sc.month(i);
  if (!m) return null;
  // Month first: "July 18, 2025", "Jul. 18", "March 15-16, 2025", "March 15th".
  if (sc.same(m.next)) {
    const d1 = sc.day(m.next);
    if (d1 && !sc.year(m.next)) {
      let j = d1.next;
      let dayTo: number | undefined;
      if (sc.same(j) && ["-", "and", "to"].includes(sc.text(j)) && sc.same(j + 1)) {
        const d2 = sc.day(j + 1);
        if (d2 && d2.day > d1.day) {
          dayTo = d2.day;
          j = d2.next;
        }
      }
      const y = trailingYear(sc, j);
      if (validDay(y?.year, m.month, d1.day)) return { next: y ? y.next : j, year: y?.year, month: m.month, day: d1.day, dayTo };
    }
  }
  // Month and year: "March 2025", "julio de 2025".
  const y = trailingYear(sc, m.next);
  if (y) return { next: y.next, year: y.year, month: m.month };
  return null;
}

/** Everything that can start at token i: weekday, modifiers, approximations, calendar forms. */
function parseAt(sc: DateScanner, i: number, options: FindDatesOptions): { core: Core; first: number; approx?: Approximate; granularityYear?: boolean; relativeWord?: boolean; offset?: { n: number; unit: string } } | null {
  const t = sc.t(i) as Token;
  const w = t.text;

  // Approximations: "mid-March 2025", "early 2023", "late July", "a mediados de marzo", "finales de 2024".
  const approx = APPROX_WORDS.get(w);
  if (approx) {
    let j = i + 1;
    if (sc.text(j) === "-" && sc.glued(i)) j++;
    if ((sc.text(j) === "de" || sc.text(j) === "del") && sc.same(j)) j++;
    if (sc.same(j)) {
      const cal = parseCalendar(sc, j, options);
      if (cal && cal.day === undefined) return { core: cal, first: i, approx };
      const m = sc.month(j);
      if (m && !cal) return { core: { next: m.next, month: m.month, mode: "recent" }, first: i, approx };
      const y = sc.year(j);
      if (y && !cal) return { core: { next: y.next, year: y.year }, first: i, approx, granularityYear: true };
    }
  }

  // Modifiers: "last July", "next Friday", "this year", "past March".
  if ((w === "last" || w === "next" || w === "this" || w === "past") && sc.same(i + 1)) {
    const mode = w === "past" ? "last" : (w as "last" | "next" | "this");
    const m = sc.month(i + 1);
    if (m && !parseCalendar(sc, i + 1, options)) return { core: { next: m.next, month: m.month, mode }, first: i };
    const wd = WEEKDAYS.get(sc.text(i + 1));
    if (wd !== undefined && isUpperAt(sc.original, (sc.t(i + 1) as Token).start)) {
      return { core: { next: i + 2, weekday: wd, mode }, first: i };
    }
    const unit = sc.text(i + 1);
    if (unit === "year" || unit === "month") return { core: { next: i + 2, mode }, first: i, granularityYear: unit === "year", relativeWord: true };
  }
  // Spanish modifiers: "el pasado julio", "el pasado 18 de julio", "el próximo viernes", "el año pasado", "este año".
  if ((w === "pasado" || w === "proximo") && sc.text(i - 1) === "el" && sc.same(i + 1)) {
    const mode = w === "pasado" ? "last" : "next";
    const cal = parseCalendar(sc, i + 1, options);
    if (cal) return { core: cal, first: i - 1 };
    let j = i + 1;
    if (sc.text(j) === "mes" && sc.text(j + 1) === "de") j += 2;
    const m = sc.month(j);
    if (m) return { core: { next: m.next, month: m.month, mode }, first: i - 1 };
    const wd = WEEKDAYS.get(sc.text(i + 1));
    if (wd !== undefined) return { core: { next: i + 2, weekday: wd, mode }, first: i - 1 };
  }
  if ((w === "ano" || w === "mes") && sc.text(i - 1) === "el" && sc.text(i + 1) === "pasado" && sc.same(i + 1)) {
    return { core: { next: i + 2, mode: "last" }, first: i - 1, granularityYear: w === "ano", relativeWord: true };
  }
  if ((w === "este" || w === "esta") && (sc.text(i + 1) === "ano" || sc.text(i + 1) === "mes") && sc.same(i + 1)) {
    return { core: { next: i + 2, mode: "this" }, first: i, granularityYear: sc.text(i + 1) === "ano", relativeWord: true };
  }

  // Weekdays: "Friday, July 18", "viernes 18 de julio", "el viernes 18", "on Friday".
  const wd = WEEKDAYS.get(w);
  // English weekdays are capitalised; Spanish ones are written lowercase.
  if (wd !== undefined && (isUpperAt(sc.original, t.start) || SPANISH_WEEKDAYS.has(w))) {
    let j = i + 1;
    if (sc.text(j) === "," && sc.same(j)) j++;
    if (sc.same(j)) {
      const cal = parseCalendar(sc, j, options);
      if (cal && cal.day !== undefined) return { core: { ...cal, weekday: wd }, first: i };
      const d = sc.day(j);
      if (d && !(sc.t(d.next)?.kind === "word" && !["de", "of"].includes(sc.text(d.next)) && sc.same(d.next) && sc.text(d.next).length > 2)) {
        return { core: { next: d.next, day: d.day, weekday: wd, mode: "recent" }, first: i };
      }
    }
    // "julio pasado"-style trailing modifier for weekdays: "el viernes pasado".
    if (sc.text(i + 1) === "pasado" && sc.same(i + 1)) return { core: { next: i + 2, weekday: wd, mode: "last" }, first: i };
    return { core: { next: i + 1, weekday: wd, mode: "recent" }, first: i };
  }

  // Calendar forms.
  const cal = parseCalendar(sc, i, options);
  if (cal) return { core: cal, first: i };

  // "the 15th and 16th of March" starts with "the"; "on the 18th".
  if (w === "the" && sc.same(i + 1) && sc.t(i + 1)?.kind === "number") {
    const c2 = parseCalendar(sc, i + 1, options);
    if (c2 && c2.day !== undefined && c2.month !== undefined) return { core: c2, first: i };
    const d = sc.day(i + 1);
    if (d && d.next === i + 3 && sc.text(i - 1) === "on") {
      return { core: { next: d.next, day: d.day, mode: "recent" }, first: i - 1 };
    }
  }

  // A bare month: needs context ("in March", "since February", "de marzo") or a trailing "pasado".
  const m = sc.month(i, false);
  if (m) {
    // "March of last year", "marzo del año pasado": the month of a year counted from publication.
    const shift = yearShiftAt(sc, m.next);
    if (shift) return { core: { next: shift.next, month: m.month, yearShift: shift.shift }, first: i };
    if (sc.text(m.next) === "pasado" && sc.same(m.next) && sc.month(i)) {
      return { core: { next: m.next + 1, month: m.month, mode: "last" }, first: i };
    }
    if (sc.hasContext(i)) return { core: { next: m.next, month: m.month, mode: "recent" }, first: i };
  }

  // A bare year with context: "in 2023", "since 1798", "de 2025".
  if (t.kind === "number" && sc.hasContext(i)) {
    const y = sc.year(i);
    if (y && y.year >= 1500 && y.year <= 2100 && !pluralNoun(sc, y.next)) {
      return { core: { next: y.next, year: y.year }, first: i, granularityYear: true };
    }
  }

  // Relative days.
  if (w === "yesterday" || w === "ayer") return { core: { next: i + 1 }, first: i, relativeWord: true };
  if (w === "today" || w === "hoy") {
    // "a year ago today", "hace un año hoy", "hoy hace un año": the same day, years or months back.
    const back = sc.text(i - 1) === "ago" ? smallDuration(sc.text(i - 3), sc.text(i - 2)) : sc.text(i - 3) === "hace" ? smallDuration(sc.text(i - 2), sc.text(i - 1)) : null;
    if (back && (back.unit === "year" || back.unit === "month")) return { core: { next: i + 1 }, first: i - 3, relativeWord: true, offset: back };
    const ahead = sc.text(i + 1) === "hace" ? smallDuration(sc.text(i + 2), sc.text(i + 3)) : null;
    if (ahead && (ahead.unit === "year" || ahead.unit === "month")) return { core: { next: i + 4 }, first: i, relativeWord: true, offset: ahead };
    return { core: { next: i + 1 }, first: i, relativeWord: true };
  }
  if (w === "anteayer") return { core: { next: i + 1 }, first: i, relativeWord: true };
  return null;
}

/** Words that can begin a date expression: the scan skips every other word cheaply. */
const STARTS = new Set<string>([
  ...MONTHS.keys(), ...WEEKDAYS.keys(), ...APPROX_WORDS.keys(),
  "last", "next", "this", "past", "pasado", "proximo", "ano", "mes", "este", "esta", "the", "yesterday", "today",
  "ayer", "hoy", "anteayer",
]);

function pluralNoun(sc: DateScanner, i: number): boolean {
  const t = sc.t(i);
  if (!t || t.brk || t.kind !== "word") return false;
  return t.text.length > 3 && t.text.endsWith("s") && !isUpperAt(sc.original, t.start) && !["was", "has", "this", "thus", "los", "las", "sus", "unos", "unas", "ellos", "ambos", "todos", "estos", "hemos"].includes(t.text);
}

function ord(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86400000;
}

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
    if (t.kind === "punct" || (t.kind === "word" && !STARTS.has(t.text))) {
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
  if (anchor) narrativeYears(text, out);
  return out;
}

/**
 * Narrative time: a date written without its year ("on 20 July", "in March") belongs to the year
 * the paragraph's narrative last set ("On 16 July 1969, … On 20 July …"), not to the publication's.
 * Only a fronted month or day with its year sets the narrative (a year in a law's name or in a
 * relative clause does not); only plain calendar dates move ("last July", "on Friday" stay anchored).
 */
function narrativeYears(text: string, mentions: DateMention[]): void {
  let last: DateMention | undefined;
  for (const m of mentions) {
    if (m.yearFrom === "anchor" && last?.year !== undefined && last.year !== m.year && !/[\n\r]/.test(text.slice(last.offset + last.length, m.offset))) {
      const shift = last.year - m.year!;
      m.year = last.year;
      m.yearFrom = "narrative";
      if (m.range) {
        m.range.from.year = m.year;
        if (m.range.to.year !== undefined) m.range.to.year += shift;
      }
    }
    if (!m.relative && m.year !== undefined && m.granularity !== "year" && fronted(text, m.offset)) last = m;
  }
}

/** Does the date open its sentence (at most two words before it: "On", "In early", "El")? */
function fronted(text: string, offset: number): boolean {
  let words = 0;
  for (let k = offset - 1; k >= 0; k--) {
    const ch = text[k]!;
    if (ch === "." || ch === "!" || ch === "?" || ch === "\n" || ch === ":" ) return true;
    if (/\s/.test(ch) && k + 1 < offset && !/\s/.test(text[k + 1]!)) words++;
    if (words > 2) return false;
  }
  return true;
}

function resolve(
  sc: DateScanner,
  i: number,
  hit: { core: Core; first: number; approx?: Approximate; granularityYear?: boolean; relativeWord?: boolean; offset?: { n: number; unit: string } },
  anchor: DateAnchor | undefined,
): DateMention | null {
  const { core } = hit;
  const firstTok = sc.t(Math.min(hit.first, i)) as Token;
  const lastTok = sc.t(core.next - 1) as Token;
  const base = { offset: firstTok.start, length: lastTok.end - firstTok.start };
  let { year, month, day } = core;
  let relative = false;
  let yearFrom: DateMention["yearFrom"];
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
      if (!validDay(y, m, day)) return null;
      year = y;
      month = m;
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
  if (core.dayTo !== undefined && day !== undefined) {
    m.range = { from: { year, month, day }, to: { year, month, day: core.dayTo } };
  }
  return m;
}
