// The shape of a language table: closed-class words the engine's attachment layer reads.
// Tables hold words as written; the index folds them (case, accents) once at load.
export interface LanguageTable {
  clauseOpeners: string[];
  coordinators: string[];
  predicates: string[];
  boundaryPrepositions: string[];
  /** A time of day between a boundary and its date ("by midnight Monday", "hasta la medianoche del lunes"). */
  timesOfDay: string[];
  phraseBreakers: string[];
  additiveAfter: string[];
  /** Additive words after the counted noun ("siete venezolanos más"). */
  additiveAfterNoun: string[];
  additiveBefore: string[];
  partitiveOf: string[];
  partitiveDeterminers: string[];
  /** Prepositions that take a part out of a group after the counted noun ("three men from the group", "tres hombres de entre los 252"). */
  partitiveFrom: string[];
  /** Nouns for a group as a whole ("from the group", "del grupo"): the count before them is a part. */
  groupNouns: string[];
  modals: string[];
  /** Orders and demands: the event after them in their clause is asked for, not done ("ordered the government to facilitate his return", "ordenó su liberación"). */
  directives: string[];
  /** Between an order and what it asks for: an infinitive's "to", a "that"/"que". */
  directiveLinks: string[];
  /** Words that open a condition ("if a future administration …, the costs would …"). */
  conditions: string[];
  /** Verbs of intent: the event right after them is promised, planned or asked for, not done ("promised mass deportations", "prometió liberar"). */
  intentVerbs: string[];
  negations: string[];
  /** After a negation, words that keep the value stated: "not until July 18", "no fue sino hasta julio", "no fewer than 250". */
  negationLifts: string[];
  /** Words that may stand between a negation and the value it denies ("no evidence of any $60 million", "no secret $60 million"). */
  denialFillers: string[];
  /** Unnamed sources of a claim ("some people", "viral posts", "rumores"): what they say the text does not assert. */
  hearsaySources: string[];
  /** Verbs of saying that follow a hearsay source ("have been saying", "claim", "aseguran"). */
  hearsayVerbs: string[];
  /** Documents and pieces of a publication ("photo caption", "graphic", "post", "pie de foto"): what one says is reported, not asserted; a date right after one dates it ("a graphic on Page A6 on Sunday, July 20"). */
  documentNouns: string[];
  /** Between a document's noun and its date: where in the publication and when ("a graphic on Page A6 on Sunday", "la edición del domingo"). */
  documentDateLinks: string[];
  /** Verbs of saying with a document as subject ("a photo caption … said", "el mensaje asegura"), besides `hearsayVerbs`. */
  documentVerbs: string[];
  /** Nouns that take a content clause ("the claim that …", "la afirmación de que …"). */
  claimNouns: string[];
  /** What joins a claim noun to its content ("that", "de que"). */
  claimLinks: string[];
  /** Words that call a claim false ("the claim that … is false", "… es falsa"), after a copula. */
  falsityWords: string[];
  /** Words of contrast before a claim noun ("contrary to claims that …,", "contrario a la versión de que …"): its content, up to a comma, is not asserted. */
  contraryLeads: string[];
  /** Phrases that deny the clause after them ("it is false that", "es falso que", "no es cierto que"). */
  falsityLeads: string[];
  /** A label that opens a line the text does not assert: a fact-check's claim ("Claim: …"), a credit or source line ("Sources: …", "Fuentes: …"). */
  notAssertedLabels: string[];
  /** Nouns of discourse about a topic ("a panel on the deportation", "un foro sobre la deportación"): a date there dates the panel, not the event. */
  topicNouns: string[];
  /** Prepositions that join a topic noun to its topic ("on", "about", "sobre"). */
  topicPrepositions: string[];
  correctionMarkers: string[];
  /** A line that heads a corrections column: every sentence after it is a correction notice. */
  correctionHeadings: string[];
  /** A label before the story's own date on a line of its own or between bars ("Updated July 21, 2025", "Publicado: 3 de agosto"). */
  dateLineLabels: string[];
  offsetAfter: string[];
  /** Words that make a length before it a time ago ("hace un año"): when, not how long. */
  offsetBefore: string[];
  verbSuffixes: string[];
  /** Endings only a finite verb has (not a participle): in a relative clause that already has its verb, one starts the main predicate ("que … había enviado en marzo | regresaron …"). */
  finiteSuffixes: string[];
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
  /** The publication's own day as a word ("today", "hoy"). */
  presentDays: string[];
  /** Adverbs of time that, between a coordinator and a verb or its subject, open a conjunct with its own time ("y hoy viven en otro", "and now live in Bogotá"). */
  conjunctTimeAdverbs: string[];
  /** Words right before an event noun that make it another occurrence ("an earlier release", "otro canje"). */
  otherOccurrenceBefore: string[];
  /** The same, right after it ("una liberación anterior"). */
  otherOccurrenceAfter: string[];
  /** Marks of a repeated event ("again", "a second time", "de nuevo", "por segunda vez"): after its predicate in its clause, or right before it ("were again deported"), another occurrence. */
  repetitionMarks: string[];
  /** After a predicate: another sense of it ("returned to office", "volvió al poder"), not people's event. */
  otherSenseAfter: string[];
  /** Nouns for an issue or a proceeding ("the question", "the case", "el caso"): as the subject of a motion verb they go where no person does ("the question looks set to return to the Supreme Court"). */
  issueNouns: string[];
  /** Nouns for one batch of a repeated event ("group", "flight", "grupo", "vuelo"). */
  batchNouns: string[];
  /** Before a batch noun, a later batch: another occurrence ("a second group of", "un segundo grupo", "another flight"). */
  laterBatchBefore: string[];
  /** The same, after it ("un vuelo posterior"). */
  laterBatchAfter: string[];
  /** After a relative clause's predicate, a later batch ("the 14 who arrived later", "los que llegaron después"). */
  laterAfterPredicate: string[];
  // --- Attachment of descriptions to entities (place, name, role kinds) ---
  /** Articles and determiners ("the", "la", "its"). */
  articles: string[];
  /** Prepositions that locate something ("in Ecuador", "en Ecuador", "at Maiquetía"). */
  locatives: string[];
  /** Words that link an entity to where it is ("is", "located", "ubicado", "se encuentra"). */
  placeLinkers: string[];
  /** Words that introduce a name given to something ("known as", "llamado", "aka"). */
  namingWords: string[];
  /** Words that join a naming word to the name ("known as", "also called", "conocido como"). */
  namingJoiners: string[];
  /** Compass directions: a place after one and "of"/"de" is a reference point ("170 km west of Caracas", "al oeste de Caracas"), not where the thing is. */
  directions: string[];
  /** Small words inside a proper name ("Center for the Care of Migrants"). */
  nameConnectors: string[];
  /** Words between an acronym and its expansion ("CECOT, short for …", "which stands for"). */
  expansionLeadIns: string[];
  /** Office nouns: the head of a title; two titles with different heads are different offices. */
  offices: string[];
  /** Words that narrow an office without changing it ("Chief", "District", "Interior", "acting"). */
  officeQualifiers: string[];
  /** Words that make a title a past one ("former President", "ex presidente"). */
  formerTitles: string[];
  /** Definite articles: "the prison" may refer back to a prison named before. */
  definiteArticles: string[];
  /** A title after these describes the past on purpose ("then-President", "the late"). */
  titleThen: string[];
  /** After a title, the same: "president at the time", "presidente en ese momento". */
  titleThenAfter: string[];
  /** Words a title may contain that name no office ("Court" in "District Court Judge"). */
  titleNeutral: string[];
  /** Words between a name and its year ("Act of 1798", "Ley … de 1798"). */
  yearLinks: string[];
  /** Words that carry a title into its body after a name ("a judge on the U.S. Court of Appeals"). */
  titleLinks: string[];
  /** A relative clause that places a titled person in a body ("Judge Boasberg, who sits on the Court of Appeals"): the body is the title's. */
  bodyMembership: string[];
  /** A body noun and the offices of those who sit on it ("court judge", "corte juez jueza"): "Boasberg, who sits on the appeals court" states that office. */
  bodyOffices: string[];
  /** Membership clauses in the past ("who sat on"): placing a bare name on a body, they may confirm its office, never fail it. */
  pastMembership: string[];
  /** Words that locate like a preposition right after a place noun ("la cárcel de El Salvador"). */
  genitives: string[];
  /** Pronouns that open a sentence about the entity just named ("It is located in …"). */
  subjectPronouns: string[];
  /** Words that state a person's present title after the name ("Rubio is secretary of state"). */
  titleCopulas: string[];
  /** Words that state a title taken or held at some time ("was sworn in as"): may confirm, never fail. */
  titleBecame: string[];
  /** Fact-box keys whose value is where something is ("Location: Tecoluca"). */
  placeKeys: string[];
  /** Prefixes that make an office word a past one ("expresidente" = "ex presidente"). */
  formerPrefixes: string[];
  /** What follows an apostrophe in a possessive ("Bukele's" → "s"). */
  possessiveSuffixes: string[];
  /** Words between a naming word and an acronym ("known by its Spanish acronym CECOT"). */
  acronymWords: string[];
  /** Nouns that, after a definite article, stand for the acronym the sentence before names ("This is CECOT. The acronym stands for …"). */
  acronymNouns: string[];
  /** Pronouns that open a relative clause about the noun before them ("252 men who …"). */
  relativePronouns: string[];
  /** Subject pronouns for one person: an event of a group's is not what "he" did. */
  singularPronouns: string[];
  /** Person pronouns as written, compared before folding ("él"; folded it is the article "el"). After a comma they open a clause with its own subject. */
  writtenPersonPronouns: string[];
  /** Endings of present participles ("promising", "dejando"): after a comma they open a clause. */
  participleSuffixes: string[];
  /** Endings of manner adverbs ("recently", "recientemente"): a verb after one still modifies the noun ("238 recently deported men"). */
  adverbSuffixes: string[];
  /** Verbs of departure: the place right after them is an origin ("left Harlingen"). */
  departureVerbs: string[];
  /** Auxiliary verbs: after a comma they resume the main predicate after an aside ("the man deported in March, was returned …"). */
  auxiliaries: string[];
  /** Copulas as written, compared before folding ("está"; folded it is the demonstrative "esta"): after an aside they resume the main clause. */
  writtenCopulas: string[];
  /** Nouns of time: "the spring of 2025" is a time, not a thing dated 2025 ("a law from 1798"). */
  timeNouns: string[];
  /** What a predicate may release or publish instead of people ("a handout photo released by …"). */
  mediaNouns: string[];
  /** Offices that serve another office ("a spokesperson for President Bukele", "el portavoz del presidente"): the title after them is the other person's. */
  staffOffices: string[];
  /** Verbs of talking whose "about"/"de" object is a topic ("speaks … about the return", "hablamos de los deportados"): the event there is not dated by them. */
  topicVerbs: string[];
  /** Words that give a document its date ("a clipping dated Saturday, July 19", "una carta fechada el …"): the date right after them is the document's. */
  documentDateLeads: string[];
  /** Between a count and a date, a word that makes the date the group's label ("the 238 from March", "los 238 de marzo"). */
  groupDateLinks: string[];
  /** Before an event's word, words that make it the time something else is placed at ("his vice president at the time of the swap", "en vísperas del canje"). */
  referenceTimeLeads: string[];
  /** Before an event's word, words that make it what something else is called ("presents Maduro's fall as a liberation", "lo describió como una deportación"). */
  characterizationLeads: string[];
  /** After an event's verb, a link to an infinitive that makes the verb an auxiliary ("llegaron a estar": came to be, not arrived). */
  periphrasisLinks: string[];
  /** Endings of an infinitive after such a link ("estar", "ser", "convertirse"). */
  infinitiveEndings: string[];
  /** Nouns of a programme or policy an event's word can name the kind of ("the repatriation program", "el programa de repatriación"): no occurrence. */
  programNouns: string[];
  /** After an event's predicate, a word that makes its count a running total ("has deported thousands since January", "354 people released since the 2023 decision"). */
  sinceWords: string[];
  /** Nouns of an area and the words that place it ("in the western department of Santa Ana", "en el municipio de Tecoluca"). */
  areaNouns: string[];
  /** Verbs that state where a thing is ("is located", "sits", "ubicado", "se encuentra"): with a locative after them, a statement of its place. */
  locationVerbs: string[];
  /** Words that approach a place rather than name the one it is in ("outside", "near", "on the outskirts of", "a las afueras de"). */
  placeApproaches: string[];
  /** Participles of building: where a thing was built is where it is ("a prison built by … in Tecoluca", "construida en"). */
  builtParticiples: string[];
  /** Past forms of building in a relative clause ("a prison that the government built in …", "que el Gobierno levantó en"). */
  builtVerbs: string[];
  /** The preposition of a passive's agent ("built by the government", "construida por el Gobierno"). */
  agentPrepositions: string[];
  /** Small words inside a locative phrase before its place ("on the outskirts of", "close to", "a las afueras de"). */
  placePhraseLinks: string[];
  /** Nouns of events of their own: a date next to one is that event's ("during his visit in February"). */
  eventNouns: string[];
  /** Comitatives: "returned with six Americans" — what follows accompanies the event, it is not its object. */
  comitatives: string[];
  /** After a length: time elapsed since something ("A month has passed since …", "han pasado cuatro meses"), not how long a state lasted. */
  elapsedAfter: string[];
  /** Before a length: an anniversary, time elapsed since something ("se cumplen seis meses de …"), not how long a state lasted. */
  elapsedBefore: string[];
  /** Verbs whose object is a length ("spent six months", "pasaron seis meses antes de …"): never a time offset. */
  lengthVerbs: string[];
  /** Prepositions that make a duration a length ("for four months"), even when "before"/"after" follows. */
  lengthPrepositions: string[];
  /** After a length: the time someone has gone without something ("tres años sin noticias", "three years without word"), not a stay. */
  withoutAfter: string[];
  /** After a length verb and the length, a preposition that names a task ("spent nine months on this litigation"): time on an activity. */
  activityPrepositions: string[];
  /** Gerunds of being, after which a length is the state itself ("six months being held", "seis meses siendo torturados"). */
  stateGerunds: string[];
  /** Words that set a statement in the publication's present ("this week", "hoy"): no earlier date in its sentence or paragraph dates a title there. */
  presentMarkers: string[];
  /** Words that set a statement in a past the text does not date ("a year ago", "at the time", "hace un año"): a title held then is not judged as of today. */
  pastMarkers: string[];
  /** Phrases after a name that state a change of office ("asume como presidenta encargada", "was sworn in as"): the title before the name is the one held until then. */
  officeChanges: string[];
  /** Plural endings: a capitalised demonym ending so names people ("Venezuelans"), not an office's country. */
  pluralSuffixes: string[];
  /** Possessive determiners ("his March 15 instruction", "su decisión del 22 de diciembre"). */
  possessiveDeterminers: string[];
  /** Pronouns for a thing named before ("it was built to hold …"): the clause's subject is in an earlier sentence. */
  thingPronouns: string[];
  /** A subordinator that can open a sentence; its clause ends at the first comma ("Mientras los demás pasaron cuatro meses allí, | él estuvo …"). */
  frontedSubordinators: string[];
  /** Endings of a plural past participle that, after a definite article, names people ("los repatriados"), not an event. */
  nominalParticipleSuffixes: string[];
  /** A clitic that opens a verb whose subject is left out ("…, se levantó en siete meses"): after a comma or at the clause's start the subject is an earlier sentence's. */
  droppedSubjectClitics: string[];
  /** What may join two dates of one set ("March and April", "15 y 16", "March to April"). */
  dateJoiners: string[];
  /** Clause openers that are determiners after a preposition ("in that exchange"). */
  determinerOpeners: string[];
  /** Quantifiers of a part ("most of them", "la mayoría de"): what follows them is said of a subset. */
  partQuantifiers: string[];
  /** Indefinite articles: before a proper name they make it a kind of thing ("a CECOT in Honduras"). */
  indefiniteArticles: string[];
  /** Words that are an article in one language and a preposition in another ("a": English article, Spanish "to"). */
  articlePrepositions: string[];
  /** Words that make a partitive with "of" ("seven out of the 252"). */
  partitiveLeads: string[];
  /** Singular nouns for one person ("veteran", "nephew", "sobrino"): an event they undergo is not a group's. */
  personNouns: string[];
  /** Copulas of a singular subject that make a passive ("was", "fue"): "X was released" is one X. */
  singularAuxiliaries: string[];
  /** A relative pronoun and a singular perfect after it that make its antecedent one person with a life of his own ("an attorney who has spent the last eleven years …"); "who was deported on March 15" is often one of the group. */
  singularRelatives: string[];
  /** Plural person pronouns ("they", "ellos"): capitalised after a colon, still no name. */
  pluralPersonPronouns: string[];
  /** Auxiliaries of the pluperfect: an event before the clause's time ("the men who had been sent …", "que habían sido enviados"). */
  pluperfectAuxiliaries: string[];
  /** Participles that join an auxiliary to a passive ("has been released", "ha sido liberado"). */
  participleAuxiliaries: string[];
  /** Possessives of one person ("his deportation"); not Spanish "su", which is also "their". */
  singularPossessives: string[];
  /** Object pronouns for one person right after a predicate ("to return him"): one person's event, not the group's. */
  singularObjectPronouns: string[];
  /** Verbs that keep an event from happening ("barred his deportation", "impidió la deportación"): the event they take did not happen then. */
  preventionVerbs: string[];
  /** Words that may stand between a prevention verb and its event ("blocked them from being deported", "impidió que fueran deportados"). */
  preventionLinks: string[];
  /** Words that open a time reference ("the first such flight since the weekend of the transfer to El Salvador"): places after them are the reference's, not the predicate's. Not "desde": it is also "from". */
  timeReferences: string[];
  /** Phrases right before a count that make it a capacity ("built to hold about 15,000", "capacidad para 40.000"): not an event's participants. */
  capacityLeads: string[];
  /** Words after a count's noun that make it per unit ("80 men each", "80 reos cada una", "per cell"), not the whole's. */
  distributives: string[];
}
