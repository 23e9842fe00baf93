// What can start a date at a token: approximations, "last"/"next" modifiers, weekdays, calendar forms, bare months and years, relative days.
import { WEEKDAYS } from "./calendar";
import { parseCalendar, yearShiftAt, type Core, type DateScanner } from "./date-scanner";
import { ANAPHORIC_BEFORE, APPROX_NOUNS, APPROX_WORDS, NAME_HEADS, RELATIVE_AFTER, SPANISH_WEEKDAYS } from "./date-words";
import type { Approximate, FindDatesOptions } from "./dates";
import { smallDuration } from "./number-words";
import { isUpperAt, type Token } from "./tokens";

/** What parseAt found at a token: the date's core, where it starts, and how to resolve it. */
export interface DateHit {
  core: Core;
  first: number;
  approx?: Approximate;
  granularityYear?: boolean;
  relativeWord?: boolean;
  offset?: { n: number; unit: string };
}

/** Everything that can start at token i: weekday, modifiers, approximations, calendar forms. */
export function parseAt(sc: DateScanner, i: number, options: FindDatesOptions): DateHit | null {
  const t = sc.t(i) as Token;
  const w = t.text;

  // Approximations: "mid-March 2025", "early 2023", "late July", "a mediados de marzo", "finales de 2024".
  const approx = APPROX_WORDS.get(w);
  if (approx) {
    let j = i + 1;
    if (sc.text(j) === "-" && sc.glued(i)) j++;
    const of = ["de", "del", "of"].includes(sc.text(j)) && sc.same(j);
    if (of) j++;
    if (sc.same(j) && (of || !APPROX_NOUNS.has(w))) {
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
    if (unit === "year" || unit === "month")
      return { core: { next: i + 2, mode }, first: i, granularityYear: unit === "year", relativeWord: true };
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
    // "Saturday the 15th": the article before the day (then no count: any word may follow).
    const article = sc.text(j) === "the" && sc.same(j) && sc.same(j + 1) && !!sc.day(j + 1);
    if (article) j++;
    if (sc.same(j)) {
      const cal = parseCalendar(sc, j, options);
      if (cal && cal.day !== undefined) return { core: { ...cal, weekday: wd }, first: i };
      const d = sc.day(j);
      if (
        d &&
        (article ||
          !(sc.t(d.next)?.kind === "word" && !["de", "of"].includes(sc.text(d.next)) && sc.same(d.next) && sc.text(d.next).length > 2))
      ) {
        return { core: { next: d.next, day: d.day, weekday: wd, mode: "recent" }, first: i };
      }
    }
    // "julio pasado"-style trailing modifier for weekdays: "el viernes pasado".
    if (sc.text(i + 1) === "pasado" && sc.same(i + 1)) return { core: { next: i + 2, weekday: wd, mode: "last" }, first: i };
    // "ese viernes", "the Friday when they were freed": a day the text names elsewhere, not a date of its own.
    const after = sc.text(i + 1);
    if (ANAPHORIC_BEFORE.has(sc.text(i - 1)) || RELATIVE_AFTER.has(after) || RELATIVE_AFTER.has(`${after} ${sc.text(i + 2)}`)) return null;
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
  // (Nor the month of a name: "Avenida 5 de | Julio".)
  if (m && (sc.text(i - 1) === "de" || sc.text(i - 1) === "of") && NAME_HEADS.has(sc.text(i - 3))) return null;
  if (m) {
    // "March of last year", "marzo del año pasado": the month of a year counted from publication.
    const shift = yearShiftAt(sc, m.next);
    if (shift) return { core: { next: shift.next, month: m.month, yearShift: shift.shift }, first: i };
    if (sc.text(m.next) === "pasado" && sc.same(m.next) && sc.month(i)) {
      return { core: { next: m.next + 1, month: m.month, mode: "last" }, first: i };
    }
    if (sc.hasContext(i)) return { core: { next: m.next, month: m.month, mode: "recent" }, first: i };
    // A month heading a paragraph ("JANUARY. Trump is sworn in …", "Marzo: …") dates what follows it.
    const after = sc.text(m.next);
    if ((i === 0 || t.brk) && (after === "." || after === ":") && sc.month(i))
      return { core: { next: m.next, month: m.month, mode: "recent" }, first: i };
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
    const back =
      sc.text(i - 1) === "ago"
        ? smallDuration(sc.text(i - 3), sc.text(i - 2))
        : sc.text(i - 3) === "hace"
          ? smallDuration(sc.text(i - 2), sc.text(i - 1))
          : null;
    if (back && (back.unit === "year" || back.unit === "month"))
      return { core: { next: i + 1 }, first: i - 3, relativeWord: true, offset: back };
    const ahead = sc.text(i + 1) === "hace" ? smallDuration(sc.text(i + 2), sc.text(i + 3)) : null;
    if (ahead && (ahead.unit === "year" || ahead.unit === "month"))
      return { core: { next: i + 4 }, first: i, relativeWord: true, offset: ahead };
    // "hoy se cumple (exactamente) un año de que …", "today marks one year since …": an anniversary,
    // the same day N back ("se cumple hoy un año": "hoy" after the verb).
    const verb = ANNIVERSARY_VERBS.has(`${sc.text(i + 1)} ${sc.text(i + 2)}`) ? 2 : ANNIVERSARY_VERBS.has(sc.text(i + 1)) ? 1 : 0;
    const after = ANNIVERSARY_VERBS.has(`${sc.text(i - 2)} ${sc.text(i - 1)}`) ? i + 1 : verb ? i + 1 + verb : -1;
    if (after >= 0) {
      const j = APPROX_ADVERBS.has(sc.text(after)) ? after + 1 : after;
      const since = smallDuration(sc.text(j), sc.text(j + 1));
      if (since && (since.unit === "year" || since.unit === "month"))
        return { core: { next: j + 2 }, first: i, relativeWord: true, offset: since };
    }
    // "Hace hoy (exactamente) un año": "hoy" between "hace" and the length.
    if (sc.text(i - 1) === "hace") {
      const j = APPROX_ADVERBS.has(sc.text(i + 1)) ? i + 2 : i + 1;
      const inside = smallDuration(sc.text(j), sc.text(j + 1));
      if (inside && (inside.unit === "year" || inside.unit === "month"))
        return { core: { next: j + 2 }, first: i - 1, relativeWord: true, offset: inside };
    }
    return { core: { next: i + 1 }, first: i, relativeWord: true };
  }
  if (w === "anteayer") return { core: { next: i + 1 }, first: i, relativeWord: true };
  return null;
}

/** Verbs after or before "today"/"hoy" that make a length after them an anniversary ("hoy se cumplen dos años", "today marks one year"). */
const ANNIVERSARY_VERBS = new Set(["se cumple", "se cumplen", "marks"]);
/** Adverbs that may stand between "hace hoy" and its length ("hace hoy exactamente un año"). */
const APPROX_ADVERBS = new Set(["exactamente", "justo", "ya", "exactly", "just"]);

function pluralNoun(sc: DateScanner, i: number): boolean {
  const t = sc.t(i);
  if (!t || t.brk || t.kind !== "word") return false;
  return (
    t.text.length > 3 &&
    t.text.endsWith("s") &&
    !isUpperAt(sc.original, t.start) &&
    !["was", "has", "this", "thus", "los", "las", "sus", "unos", "unas", "ellos", "ambos", "todos", "estos", "hemos"].includes(t.text)
  );
}
