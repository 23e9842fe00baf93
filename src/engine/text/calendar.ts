// Month and weekday names (English and Spanish, folded) and day-of-week arithmetic.

export interface MonthName {
  month: number; // 1-12
  lang: "en" | "es";
  /** An abbreviation ("jul", "sept"): recognised only capitalised or with its period. */
  abbr: boolean;
}

const MONTH_LIST: Array<[string, number, "en" | "es", boolean]> = [];
const EN_MONTHS = "january february march april may june july august september october november december".split(" ");
const ES_MONTHS = "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(" ");
EN_MONTHS.forEach((m, i) => MONTH_LIST.push([m, i + 1, "en", false]));
ES_MONTHS.forEach((m, i) => MONTH_LIST.push([m, i + 1, "es", false]));
MONTH_LIST.push(["setiembre", 9, "es", false]);
for (const [abbr, m] of [
  ["jan", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["sep", 9],
  ["sept", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
  ["ene", 1],
  ["abr", 4],
  ["ago", 8],
  ["dic", 12],
  ["set", 9],
] as Array<[string, number]>) {
  MONTH_LIST.push([abbr, m, abbr === "ene" || abbr === "abr" || abbr === "ago" || abbr === "dic" || abbr === "set" ? "es" : "en", true]);
}

/** Folded month name → month. */
export const MONTHS: ReadonlyMap<string, MonthName> = new Map(MONTH_LIST.map(([name, month, lang, abbr]) => [name, { month, lang, abbr }]));

/** Folded weekday name → day of week (0 = Sunday … 6 = Saturday, as Date.getUTCDay). */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ["sunday", 0],
  ["monday", 1],
  ["tuesday", 2],
  ["wednesday", 3],
  ["thursday", 4],
  ["friday", 5],
  ["saturday", 6],
  ["domingo", 0],
  ["lunes", 1],
  ["martes", 2],
  ["miercoles", 3],
  ["jueves", 4],
  ["viernes", 5],
  ["sabado", 6],
]);

/** Day of week of a Gregorian date, 0 = Sunday … 6 = Saturday (month 1-12). */
export function dayOfWeek(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Number of days in a month (month 1-12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Add days to a date, returning the new calendar date. */
export function addDays(year: number, month: number, day: number, delta: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, month - 1, day + delta));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
