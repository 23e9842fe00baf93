// Dates read in their context after the scan: a year-less date takes the year of the narrative its
// paragraph set, and a weekday with a day takes the month of the date just before it.
import { dayOfWeek } from "./calendar";
import { validDay } from "./date-scanner";
import type { DateAnchor, DateMention } from "./dates";

/**
 * "el 15 de marzo de 2025 … la madrugada del domingo 16": a weekday and a day whose month was
 * guessed take the month of the date just before them on the same line (or the next), when that
 * day falls on that weekday there.
 */
export function weekdaysInContext(text: string, mentions: DateMention[]): void {
  for (let k = 1; k < mentions.length; k++) {
    const m = mentions[k]!;
    const prev = mentions[k - 1]!;
    if (!m.monthGuessed || m.weekday === undefined || m.day === undefined) continue;
    if (prev.monthGuessed || prev.year === undefined || prev.month === undefined) continue;
    if (/[\n\r]/.test(text.slice(prev.offset + prev.length, m.offset))) continue;
    for (const shift of [0, 1]) {
      const y = prev.year + (prev.month + shift > 12 ? 1 : 0);
      const mo = ((prev.month + shift - 1) % 12) + 1;
      if (!validDay(y, mo, m.day) || dayOfWeek(y, mo, m.day) !== m.weekday) continue;
      m.year = y;
      m.month = mo;
      delete m.monthGuessed;
      break;
    }
  }
}

/**
 * Narrative time: a date written without its year ("on 20 July", "in March") belongs to the year
 * the paragraph's narrative last set ("On 16 July 1969, … On 20 July …"), not to the publication's.
 * Only a fronted month or day with its year sets the narrative (a year in a law's name or in a
 * relative clause does not); only plain calendar dates move ("last July", "on Friday" stay anchored).
 */
export function narrativeYears(text: string, mentions: DateMention[], anchor: DateAnchor): void {
  let last: DateMention | undefined;
  // (Never past the publication: "15 de enero de 2026.— Los 252 que regresaron en julio" is last July.)
  const anchorKey = anchor.year * 10000 + anchor.month * 100 + anchor.day;
  for (const m of mentions) {
    if (
      m.yearFrom === "anchor" &&
      last?.year !== undefined &&
      last.year !== m.year &&
      !/[\n\r]/.test(text.slice(last.offset + last.length, m.offset)) &&
      last.year * 10000 + (m.month ?? 1) * 100 + (m.day ?? 1) <= anchorKey
    ) {
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
    if (ch === "." || ch === "!" || ch === "?" || ch === "\n" || ch === ":") return true;
    if (/\s/.test(ch) && k + 1 < offset && !/\s/.test(text[k + 1]!)) words++;
    if (words > 2) return false;
  }
  return true;
}
