// HTML to plain text with paragraphs kept: a small linear tokenizer, no DOM (workerd has none).

/** Elements whose whole content is dropped. */
const SKIP_CONTENT = new Set(["script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object", "select", "textarea"]);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set(
  (
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 blockquote tr table thead tbody tfoot figure figcaption " +
    "section article header footer aside nav main pre hr address details summary fieldset legend form caption " +
    "center dialog"
  ).split(" "),
);

/** Table cells: separated by a space, not a paragraph. */
const CELLS = new Set(["td", "th"]);

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  ensp: "\u2002",
  emsp: "\u2003",
  thinsp: "\u2009",
  ndash: "\u2013",
  mdash: "\u2014",
  minus: "\u2212",
  hyphen: "\u2010",
  lsquo: "\u2018",
  rsquo: "\u2019",
  sbquo: "\u201A",
  ldquo: "\u201C",
  rdquo: "\u201D",
  bdquo: "\u201E",
  laquo: "\u00AB",
  raquo: "\u00BB",
  lsaquo: "\u2039",
  rsaquo: "\u203A",
  hellip: "\u2026",
  bull: "\u2022",
  middot: "\u00B7",
  copy: "\u00A9",
  reg: "\u00AE",
  trade: "\u2122",
  euro: "\u20AC",
  pound: "\u00A3",
  yen: "\u00A5",
  cent: "\u00A2",
  deg: "\u00B0",
  times: "\u00D7",
  divide: "\u00F7",
  sect: "\u00A7",
  para: "\u00B6",
  iexcl: "\u00A1",
  iquest: "\u00BF",
  ordf: "\u00AA",
  ordm: "\u00BA",
  shy: "",
  zwj: "",
  zwnj: "",
  lrm: "",
  rlm: "",
  prime: "\u2032",
  Prime: "\u2033",
  frac12: "\u00BD",
  frac14: "\u00BC",
  frac34: "\u00BE",
  szlig: "\u00DF",
  aelig: "\u00E6",
  AElig: "\u00C6",
  oslash: "\u00F8",
  Oslash: "\u00D8",
  ccedil: "\u00E7",
  Ccedil: "\u00C7",
  eth: "\u00F0",
  thorn: "\u00FE",
  dollar: "$",
  percnt: "%",
  num: "#",
  commat: "@",
  sol: "/",
  colon: ":",
  comma: ",",
  period: ".",
  excl: "!",
  quest: "?",
  lpar: "(",
  rpar: ")",
  lsqb: "[",
  rsqb: "]",
  ast: "*",
  plus: "+",
  equals: "=",
};
// Accented letters: &aacute; &Ntilde; &uuml; … composed from the base letter and the mark.
for (const [name, mark] of [
  ["acute", "\u0301"],
  ["grave", "\u0300"],
  ["circ", "\u0302"],
  ["tilde", "\u0303"],
  ["uml", "\u0308"],
  ["ring", "\u030A"],
] as const) {
  for (const base of "aeiouyAEIOUYnNcC") {
    const composed = (base + mark).normalize("NFC");
    if (composed.length === 1) NAMED[base + name] = composed;
  }
}

/** Decode one entity starting at `i` (the "&"); returns the text and the index after it, or null. */
function decodeEntity(html: string, i: number): { text: string; next: number } | null {
  // Look for the ";" only as far as an entity can reach: indexOf over the rest of the text would
  // make a page of bare "&"s quadratic.
  let semi = -1;
  for (let k = i + 1, stop = Math.min(html.length, i + 13); k < stop; k++) {
    if (html.charCodeAt(k) === 0x3b) {
      semi = k;
      break;
    }
  }
  if (semi < 0) return null;
  const body = html.slice(i + 1, semi);
  if (body.startsWith("#")) {
    const hex = body[1] === "x" || body[1] === "X";
    const digits = hex ? body.slice(2) : body.slice(1);
    if (!(hex ? /^[0-9a-fA-F]{1,6}$/ : /^[0-9]{1,7}$/).test(digits)) return null;
    let code = parseInt(digits, hex ? 16 : 10);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) code = 0xfffd;
    // Windows-1252 quotes and dashes that CMSs emit as &#146; etc.
    if (code >= 0x80 && code <= 0x9f) code = CP1252[code - 0x80] ?? code;
    return { text: String.fromCodePoint(code), next: semi + 1 };
  }
  const named = NAMED[body];
  return named === undefined ? null : { text: named, next: semi + 1 };
}

