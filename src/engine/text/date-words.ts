// Date word tables (folded English and Spanish): context words, list joiners, approximations, Spanish weekdays, ordinal suffixes, start words.
import { MONTHS, WEEKDAYS } from "./calendar";
import type { Approximate } from "./dates";

/** Words before a bare month or year that make it a date ("in March", "since 2023", "de marzo"). */
export const CONTEXT = new Set(
  (
    "in since until till by during from through throughout before after between of early mid late around " +
    "en desde hasta de del durante entre para antes despues tras a"
  ).split(" "),
);
/** Joiners that make a bare month a date when a month mention precedes ("in March and April"). */
export const LIST_JOINERS = new Set(["and", "or", "to", "y", "o", "-", ","]);

export const APPROX_WORDS = new Map<string, Approximate>([
  ["early", "early"],
  ["mid", "mid"],
  ["late", "late"],
  ["principios", "early"],
  ["comienzos", "early"],
  ["inicios", "early"],
  ["mediados", "mid"],
  ["finales", "late"],
  ["fines", "late"],
  // Nouns: "the end of March", "a fin de marzo", "at the beginning of 2025" (their "of"/"de" is required).
  ["end", "late"],
  ["beginning", "early"],
  ["start", "early"],
  ["middle", "mid"],
  ["fin", "late"],
  ["final", "late"],
  ["inicio", "early"],
  ["comienzo", "early"],
  ["principio", "early"],
]);
/** The approximations above that are nouns and take "of"/"de" before the month or year. */
export const APPROX_NOUNS = new Set(["end", "beginning", "start", "middle", "fin", "final", "inicio", "comienzo", "principio"]);

/** Before a bare weekday: it points back to a day the text has named ("that Friday", "ese viernes") or to none ("on a Saturday night"), not to the publication's week. */
export const ANAPHORIC_BEFORE = new Set(["that", "same", "ese", "aquel", "mismo", "a", "un"]);
/** After a bare weekday: a relative clause says which day it was ("the Friday when …", "el viernes en que …"). */
export const RELATIVE_AFTER = new Set(["when", "cuando", "en que", "in which", "on which"]);
/** Plural articles: a Spanish date takes the singular ("el 23 de marzo"); "los 23 de marzo" counts people from March. */
export const PLURAL_ARTICLES = new Set(["los", "las"]);
/** Nouns that a date names ("Avenida 5 de Julio", "Liceo 23 de Enero", "Calle 18 de Julio"): a place's name, not a date. */
export const NAME_HEADS = new Set([
  "avenida",
  "av",
  "calle",
  "plaza",
  "paseo",
  "urbanizacion",
  "barrio",
  "colonia",
  "escuela",
  "liceo",
  "colegio",
  "parque",
  "estadio",
  "puente",
  "parroquia",
  "sector",
  "avenue",
  "street",
]);
export const SPANISH_WEEKDAYS = new Set(["lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo"]);

export const ORDINAL_SUFFIX = new Set(["st", "nd", "rd", "th", "o", "ro", "er"]);

/** Words that can begin a date expression: the scan skips every other word cheaply. */
export const STARTS = new Set<string>([
  ...MONTHS.keys(),
  ...WEEKDAYS.keys(),
  ...APPROX_WORDS.keys(),
  "last",
  "next",
  "this",
  "past",
  "pasado",
  "proximo",
  "ano",
  "mes",
  "este",
  "esta",
  "the",
  "yesterday",
  "today",
  "ayer",
  "hoy",
  "anteayer",
]);
