// Small closed-class word lists (English + Spanish, folded) that decide whether two mentions
// are grammatically attached ("CECOT, a prison in Ecuador") or merely share a sentence.
// These are language knowledge, not facts, so they live in the engine rather than in rules.

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const ARTICLES = set("a an the its el la los las lo un una unos unas su sus this that este esta ese esa aquel");

/** Prepositions that locate something ("in Ecuador", "en Ecuador", "at Maiquetía"). */
export const LOCATIVE = set("in en at inside within near into");

/** Words that may sit between an entity and what describes or names it. */
export const GLUE = set(
  "a an the its el la los las un una su " +
    "known also called named dubbed so as or o aka " +
    "conocido conocida conocidos como llamado llamada denominado denominada apodado apodada " +
    "is was which that has been located situated based lies sits set stands " +
    "es fue que esta ubicado ubicada situado situada localizado localizada se encuentra halla queda " +
    "notorious infamous feared dreaded maximum minimum high security mega massive huge giant sprawling vast " +
    "largest biggest new notorio notoria temido temida famoso famosa maxima seguridad gran grande enorme " +
    "anti terror terrorism antiterror antiterrorista anti-terror de del",
);

/** Punctuation allowed inside an attachment (not sentence-internal breaks like ; or :). */
export const GLUE_PUNCT = set(", ( ) \" ' - / —");

/** Nouns for people: "Venezuelan CECOT detainees" — the demonym describes them, not the place. */
export const PEOPLE = set(
  "detainee detainees prisoner prisoners inmate inmates survivor survivors deportee deportees migrant migrants " +
    "men women returnee returnees victim victims families family guard guards official officials staff case cases class " +
    "detenido detenidos detenida detenidas preso presos presas reo reos recluso reclusos migrante migrantes " +
    "sobreviviente sobrevivientes deportado deportados repatriado repatriados victima victimas familias custodios",
);

/** Words that connect the words of a proper name ("Center for the Care of Migrants"). */
export const NAME_CONNECTORS = set("of for the and de del la las los el y e para en on to por a an");

/** Words that introduce a name given to something ("known as", "llamado"). */
export const NAMING = set("known called named dubbed conocido conocida llamado llamada denominado denominada apodado apodada or o aka");
