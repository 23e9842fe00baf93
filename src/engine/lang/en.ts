// English closed-class words the attachment layer needs (clauses, predicates, frames). Story
// vocabulary never lives here: events and participants come from the packs.
import type { LanguageTable } from "./table";

export const en: LanguageTable = {
  // A clause starts at these words (with or without a comma before them).
  clauseOpeners: ["after", "before", "when", "whenever", "while", "which", "who", "whom", "whose", "where", "because", "although", "though", "that", "once", "until", "unless"],
  // A comma followed by one of these starts a new clause ("…, and the men were flown…").
  coordinators: ["and", "but", "or", "yet", "so"],
  // Predicates every story has: statements, rulings, offers, meetings, oaths, laws, plans.
  predicates: [
    "updated", "said", "says", "say", "told", "tells", "announced", "announces", "confirmed", "confirms", "stated", "added", "wrote", "writes", "reported", "reports", "posted", "tweeted", "claimed", "denied", "argued", "testified", "acknowledged", "admitted", "insisted", "noted", "explained", "warned", "described", "called",
    "ruled", "rules", "ordered", "orders", "found", "decided", "certified", "granted", "blocked", "barred", "halted", "upheld", "overturned", "vacated", "dismissed", "filed", "sued", "appealed", "heard", "issued",
    "offered", "offers", "proposed", "proposes", "agreed", "signed", "negotiated", "demanded", "requested", "asked", "urged", "promised", "threatened", "planned", "plans",
    // Irregular past forms, which the "-ed" guess misses.
    "caught", "held", "kept", "sent", "taken", "brought", "flown", "flew", "left", "known", "seen", "given", "made", "paid", "won", "put", "got", "gone", "went", "came", "ran", "fled", "led", "struck", "shot", "thrown", "bought", "sold", "spent", "stood", "sat", "lay", "heard", "felt",
    "met", "meets", "visited", "visits", "spoke", "speaks", "interviewed", "sworn", "elected", "appointed", "named", "nominated", "captured", "arrested", "invoked", "invokes", "passed", "enacted", "published", "opened", "inaugurated", "built", "moved", "began", "begun", "started", "ended", "died", "born", "took", "took office", "became", "launched", "won", "lost",
  ],
  // A value after these words is the start, end or deadline of a state, not the event's date.
  boundaryPrepositions: ["since", "until", "till", "by", "through", "before", "after"],
  // Words between a number and its noun that mean the number counts something else.
  phraseBreakers: ["of", "with", "to", "from", "in", "on", "at", "for", "and", "or", "than", "carrying", "holding", "including", "who", "that", "which", "aboard", "onboard", "inside", "there", "here"],
  // "17 more men", "another 14", "14 other detainees": a part added to a total.
  additiveAfter: ["more", "other", "others", "additional", "further", "extra"],
  additiveBefore: ["another", "other", "additional", "further"],
  // "seven of the 252", "one of the men": a subset.
  partitiveOf: ["of", "out"],
  partitiveDeterminers: ["the", "those", "these", "them", "all", "its", "their"],
  // The clause is a plan, a possibility or a question, not a fact that happened.
  modals: ["will", "would", "could", "might", "may", "can", "should", "shall", "must", "if", "whether"],
  negations: ["not", "never", "no", "n't", "neither", "nor"],
  // A sentence that reports a correction: its values are what was wrong, or the fix.
  correctionMarkers: ["an earlier version", "a previous version", "earlier version of this", "incorrectly said", "incorrectly stated", "incorrectly reported", "mistakenly said", "erroneously", "correction:", "this story has been corrected", "this article has been corrected", "has been updated to correct"],
  // "two weeks later", "three days ago": a time offset, not a duration.
  offsetAfter: ["later", "ago", "earlier", "afterwards", "afterward", "before"],
  // English past tense: a lower-case word ending so is taken as a predicate (-ed), unless listed.
  verbSuffixes: ["ed"],
  notVerbs: ["alleged", "so-called", "red", "need", "bed", "united", "armed", "based", "feed", "speed", "seed", "hundred", "shed", "led", "wed", "bred", "fled", "sacred", "naked", "wicked", "beloved", "aged", "related", "detailed", "limited", "renewed", "expected", "unexpected", "unprecedented", "unidentified", "undocumented", "crowded", "accused", "wanted", "suspected", "presumed", "purported", "reported", "supposed", "named", "scheduled", "planned", "proposed", "shackled", "handcuffed", "blindfolded", "shaved", "shaven", "tattooed", "unnamed", "estimated"],
  // Relative-clause pronouns that refer back to people or things ("who", "which").
  ageWords: ["aged", "age"],
  motionPrepositions: ["to", "into", "toward", "towards"],
  destinationPrepositions: ["to", "into", "at", "in", "toward", "towards"],
  originPrepositions: ["from", "out of"],
  weakOriginPrepositions: [],
  whenWords: ["when"],
  articles: ["a", "an", "the", "its"],
  locatives: ["in", "at", "inside", "within", "near", "into"],
  placeLinkers: ["is", "was", "are", "were", "which", "that", "has", "been", "located", "situated", "based", "lies", "sits", "set", "stands", "remains"],
  namingWords: ["known", "called", "named", "dubbed", "or", "aka"],
  namingJoiners: ["as", "also", "so"],
  nameConnectors: ["of", "for", "the", "and", "on", "to", "a", "an"],
  expansionLeadIns: ["the", "short", "for", "which", "stands", "stand", "meaning", "or", "an", "acronym", "is", "that"],
  offices: ["president", "vice", "vice-president", "secretary", "minister", "senator", "sen", "judge", "magistrate", "mayor", "governor", "gov", "ambassador", "chancellor", "premier", "prime", "attorney", "deputy", "representative", "rep", "congressman", "congresswoman", "speaker", "king", "queen", "adviser", "advisor", "envoy", "commissioner", "director", "spokesman", "spokeswoman", "spokesperson", "nominee", "czar"],
  officeQualifiers: ["chief", "executive", "acting", "interim", "elect", "designate", "federal", "district", "circuit", "appeals", "appellate", "supreme", "state", "interior", "defense", "defence", "foreign", "homeland", "security", "national", "assembly", "affairs", "general", "top", "senior", "presidential", "justice", "treasury", "finance", "commerce", "trade", "health", "education", "labor", "energy", "agriculture", "transportation", "veterans", "housing", "war", "navy", "army", "economy", "culture", "tourism", "immigration", "border"],
  formerTitles: ["former", "ex", "onetime", "one-time", "ousted", "deposed"],
  definiteArticles: ["the", "this", "that"],
  titleThen: ["then", "late"],
  titleNeutral: ["court", "of", "the", "for", "and", "-"],
  yearLinks: ["of"],
  genitives: [],
  subjectPronouns: ["it"],
  titleCopulas: ["is", "is now", "remains", "serves as", "is serving as"],
  titleBecame: ["was", "became", "was sworn in as", "was confirmed as", "was named", "was appointed", "was elected", "took office as", "was then"],
  placeKeys: ["location", "located", "where", "country", "site", "address", "place"],
  formerPrefixes: ["ex"],
  possessiveSuffixes: ["s"],
  acronymWords: ["by", "its", "acronym", "initials", "abbreviation", "spanish", "english"],
  relativePronouns: ["who", "whom", "whose", "that", "which"],
  singularPronouns: ["he", "she"],
  participleSuffixes: ["ing"],
  determinerOpeners: ["that"],
  lengthPrepositions: ["for"],
  thingPronouns: ["it", "its"],
  dateJoiners: ["and", "or", "to", "through", "and in", "and on", "or in"],
  comitatives: ["with", "alongside", "accompanied by"],
  timeNouns: ["spring", "summer", "fall", "autumn", "winter", "end", "beginning", "start", "middle", "half", "part", "rest", "course", "months", "weeks", "days"],
  auxiliaries: ["was", "were", "is", "are", "had", "has", "have", "will", "would"],
  departureVerbs: ["leave", "leaves", "left", "leaving", "depart", "departs", "departed", "departing", "exit", "exited", "quit"],
  partQuantifiers: ["most", "many", "some", "several", "half", "few"],
  indefiniteArticles: ["an", "another"], // not "a": in Spanish it is "to" ("enviados a CECOT")
};
