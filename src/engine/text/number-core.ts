// The number expression and its unit: currency prefix, digits or words, scale, vague amount ("$6 million", "hundreds of"), then "%", money words, distance or duration.
import type { Currency, DistanceUnit, DurationUnit, NumberUnit } from "./numbers";
import {
  CURRENCY_WORDS,
  DIGIT_SCALES,
  DISTANCE_UNITS,
  DOLLAR_PREFIX,
  DURATION_UNITS,
  GLUED_MONEY_SCALES,
  SPACED_MONEY_SCALES,
  ORDINAL_WORDS,
  SCALES,
  SINGULAR_UNITS,
  SYMBOLS,
  VAGUE,
  VAGUE_PAIRS,
} from "./number-words";
import { parseDigits, parseWords, type Scanner } from "./number-reader";
import type { Token } from "./tokens";

export interface Core {
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

/** Parse the number core (currency prefix, digits or words, scale) at token i. */
export function parseCore(sc: Scanner, i: number): Core | null {
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
        const s = DIGIT_SCALES.get(w.text) ?? (currency && !scaled ? SPACED_MONEY_SCALES.get(w.text) : undefined);
        if (s === undefined) break;
        if (w.text === "mil" && !sc.sameLine(next - 1)) break;
        value *= s;
        scaled = true;
        next++;
      }
    }
    return {
      first,
      next,
      value,
      words: false,
      plainDigits: d.plain && !scaled && !currency,
      scaled,
      currency,
      ordinal,
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
      if (
        SINGULAR_UNITS.has(nxt.text) &&
        !(
          (w === "a" || w === "an") &&
          nxt.text !== "year" &&
          nxt.text !== "day" &&
          nxt.text !== "week" &&
          nxt.text !== "month" &&
          nxt.text !== "hour"
        )
      ) {
        return { first, next: k + 1, value: 1, words: true, plainDigits: false, scaled: false, needsUnit: true };
      }
      if (
        (w === "a" || w === "an") &&
        (nxt.text === "hundred" || nxt.text === "thousand" || nxt.text === "million" || nxt.text === "billion" || nxt.text === "dozen")
      ) {
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

export interface Suffix {
  next: number;
  unit?: NumberUnit;
  currency?: Currency;
  durationUnit?: DurationUnit;
  distanceUnit?: DistanceUnit;
  age?: boolean;
}

/** Units after the core: "%", "percent", "por ciento", "km", "miles", "days", "-month", "de dólares", "-year-old". */
export function parseSuffix(sc: Scanner, core: Core): Suffix {
  const n = core.next;
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
