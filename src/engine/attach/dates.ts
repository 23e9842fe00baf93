// Dates as parts of clauses: the edge of a state ("since March", "until July"), and dates written
// as one set ("in March and April", "15 y 16 de marzo"). Words from the language tables.
import type { ArticleContext } from "../kind-api";
import { hasPair, LANG } from "../lang";
import { foldText } from "../text/fold";
import type { DateMention } from "../text-adapter";

/** A boundary preposition (since, until, by, desde …) right before the offset, past an article: a state's edge or a deadline. */
export function boundaryBefore(ctx: ArticleContext, offset: number): boolean {
  const i = ctx.tokenAt(offset);
  // (A time of day may stand between too: "by midnight Monday", "a más tardar la medianoche del lunes".)
  for (let back = 1; back <= 4; back++) {
    const t = ctx.tokens[i - back];
    if (!t || t.kind === "punct") return false;
    if (LANG.boundaryPrepositions.has(t.text)) return true;
    // "antes de", "después de": the two-word forms.
    const prev = ctx.tokens[i - back - 1];
    if (prev && hasPair(LANG.boundaryPrepositions, prev.text, t.text)) return true;
    if (
      !LANG.articles.has(t.text) &&
      !LANG.timesOfDay.has(t.text) &&
      !(LANG.genitives.has(t.text) && LANG.timesOfDay.has(prev?.text ?? ""))
    )
      return false;
  }
  return false;
}

/** For each date mention, the indexes of the dates coordinated with it ("March and April", "15 y 16 de marzo"). */
export function coordinatedDates(ctx: ArticleContext, all: readonly DateMention[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const prev = all[k - 1];
    if (prev === undefined || !joins(ctx, prev.offset + prev.length, all[k]!.offset)) current = [];
    current.push(k);
    groups[k] = current;
  }
  return groups;
}

/** Is the text between two dates only a joiner: a comma, "and", "or", "y", "to", "and in" …? */
function joins(ctx: ArticleContext, from: number, to: number): boolean {
  if (to - from > 16) return false;
  const words: string[] = [];
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind === "punct" && (t.text === "," || t.text === "&")) continue;
    words.push(t.text);
  }
  return words.length === 0 || LANG.dateJoiners.has(words.join(" "));
}

const ONLY_PUNCTUATION = /^[\s\p{P}\p{S}]*$/u;
// "Caracas, 20 de agosto de 2025", "WASHINGTON, March 17 —": a place name and a comma before the date.
const PLACE_PREFIX = /^[\s\p{P}\p{S}]*\p{Lu}[\p{L}.'’-]*(?:\s+\p{L}[\p{L}.'’-]*){0,3}\s*,\s*$/u;

// "at 10:30 a.m. ET", "14:05 h": a clock time after the story's own date.
const CLOCK_AFTER = /^[\s,]*(?:at\s+|a las\s+)?\d{1,2}[:.]\d{2}\b[^|\n]*$/i;

/** How the date at [start, end) stands on its line: alone, after a place name (a dateline) or a label ("Updated"), or within text. */
function lineShape(text: string, start: number, end: number): "alone" | "placed" | "text" {
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let lineEnd = text.indexOf("\n", end);
  if (lineEnd < 0) lineEnd = text.length;
  if (labelled(text, start, end, lineStart, lineEnd)) return "placed";
  if (!ONLY_PUNCTUATION.test(text.slice(end, lineEnd))) return "text";
  const before = text.slice(lineStart, start);
  if (ONLY_PUNCTUATION.test(before)) return "alone";
  return PLACE_PREFIX.test(before) ? "placed" : "text";
}

const LABEL_REACH = 60;

/**
 * Does a metadata line's field end at `at` (`side` -1: the field's start, before `at`; 1: its end)?
 * A bar always; a middle dot or a bullet between fields, not a bullet that opens the line
 * ("• Released July 18 …" is a list item, "The Hemisphere Hour · Released July 17, 2026 · 52 min" a field).
 */
function separatorAt(text: string, at: number, lineStart: number): boolean {
  const c = text[at];
  if (c === "|") return true;
  if (c !== "·" && c !== "•") return false;
  return !ONLY_PUNCTUATION.test(text.slice(lineStart, at));
}

/** "Updated July 21, 2025", "Show notes | Released July 22, 2025 | 48 min", "Show · Released July 17, 2026 · 52 min": a label, the date, perhaps a clock, within its line or field. */
function labelled(text: string, start: number, end: number, lineStart: number, lineEnd: number): boolean {
  // A label and a clock are short: separators are looked for within LABEL_REACH of the date only, so a
  // long line (or a text with none) is never scanned end to end per date.
  let from = start;
  while (from > lineStart && !separatorAt(text, from - 1, lineStart) && start - from < LABEL_REACH) from--;
  if (from > lineStart && !separatorAt(text, from - 1, lineStart)) return false;
  let to = end;
  while (to < lineEnd && !separatorAt(text, to, lineStart) && to - end < LABEL_REACH) to++;
  if (to < lineEnd && !separatorAt(text, to, lineStart)) return false;
  const after = text.slice(end, to);
  if (!ONLY_PUNCTUATION.test(after) && !CLOCK_AFTER.test(after)) return false;
  const label = foldText(text.slice(from, start))
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, " ")
    .trim();
  // "Repaso · 30 de diciembre de 2025": a date alone in a field a middle dot or bullet sets off (not
  // a table's bar, whose date cell dates its row) is the item's own date.
  if (label === "")
    return (
      (from > lineStart && text[from - 1] !== "|") ||
      (to < lineEnd && text[to] !== "|") ||
      sectionThenDate(text, from, to, lineStart, lineEnd)
    );
  return LANG.dateLineLabels.has(label);
}

/**
 * "*Opinion | April 22, 2026*": a short field before a bar and the date last on a line that opens
 * on no bar is a section and its date, not a table row (whose date cell opens the row or its bars).
 */
function sectionThenDate(text: string, from: number, to: number, lineStart: number, lineEnd: number): boolean {
  if (to < lineEnd || from <= lineStart || text[from - 1] !== "|") return false;
  const before = text.slice(lineStart, from - 1);
  return !before.includes("|") && !/^[\s*_]*$/.test(before) && before.trim().split(/\s+/).length <= 3;
}

const TIMELINE = Symbol("timeline");

/**
 * Is this date the story's own date line rather than an event's? A place and a date alone on a
 * line is a dateline; a full date alone on its line is a timeline's heading only where the text
 * has several (a timeline), else it is the publication line under the headline ("July 17" above
 * one entry, without a year, still heads it).
 */
export function isDateLine(ctx: ArticleContext, all: readonly DateMention[], m: DateMention): boolean {
  const shape = lineShape(ctx.text, m.offset, m.offset + m.length);
  if (shape !== "alone") return shape === "placed";
  if (m.year === undefined || m.relative) return false;
  let timeline = ctx.memo.get(TIMELINE) as boolean | undefined;
  if (timeline === undefined) {
    let alone = 0;
    for (const d of all) if (lineShape(ctx.text, d.offset, d.offset + d.length) === "alone" && ++alone > 1) break;
    timeline = alone > 1;
    ctx.memo.set(TIMELINE, timeline);
  }
  return !timeline;
}
