// Offices compared by their words: a found title names the same office as one of a period's
// titles when its words are the period's and its head words (not qualifiers) one title's.
import { LANG } from "../lang";
import type { Title } from "./role-title";

/** Heads of a title: its words that are not mere qualifiers ("Chief", "Interior"). */
function heads(words: ReadonlySet<string>): string[] {
  return [...words].filter((w) => !LANG.officeQualifiers.has(w)).sort();
}

/** A period's titles prepared for comparison: their words, and their heads with "former" marked. */
export interface Offices {
  vocab: Set<string>;
  heads: Set<string>;
}

/** Key of a title's heads ("former:" marks a past title). */
function headKey(t: Title): string {
  return (t.former ? "former:" : "") + heads(t.words).join(" ");
}

export function offices(titles: readonly Title[]): Offices {
  return { vocab: new Set(titles.flatMap((t) => [...t.words])), heads: new Set(titles.filter((t) => heads(t.words).length).map(headKey)) };
}

/**
 * Does the found title name the same office as one of the period's titles? Its words must all be
 * the period's title words, and its head words (those that are not qualifiers) those of one title:
 * "Minister" matches "Interior Minister", "President" does not match "Vice President".
 */
export function sameOffice(found: Title, o: Offices): boolean {
  for (const w of found.words) if (!o.vocab.has(w)) return false;
  if (heads(found.words).length === 0) return false; // qualifiers alone ("Justicia y Paz") name no office
  return o.heads.has(headKey(found));
}

/** Does the title name an office at all (not only a place, a country or a qualifier)? */
export function namesOffice(found: Title): boolean {
  return [...found.words].some((w) => LANG.offices.has(w));
}
