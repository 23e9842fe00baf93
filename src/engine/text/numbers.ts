// Number mentions (digits and English/Spanish words) with unit, qualifier and offsets.
//
// One left-to-right pass over the tokens of the folded text. Dates, times, phone numbers, URLs,
// handles and digits glued to letters are skipped, so "July 18" or "3 p.m." never become counts.
import { MONTHS } from "./calendar";
import { foldText } from "./fold";
import type { Span } from "./segment";
import { isUpperAt, TokenCursor, type Token } from "./tokens";

export type NumberUnit = "count" | "money" | "duration" | "percent" | "distance" | "year" | "ordinal";
export type Qualifier = "exact" | "approx" | "more_than" | "at_least" | "less_than" | "at_most" | "vague";
export type Currency = "USD" | "EUR" | "GBP" | "JPY" | "MXN" | "BRL" | "AUD" | "CAD" | "NZD" | "VES";
export type DurationUnit = "day" | "week" | "month" | "year" | "hour";
export type DistanceUnit = "km" | "mile";

export interface NumberMention {
  /** Offset of the number expression in the original text: currency, digits or words, scale and unit ("$6 million", "four months"); never the qualifier. */
  offset: number;
  length: number;
  value: number;
  /** Upper end of a range ("72–75", "between 250 and 260") or of a vague amount. */
  max?: number;
  unit: NumberUnit;
  currency?: Currency;
  durationUnit?: DurationUnit;
  distanceUnit?: DistanceUnit;
  qualifier: Qualifier;
  /** For vague amounts: the plausible range ("hundreds" → [200, 999]). */
  vagueRange?: [number, number];
  /** An age ("37-year-old", "aged 37"): callers comparing quantities usually ignore these. */
  age?: boolean;
  /** Where the qualifier words sit ("more than", "casi"), when there are any. */
  qualifierOffset?: number;
  qualifierLength?: number;
  /** The folded word right after the expression (after "of"/"de" for vague amounts): "venezuelans". */
  noun?: string;
  /** Written in words ("two hundred fifty-two") rather than digits. */
  words?: boolean;
}

export interface FindNumbersOptions {
  /** Spans to ignore, e.g. the dates found by findDates. */
  exclude?: readonly Span[];
  /** foldText(text), when the caller already has it (saves a pass). */
  folded?: string;
  /** tokenize(folded), when the caller already has it. */
  tokens?: Token[];
}

// ---------------------------------------------------------------------------------------------
// Lexicon (folded forms).

const SMALL = new Map<string, number>();
"zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
  .split(" ")
  .forEach((w, i) => SMALL.set(w, i));
"twenty thirty forty fifty sixty seventy eighty ninety".split(" ").forEach((w, i) => SMALL.set(w, (i + 2) * 10));
"cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis diecisiete dieciocho diecinueve"
  .split(" ")
  .forEach((w, i) => SMALL.set(w, i));
"veinte veintiuno veintidos veintitres veinticuatro veinticinco veintiseis veintisiete veintiocho veintinueve"
  .split(" ")
  .forEach((w, i) => SMALL.set(w, 20 + i));
"treinta cuarenta cincuenta sesenta setenta ochenta noventa".split(" ").forEach((w, i) => SMALL.set(w, (i + 3) * 10));
SMALL.set("veintiun", 21).set("veintiuna", 21).set("una", 1).set("un", 1).set("forty", 40).set("fourty", 40);

/** Spanish hundreds, which add rather than multiply. */
const ES_HUNDREDS = new Map<string, number>([["cien", 100], ["ciento", 100]]);
for (const [stem, v] of [
  ["doscient", 200], ["trescient", 300], ["cuatrocient", 400], ["quinient", 500], ["seiscient", 600],
  ["setecient", 700], ["ochocient", 800], ["novecient", 900],
] as Array<[string, number]>) {
  ES_HUNDREDS.set(stem + "os", v).set(stem + "as", v);
}

