// Number mentions (digits and English/Spanish words) with unit, qualifier and offsets.
//
// One left-to-right pass over the tokens of the folded text. Dates, times, phone numbers, URLs,
// handles and digits glued to letters are skipped, so "July 18" or "3 p.m." never become counts.
import { excludeIndex, inExclude, isCodeLike, isTime, lookupQualifier, markSkipped, pluralNounAt, touchesMonth } from "./number-context";
import { parseCore, parseSuffix, type Core } from "./number-core";
import { Scanner } from "./number-reader";
import { AGE_BEFORE, DOLLAR_PREFIX, ES_HUNDREDS, ORDINAL_WORDS, SCALES, SMALL, VAGUE } from "./number-words";
import { foldText } from "./fold";
import type { Span } from "./segment";
import type { Token } from "./tokens";
import { mayBe, wordFilter } from "./word-filter";

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
    if (tok.kind === "word" && !(mayBe(MAY_START, sc.folded, tok) && NUMBERISH.has(tok.text))) {
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
  ...SMALL.keys(),
  ...ES_HUNDREDS.keys(),
  ...SCALES.keys(),
  ...VAGUE.keys(),
  ...ORDINAL_WORDS.keys(),
  ...DOLLAR_PREFIX.keys(),
  "a",
  "an",
  "tens",
  "unos",
  "unas",
  "usd",
  "eur",
]);
const MAY_START = wordFilter(NUMBERISH);

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
