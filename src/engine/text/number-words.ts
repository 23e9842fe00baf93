// Number-word lexicon (folded English and Spanish): number words, scales, ordinals, units, currencies, vague amounts, qualifiers.
import type { Currency, DistanceUnit, DurationUnit, Qualifier } from "./numbers";

export const SMALL = new Map<string, number>();
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
export const ES_HUNDREDS = new Map<string, number>([
  ["cien", 100],
  ["ciento", 100],
]);
for (const [stem, v] of [
  ["doscient", 200],
  ["trescient", 300],
  ["cuatrocient", 400],
  ["quinient", 500],
  ["seiscient", 600],
  ["setecient", 700],
  ["ochocient", 800],
  ["novecient", 900],
] as Array<[string, number]>) {
  ES_HUNDREDS.set(stem + "os", v).set(stem + "as", v);
}

/** Multipliers: "hundred" multiplies the current group; the others close a group. */
export const SCALES = new Map<string, number>([
  ["hundred", 100],
  ["thousand", 1e3],
  ["million", 1e6],
  ["billion", 1e9],
  ["trillion", 1e12],
  ["mil", 1e3],
  ["millon", 1e6],
  ["millones", 1e6],
  ["billon", 1e12],
  ["billones", 1e12],
  ["millardo", 1e9],
  ["millardos", 1e9],
  ["dozen", 12],
]);

/** Scales allowed right after digits ("$6 million", "40 mil", "US$6m", "20k", "1.2bn"): every word
 * scale but "hundred" ("3 hundred" is not how figures are written), plus the abbreviations. */
export const DIGIT_SCALES = new Map<string, number>([
  ...[...SCALES].filter(([word]) => word !== "hundred"),
  ["bn", 1e9],
  ["mn", 1e6],
  ["mln", 1e6],
  ["mdd", 1e6],
]);
/** Spaced letter scales, trusted only right after a money amount ("$4.76 M", "US$ 6 MM" in tables). */
export const SPACED_MONEY_SCALES = new Map<string, number>([
  ["m", 1e6],
  ["mm", 1e6],
  ["b", 1e9],
]);
/** Glued single-letter scales, trusted only for money ("$6m" yes, "6m" alone could be metres). */
export const GLUED_MONEY_SCALES = new Map<string, number>([
  ["m", 1e6],
  ["b", 1e9],
  ["k", 1e3],
  ["bn", 1e9],
  ["mn", 1e6],
]);

export const ORDINAL_WORDS = new Map<string, number>();
"first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
  .split(" ")
  .forEach((w, i) => ORDINAL_WORDS.set(w, i + 1));
ORDINAL_WORDS.set("thirtieth", 30);
for (const [stems, v] of [
  [["primer", "primero", "primera", "primeros", "primeras"], 1],
  [["segundo", "segunda"], 2],
  [["tercer", "tercero", "tercera"], 3],
  [["cuarta"], 4],
  [["quinto", "quinta"], 5],
  [["sexto", "sexta"], 6],
  [["septimo", "septima"], 7],
  [["octavo", "octava"], 8],
  [["noveno", "novena"], 9],
  [["decimo", "decima"], 10],
] as Array<[string[], number]>) {
  for (const s of stems) ORDINAL_WORDS.set(s, v);
}

