// What surrounds a number: URL/handle chunks, codes and times to skip, month names, excluded spans, qualifiers ("more than") and plural nouns.
import { MONTHS } from "./calendar";
import { IRREGULAR_PLURALS, NOT_PLURAL_NOUNS, OPEN_TIME_WORDS, QUALIFIERS } from "./number-words";
import type { Scanner } from "./number-reader";
import type { Qualifier } from "./numbers";
import type { Span } from "./segment";
import { isUpperAt, type Token } from "./tokens";

export function lookupQualifier(sc: Scanner, first: number): { q: Qualifier; start: number; end: number } | null {
  const firstTok = sc.t(first);
  if (!firstTok) return null;
  for (const [words, q] of QUALIFIERS) {
    const k = first - words.length;
    if (k < 0) continue;
    let ok = true;
    for (let w = 0; w < words.length; w++) {
      const t = sc.t(k + w) as Token;
      if (t.text !== words[w] || (w > 0 && t.brk)) {
        ok = false;
        break;
      }
    }
    if (ok && firstTok.brk) ok = false;
    if (ok) return { q, start: (sc.t(k) as Token).start, end: (sc.t(first - 1) as Token).end };
  }
  return null;
}

/** Month name next to token i (date part, not a count): "July 18", "Jul. 18", "18 July", "18 de julio". */
export function touchesMonth(sc: Scanner, firstTok: number, nextTok: number): boolean {
  let p = firstTok - 1;
  if (sc.text(p) === "." && p > 0) p--;
  if (p >= 0 && !(sc.t(p + 1) as Token).brk && MONTHS.has(sc.text(p)) && isMonthWord(sc, p)) return true;
  let n = nextTok;
  if (sc.text(n) === ",") return false;
  if (sc.text(n) === "de" || sc.text(n) === "of") n++;
  return n < sc.toks.length && !(sc.t(n) as Token).brk && MONTHS.has(sc.text(n)) && isMonthWord(sc, n);
}

function isMonthWord(sc: Scanner, i: number): boolean {
  const m = MONTHS.get(sc.text(i));
  if (!m) return false;
  if (m.lang === "es" && !m.abbr) return true;
  return isUpperAt(sc.original, (sc.t(i) as Token).start); // "May", "March", "Jul" capitalised
}

/** Tokens inside URLs, e-mail addresses, @handles and #hashtags: never quantities. */
export function markSkipped(sc: Scanner): Uint8Array {
  const skip = new Uint8Array(sc.toks.length);
  const f = sc.folded;
  const n = f.length;
  let ti = 0;
  // Only whitespace-separated chunks with a character a URL, address, handle or tag needs are
  // looked at: a native regex scan finds those characters, and each chunk is examined once.
  SUSPICIOUS.lastIndex = 0;
  while (SUSPICIOUS.exec(f) !== null) {
    const at = SUSPICIOUS.lastIndex - 1;
    let chunkStart = at;
    while (chunkStart > 0 && !isChunkSpace(f.charCodeAt(chunkStart - 1))) chunkStart--;
    let i = at + 1;
    while (i < n && !isChunkSpace(f.charCodeAt(i))) i++;
    const chunk = f.slice(chunkStart, i);
    const bad =
      chunk.includes("://") ||
      chunk.includes("www.") ||
      chunk.includes("@") ||
      chunk.startsWith("#") ||
      chunk.startsWith("+") ||
      /\.(com|org|net|gov|edu|int|io|co|es|ve|sv|ly)(\/|$)/.test(chunk);
    while (ti < sc.toks.length && (sc.t(ti) as Token).start < chunkStart) ti++;
    if (bad) {
      let tj = ti;
      while (tj < sc.toks.length && (sc.t(tj) as Token).end <= i) skip[tj++] = 1;
    }
    SUSPICIOUS.lastIndex = i; // the next chunk
  }
  return skip;
}

/** Characters that make a chunk worth a look: . / @ # + */
const SUSPICIOUS = /[./@#+]/g;

/** The separators markSkipped splits chunks at (space, line feed, carriage return, tab). */
function isChunkSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** The chain of numbers joined by "-", "/", ":" or "." around token i is a date, time, phone or code. */
export function isCodeLike(sc: Scanner, first: number, next: number): boolean {
  const prev = sc.t(first - 1);
  if (prev && sc.glued(first - 1) && ["/", ":", "-"].includes(prev.text) && sc.t(first - 2)?.kind === "number" && sc.glued(first - 2)) {
    return true;
  }
  const after = sc.t(next);
  if (after && sc.glued(next - 1) && ["/", ":"].includes(after.text) && sc.t(next + 1)?.kind === "number" && sc.glued(next)) return true;
  // Three numbers chained by hyphens: "2025-07-18", "202-555-0100".
  if (after && after.text === "-" && sc.glued(next - 1) && sc.t(next + 1)?.kind === "number" && sc.glued(next)) {
    const a2 = sc.t(next + 2);
    if (a2 && a2.text === "-" && sc.glued(next + 1) && sc.t(next + 3)?.kind === "number") return true;
    if ((sc.t(next + 1) as Token).text.startsWith("0")) return true;
  }
  // Symbols that make a number a label: "#5", "§ 21", "No. 5", "nº 5".
  if (prev && (prev.text === "#" || prev.text === "\u00A7")) return true;
  if (prev && prev.text === "." && (sc.text(first - 2) === "no" || sc.text(first - 2) === "nro")) return true;
  return false;
}

/** Time of day: "3 p.m.", "10am", "10:30", "a las 3". */
export function isTime(sc: Scanner, next: number): boolean {
  const t = sc.t(next);
  if (!t || t.brk) return false;
  if (OPEN_TIME_WORDS.has(t.text)) return true;
  if ((t.text === "a" || t.text === "p") && sc.text(next + 1) === "." && sc.text(next + 2) === "m") return true;
  return false;
}

/**
 * Spans to skip, sorted by start, with the running maximum of their ends: "does [start, end)
 * overlap any span?" is then one binary search instead of a scan of every span (dates × numbers
 * would be quadratic in a long article).
 */
interface ExcludeIndex {
  starts: Float64Array;
  maxEnd: Float64Array;
}

export function excludeIndex(spans: readonly Span[] | undefined): ExcludeIndex | null {
  if (!spans || spans.length === 0) return null;
  let sorted = true;
  for (let i = 1; i < spans.length; i++) if ((spans[i] as Span).start < (spans[i - 1] as Span).start) sorted = false;
  const list = sorted ? spans : [...spans].sort((a, b) => a.start - b.start);
  const starts = new Float64Array(list.length);
  const maxEnd = new Float64Array(list.length);
  let max = -Infinity;
  for (let i = 0; i < list.length; i++) {
    const s = list[i] as Span;
    starts[i] = s.start;
    max = Math.max(max, s.end);
    maxEnd[i] = max;
  }
  return { starts, maxEnd };
}

export function inExclude(index: ExcludeIndex | null, start: number, end: number): boolean {
  if (!index) return false;
  // The last span starting before `end`; an overlap exists iff some span up to it ends after `start`.
  let lo = 0;
  let hi = index.starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((index.starts[mid] as number) < end) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && (index.maxEnd[lo - 1] as number) > start;
}

export function pluralNounAt(sc: Scanner, i: number): boolean {
  const t = sc.t(i);
  if (!t || t.brk || t.kind !== "word") return false;
  const w = t.text;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.length <= 3 || !w.endsWith("s") || NOT_PLURAL_NOUNS.has(w)) return false;
  return !isUpperAt(sc.original, t.start);
}
