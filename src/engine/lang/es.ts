// Spanish closed-class words the attachment layer needs (see en.ts). Accents are folded at load.
import type { LanguageTable } from "./table";

export const es: LanguageTable = {
  clauseOpeners: ["que", "quien", "quienes", "cual", "cuales", "cuyo", "cuya", "cuyos", "cuyas", "donde", "adonde", "cuando", "mientras", "porque", "aunque", "tras", "luego de", "después de que", "antes de que", "hasta que", "desde que"],
  coordinators: ["y", "e", "pero", "o", "u", "sino"],
  predicates: [
    "actualizado", "dijo", "dice", "afirmó", "afirma", "aseguró", "asegura", "anunció", "anuncia", "confirmó", "confirma", "declaró", "señaló", "indicó", "informó", "explicó", "escribió", "publicó", "agregó", "añadió", "sostuvo", "denunció", "negó", "reconoció", "advirtió", "precisó", "detalló", "manifestó", "expresó", "contó", "relató",
    "dictaminó", "falló", "ordenó", "resolvió", "decidió", "determinó", "certificó", "concedió", "bloqueó", "suspendió", "demandó", "apeló", "presentó",
    "ofreció", "ofrecido", "propuso", "acordó", "firmó", "negoció", "exigió", "pidió", "solicitó", "prometió", "amenazó", "planeó",
    "reunió", "visitó", "habló", "juramentó", "juró", "eligió", "nombró", "designó", "capturó", "capturaron", "arrestó", "invocó", "aprobó", "promulgó", "inauguró", "abrió", "construyó", "trasladó", "comenzó", "empezó", "inició", "terminó", "murió", "nació", "asumió",
  ],
  boundaryPrepositions: ["desde", "hasta", "para", "antes de", "después de", "tras"],
  phraseBreakers: ["de", "del", "con", "a", "al", "desde", "en", "para", "por", "y", "o", "que", "quien", "quienes"],
  additiveAfter: ["mas", "más", "adicionales"],
  additiveBefore: ["otros", "otras", "otro", "otra"],
  partitiveOf: ["de"],
  partitiveDeterminers: ["los", "las", "estos", "estas", "esos", "esas", "ellos", "ellas", "todos", "todas", "sus"],
  modals: ["podrá", "podrán", "podría", "podrían", "puede", "pueden", "será", "serán", "sería", "serían", "deberá", "deberán", "debería", "si"],
  negations: ["no", "nunca", "jamás", "ni"],
  correctionMarkers: ["una versión anterior", "versión anterior de", "erróneamente", "por error", "fe de errores", "corrección:", "fue corregida", "ha sido corregida", "fue corregido", "ha sido corregido"],
  offsetAfter: ["después", "antes", "atrás", "más tarde"],
  // Spanish preterite and imperfect endings taken as predicates on lower-case words.
  verbSuffixes: ["ó", "aron", "ieron", "aban", "ían", "aba"],
  notVerbs: ["cabo", "lobo", "rabo", "pasó", "llegó"],
  ageWords: ["edad"],
  motionPrepositions: ["a", "al", "hacia", "rumbo"],
  destinationPrepositions: ["a", "al", "hacia", "en", "hasta"],
  originPrepositions: ["desde", "procedentes de", "procedente de", "provenientes de"],
  weakOriginPrepositions: ["de", "del"],
  whenWords: ["cuando"],
  participleSuffixes: ["ando", "iendo"],
  determinerOpeners: [],
  lengthPrepositions: ["durante", "por"],
  comitatives: ["con", "junto a", "acompañado de", "acompañados de"],
  timeNouns: ["primavera", "verano", "otono", "invierno", "fin", "finales", "principios", "inicios", "comienzos", "mediados", "mitad", "resto", "curso", "meses", "semanas", "dias"],
  auxiliaries: ["fue", "fueron", "es", "son", "habia", "habian", "ha", "han", "era", "eran", "estaba", "estaban"],
  departureVerbs: ["salieron", "salió", "sale", "salen", "partieron", "partió", "despegaron", "despegó", "abandonaron"],
  partQuantifiers: ["mayoria", "mayor parte", "muchos", "algunos", "varios", "mitad"],
  singularPronouns: ["ella"], // not "él": folded, it is the article "el"
  relativePronouns: ["que", "quien", "quienes", "cuyo", "cuya", "cuyos", "cuyas", "donde", "adonde"],
};
