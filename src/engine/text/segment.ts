// Sentence and quotation segmentation with offsets into the original text.
//
// Intl.Segmenter splits after "U.S." and initials, so this is a small linear scanner instead:
// split at . ! ? … (plus closing quotes/brackets) + space + a likely sentence start, unless the
// period ends an abbreviation or an initial; every line break ends a sentence and a paragraph.
import { foldText } from "./fold";

export interface Span {
  start: number;
  end: number;
}

export interface Sentence {
  /** Offset of the first non-space code unit. */
  start: number;
  /** Offset after the last non-space code unit (exclusive). */
  end: number;
  /** Index of the paragraph (a run of text between line breaks), counted from 0. */
  paragraph: number;
}

/** Titles before a name: a period after them never ends a sentence. */
const TITLES = new Set(
  (
    "mr mrs ms messrs dr dra drs gen gral sen rep gov prof sr sra srta sres lic ing lt col sgt capt cmdr cdr adm maj " +
    "hon rev fr pres supt insp st mt ft cnel cap cdte pbro dip mons mgr sto sta det atty gob excmo"
  ).split(" "),
);

/** Other abbreviations: no split unless a clear sentence starter follows ("...in the U.S. The men"). */
const ABBREVIATIONS = new Set(
  (
    "jr jan feb mar apr jun jul aug sep sept oct nov dec ene abr ago dic vs etc approx aprox inc corp ltd co " +
    "no nos nro num art arts fig figs vol vols pp p pag ed eds ej tel dept depto univ est ca cf al av avda bros " +
    "mon tue tues wed thu thur thurs fri sat sun lun mie jue vie sab dom"
  ).split(" "),
);

/** Words that plainly open a new sentence, so a period before them ends one even after "U.S.". */
const STARTERS = new Set(
  (
    "the a an he she it they we i you this that these those there here but and or so yet in on at as for if when " +
    "while after before since however meanwhile his her its their our my some many most all what who where why how " +
    "el la los las lo un una unos unas en pero sin segun este esta estos estas ese esa eso ello ellos ellas su sus " +
    "yo nosotros al del por para con desde tras mientras cuando ademas tambien asi"
  ).split(" "),
);

/** Sentence terminators . ! ? …, found by one native regex scan rather than a loop per code unit. */
const TERMINATOR = /[.!?\u2026]/g;
const OPENERS = "\u201C\"\u2018'\u00AB\u00BF\u00A1([\u201E";

/** Terminators (. ! ? …) and closers (” " ’ ' ) ] »), tested by code unit: no one-character string per test. */
function isTerminatorCode(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}
function isCloserCode(c: number): boolean {
  return c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0xbb;
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000;
}

// ASCII first (one comparison, no case-mapped strings), then the general case test.
function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (ch.length > 1 && ch.toLowerCase() !== ch.toUpperCase());
  return ch.toLowerCase() !== ch.toUpperCase();
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80 && ch.length === 1) return c >= 0x41 && c <= 0x5a;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

/** Line breaks (LF, CR, U+2028, U+2029), found by a native scan. */
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

/** Lines of the text, as [start, end) without the line break; blank lines included. */
function lines(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  LINE_BREAK.lastIndex = 0;
  while (LINE_BREAK.test(text)) {
    const i = LINE_BREAK.lastIndex - 1;
    out.push({ start: s, end: i });
    s = i + 1;
  }
  out.push({ start: s, end: text.length });
  return out;
}

