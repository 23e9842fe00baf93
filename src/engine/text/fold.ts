// Case and diacritic folding that keeps every UTF-16 offset: the engine's offset strategy.
//
// foldText(s).length === s.length, always. Matching runs on the folded text and every offset it
// finds is therefore an offset into the original text (UTF-16 code units, i.e. JS string indices).

/** Code units below this bound are looked up in TABLE; the rest map through `foldHigh`. */
const TABLE_SIZE = 0x2300;

/** Precomputed fold of every code unit in 0..TABLE_SIZE (Latin, Greek, Cyrillic, punctuation). */
const TABLE: Uint16Array = buildTable();

function buildTable(): Uint16Array {
  const table = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    table[c] = c;
    if (c >= 0xd800) continue; // never reached (TABLE_SIZE < 0xd800), kept for clarity
    const ch = String.fromCharCode(c);
    // NFD splits "á" into "a" + U+0301; keep the base when the rest is only combining marks.
    const nfd = ch.normalize("NFD");
    let base = nfd;
    if (nfd.length > 1 && isCombiningRun(nfd, 1)) base = nfd.charAt(0);
    if (base.length !== 1) base = ch;
    const lower = base.toLowerCase();
    // Lowercasing must not change the length either ("İ".toLowerCase() is two code units).
    const folded = lower.length === 1 ? lower : lower.normalize("NFD").charAt(0);
    table[c] = folded.charCodeAt(0);
  }
  // Letters NFD does not decompose but readers treat as the plain letter.
  const letters: Record<string, string> = {
    ß: "s",
    ẞ: "s",
    ø: "o",
    Ø: "o",
    đ: "d",
    Đ: "d",
    ł: "l",
    Ł: "l",
    ı: "i",
    İ: "i",
    æ: "a",
    Æ: "a",
    œ: "o",
    Œ: "o",
    þ: "t",
    Þ: "t",
    ð: "d",
    Ð: "d",
    ħ: "h",
    Ħ: "h",
    ŧ: "t",
    Ŧ: "t",
    ŀ: "l",
    Ŀ: "l",
    ς: "σ",
    ª: "a",
    º: "o",
  };
  for (const [from, to] of Object.entries(letters)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  // Typographic punctuation: reporters and CMSs use the curly forms, rules are written straight.
  const punct: Array<[string, string]> = [
    ["\u2018\u2019\u201A\u201B\u2032\u2039\u203A\u00B4\u0060", "'"],
    ["\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033", '"'],
    ["\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00AD", "-"],
    ["\u2028\u2029", "\n"],
    ["\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\t", " "],
  ];
  for (const [froms, to] of punct) {
    for (const ch of froms) table[ch.charCodeAt(0)] = to.charCodeAt(0);
  }
  return table;
}

function isCombiningRun(s: string, from: number): boolean {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x0300 || c > 0x036f) return false;
  }
  return true;
}

/** Code units above the table: ideographic space and fullwidth ASCII; everything else as is. */
function foldHigh(c: number): number {
  if (c === 0x3000) return 0x20;
  if (c >= 0xff01 && c <= 0xff5e) {
    const ascii = c - 0xfee0;
    return ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
  }
  return c; // includes surrogates, so emoji stay intact and lengths stay equal
}

const CHUNK = 4096;

/** The code units toLowerCase may leave unfolded: tab, backtick and everything above ASCII. */
const UNFOLDED = /[\t`\u0080-\uffff]/g;

/**
 * Case-fold and strip diacritics, code unit by code unit. The result has exactly the same length
 * as the input, so `original.slice(i, j)` is the span of `foldText(original).slice(i, j)`.
 */
export function foldText(s: string): string {
  // Fast path: the native toLowerCase, then patch the few code units it leaves unfolded (accents,
  // curly quotes, dashes). Valid only when lowercasing kept the length ("İ" becomes two units).
  const lower = s.toLowerCase();
  if (lower.length !== s.length) return foldSlow(s);
  let out = "";
  let last = 0;
  // Only tabs, backticks and non-ASCII code units can fold further: a native scan jumps to them.
  UNFOLDED.lastIndex = 0;
  while (UNFOLDED.test(lower)) {
    const i = UNFOLDED.lastIndex - 1;
    const c = lower.charCodeAt(i);
    const f = c < TABLE_SIZE ? (TABLE[c] as number) : foldHigh(c);
    if (f === c) continue;
    out += lower.slice(last, i) + String.fromCharCode(f);
    last = i + 1;
  }
  return last === 0 ? lower : out + lower.slice(last);
}

/** Table lookup for every code unit: the general path. */
function foldSlow(s: string): string {
  const n = s.length;
  const buf = new Uint16Array(n);
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    buf[j] = c < TABLE_SIZE ? (TABLE[c] as number) : foldHigh(c);
  }
  // fromCharCode.apply in chunks: below every engine's argument-count limit.
  let out = "";
  for (let j = 0; j < n; j += CHUNK) {
    out += String.fromCharCode.apply(null, buf.subarray(j, j + CHUNK) as unknown as number[]);
  }
  return out;
}

/**
 * Fold a rule term (a phrase, alias or name written by a rule author): NFC first so decomposed
 * accents fold too, then foldText, then trim and collapse runs of whitespace to one space.
 * Lengths are NOT preserved: terms are never used for offsets.
 */
export function foldTerm(s: string): string {
  const folded = foldText(s.normalize("NFC"));
  let out = "";
  let space = false;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded.charAt(i);
    const c = folded.charCodeAt(i);
    if (c >= 0x0300 && c <= 0x036f) continue; // a combining mark NFC could not compose
    if (c === 0x20 || c === 0x0a || c === 0x0d) {
      space = out.length > 0;
      continue;
    }
    if (space) out += " ";
    space = false;
    out += ch;
  }
  return out;
}
