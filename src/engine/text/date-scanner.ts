// The date token scanner (month, day and year readers) and the calendar forms: ISO, numeric, day-first and month-first dates.
import { daysInMonth, MONTHS } from "./calendar";
import { APPROX_NOUNS, APPROX_WORDS, CONTEXT, LIST_JOINERS, NAME_HEADS, ORDINAL_SUFFIX, PLURAL_ARTICLES } from "./date-words";
import type { FindDatesOptions } from "./dates";
import { isUpperAt, TokenCursor } from "./tokens";

export interface Core {
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
export function yearShiftAt(sc: DateScanner, j: number): { next: number; shift: number } | null {
  const a = sc.text(j);
  const b = sc.text(j + 1);
  const c = sc.text(j + 2);
  if (a === "of" && c === "year") {
    const shift = b === "last" ? -1 : b === "this" ? 0 : b === "next" ? 1 : null;
    return shift === null ? null : { next: j + 3, shift };
  }
  if ((a === "del" || a === "de") && b === "ano" && (c === "pasado" || c === "proximo" || c === "siguiente"))
    return { next: j + 3, shift: c === "pasado" ? -1 : 1 };
  if (a === "de" && b === "este" && c === "ano") return { next: j + 3, shift: 0 };
  return null;
}

export class DateScanner extends TokenCursor {
  /** Token i exists and is on the same line as token i-1. */
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
    if (CONTEXT.has(p.text) || (APPROX_WORDS.has(p.text) && !APPROX_NOUNS.has(p.text))) return true;
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
      } else if (suf.text === "/" || suf.text === "%") return null;
      // "16:00" is a time and "1.5" a number; "March 16: the men …" (a timeline label) is a date.
      else if ((suf.text === ":" || suf.text === "." || suf.text === ",") && this.toks[next + 1]?.kind === "number" && this.glued(next))
        return null;
    }
    return { day: d, next };
  }

  /** A four-digit year 1000-2999 at i. */
  year(i: number): { year: number; next: number } | null {
    const t = this.toks[i];
    if (!t || t.kind !== "number" || t.text.length !== 4) return null;
    if (
      this.glued(i) &&
      (this.toks[i + 1]?.kind === "word" ||
        ([",", "."].includes(this.text(i + 1)) && this.toks[i + 2]?.kind === "number" && this.glued(i + 1)))
    ) {
      return null; // "2025s", "2,025"
    }
    const y = Number(t.text);
    if (y < 1000 || y > 2999) return null;
    return { year: y, next: i + 1 };
  }
}

export function validDay(year: number | undefined, month: number, day: number): boolean {
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
export function parseCalendar(sc: DateScanner, i: number, options: FindDatesOptions): Core | null {
  const t = sc.t(i);
  if (!t) return null;
  if (t.kind === "number") {
    // ISO 2025-07-18.
    if (
      t.text.length === 4 &&
      sc.text(i + 1) === "-" &&
      sc.glued(i) &&
      sc.glued(i + 1) &&
      sc.text(i + 3) === "-" &&
      sc.glued(i + 2) &&
      sc.glued(i + 3)
    ) {
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
    // "entre ellos los 23 de marzo": one day after a plural article is a count ("the 23 of March"), not a date.
    if (dayTo === undefined && PLURAL_ARTICLES.has(sc.text(i - 1))) return null;
    // "Avenida 5 de Julio": a date after a street's or a school's noun is its name.
    if (NAME_HEADS.has(sc.text(i - 1))) return null;
    if ((sc.text(j) === "of" || sc.text(j) === "de") && sc.same(j)) j++;
    if (!sc.same(j)) return null;
    const m = sc.month(j);
    if (!m) return null;
    const y = trailingYear(sc, m.next);
    // "10 Jul. 18, 2025" (a table's count, then its date): a month with its own day and year reads
    // month first; the number before it is no day.
    if (!y && sc.same(m.next)) {
      const d2 = sc.day(m.next);
      if (d2 && trailingYear(sc, d2.next)) return null;
    }
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
