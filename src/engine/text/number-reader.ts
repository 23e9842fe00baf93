// Number reading primitives: the token scanner, digits with separators ("40,000", "4,76") and number words ("two hundred fifty").
import { DURATION_UNITS, ES_HUNDREDS, ORDINAL_WORDS, SCALES, SMALL } from "./number-words";
import { TokenCursor, type Token } from "./tokens";

export class Scanner extends TokenCursor {
  /** Token i+1 follows token i on the same line (any spacing). */
  sameLine(i: number): boolean {
    const b = this.toks[i + 1];
    return !!b && !b.brk;
  }
}

/** Digit groups in one amount at most ("1,000,000,000,000,000,000,000" has 8); more is no quantity. */
const MAX_DIGIT_GROUPS = 8;

/** Parse digits with separators at token i: "40,000", "40.000", "4.76", "4,76", "1 000", "1,234.56". */
export function parseDigits(sc: Scanner, i: number): { value: number; next: number; plain: boolean } | null {
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
      sep &&
      sep.kind === "number" &&
      !sep.brk &&
      sep.start === cur.end + 1 &&
      sep.text.length === 3 &&
      (seps.length === 0 ? (parts[0] as string).length <= 3 : seps.every((s) => s === " ")) &&
      sc.folded.charAt(cur.end) === " " &&
      !(sc.t(j + 2)?.text === "," || sc.t(j + 2)?.text === ".") &&
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
    DURATION_UNITS.has(next) ||
    next === "mil" ||
    next === "millones"
  );
}

/** Parse number words from token i. Returns null when token i does not start a number. */
export function parseWords(sc: Scanner, i: number): { value: number; next: number; ordinal: boolean } | null {
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
      if (rem >= 20 && rem % 10 === 0 && ((afterSmall !== undefined && afterSmall > 0 && afterSmall < 10) || ORDINAL_WORDS.has(after.text)))
        j++;
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
