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
  /** Prepositions that introduce where someone went ("to Caracas", "a El Salvador"). */
  destinationPrepositions: string[];
  /** Subordinators that say what happened at a time just named ("on 22 December, when …"). */
  whenWords: string[];
}