/** Multipliers: "hundred" multiplies the current group; the others close a group. */
const SCALES = new Map<string, number>([
  ["hundred", 100], ["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12],
  ["mil", 1e3], ["millon", 1e6], ["millones", 1e6], ["billon", 1e12], ["billones", 1e12], ["millardo", 1e9],
  ["millardos", 1e9], ["dozen", 12],
]);

/** Scales allowed right after digits ("$6 million", "40 mil", "US$6m", "20k", "1.2bn"). */
const DIGIT_SCALES = new Map<string, number>([
  ["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12], ["mil", 1e3], ["millon", 1e6],
  ["millones", 1e6], ["billon", 1e12], ["billones", 1e12], ["millardos", 1e9], ["millardo", 1e9],
  ["bn", 1e9], ["mn", 1e6], ["mln", 1e6], ["mdd", 1e6], ["dozen", 12],
]);
/** Glued single-letter scales, trusted only for money ("$6m" yes, "6m" alone could be metres). */
const GLUED_MONEY_SCALES = new Map<string, number>([["m", 1e6], ["b", 1e9], ["k", 1e3], ["bn", 1e9], ["mn", 1e6]]);

const ORDINAL_WORDS = new Map<string, number>();
"first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
  .split(" ")
  .forEach((w, i) => ORDINAL_WORDS.set(w, i + 1));
ORDINAL_WORDS.set("thirtieth", 30);
for (const [stems, v] of [
  [["primer", "primero", "primera", "primeros", "primeras"], 1], [["segundo", "segunda"], 2],
  [["tercer", "tercero", "tercera"], 3], [["cuarta"], 4], [["quinto", "quinta"], 5], [["sexto", "sexta"], 6],
  [["septimo", "septima"], 7], [["octavo", "octava"], 8], [["noveno", "novena"], 9], [["decimo", "decima"], 10],
] as Array<[string[], number]>) {
  for (const s of stems) ORDINAL_WORDS.set(s, v);
}

const DURATION_UNITS = new Map<string, DurationUnit>();
for (const [words, unit] of [
  ["day days dia dias jornada jornadas", "day"], ["week weeks semana semanas", "week"], ["month months mes meses", "month"],
  ["year years ano anos", "year"], ["hour hours hora horas", "hour"],
] as Array<[string, DurationUnit]>) {
  for (const w of words.split(" ")) DURATION_UNITS.set(w, unit);
}
/**
 * "a year", "fifty years", "3 months", "hace un año": a small count and a calendar unit at tokens
 * [i, i+1], read for time offsets ("a year ago today"); null when they are not one.
 */
export function smallDuration(count: string, unit: string): { n: number; unit: DurationUnit } | null {
  const u = DURATION_UNITS.get(unit);
  if (!u) return null;
  const n = count === "a" || count === "an" ? 1 : /^\d{1,3}$/.test(count) ? Number(count) : SMALL.get(count);
  return n === undefined ? null : { n, unit: u };
}

/** Singular units that "a"/"an"/"un"/"una" can quantify ("a year", "una semana"). */
const SINGULAR_UNITS = new Set(["day", "week", "month", "year", "hour", "dia", "semana", "mes", "ano", "hora"]);

const DISTANCE_UNITS = new Map<string, DistanceUnit>();
"km kms kilometer kilometers kilometre kilometres kilometro kilometros".split(" ").forEach((w) => DISTANCE_UNITS.set(w, "km"));
"mile miles milla millas".split(" ").forEach((w) => DISTANCE_UNITS.set(w, "mile"));

const CURRENCY_WORDS = new Map<string, Currency>([
  ["dollars", "USD"], ["dollar", "USD"], ["dolares", "USD"], ["dolar", "USD"], ["usd", "USD"], ["euros", "EUR"],
  ["euro", "EUR"], ["eur", "EUR"], ["bolivares", "VES"], ["gbp", "GBP"], ["mxn", "MXN"],
]);
/** "X$" prefixes, "$" alone meaning US dollars (as in the seed articles). */
const DOLLAR_PREFIX = new Map<string, Currency>([
  ["us", "USD"], ["u.s.", "USD"], ["mx", "MXN"], ["r", "BRL"], ["a", "AUD"], ["au", "AUD"], ["c", "CAD"], ["ca", "CAD"], ["nz", "NZD"],
]);
const SYMBOLS = new Map<string, Currency>([["$", "USD"], ["\u20AC", "EUR"], ["\u00A3", "GBP"], ["\u00A5", "JPY"]]);

interface VagueWord {
  range: [number, number];
}
const VAGUE = new Map<string, VagueWord>([
  ["hundreds", { range: [200, 999] }], ["thousands", { range: [2000, 9999] }], ["millions", { range: [2e6, 999e6] }],
  ["dozens", { range: [24, 99] }], ["several", { range: [3, 9] }], ["cientos", { range: [200, 999] }],
  ["centenares", { range: [200, 999] }], ["decenas", { range: [20, 99] }], ["docenas", { range: [24, 99] }],
  ["miles", { range: [2000, 9999] }], ["millones", { range: [2e6, 999e6] }], ["varios", { range: [3, 9] }],
  ["varias", { range: [3, 9] }],
]);
/** Two-word vague amounts that start with an article. */
const VAGUE_PAIRS = new Map<string, VagueWord>([
  ["a few", { range: [2, 5] }], ["a couple", { range: [2, 3] }], ["a handful", { range: [2, 6] }],
  ["unos pocos", { range: [2, 5] }], ["unas pocas", { range: [2, 5] }], ["unos cuantos", { range: [2, 5] }],
  ["unas cuantas", { range: [2, 5] }], ["tens of", { range: [20, 99] }],
]);

const QUALIFIERS: Array<[string[], Qualifier]> = (
  [
    ["no more than", "at_most"], ["not more than", "at_most"], ["up to", "at_most"], ["at most", "at_most"],
    ["as many as", "at_most"], ["a maximum of", "at_most"], ["maximum of", "at_most"], ["hasta", "at_most"],
    ["como maximo", "at_most"], ["a lo sumo", "at_most"], ["no mas de", "at_most"],
    ["at least", "at_least"], ["no fewer than", "at_least"], ["no less than", "at_least"], ["not less than", "at_least"],
    ["a minimum of", "at_least"], ["al menos", "at_least"], ["por lo menos", "at_least"], ["como minimo", "at_least"],
    ["no menos de", "at_least"],
    ["more than", "more_than"], ["over", "more_than"], ["above", "more_than"], ["exceeding", "more_than"],
    ["upwards of", "more_than"], ["in excess of", "more_than"], ["mas de", "more_than"], ["well over", "more_than"],
    ["just over", "more_than"], ["superior a", "more_than"],
    ["fewer than", "less_than"], ["less than", "less_than"], ["under", "less_than"], ["below", "less_than"],
    ["just under", "less_than"], ["menos de", "less_than"],
    ["about", "approx"], ["around", "approx"], ["nearly", "approx"], ["almost", "approx"], ["some", "approx"],
    ["roughly", "approx"], ["approximately", "approx"], ["approx", "approx"], ["an estimated", "approx"],
    ["estimated", "approx"], ["close to", "approx"], ["circa", "approx"], ["~", "approx"], ["cerca de", "approx"],
    ["casi", "approx"], ["unos", "approx"], ["unas", "approx"], ["alrededor de", "approx"],
    ["aproximadamente", "approx"], ["aprox", "approx"], ["en torno a", "approx"], ["unos", "approx"],
    ["exactly", "exact"], ["only", "exact"], ["just", "exact"], ["solo", "exact"], ["solamente", "exact"],
    ["exactamente", "exact"],
  ] as Array<[string, Qualifier]>
)
  .map(([p, q]) => [p.split(" "), q] as [string[], Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

/** Lowercase words ending in -s that still let a 4-digit number be a year ("in 2025 was", "desde 2025 los"). */
const NOT_PLURAL_NOUNS = new Set(
  ("was has is its this thus plus versus less across unless always perhaps whereas besides towards afterwards " +
    "as us his hers yours ours theirs los las unos unas sus les nos mas menos tras despues antes pues entonces " +
    "mientras ademas ambos ambas todos todas estos estas esos esas ellos ellas hemos fuimos somos estamos eramos " +
    "durante hasta segun ").trim().split(" "),
);

/** Plural count nouns without a final -s ("2000 people"). */
const IRREGULAR_PLURALS = new Set(["people", "men", "women", "children", "police", "personnel", "staff", "gente"]);

const AGE_BEFORE = new Set(["aged", "age", "ages", "edad", "edades"]);
const OPEN_TIME_WORDS = new Set(["am", "pm", "hrs", "hs", "h"]);

// ---------------------------------------------------------------------------------------------

interface Core {
  /** First token of the expression (a currency prefix when there is one). */
  first: number;
  /** Token index after the expression. */
  next: number;
  value: number;
  words: boolean;
  /** Plain digits with no separators and no scale, for the year test. */
  plainDigits: boolean;
  scaled: boolean;
  currency?: Currency;
  ordinal?: boolean;
  vague?: [number, number];
  /** The expression was an article + unit ("a year"): a unit is required. */
  needsUnit?: boolean;
}

class Scanner extends TokenCursor {
  /** Token i+1 follows token i on the same line (any spacing). */
  sameLine(i: number): boolean {
    const b = this.toks[i + 1];
    return !!b && !b.brk;
  }
}

/** Digit groups in one amount at most ("1,000,000,000,000,000,000,000" has 8); more is no quantity. */
const MAX_DIGIT_GROUPS = 8;

/** Parse digits with separators at token i: "40,000", "40.000", "4.76", "4,76", "1 000", "1,234.56". */
function parseDigits(sc: Scanner, i: number): { value: number; next: number; plain: boolean } | null {
  const parts: string[] = [(sc.t(i) as Token).text];
  const seps: string[] = [];
  let j = i;
  for (;;) {
    // A longer chain of groups ("1,2,3,4,…") is a list or a code, not one amount; stopping here
    // also keeps the scan linear (each digit token of such a chain would otherwise re-read it).
    if (parts.length > MAX_DIGIT_GROUPS) return null;
    const sep = sc.t(j + 1);
    const nxt = sc.t(j + 2);
    if (sep && nxt && nxt.kind === "number" && sc.glued(j) && sc.glued(j + 1) && (sep.text === "," || sep.text === ".")) {
      parts.push(nxt.text);
      seps.push(sep.text);
      j += 2;
      continue;
    }
    // "1 000": a lone space before a group of exactly three digits, no other separator in play.
    const cur = sc.t(j) as Token;
    if (
      sep && sep.kind === "number" && !sep.brk && sep.start === cur.end + 1 && sep.text.length === 3 &&
      (seps.length === 0 ? (parts[0] as string).length <= 3 : seps.every((s) => s === " ")) &&
      sc.folded.charAt(cur.end) === " " && !(sc.t(j + 2)?.text === "," || sc.t(j + 2)?.text === ".") &&
      !isYearLike(parts[0] as string)
    ) {
      parts.push(sep.text);
      seps.push(" ");
      j += 1;
      continue;
    }
    break;
  }
  const first = parts[0] as string;
  if (first.length > 1 && first.startsWith("0") && !(seps.length === 1 && seps[0] !== " ")) return null; // codes, "07"
  if (seps.length === 0) return { value: Number(first), next: j + 1, plain: true };
  const groupsOf3 = parts.slice(1).every((p) => p.length === 3);
  const sameSep = seps.every((s) => s === seps[0]);
  if (sameSep && groupsOf3 && first.length <= 3 && !(seps[0] !== " " && first === "0")) {
    return { value: Number(parts.join("")), next: j + 1, plain: false };
  }
  if (seps.length === 1 && seps[0] !== " ") {
    return { value: Number(`${first}.${parts[1]}`), next: j + 1, plain: false };
  }
  // "1,234.56" / "1.234,56": thousands groups, then one decimal separator of the other kind.
  const last = seps[seps.length - 1] as string;
  const head = seps.slice(0, -1);
  if (head.every((s) => s === head[0] && s !== last) && parts.slice(1, -1).every((p) => p.length === 3) && first.length <= 3) {
    const int = parts.slice(0, -1).join("");
    return { value: Number(`${int}.${parts[parts.length - 1]}`), next: j + 1, plain: false };
  }
  return null; // "1.2.3", "18.07.2025": not a quantity
}

function isYearLike(s: string): boolean {
  return s.length === 4;
}

/** Spanish "once" is eleven, English "once" is not: trust it only in a Spanish frame. */
function onceIsEleven(sc: Scanner, i: number): boolean {
  const prev = sc.text(i - 1);
  const next = sc.text(i + 1);
  return (
    ["los", "las", "unos", "unas", "de", "con", "sus", "por", "hace", "durante", "tras", "entre", "estos", "esos", "a"].includes(prev) ||
    DURATION_UNITS.has(next) || next === "mil" || next === "millones"
  );
}

/** Parse number words from token i. Returns null when token i does not start a number. */
function parseWords(sc: Scanner, i: number): { value: number; next: number; ordinal: boolean } | null {
  let total = 0;
  let current = 0;
  let any = false;
  let lastSmall = -1; // value of the last small word, to validate "thirty-seven" / "treinta y siete"
  let j = i;
  let ordinal = false;
  for (;;) {
    const tok = sc.t(j);
    if (!tok || tok.kind !== "word" || (j > i && tok.brk)) break;
    const w = tok.text;
    const small = SMALL.get(w);
    const esHundred = ES_HUNDREDS.get(w);
    const scale = SCALES.get(w);
    if (small !== undefined) {
      if ((w === "un" || w === "una") && !(SCALES.has(sc.text(j + 1)) && sc.text(j + 1) !== "hundred")) break;
      if (w === "once" && !onceIsEleven(sc, j)) break;
      const rem = current % 100;
      let ok: boolean;
      if (small < 10) ok = rem === 0 || (rem >= 20 && rem % 10 === 0 && lastSmall >= 20);
      else ok = rem === 0;
      if (any && lastSmall >= 0 && lastSmall < 20) ok = false; // "one two" is two numbers
      if (!ok) break;
      current += small;
      lastSmall = small;
      any = true;
      j++;
    } else if (esHundred !== undefined) {
      if (current % 1000 !== 0 || (any && lastSmall >= 0)) break;
      current += esHundred;
      lastSmall = -1;
      any = true;
      j++;
    } else if (scale !== undefined) {
      if (w === "hundred") {
        if (current % 100 === 0 && current !== 0) break;
        current = (current || 1) * 100;
      } else if (w === "dozen") {
        if (!any) break;
        current = current * 12;
      } else if (scale === 1e3) {
        if (!any && w !== "mil") break;
        total += (current || 1) * 1e3;
        current = 0;
      } else {
        if (!any) break;
        total = (total + current) * scale;
        current = 0;
      }
      lastSmall = -1;
      any = true;
      j++;
    } else if (any && lastSmall >= 20 && lastSmall % 10 === 0 && ORDINAL_WORDS.has(w) && (ORDINAL_WORDS.get(w) as number) < 10) {
      current += ORDINAL_WORDS.get(w) as number; // "twenty-first"
      ordinal = true;
      j++;
      break;
    } else break;
    // Joiners: "-" (twenty-five), "and" (two hundred and fifty), "y" (treinta y siete).
    const joiner = sc.t(j);
    if (!joiner || joiner.brk) break;
    if (joiner.text !== "-" && joiner.text !== "and" && joiner.text !== "y") continue;
    const after = sc.t(j + 1);
    if (!after || after.brk) break;
    const afterSmall = SMALL.get(after.text);
    const rem = current % 100;
    if (joiner.text === "-" && sc.glued(j - 1) && sc.glued(j)) {
      if (rem >= 20 && rem % 10 === 0 && ((afterSmall !== undefined && afterSmall > 0 && afterSmall < 10) || ORDINAL_WORDS.has(after.text))) j++;
      else break;
    } else if (joiner.text === "and") {
      if ((current % 100 === 0 && current > 0) || (current === 0 && total > 0)) {
        if (afterSmall !== undefined && afterSmall > 0 && after.text !== "un" && after.text !== "una") j++;
        else break;
      } else break;
    } else if (joiner.text === "y") {
      if (rem >= 30 && rem % 10 === 0 && afterSmall !== undefined && afterSmall > 0 && afterSmall < 10) j++;
      else break;
    }
  }
  if (!any) return null;
  return { value: total + current, next: j, ordinal };
}

function lookupQualifier(sc: Scanner, first: number): { q: Qualifier; start: number; end: number } | null {
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
function touchesMonth(sc: Scanner, firstTok: number, nextTok: number): boolean {
  let p = firstTok - 1;
  if (sc.text(p) === "." && p > 0) p--;
  if (p >= 0 && !(sc.t(p + 1) as Token).brk && MONTHS.has(sc.text(p)) && isMonthWord(sc, p)) return true;
  let n = nextTok;
  if (sc.text(n) === "," ) return false;
  if (sc.text(n) === "de" || sc.text(n) === "of") n++;
  return n < sc.toks.length && !(sc.t(n) as Token).brk && MONTHS.has(sc.text(n)) && isMonthWord(sc, n);
}

function isMonthWord(sc: Scanner, i: number): boolean {
  const m = MONTHS.get(sc.text(i));
  if (!m) return false;
  if (m.lang === "es" && !m.abbr) return true;
  return isUpperAt(sc.original, (sc.t(i) as Token).start); // "May", "March", "Jul" capitalised
}

/** Parse the number core (currency prefix, digits or words, scale) at token i. */
function parseCore(sc: Scanner, i: number): Core | null {
  const tok = sc.t(i) as Token;
  let first = i;
  let k = i;
  let currency: Currency | undefined;
  // Currency prefixes: "$6", "US$6m", "€5", "USD 6".
  const sym = SYMBOLS.get(tok.text);
  if (sym) {
    const nt = sc.t(i + 1);
    if (!nt || nt.kind !== "number" || !(sc.glued(i) || (sym !== "USD" && nt.start === tok.end + 1))) return null;
    currency = sym;
    if (sym === "USD" && i > 0 && sc.glued(i - 1)) {
      const pre = DOLLAR_PREFIX.get(sc.text(i - 1));
      if (pre && !(i > 1 && sc.glued(i - 2) && sc.t(i - 2)?.kind === "word")) {
        currency = pre;
        first = i - 1;
      }
    }
    k = i + 1;
  } else if (tok.kind === "word" && (tok.text === "usd" || tok.text === "eur") && sc.t(i + 1)?.kind === "number" && sc.sameLine(i)) {
    currency = tok.text === "usd" ? "USD" : "EUR";
    k = i + 1;
  } else if (tok.kind === "word" && DOLLAR_PREFIX.has(tok.text) && sc.text(i + 1) === "$" && sc.glued(i)) {
    return null; // handled when the scan reaches the "$"
  }

  const at = sc.t(k) as Token;
  if (at.kind === "number") {
    // Digits glued to a letter before them: "A380", "COVID19", "G7".
    if (k > 0 && sc.glued(k - 1) && sc.t(k - 1)?.kind === "word") return null;
    const d = parseDigits(sc, k);
    if (!d) return null;
    let value = d.value;
    let next = d.next;
    let scaled = false;
    // Glued suffix: "18th", "2nd", "6m", "20k", "5km", "10am", "1990s".
    const suf = sc.t(next);
    let ordinal = false;
    if (suf && suf.kind === "word" && sc.glued(next - 1)) {
      const s = suf.text;
      if (["st", "nd", "rd", "th", "o", "a", "er", "era", "ero", "ro", "do", "to", "vo", "no"].includes(s) && !currency) {
        ordinal = true;
        next++;
      } else if (currency && GLUED_MONEY_SCALES.has(s)) {
        value *= GLUED_MONEY_SCALES.get(s) as number;
        scaled = true;
        next++;
      } else if (s === "k" || s === "bn") {
        value *= s === "k" ? 1e3 : 1e9;
        scaled = true;
        next++;
      } else if (!DISTANCE_UNITS.has(s)) {
        return null; // "10am", "1990s", "3D", "6m" without a currency
      }
    }
    if (!ordinal) {
      // Spaced scale words: "6 million", "40 mil", "3 mil millones", "4.76 million".
      for (;;) {
        const w = sc.t(next);
        if (!w || w.brk || w.kind !== "word") break;
        const s = DIGIT_SCALES.get(w.text);
        if (s === undefined) break;
        if (w.text === "mil" && !sc.sameLine(next - 1)) break;
        value *= s;
        scaled = true;
        next++;
      }
    }
    return {
      first, next, value, words: false, plainDigits: d.plain && !scaled && !currency, scaled, currency, ordinal,
    };
  }
  if (currency) return null;
  if (at.kind !== "word") return null;

  // Article + unit or scale: "a year", "an hour", "a dozen", "a hundred", "un año", "una semana", "a few".
  const w = at.text;
  const nxt = sc.t(k + 1);
  if ((w === "a" || w === "an" || w === "un" || w === "una" || w === "unos" || w === "unas" || w === "tens") && nxt && !nxt.brk) {
    const pair = VAGUE_PAIRS.get(`${w} ${nxt.text}`);
    if (pair) {
      let next = k + 2;
      let range = pair.range;
      const scale = SCALES.get(sc.text(next));
      if (scale && scale >= 100 && scale !== 12 && !sc.t(next)?.brk) {
        range = [range[0] * scale, range[1] * scale];
        next++;
      }
      if (w === "tens") {
        const big = VAGUE.get(sc.text(k + 2));
        if (!big) return null;
        range = [big.range[0] * 10, big.range[1] * 10];
        next = k + 3;
      }
      return { first, next, value: range[0], words: true, plainDigits: false, scaled: false, vague: range };
    }
    if (w !== "tens" && w !== "unos" && w !== "unas") {
      if (SINGULAR_UNITS.has(nxt.text) && !((w === "a" || w === "an") && nxt.text !== "year" && nxt.text !== "day" && nxt.text !== "week" && nxt.text !== "month" && nxt.text !== "hour")) {
        return { first, next: k + 1, value: 1, words: true, plainDigits: false, scaled: false, needsUnit: true };
      }
      if ((w === "a" || w === "an") && (nxt.text === "hundred" || nxt.text === "thousand" || nxt.text === "million" || nxt.text === "billion" || nxt.text === "dozen")) {
        const pw = parseWords(sc, k + 1);
        const v = nxt.text === "dozen" ? 12 : (SCALES.get(nxt.text) as number);
        if (pw && nxt.text !== "dozen") {
          // "a hundred" → the word parser starts at "hundred" with an implicit one.
          return { first, next: pw.next, value: Math.max(pw.value, v), words: true, plainDigits: false, scaled: true };
        }
        return { first, next: k + 2, value: v, words: true, plainDigits: false, scaled: true };
      }
    }
  }

  const vague = VAGUE.get(w);
  if (vague) {
    // "miles"/"millones" after nothing numeric; "hundreds of thousands", "cientos de miles".
    let range = vague.range;
    let next = k + 1;
    const of = sc.text(next);
    if ((of === "of" || of === "de") && sc.sameLine(next)) {
      // "hundreds of thousands", "cientos de miles", "decenas de millones".
      const big = sc.text(next + 1);
      const mult = big === "thousands" || big === "miles" ? 1e3 : big === "millions" || big === "millones" ? 1e6 : 0;
      if (mult && range[1] < 1000) {
        range = [range[0] * mult, range[1] * mult];
        next += 2;
      }
    }
    if (w === "several" || w === "varios" || w === "varias") {
      const scale = SCALES.get(sc.text(next));
      if (scale && scale >= 100 && scale !== 12 && !sc.t(next)?.brk) {
        range = [range[0] * scale, range[1] * scale];
        next++;
      }
    }
    return { first, next, value: range[0], words: true, plainDigits: false, scaled: false, vague: range };
  }

  const ord = ORDINAL_WORDS.get(w);
  if (ord !== undefined) {
    return { first, next: k + 1, value: ord, words: true, plainDigits: false, scaled: false, ordinal: true };
  }

  const pw = parseWords(sc, k);
  if (!pw) return null;
  return { first, next: pw.next, value: pw.value, words: true, plainDigits: false, scaled: pw.value >= 1000, ordinal: pw.ordinal };
}

interface Suffix {
  next: number;
  unit?: NumberUnit;
  currency?: Currency;
  durationUnit?: DurationUnit;
  distanceUnit?: DistanceUnit;
  age?: boolean;
}

/** Units after the core: "%", "percent", "por ciento", "km", "miles", "days", "-month", "de dólares", "-year-old". */
function parseSuffix(sc: Scanner, core: Core): Suffix {
  let n = core.next;
  const t = sc.t(n);
  if (!t || t.brk) return { next: n };
  // Percent.
  if (t.text === "%" && (sc.glued(n - 1) || t.start === (sc.t(n - 1) as Token).end + 1)) return { next: n + 1, unit: "percent" };
  if (t.text === "percent" || t.text === "pct" || t.text === "porciento") return { next: n + 1, unit: "percent" };
  if ((t.text === "per" && sc.text(n + 1) === "cent") || (t.text === "por" && sc.text(n + 1) === "ciento")) {
    return { next: n + 2, unit: "percent" };
  }
  // Money words: "6 millones de dólares", "6 million U.S. dollars", "5 euros".
  if (!core.currency) {
    let m = n;
    if (sc.text(m) === "de" && !(sc.t(m + 1) as Token | undefined)?.brk) m++;
    if (sc.text(m) === "us" || sc.text(m) === "u") {
      if (sc.text(m) === "u" && sc.text(m + 1) === "." && sc.text(m + 2) === "s" && sc.text(m + 3) === ".") m += 4;
      else if (sc.text(m) === "us") m++;
    }
    const cur = CURRENCY_WORDS.get(sc.text(m));
    if (cur && !(sc.t(m) as Token | undefined)?.brk) {
      let end = m + 1;
      if (sc.text(end) === "estadounidenses" || sc.text(end) === "americanos") end++;
      return { next: end, unit: "money", currency: cur };
    }
  }
  // Distance: only after digits or number words, never after vague amounts ("miles de personas").
  if (!core.vague && !core.needsUnit) {
    const dist = DISTANCE_UNITS.get(t.text);
    if (dist) return { next: n + 1, unit: "distance", distanceUnit: dist };
  }
  // Duration, also hyphenated adjectives: "four-month", "125-day", "37-year-old".
  let u = n;
  if (t.text === "-" && sc.glued(n - 1) && sc.glued(n)) u = n + 1;
  const dur = DURATION_UNITS.get(sc.text(u));
  if (dur && !(sc.t(u) as Token).brk) {
    if (core.needsUnit && !SINGULAR_UNITS.has(sc.text(u))) return { next: n };
    let end = u + 1;
    let age = false;
    if (dur === "year") {
      if (sc.text(end) === "-" && sc.text(end + 1) === "old") {
        end += 2;
        age = true;
      } else if (sc.text(end) === "old") {
        end += 1;
        age = true;
      } else if (sc.text(end) === "de" && sc.text(end + 1) === "edad") {
        end += 2;
        age = true;
      }
    }
    return { next: end, unit: "duration", durationUnit: dur, age };
  }
  return { next: n };
}

/** Tokens inside URLs, e-mail addresses, @handles and #hashtags: never quantities. */
function markSkipped(sc: Scanner): Uint8Array {
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
      chunk.includes("://") || chunk.includes("www.") || chunk.includes("@") || chunk.startsWith("#") ||
      chunk.startsWith("+") || /\.(com|org|net|gov|edu|int|io|co|es|ve|sv|ly)(\/|$)/.test(chunk);
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
function isCodeLike(sc: Scanner, first: number, next: number): boolean {
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
function isTime(sc: Scanner, next: number): boolean {
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

function excludeIndex(spans: readonly Span[] | undefined): ExcludeIndex | null {
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

function inExclude(index: ExcludeIndex | null, start: number, end: number): boolean {
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

/**
 * Every number mention in `text`, in order. Offsets are UTF-16 code units into `text`.
 * Date parts, times, phone numbers, URLs and handles are skipped; pass `exclude` (e.g. the spans
 * from findDates) to skip more.
 */
export function findNumbers(text: string, options: FindNumbersOptions = {}): NumberMention[] {
  const sc = new Scanner(text, options.folded ?? foldText(text), options.tokens);
  const skip = markSkipped(sc);
  const exclude = excludeIndex(options.exclude);
  const out: NumberMention[] = [];
  let i = 0;
  while (i < sc.toks.length) {
    if (skip[i]) {
      i++;
      continue;
    }
    const tok = sc.t(i) as Token;
    if (tok.kind === "word" && !NUMBERISH.has(tok.text)) {
      i++;
      continue;
    }
    const core = parseCore(sc, i);
    if (!core) {
      i++;
      continue;
    }
    const mention = finish(sc, core, skip);
    const startTok = sc.t(core.first) as Token;
    if (mention === "skip") {
      i = Math.max(core.next, i + 1);
      continue;
    }
    if (!mention) {
      i++;
      continue;
    }
    if (inExclude(exclude, mention.m.offset, mention.m.offset + mention.m.length) || inExclude(exclude, startTok.start, startTok.end)) {
      i = Math.max(mention.next, i + 1);
      continue;
    }
    out.push(mention.m);
    i = Math.max(mention.next, i + 1);
  }
  return out;
}

/** Words that can start a number expression: one set lookup lets the scan skip every other word. */
const NUMBERISH = new Set<string>([
  ...SMALL.keys(), ...ES_HUNDREDS.keys(), ...SCALES.keys(), ...VAGUE.keys(), ...ORDINAL_WORDS.keys(),
  ...DOLLAR_PREFIX.keys(), "a", "an", "tens", "unos", "unas", "usd", "eur",
]);

function finish(sc: Scanner, core: Core, skip: Uint8Array): { m: NumberMention; next: number } | "skip" | null {
  const firstTok = sc.t(core.first) as Token;
  let digitsTok = core.first;
  while (sc.t(digitsTok) && (sc.t(digitsTok) as Token).kind !== "number" && !core.words) digitsTok++;
  if (!core.words) {
    if (isCodeLike(sc, digitsTok, core.next)) return "skip";
    if (isTime(sc, core.next)) return "skip";
  }
  let suffix = parseSuffix(sc, core);
  if (core.needsUnit && suffix.unit !== "duration") return null;
  if (core.ordinal) suffix = { next: core.next };

  let value = core.value;
  let max: number | undefined;
  let next = suffix.next;
  let unit: NumberUnit = suffix.unit ?? "count";
  let currency = core.currency ?? suffix.currency;
  if (currency) unit = "money";

  // Ranges: "72–75 km", "72 to 75", "between 250 and 260", "entre 250 y 260", "$4-5 million".
  let rangeJoinStart = -1;
  if (!core.vague && !core.ordinal && !suffix.unit) {
    const j = core.next;
    const jt = sc.t(j);
    const q = sc.t(core.first - 1);
    const between = q && (q.text === "between" || q.text === "entre");
    if (jt && !jt.brk && (jt.text === "-" || jt.text === "to" || (between && (jt.text === "and" || jt.text === "y")))) {
      const bt = sc.t(j + 1);
      if (bt && !bt.brk && !skip[j + 1]) {
        const b = parseCore(sc, j + 1);
        if (b && !b.vague && !b.ordinal && b.words === core.words && (!b.currency || !!core.currency)) {
          const bSuffix = parseSuffix(sc, b);
          let aValue = core.value;
          if (b.scaled && !core.scaled && b.value / aValue >= 1000) {
            const scale = b.value >= 1e9 ? 1e9 : b.value >= 1e6 ? 1e6 : 1e3;
            if (b.value / scale > aValue) aValue *= scale;
          }
          const chainAfter = sc.t(b.next);
          const chained = !!chainAfter && chainAfter.text === "-" && sc.glued(b.next - 1);
          if (b.value > aValue && !chained) {
            value = aValue;
            max = b.value;
            next = bSuffix.next;
            rangeJoinStart = j;
            if (bSuffix.unit) unit = bSuffix.unit;
            if (bSuffix.currency) currency = bSuffix.currency;
            if (currency) unit = "money";
            suffix = { ...bSuffix, next: bSuffix.next };
          }
        }
      }
    }
  }
  const yearDigits = core.plainDigits && (sc.t(digitsTok) as Token).text.length === 4 && value >= 1500 && value <= 2100;
  // A day next to a month name is part of a date; a year next to one ("March 2025") stays a year.
  if (rangeJoinStart < 0 && suffix.unit === undefined && !yearDigits && touchesMonth(sc, core.first, core.next)) return "skip";
  if (rangeJoinStart >= 0 && touchesMonth(sc, core.first, next)) return "skip";

  if (core.ordinal) unit = "ordinal";
  const lastTok = sc.t(next - 1) as Token;
  const offset = firstTok.start;
  const length = lastTok.end - offset;

  // A plain 4-digit number 1500–2100 is a year unless a plural noun follows ("2000 people").
  if (unit === "count" && core.plainDigits && max === undefined) {
    if (yearDigits && !pluralNounAt(sc, next)) unit = "year";
  }

  const m: NumberMention = { offset, length, value, unit, qualifier: "exact" };
  if (max !== undefined) m.max = max;
  if (currency) m.currency = currency;
  if (suffix.durationUnit) m.durationUnit = suffix.durationUnit;
  if (suffix.distanceUnit) m.distanceUnit = suffix.distanceUnit;
  if (suffix.age || AGE_BEFORE.has(sc.text(core.first - 1))) m.age = true;
  if (core.words) m.words = true;
  if (core.vague) {
    m.qualifier = "vague";
    m.vagueRange = core.vague;
    m.max = core.vague[1];
  } else if (unit !== "ordinal" && unit !== "year") {
    const q = lookupQualifier(sc, core.first);
    if (q) {
      m.qualifier = q.q;
      m.qualifierOffset = q.start;
      m.qualifierLength = q.end - q.start;
    }
  }
  // The noun the amount counts: "252 men", "hundreds of Venezuelans".
  let ni = next;
  if (core.vague && (sc.text(ni) === "of" || sc.text(ni) === "de")) ni++;
  // Skip a dotted abbreviation before the noun: "10 U.S. nationals".
  while (sc.t(ni)?.kind === "word" && (sc.t(ni) as Token).text.length <= 2 && sc.text(ni + 1) === "." && sc.glued(ni)) ni += 2;
  const nt = sc.t(ni);
  if (nt && !nt.brk && nt.kind === "word") m.noun = nt.text;
  return { m, next };
}

function pluralNounAt(sc: Scanner, i: number): boolean {
  const t = sc.t(i);
  if (!t || t.brk || t.kind !== "word") return false;
  const w = t.text;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (w.length <= 3 || !w.endsWith("s") || NOT_PLURAL_NOUNS.has(w)) return false;
  return !isUpperAt(sc.original, t.start);
}
