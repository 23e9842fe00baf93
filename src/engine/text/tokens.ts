// Tokenizer over folded text: words, digit runs and single punctuation marks, with offsets.

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** Offset of the first code unit (same in folded and original text). */
  start: number;
  /** Offset after the last code unit. */
  end: number;
  /** The folded text of the token. */
  text: string;
  kind: TokenKind;
  /** A line break lies between the previous token and this one (paragraphs are never crossed). */
  brk: boolean;
}

const WORD_TABLE_SIZE = 0x2300;
/** 1 = letter or combining mark, 2 = digit, 0 = anything else; for code units below the bound. */
const CLASS: Uint8Array = buildClasses();

function buildClasses(): Uint8Array {
  const t = new Uint8Array(WORD_TABLE_SIZE);
  const letter = /[\p{L}\p{M}]/u;
  const digit = /\p{Nd}/u;
  for (let c = 0; c < WORD_TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    if (c >= 0x30 && c <= 0x39) t[c] = 2;
    else if (letter.test(ch) || (digit.test(ch) && c > 0x7f)) t[c] = 1;
  }
  return t;
}

/** 1 letter, 2 ASCII digit, 0 other. CJK and other scripts above the table count as letters. */
export function charClass(c: number): number {
  if (c < WORD_TABLE_SIZE) return CLASS[c] as number;
  if (c >= 0xd800 && c <= 0xdfff) return 0; // surrogate halves: emoji and astral symbols
  if (c >= 0x3000 && c <= 0x303f) return 0; // CJK punctuation
  if (c >= 0xfe00 && c <= 0xfe4f) return 0; // variation selectors (emoji), CJK compatibility forms
  if (c >= 0xe000 && c <= 0xf8ff) return 0; // private use
  if (c === 0xfeff || c >= 0xfff0) return 0; // BOM, specials
  if (c >= 0xff00 && c <= 0xff65) return 0;
  if (c >= 0x2e80) return 1;
  return 0;
}

/** Letters and digits are word characters (for boundaries). */
export function isWordCode(c: number): boolean {
  return charClass(c) !== 0;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c;
}

/**
 * Split folded text into tokens. A letter run and a digit run are separate tokens even when glued
 * ("6m" → "6", "m"; "18th" → "18", "th"): callers test adjacency with `a.end === b.start`.
 */
export function tokenize(folded: string): Token[] {
  const out: Token[] = [];
  const n = folded.length;
  let brk = false;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 0x0a || c === 0x0d) brk = true;
      i++;
      continue;
    }
    const k = charClass(c);
    if (k === 0) {
      // A surrogate pair is one symbol: keep it as one punct token.
      const len = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
      out.push({ start: i, end: i + len, text: folded.slice(i, i + len), kind: "punct", brk });
      brk = false;
      i += len;
      continue;
    }
    let j = i + 1;
    while (j < n && charClass(folded.charCodeAt(j)) === k) j++;
    out.push({ start: i, end: j, text: folded.slice(i, j), kind: k === 2 ? "number" : "word", brk });
    brk = false;
    i = j;
  }
  return out;
}

/** True when the original text has an uppercase letter at `offset` (e.g. "Ecuador", "EE.UU."). */
export function isUpperAt(original: string, offset: number): boolean {
  const ch = original.charAt(offset);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True when every letter of original[start, end) is uppercase ("US", "U.S.", not "us"). */
export function isAllUpper(original: string, start: number, end: number): boolean {
  const s = original.slice(start, end);
  return s === s.toUpperCase() && s !== s.toLowerCase();
}

/** Random access over a token array, shared by the number and date scanners. */
export class TokenCursor {
  readonly toks: Token[];
  constructor(
    readonly original: string,
    readonly folded: string,
    tokens?: Token[],
  ) {
    this.toks = tokens ?? tokenize(folded);
  }

  t(i: number): Token | undefined {
    return this.toks[i];
  }

  text(i: number): string {
    return this.toks[i]?.text ?? "";
  }

  /** Token i+1 directly follows token i (no space). */
  glued(i: number): boolean {
    const a = this.toks[i];
    const b = this.toks[i + 1];
    return !!a && !!b && a.end === b.start;
  }
}
