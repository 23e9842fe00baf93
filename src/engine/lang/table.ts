// The shape of a language table: closed-class words the engine's attachment layer reads.
// Tables hold words as written; the index folds them (case, accents) once at load.
export interface LanguageTable {
  clauseOpeners: string[];
  coordinators: string[];
  predicates: string[];
  boundaryPrepositions: string[];
  phraseBreakers: string[];
  additiveAfter: string[];
  additiveBefore: string[];
  partitiveOf: string[];
  partitiveDeterminers: string[];
  modals: string[];
  negations: string[];
  correctionMarkers: string[];
  offsetAfter: string[];
  verbSuffixes: string[];
  notVerbs: string[];
  ageWords: string[];
  /** Prepositions that make the next place an origin, not a destination ("from El Salvador"). */
  originPrepositions: string[];
  /** Prepositions that mark an origin only right after a verb ("salieron de Texas"), else "of" ("el aeropuerto de Maiquetía"). */
  weakOriginPrepositions: string[];
  /** Prepositions that introduce where someone went ("to Caracas", "a El Salvador"). */
  destinationPrepositions: string[];
  /** Prepositions of motion towards a place: "to Caracas", "a Venezuela" (a destination for sure). */
  motionPrepositions: string[];
  /** Subordinators that say what happened at a time just named ("on 22 December, when …"). */
  whenWords: string[];
  /** Pronouns that open a relative clause about the noun before them ("252 men who …"). */
  relativePronouns: string[];
  /** Subject pronouns for one person: an event of a group's is not what "he" did. */
  singularPronouns: string[];
  /** Endings of present participles ("promising", "dejando"): after a comma they open a clause. */
  participleSuffixes: string[];
  /** Verbs of departure: the place right after them is an origin ("left Harlingen"). */
  departureVerbs: string[];
  /** Auxiliary verbs: after a comma they resume the main predicate after an aside ("the man deported in March, was returned …"). */
  auxiliaries: string[];
  /** Nouns of time: "the spring of 2025" is a time, not a thing dated 2025 ("a law from 1798"). */
  timeNouns: string[];
  /** Comitatives: "returned with six Americans" — what follows accompanies the event, it is not its object. */
  comitatives: string[];
  /** Prepositions that make a duration a length ("for four months"), even when "before"/"after" follows. */
  lengthPrepositions: string[];
  /** Clause openers that are determiners after a preposition ("in that exchange"). */
  determinerOpeners: string[];
  /** Quantifiers of a part ("most of them", "la mayoría de"): what follows them is said of a subset. */
  partQuantifiers: string[];
}