const CP1252: Array<number | undefined> = [
  0x20ac,
  undefined,
  0x201a,
  0x0192,
  0x201e,
  0x2026,
  0x2020,
  0x2021,
  0x02c6,
  0x2030,
  0x0160,
  0x2039,
  0x0152,
  undefined,
  0x017d,
  undefined,
  undefined,
  0x2018,
  0x2019,
  0x201c,
  0x201d,
  0x2022,
  0x2013,
  0x2014,
  0x02dc,
  0x2122,
  0x0161,
  0x203a,
  0x0153,
  undefined,
  0x017e,
  0x0178,
];

/** Decode HTML entities in a text run (also used for attribute-free text). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  let out = "";
  let last = 0;
  for (let i = s.indexOf("&"); i >= 0; i = s.indexOf("&", i + 1)) {
    const e = decodeEntity(s, i);
    if (!e) continue;
    out += s.slice(last, i) + e.text;
    last = e.next;
    i = e.next - 1;
  }
  return out + s.slice(last);
}

// Markers in the intermediate buffer: a paragraph break and a line break (from <br>).
const PARA = "\u0000";
const LINE = "\u0001";

/** Index after the end of the tag opened at `i` ("<"), honouring quoted attribute values. */
function tagEnd(html: string, i: number): number {
  let quote = "";
  for (let j = i + 1; j < html.length; j++) {
    const ch = html.charAt(j);
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return j + 1;
  }
  return html.length;
}

/**
 * Convert HTML to plain text: scripts, styles, head and comments dropped; block elements become
 * paragraph breaks ("\n\n"), <br> a line break; inline tags vanish; entities decoded; whitespace
 * collapsed inside paragraphs; the result trimmed.
 */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  const n = html.length;
  let i = 0;
  let textStart = 0;
  let lower: string | null = null; // lowercased copy, made once, to find </script> and friends
  const flushText = (end: number): void => {
    if (end > textStart) parts.push(decodeEntities(html.slice(textStart, end)));
  };
  while (i < n) {
    const lt = html.indexOf("<", i);
    if (lt < 0) break;
    const next = html.charAt(lt + 1);
    if (html.startsWith("<!--", lt)) {
      flushText(lt);
      const close = html.indexOf("-->", lt + 4);
      i = textStart = close < 0 ? n : close + 3;
      continue;
    }
    if (next === "!" || next === "?") {
      flushText(lt);
      i = textStart = tagEnd(html, lt);
      continue;
    }
    const closing = next === "/";
    let j = lt + (closing ? 2 : 1);
    const nameStart = j;
    while (j < n && /[A-Za-z0-9-]/.test(html.charAt(j))) j++;
    if (j === nameStart) {
      i = lt + 1; // a literal "<" in text
      continue;
    }
    flushText(lt);
    const name = html.slice(nameStart, j).toLowerCase();
    const end = tagEnd(html, lt);
    const selfClosing = html.charAt(end - 2) === "/";
    if (!closing && SKIP_CONTENT.has(name) && !selfClosing) {
      // Skip to the matching close tag: script and style content is never markup.
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, end);
      i = textStart = close < 0 ? n : tagEnd(html, close);
      continue;
    }
    if (name === "br") parts.push(LINE);
    else if (BLOCKS.has(name)) parts.push(PARA);
    else if (CELLS.has(name)) parts.push(" ");
    i = textStart = end;
  }
  flushText(n);
  return tidy(parts.join(""));
}

/** Collapse whitespace inside paragraphs and turn the markers into "\n\n" and "\n". */
function tidy(s: string): string {
  const paragraphs: string[] = [];
  for (const block of s.split(PARA)) {
    const lines = block
      .split(LINE)
      .map((l) => l.replace(/[ \t\n\r\f\u00A0]+/g, " ").trim())
      .filter((l) => l.length > 0);
    if (lines.length > 0) paragraphs.push(lines.join("\n"));
  }
  return paragraphs.join("\n\n");
}