export const DURATION_UNITS = new Map<string, DurationUnit>();
for (const [words, unit] of [
  ["day days dia dias jornada jornadas", "day"],
  ["week weeks semana semanas", "week"],
  ["month months mes meses", "month"],
  ["year years ano anos", "year"],
  ["hour hours hora horas", "hour"],
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
export const SINGULAR_UNITS = new Set(["day", "week", "month", "year", "hour", "dia", "semana", "mes", "ano", "hora"]);

export const DISTANCE_UNITS = new Map<string, DistanceUnit>();
"km kms kilometer kilometers kilometre kilometres kilometro kilometros".split(" ").forEach((w) => DISTANCE_UNITS.set(w, "km"));
"mile miles milla millas".split(" ").forEach((w) => DISTANCE_UNITS.set(w, "mile"));

export const CURRENCY_WORDS = new Map<string, Currency>([
  ["dollars", "USD"],
  ["dollar", "USD"],
  ["dolares", "USD"],
  ["dolar", "USD"],
  ["usd", "USD"],
  ["euros", "EUR"],
  ["euro", "EUR"],
  ["eur", "EUR"],
  ["bolivares", "VES"],
  ["gbp", "GBP"],
  ["mxn", "MXN"],
]);
/** "X$" prefixes, "$" alone meaning US dollars (as in the seed articles). */
export const DOLLAR_PREFIX = new Map<string, Currency>([
  ["us", "USD"],
  ["u.s.", "USD"],
  ["mx", "MXN"],
  ["r", "BRL"],
  ["a", "AUD"],
  ["au", "AUD"],
  ["c", "CAD"],
  ["ca", "CAD"],
  ["nz", "NZD"],
]);
export const SYMBOLS = new Map<string, Currency>([
  ["$", "USD"],
  ["\u20AC", "EUR"],
  ["\u00A3", "GBP"],
  ["\u00A5", "JPY"],
]);

interface VagueWord {
  range: [number, number];
}
export const VAGUE = new Map<string, VagueWord>([
  ["hundreds", { range: [200, 999] }],
  ["thousands", { range: [2000, 9999] }],
  ["millions", { range: [2e6, 999e6] }],
  ["dozens", { range: [24, 99] }],
  ["several", { range: [3, 9] }],
  ["cientos", { range: [200, 999] }],
  ["centenares", { range: [200, 999] }],
  ["decenas", { range: [20, 99] }],
  ["docenas", { range: [24, 99] }],
  ["miles", { range: [2000, 9999] }],
  ["millones", { range: [2e6, 999e6] }],
  ["varios", { range: [3, 9] }],
  ["varias", { range: [3, 9] }],
]);
/** Two-word vague amounts that start with an article. */
export const VAGUE_PAIRS = new Map<string, VagueWord>([
  ["a few", { range: [2, 5] }],
  ["a couple", { range: [2, 3] }],
  ["a handful", { range: [2, 6] }],
  ["unos pocos", { range: [2, 5] }],
  ["unas pocas", { range: [2, 5] }],
  ["unos cuantos", { range: [2, 5] }],
  ["unas cuantas", { range: [2, 5] }],
  ["tens of", { range: [20, 99] }],
]);

export const QUALIFIERS: Array<[string[], Qualifier]> = (
  [
    ["no more than", "at_most"],
    ["not more than", "at_most"],
    ["up to", "at_most"],
    ["at most", "at_most"],
    ["as many as", "at_most"],
    ["a maximum of", "at_most"],
    ["maximum of", "at_most"],
    ["hasta", "at_most"],
    ["como maximo", "at_most"],
    ["a lo sumo", "at_most"],
    ["no mas de", "at_most"],
    ["at least", "at_least"],
    ["no fewer than", "at_least"],
    ["no less than", "at_least"],
    ["not less than", "at_least"],
    ["a minimum of", "at_least"],
    ["al menos", "at_least"],
    ["por lo menos", "at_least"],
    ["como minimo", "at_least"],
    ["no menos de", "at_least"],
    ["more than", "more_than"],
    ["over", "more_than"],
    ["above", "more_than"],
    ["exceeding", "more_than"],
    ["upwards of", "more_than"],
    ["in excess of", "more_than"],
    ["mas de", "more_than"],
    ["well over", "more_than"],
    ["just over", "more_than"],
    ["superior a", "more_than"],
    ["fewer than", "less_than"],
    ["less than", "less_than"],
    ["under", "less_than"],
    ["below", "less_than"],
    ["just under", "less_than"],
    ["menos de", "less_than"],
    ["about", "approx"],
    ["around", "approx"],
    ["nearly", "approx"],
    ["almost", "approx"],
    ["some", "approx"],
    ["roughly", "approx"],
    ["approximately", "approx"],
    ["approx", "approx"],
    ["an estimated", "approx"],
    ["estimated", "approx"],
    ["close to", "approx"],
    ["circa", "approx"],
    ["~", "approx"],
    ["cerca de", "approx"],
    ["casi", "approx"],
    ["unos", "approx"],
    ["unas", "approx"],
    ["alrededor de", "approx"],
    ["aproximadamente", "approx"],
    ["aprox", "approx"],
    ["en torno a", "approx"],
    ["unos", "approx"],
    ["exactly", "exact"],
    ["only", "exact"],
    ["just", "exact"],
    ["solo", "exact"],
    ["solamente", "exact"],
    ["exactamente", "exact"],
  ] as Array<[string, Qualifier]>
)
  .map(([p, q]) => [p.split(" "), q] as [string[], Qualifier])
  .sort((a, b) => b[0].length - a[0].length);

/** Lowercase words ending in -s that still let a 4-digit number be a year ("in 2025 was", "desde 2025 los"). */
export const NOT_PLURAL_NOUNS = new Set(
  (
    "was has is its this thus plus versus less across unless always perhaps whereas besides towards afterwards " +
    "as us his hers yours ours theirs los las unos unas sus les nos mas menos tras despues antes pues entonces " +
    "mientras ademas ambos ambas todos todas estos estas esos esas ellos ellas hemos fuimos somos estamos eramos " +
    "durante hasta segun "
  )
    .trim()
    .split(" "),
);

/** Plural count nouns without a final -s ("2000 people"). */
export const IRREGULAR_PLURALS = new Set(["people", "men", "women", "children", "police", "personnel", "staff", "gente"]);

export const AGE_BEFORE = new Set(["aged", "age", "ages", "edad", "edades"]);
export const OPEN_TIME_WORDS = new Set(["am", "pm", "hrs", "hs", "h"]);