function trimSpan(text: string, start: number, end: number): Span {
  while (start < end && isSpaceCode(text.charCodeAt(start))) start++;
  while (end > start && isSpaceCode(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Split text into sentences; paragraphs are lines, so headlines and bullets stand alone. Pass
 * `quotes` (findQuotes(text)) when you already have them: it saves a pass.
 */
export function splitSentences(text: string, quotes: Span[] = findQuotes(text)): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = -1;
  let nextTerm = -1;
  for (const line of lines(text)) {
    const { start: ls, end: le } = trimSpan(text, line.start, line.end);
    if (ls >= le) continue;
    paragraph++;
    let s = ls;
    for (let i = ls; i < le; i++) {
      // The next terminator at or after i. `next` only moves forward over the whole text, so
      // lines without one do not rescan up to a far terminator: linear overall.
      if (nextTerm < i) {
        TERMINATOR.lastIndex = i;
        nextTerm = TERMINATOR.exec(text) === null ? text.length : TERMINATOR.lastIndex - 1;
      }
      if (nextTerm >= le) break;
      i = nextTerm;
      let j = i + 1;
      while (j < le && isTerminatorCode(text.charCodeAt(j))) j++;
      let k = j;
      while (k < le && isCloserCode(text.charCodeAt(k))) k++;
      if (k >= le) break; // the line ends here anyway
      if (!isSpaceCode(text.charCodeAt(k))) {
        i = j - 1;
        continue;
      }
      let m = k;
      while (m < le && isSpaceCode(text.charCodeAt(m))) m++;
      const next = text.charAt(m);
      if (!(isUpper(next) || isDigit(next) || OPENERS.includes(next)) || keepTogether(text, i, j, m, quotes)) {
        i = j - 1;
        continue;
      }
      out.push({ start: s, end: k, paragraph });
      s = m;
      i = m - 1;
    }
    if (s < le) out.push({ start: s, end: le, paragraph });
  }
  return out;
}

/** The terminator run text[i, j) is followed by a capitalised word at m: is it still mid-sentence? */
function keepTogether(text: string, i: number, j: number, m: number, quotes: Span[]): boolean {
  const run = text.slice(i, j);
  if (run.includes("!") || run.includes("?")) return false;
  if (run === "\u2026" || run.length >= 3) return isInQuote(quotes, i, 1); // ellipsis inside a quote
  if (run !== ".") return false;
  // The word before the period, with its inner periods: "U.S", "EE.UU", "a.m", "E", "Gen".
  let ws = i;
  while (ws > 0) {
    const ch = text.charAt(ws - 1);
    if (isLetter(ch) || (ch === "." && ws - 1 > 0 && isLetter(text.charAt(ws - 2)))) ws--;
    else break;
  }
  const word = text.slice(ws, i);
  if (word.length === 0) return false;
  const key = foldText(word).replace(/\./g, "");
  const nextWord = foldText(readWord(text, m));
  if (key === "no" || key === "nos" || key === "nro" || key === "num") return isDigit(text.charAt(m));
  if (TITLES.has(key)) return true;
  const dotted = word.includes(".");
  const initial = word.length === 1 && isUpper(word);
  if (dotted || initial || ABBREVIATIONS.has(key)) return !STARTERS.has(nextWord);
  return false;
}

function readWord(text: string, at: number): string {
  let e = at;
  while (e < text.length && isLetter(text.charAt(e))) e++;
  return text.slice(at, e);
}

/**
 * Spans inside direct quotation marks (the marks themselves excluded): “…”, "…", «…», „…“, and
 * ‘…’ / '…' when they are quotation marks rather than apostrophes ("Ecuador’s", "migrants’").
 * A quotation never crosses a line break; an unclosed one ends with its paragraph.
 */
export function findQuotes(text: string): Span[] {
  const out: Span[] = [];
  // Every quotation mark's offset, by one native regex scan (most code units are none of them).
  const marks: number[] = [];
  QUOTE_MARK.lastIndex = 0;
  while (QUOTE_MARK.exec(text) !== null) marks.push(QUOTE_MARK.lastIndex - 1);
  let p = 0;
  for (const line of lines(text)) {
    while (p < marks.length && (marks[p] as number) < line.start) p++;
    p = quotesInLine(text, line.start, line.end, out, marks, p);
  }
  return out;
}

/** The marks quotesInLine acts on: " ' « » and U+2018–U+201E. */
const QUOTE_MARK = /["'\u00AB\u00BB\u2018-\u201E]/g;

function isWordAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const ch = text.charAt(i);
  return isLetter(ch) || isDigit(ch);
}

/** Quotations in the line [ls, le); `marks[p…]` are the line's quotation marks. Returns the next p. */
function quotesInLine(text: string, ls: number, le: number, out: Span[], marks: readonly number[], p: number): number {
  let dbl = -1; // content start of an open double quotation, or -1
  let dblClose = ""; // the mark that closes it
  let sgl = -1; // content start of an open single quotation, or -1
  let lastCloser = -2; // offset of the line's last straight ' that can close, -1 for none; -2 not yet computed
  for (; p < marks.length && (marks[p] as number) < le; p++) {
    const i = marks[p] as number;
    const ch = text.charAt(i);
    switch (ch) {
      case "\u201C": // “
      case "\u201E": // „
        if (dbl < 0 && sgl < 0) {
          dbl = i + 1;
          dblClose = "\u201D\u201C";
        } else if (dbl >= 0 && ch === "\u201C" && dblClose.includes(ch)) {
          pushTrimmed(text, out, dbl, i); // German „…“
          dbl = -1;
        }
        break;
      case "\u201D": // ”
        if (dbl >= 0 && dblClose.includes(ch)) {
          pushTrimmed(text, out, dbl, i);
          dbl = -1;
        } else if (dbl < 0 && sgl < 0 && !isWordAt(text, i - 1) && isWordAt(text, i + 1)) {
          dbl = i + 1; // some outlets open with ” as well
          dblClose = "\u201D";
        }
        break;
      case "\u00AB": // «
        if (dbl < 0 && sgl < 0) {
          dbl = i + 1;
          dblClose = "\u00BB";
        }
        break;
      case "\u00BB":
        if (dbl >= 0 && dblClose === "\u00BB") {
          pushTrimmed(text, out, dbl, i);
          dbl = -1;
        }
        break;
      case '"':
        if (dbl >= 0 && dblClose.includes('"')) {
          pushTrimmed(text, out, dbl, i);
          dbl = -1;
        } else if (dbl < 0 && sgl < 0) {
          dbl = i + 1;
          dblClose = '"\u201D';
        }
        break;
      case "\u2018": // ‘ opens only before a letter, after a non-word character
        if (dbl < 0 && sgl < 0 && !isWordAt(text, i - 1) && isLetter(text.charAt(i + 1))) sgl = i + 1;
        break;
      case "\u2019": // ’ closes only when it is not an apostrophe inside a word
      case "'":
        if (sgl >= 0) {
          if (!(isWordAt(text, i - 1) && isWordAt(text, i + 1))) {
            pushTrimmed(text, out, sgl, i);
            sgl = -1;
          }
        } else if (ch === "'" && dbl < 0 && !isWordAt(text, i - 1) && isLetter(text.charAt(i + 1))) {
          // Is there a closer later on the line? The line's last closer answers for every opener
          // (one scan per line, not one per apostrophe: a line full of 'a must stay linear).
          if (lastCloser === -2) lastCloser = lastStraightCloser(text, ls, le);
          if (lastCloser >= i + 1) sgl = i + 1;
        }
        break;
    }
  }
  if (dbl >= 0) pushTrimmed(text, out, dbl, le);
  if (sgl >= 0) pushTrimmed(text, out, sgl, le);
  return p;
}

/** Adds text[start, end) to `out` without its outer spaces, unless nothing is left. */
function pushTrimmed(text: string, out: Span[], start: number, end: number): void {
  const t = trimSpan(text, start, end);
  if (t.end > t.start) out.push(t);
}

/** The last straight ' in [ls, le) that can close a quotation (not inside a word, not after a space), or -1. */
function lastStraightCloser(text: string, ls: number, le: number): number {
  for (let k = le - 1; k >= ls; k--) {
    if (text.charCodeAt(k) !== 0x27) continue;
    if (!isWordAt(text, k + 1) && !isSpaceCode(text.charCodeAt(k - 1))) return k;
  }
  return -1;
}

/**
 * Is text[offset, offset + length) inside one quotation span? The quotation marks themselves may
 * be included in the range. Spans must be sorted by start (as findQuotes returns them).
 */
export function isInQuote(spans: readonly Span[], offset: number, length: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid] as Span).start - 1 <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return false;
  const span = spans[found] as Span;
  return offset + length <= span.end + 1;
}
