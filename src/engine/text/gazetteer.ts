// The world's countries and territories, English and Spanish names and demonyms, and a matcher.
//
// Data is one line per country: CODE|English names|Spanish names|English demonyms|Spanish demonym
// bases (masculine singular; the feminine and plural forms are derived). A "?" before a term marks
// it ambiguous (also a first name or a US state: "Jordan", "Georgia"); "~" lists it without ever
// matching it ("Granada" is also a Spanish city, "Reunión" a meeting).
import { foldTerm, foldText } from "./fold";
import { compilePhrases, longestMatches, type PhraseEntry, type PhraseMatch, type PhraseMatcher } from "./phrase-matcher";
import { isAllUpper, isUpperAt, tokenize, type Token } from "./tokens";

const DATA = `
AF|Afghanistan|Afganistán|Afghan,Afghani|afgano
AL|Albania|Albania|Albanian|albanés
DZ|Algeria|Argelia|Algerian|argelino
AD|Andorra|Andorra|Andorran|andorrano
AO|Angola|Angola|Angolan|angoleño
AG|Antigua and Barbuda|Antigua y Barbuda|Antiguan,Barbudan|antiguano
AR|Argentina|Argentina|Argentine,Argentinian|argentino
AM|Armenia|Armenia|Armenian|armenio
AU|Australia|Australia|Australian,Aussie|australiano
AT|Austria|Austria|Austrian|austriaco,austríaco
AZ|Azerbaijan|Azerbaiyán|Azerbaijani,Azeri|azerbaiyano,azerí
BS|Bahamas|Bahamas|Bahamian|bahameño
BH|Bahrain|Baréin,Bahréin|Bahraini|bareiní,bahreiní
BD|Bangladesh|Bangladés,Bangladesh|Bangladeshi|bangladesí
BB|Barbados|Barbados|Barbadian,Bajan|barbadense
BY|Belarus|Bielorrusia|Belarusian|bielorruso
BE|Belgium|Bélgica|Belgian|belga
BZ|Belize|Belice|Belizean|beliceño
BJ|Benin|Benín|Beninese|beninés
BT|Bhutan|Bután|Bhutanese|butanés
BO|Bolivia|Bolivia|Bolivian|boliviano
BA|Bosnia and Herzegovina,Bosnia-Herzegovina,Bosnia|Bosnia y Herzegovina,Bosnia-Herzegovina,Bosnia|Bosnian|bosnio
BW|Botswana|Botsuana|Botswanan,Motswana,Batswana|botsuano
BR|Brazil|Brasil|Brazilian|brasileño
BN|Brunei,Brunei Darussalam|Brunéi|Bruneian|bruneano
BG|Bulgaria|Bulgaria|Bulgarian|búlgaro
BF|Burkina Faso|Burkina Faso|Burkinabe,Burkinabè|burkinés
BI|Burundi|Burundi|Burundian|burundés
CV|Cape Verde,Cabo Verde|Cabo Verde|Cape Verdean,Cabo Verdean|caboverdiano
KH|Cambodia|Camboya|Cambodian|camboyano
CM|Cameroon|Camerún|Cameroonian|camerunés
CA|Canada|Canadá|Canadian|canadiense
CF|Central African Republic|República Centroafricana|Central African|centroafricano
TD|?Chad|?Chad|Chadian|chadiano
CL|Chile|Chile|Chilean|chileno
CN|China,People's Republic of China|China,República Popular China|Chinese|chino
CO|Colombia|Colombia|Colombian|colombiano
KM|Comoros|Comoras|Comoran,Comorian|comorense
CD|Democratic Republic of the Congo,DR Congo,DRC,Congo-Kinshasa,Congo|República Democrática del Congo,RD Congo,RDC,Congo|Congolese|congoleño
CG|Republic of the Congo,Congo-Brazzaville|República del Congo,Congo-Brazzaville||
CR|Costa Rica|Costa Rica|Costa Rican|costarricense,costarriqueño
CI|Ivory Coast,Côte d'Ivoire,Cote d'Ivoire|Costa de Marfil|Ivorian|marfileño
HR|Croatia|Croacia|Croatian,Croat|croata
CU|Cuba|Cuba|Cuban|cubano
CY|Cyprus|Chipre|Cypriot|chipriota
CZ|Czech Republic,Czechia|República Checa,Chequia|Czech|checo
DK|Denmark|Dinamarca|Danish,Dane|danés
DJ|Djibouti|Yibuti|Djiboutian|yibutiano
DO|Dominican Republic|República Dominicana|Dominican|dominicano
DM|Dominica|Dominica||dominiqués
EC|Ecuador|Ecuador|Ecuadorian,Ecuadorean|ecuatoriano
EG|Egypt|Egipto|Egyptian|egipcio
SV|El Salvador|El Salvador|Salvadoran,Salvadorean,Salvadorian|salvadoreño
GQ|Equatorial Guinea|Guinea Ecuatorial|Equatorial Guinean,Equatoguinean|ecuatoguineano
ER|Eritrea|Eritrea|Eritrean|eritreo
EE|Estonia|Estonia|Estonian|estonio
SZ|Eswatini,Swaziland|Esuatini,Suazilandia|Swazi,Emaswati|suazi
ET|Ethiopia|Etiopía|Ethiopian|etíope
FJ|Fiji|Fiyi|Fijian|fiyiano
FI|Finland|Finlandia|Finnish,Finn|finlandés
FR|France|Francia|French,Frenchman,Frenchwoman|francés
GA|Gabon|Gabón|Gabonese|gabonés
GM|Gambia|Gambia|Gambian|gambiano
GE|?Georgia|?Georgia|?Georgian|georgiano
DE|Germany|Alemania|German|alemán
GH|Ghana|Ghana|Ghanaian|ghanés
GR|Greece|Grecia|Greek|griego
GD|Grenada|~Granada|Grenadian|granadino
GT|Guatemala|Guatemala|Guatemalan|guatemalteco
GN|Guinea|Guinea|Guinean|guineano
GW|Guinea-Bissau|Guinea-Bisáu,Guinea-Bissau|Bissau-Guinean|bisauguineano
GY|Guyana|Guyana|Guyanese|guyanés
HT|Haiti|Haití|Haitian|haitiano
HN|Honduras|Honduras|Honduran|hondureño
HU|Hungary|Hungría|Hungarian|húngaro
IS|Iceland|Islandia|Icelandic,Icelander|islandés
IN|India|India|Indian|indio
ID|Indonesia|Indonesia|Indonesian|indonesio
IR|Iran|Irán|Iranian|iraní
IQ|Iraq|Irak,Iraq|Iraqi|iraquí
IE|Ireland,Republic of Ireland|Irlanda|Irish|irlandés
IL|?Israel|?Israel|Israeli|israelí
IT|Italy|Italia|Italian|italiano
JM|Jamaica|Jamaica|Jamaican|jamaicano,jamaiquino
JP|Japan|Japón|Japanese|japonés
JO|?Jordan|Jordania|Jordanian|jordano
KZ|Kazakhstan|Kazajistán,Kazajstán|Kazakh,Kazakhstani|kazajo
KE|Kenya|Kenia|Kenyan|keniano,keniata
KI|Kiribati|Kiribati|I-Kiribati|kiribatiano
KP|North Korea|Corea del Norte|North Korean|norcoreano
KR|South Korea,?Korea|Corea del Sur,?Corea|South Korean,?Korean|surcoreano,?coreano
KW|Kuwait|Kuwait|Kuwaiti|kuwaití
KG|Kyrgyzstan|Kirguistán|Kyrgyz|kirguís
LA|Laos|Laos|Laotian,Lao|laosiano
LV|Latvia|Letonia|Latvian|letón
LB|Lebanon|Líbano|Lebanese|libanés
LS|Lesotho|Lesoto|Basotho,Mosotho|lesotense
LR|Liberia|Liberia|Liberian|liberiano
LY|Libya|Libia|Libyan|libio
LI|Liechtenstein|Liechtenstein|Liechtensteiner|liechtensteiniano
LT|Lithuania|Lituania|Lithuanian|lituano
LU|Luxembourg|Luxemburgo|Luxembourger,Luxembourgish|luxemburgués
MG|Madagascar|Madagascar|Malagasy|malgache
MW|Malawi|Malaui,Malawi|Malawian|malauí
MY|Malaysia|Malasia|Malaysian|malasio
MV|Maldives|Maldivas|Maldivian|maldivo
ML|Mali|Malí|Malian|maliense
MT|Malta|Malta|Maltese|maltés
MH|Marshall Islands|Islas Marshall|Marshallese|marshalés
MR|Mauritania|Mauritania|Mauritanian|mauritano
MU|Mauritius|?Mauricio|Mauritian|mauriciano
MX|Mexico|México,Méjico|Mexican|mexicano
FM|Micronesia,Federated States of Micronesia|Micronesia,Estados Federados de Micronesia|Micronesian|micronesio
MD|Moldova|Moldavia|Moldovan|moldavo
MC|Monaco|Mónaco|Monegasque|monegasco
MN|Mongolia|Mongolia|Mongolian|mongol
ME|Montenegro|Montenegro|Montenegrin|montenegrino
MA|Morocco|Marruecos|Moroccan|marroquí
MZ|Mozambique|Mozambique|Mozambican|mozambiqueño
MM|Myanmar,Burma|Myanmar,Birmania|Burmese|birmano
NA|Namibia|Namibia|Namibian|namibio
NR|Nauru|Nauru|Nauruan|nauruano
NP|Nepal|Nepal|Nepali,Nepalese|nepalí,nepalés
NL|Netherlands,Holland|Países Bajos,Holanda|Dutch,Dutchman,Dutchwoman|neerlandés,holandés
NZ|New Zealand|Nueva Zelanda,Nueva Zelandia|New Zealander,Kiwi|neozelandés
NI|Nicaragua|Nicaragua|Nicaraguan|nicaragüense
NE|Niger|Níger|Nigerien|nigerino
NG|Nigeria|Nigeria|Nigerian|nigeriano
MK|North Macedonia,Macedonia|Macedonia del Norte,Macedonia|Macedonian|macedonio
NO|Norway|Noruega|Norwegian|noruego
OM|Oman|Omán|Omani|omaní
PK|Pakistan|Pakistán|Pakistani|pakistaní,paquistaní
PW|Palau|Palaos,Palau|Palauan|palauano
PS|Palestine,State of Palestine|Palestina,Estado de Palestina|Palestinian|palestino
PA|Panama|Panamá|Panamanian|panameño
PG|Papua New Guinea|Papúa Nueva Guinea|Papua New Guinean|papú,papuano
PY|Paraguay|Paraguay|Paraguayan|paraguayo
PE|Peru|Perú|Peruvian|peruano
PH|Philippines|Filipinas|Filipino,Filipina,Philippine|filipino
PL|Poland|Polonia|Polish,Pole|polaco
PT|Portugal|Portugal|Portuguese|portugués
QA|Qatar|Catar,Qatar|Qatari|catarí,qatarí
RO|Romania|Rumania,Rumanía|Romanian|rumano
RU|Russia,Russian Federation|Rusia,Federación Rusa|Russian|ruso
RW|Rwanda|Ruanda|Rwandan|ruandés
KN|Saint Kitts and Nevis,St. Kitts and Nevis|San Cristóbal y Nieves|Kittitian,Nevisian|sancristobaleño
LC|Saint Lucia,St. Lucia|?Santa Lucía|Saint Lucian,St. Lucian|santalucense
VC|Saint Vincent and the Grenadines,St. Vincent and the Grenadines|San Vicente y las Granadinas|Vincentian|sanvicentino
WS|Samoa|Samoa|Samoan|samoano
SM|San Marino|San Marino|Sammarinese|sanmarinense
ST|São Tomé and Príncipe,Sao Tome and Principe|Santo Tomé y Príncipe|Santomean|santotomense
SA|Saudi Arabia|Arabia Saudita,Arabia Saudí|Saudi,Saudi Arabian|saudí,saudita
SN|Senegal|Senegal|Senegalese|senegalés
RS|Serbia|Serbia|Serbian,Serb|serbio
SC|Seychelles|Seychelles|Seychellois|seychellense
SL|Sierra Leone|Sierra Leona|Sierra Leonean|sierraleonés
SG|Singapore|Singapur|Singaporean|singapurense
SK|Slovakia|Eslovaquia|Slovak,Slovakian|eslovaco
SI|Slovenia|Eslovenia|Slovenian,Slovene|esloveno
SB|Solomon Islands|Islas Salomón|Solomon Islander|salomonense
SO|Somalia|Somalia|Somali|somalí
ZA|South Africa|Sudáfrica|South African|sudafricano
SS|South Sudan|Sudán del Sur|South Sudanese|sursudanés,sudsudanés
ES|Spain|España|Spanish,Spaniard|español
LK|Sri Lanka|Sri Lanka|Sri Lankan|ceilandés,esrilanqués
SD|Sudan|Sudán|Sudanese|sudanés
SR|Suriname,Surinam|Surinam|Surinamese|surinamés
SE|Sweden|Suecia|Swedish,Swede|sueco
CH|Switzerland|Suiza|Swiss|suizo
SY|Syria|Siria|Syrian|sirio
TJ|Tajikistan|Tayikistán|Tajik,Tajikistani|tayiko
TZ|Tanzania|Tanzania|Tanzanian|tanzano
TH|Thailand|Tailandia|Thai|tailandés
TL|Timor-Leste,East Timor|Timor Oriental,Timor-Leste|Timorese|timorense
TG|Togo|Togo|Togolese|togolés
TO|Tonga|Tonga|Tongan|tongano
TT|Trinidad and Tobago|Trinidad y Tobago|Trinidadian,Tobagonian|trinitense
TN|Tunisia|Túnez|Tunisian|tunecino
TR|Turkey,Türkiye,Turkiye|Turquía|Turkish,Turk|turco
TM|Turkmenistan|Turkmenistán|Turkmen|turcomano,turkmeno
TV|Tuvalu|Tuvalu|Tuvaluan|tuvaluano
UG|Uganda|Uganda|Ugandan|ugandés
UA|Ukraine|Ucrania|Ukrainian|ucraniano
AE|United Arab Emirates,UAE|Emiratos Árabes Unidos,EAU|Emirati|emiratí
GB|United Kingdom,UK,U.K.,Britain,Great Britain,England,Scotland,Wales,Northern Ireland|Reino Unido,Gran Bretaña,Inglaterra,Escocia,Gales,Irlanda del Norte|British,Briton,Brit,Scottish,Scot,Welsh|británico,inglés,escocés,galés
US|United States,United States of America,U.S.,US,USA,U.S.A.|Estados Unidos,EE.UU.,EE UU,EEUU,E.E.U.U.,EUA,USA|American|estadounidense,norteamericano
UY|Uruguay|Uruguay|Uruguayan|uruguayo
UZ|Uzbekistan|Uzbekistán|Uzbek|uzbeko
VU|Vanuatu|Vanuatu|Ni-Vanuatu|vanuatuense
VA|Vatican City,Holy See,Vatican|Ciudad del Vaticano,Santa Sede,Vaticano|Vatican|vaticano
VE|Venezuela|Venezuela|Venezuelan|venezolano
VN|Vietnam,Viet Nam|Vietnam|Vietnamese|vietnamita
YE|Yemen|Yemen|Yemeni|yemení
ZM|Zambia|Zambia|Zambian|zambiano
ZW|Zimbabwe|Zimbabue|Zimbabwean|zimbabuense
XK|Kosovo|Kosovo|Kosovar,Kosovan|kosovar
TW|Taiwan|Taiwán|Taiwanese|taiwanés
HK|Hong Kong|Hong Kong|Hongkonger,Hong Konger|hongkonés
MO|Macau,Macao|Macao|Macanese|macaense
PR|Puerto Rico|Puerto Rico|Puerto Rican|puertorriqueño,portorriqueño
GL|Greenland|Groenlandia|Greenlander,Greenlandic|groenlandés
EH|Western Sahara|Sahara Occidental,Sáhara Occidental|Sahrawi|saharaui
GU|Guam|Guam|Guamanian|guameño
AS|American Samoa|Samoa Americana|American Samoan|
VI|U.S. Virgin Islands,US Virgin Islands|Islas Vírgenes de los Estados Unidos||
VG|British Virgin Islands|Islas Vírgenes Británicas||
AW|Aruba|Aruba|Aruban|arubeño
CW|Curaçao,Curacao|Curazao|Curaçaoan|curazoleño
BM|Bermuda|Bermudas|Bermudian|bermudeño
KY|Cayman Islands|Islas Caimán|Caymanian|caimanés
TC|Turks and Caicos Islands,Turks and Caicos|Islas Turcas y Caicos||
FK|Falkland Islands,Falklands|Islas Malvinas,Malvinas|Falkland Islander|malvinense
GF|French Guiana|Guayana Francesa|French Guianese|
GP|Guadeloupe|~Guadalupe|Guadeloupean|
MQ|Martinique|Martinica|Martinican|martiniqués
NC|New Caledonia|Nueva Caledonia|New Caledonian|neocaledonio
PF|French Polynesia|Polinesia Francesa|French Polynesian|
RE|?Réunion|~Reunión|Réunionese|reunionés
GI|Gibraltar|Gibraltar|Gibraltarian|gibraltareño
FO|Faroe Islands|Islas Feroe|Faroese|feroés
`;

/**
 * Regions and look-alikes that contain a country word but name no country. They win the
 * longest match and are then dropped, so "Central American" never reads as "American".
 */
const BLOCKERS = (
  "Central America,Central American,Latin America,Latin American,South America,South American,North America," +
  "North American,Native American,African American,Mexican American,American Indian,Indian Ocean,New Mexico," +
  "New Mexican,Gulf of Mexico,Gulf of America,British Columbia,New South Wales,New Guinea,New England,New Jersey," +
  "Centroamérica,América Central,Latinoamérica,América Latina,Sudamérica,Suramérica,América del Sur," +
  "Norteamérica,América del Norte,Nuevo México,Golfo de México,centroamericano,centroamericana,centroamericanos," +
  "centroamericanas,latinoamericano,latinoamericana,latinoamericanos,latinoamericanas,sudamericano,sudamericana," +
  "sudamericanos,sudamericanas,suramericano,suramericanos,Nueva Guinea"
).split(",");

export interface Country {
  code: string;
  en: string[];
  es: string[];
  demonyms: { en: string[]; es: string[] };
}

export type CountryForm = "name" | "demonym";
export type CountryMentionForm = "name" | "possessive" | "demonym" | "based";

export interface CountryMention {
  /** Offset of the name or demonym in the original text (UTF-16 code units). */
  offset: number;
  /** Length of the name or demonym itself ("Ecuador" in "Ecuador’s" and "Ecuador-based"). */
  length: number;
  code: string;
  form: CountryMentionForm;
  /** Length of the "’s" or "-based" that follows, when form is possessive or based. */
  suffixLength?: number;
  /** The term is also a person's name or a US state ("Jordan", "Georgia"): weigh it lightly. */
  ambiguous?: boolean;
}

interface Term {
  code: string;
  form: CountryForm;
  /** Must be capitalised in the text: names, English demonyms. */
  cap: boolean;
  /** Written in capitals in the data ("US", "EE.UU."): must be all capitals in the text. */
  caps: boolean;
  ambiguous: boolean;
  /** The term names a language too ("Spanish", "español"): skip "in Spanish", "en español". */
  language: boolean;
}

const LANGUAGE_DEMONYMS = new Set([
  "spanish",
  "french",
  "german",
  "italian",
  "portuguese",
  "dutch",
  "russian",
  "chinese",
  "japanese",
  "arabic",
  "espanol",
  "frances",
  "aleman",
  "italiano",
  "portugues",
  "ruso",
  "chino",
  "japones",
  "ingles",
  "holandes",
  "turkish",
  "turco",
  "greek",
  "griego",
  "polish",
  "polaco",
  "korean",
  "coreano",
  "swedish",
  "sueco",
  "danish",
  "danes",
  "finnish",
  "hungarian",
  "czech",
  "welsh",
  "gales",
]);

/** Spanish demonym forms from the masculine singular: salvadoreño → -a, -os, -as; francés → francesa… */
export function spanishDemonymForms(base: string): string[] {
  const stem2 = base.slice(0, -2);
  if (base.endsWith("o")) {
    const s = base.slice(0, -1);
    return [base, `${s}a`, `${s}os`, `${s}as`];
  }
  if (base.endsWith("és")) return [base, `${stem2}esa`, `${stem2}eses`, `${stem2}esas`];
  if (base.endsWith("án")) return [base, `${stem2}ana`, `${stem2}anes`, `${stem2}anas`];
  if (base.endsWith("ón")) return [base, `${stem2}ona`, `${stem2}ones`, `${stem2}onas`];
  if (base.endsWith("ís")) return [base, `${stem2}isa`, `${stem2}ises`, `${stem2}isas`];
  if (base.endsWith("í") || base.endsWith("ú")) return [base, `${base}es`, `${base}s`];
  if (base.endsWith("a") || base.endsWith("e") || base.endsWith("i")) return [base, `${base}s`];
  if (base.endsWith("l")) return [base, `${base}a`, `${base}es`, `${base}as`];
  if (base.endsWith("r")) return [base, `${base}es`];
  return [base];
}

/** English demonym plural, when it has one: Salvadoran → Salvadorans; not French, Swiss, Chinese. */
function englishPlural(d: string): string | null {
  if (/(ese|ish|sh|tch|nch|ss|s|x)$/i.test(d)) return null;
  if (/man$/.test(d)) return d.replace(/man$/, "men");
  return `${d}s`;
}

interface ParsedTerm {
  text: string;
  ambiguous: boolean;
  silent: boolean;
}

function parseTerms(field: string | undefined): ParsedTerm[] {
  if (!field) return [];
  return field
    .split(",")
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .map((t) => ({ text: t.replace(/^[?~]/, ""), ambiguous: t.startsWith("?"), silent: t.startsWith("~") }));
}

interface CountryRow {
  country: Country;
  terms: Array<{ term: ParsedTerm; form: CountryForm; cap: boolean }>;
}

function parseData(): CountryRow[] {
  const rows: CountryRow[] = [];
  for (const line of DATA.split("\n")) {
    if (!line.trim()) continue;
    const [code, en, es, enDem, esDem] = line.split("|");
    const enNames = parseTerms(en);
    const esNames = parseTerms(es);
    const enDems = parseTerms(enDem);
    const esBases = parseTerms(esDem);
    const enDemAll: ParsedTerm[] = [];
    for (const d of enDems) {
      enDemAll.push(d);
      const p = englishPlural(d.text);
      if (p) enDemAll.push({ ...d, text: p });
    }
    const esDemAll: ParsedTerm[] = [];
    for (const b of esBases) for (const f of spanishDemonymForms(b.text)) esDemAll.push({ ...b, text: f });
    const country: Country = {
      code: code as string,
      en: enNames.map((t) => t.text),
      es: esNames.map((t) => t.text),
      demonyms: { en: enDemAll.map((t) => t.text), es: esDemAll.map((t) => t.text) },
    };
    rows.push({
      country,
      terms: [
        ...enNames.map((term) => ({ term, form: "name" as const, cap: true })),
        ...esNames.map((term) => ({ term, form: "name" as const, cap: true })),
        ...enDemAll.map((term) => ({ term, form: "demonym" as const, cap: true })),
        ...esDemAll.map((term) => ({ term, form: "demonym" as const, cap: false })),
      ],
    });
  }
  return rows;
}

const ROWS = parseData();

/** Every country and territory, with English and Spanish names and all demonym forms. */
export const COUNTRIES: readonly Country[] = ROWS.map((r) => r.country);

let lexicon: Map<string, Term> | null = null;
let matcher: PhraseMatcher | null = null;
let matcherTerms: Array<Term | null> = [];

function buildLexicon(): Map<string, Term> {
  const map = new Map<string, Term>();
  for (const row of ROWS) {
    for (const { term, form, cap } of row.terms) {
      if (term.silent) continue;
      const key = foldTerm(term.text);
      if (map.has(key)) continue; // first country listed wins ("Dominican" → DO)
      const caps = term.text === term.text.toUpperCase() && term.text !== term.text.toLowerCase();
      map.set(key, {
        code: row.country.code,
        form,
        cap,
        caps,
        ambiguous: term.ambiguous,
        language: form === "demonym" && LANGUAGE_DEMONYMS.has(key),
      });
    }
  }
  return map;
}

/** Folded term → country code and form, for rule kinds that look terms up directly. */
export function countryLexicon(): Map<string, { code: string; form: CountryForm }> {
  lexicon ??= buildLexicon();
  const out = new Map<string, { code: string; form: CountryForm }>();
  for (const [k, v] of lexicon) out.set(k, { code: v.code, form: v.form });
  return out;
}

let entries: PhraseEntry[] | null = null;

/**
 * The gazetteer's phrases, in matcher-entry order (country terms, then blockers). The engine
 * appends them to its own ruleset matcher so an article is scanned once for rule terms and
 * countries alike; it then hands the matches back to findCountryMentions (`hits`, with
 * `index` into this list).
 */
export function countryPhraseEntries(): readonly PhraseEntry[] {
  if (entries) return entries;
  lexicon ??= buildLexicon();
  const list: PhraseEntry[] = [];
  matcherTerms = [];
  for (const [key, term] of lexicon) {
    list.push({ id: term.code, phrase: key });
    matcherTerms.push(term);
  }
  for (const b of BLOCKERS) {
    list.push({ id: "", phrase: b });
    matcherTerms.push(null);
  }
  return (entries = list);
}

function getMatcher(): PhraseMatcher {
  matcher ??= compilePhrases(countryPhraseEntries());
  return matcher;
}

/**
 * Country names and demonyms in `text`, leftmost-longest ("South Sudan", not "Sudan"), with the
 * form they take: "Ecuador" (name), "Ecuador’s" (possessive), "Ecuadorian"/"ecuatoriana"
 * (demonym), "Ecuador-based" (based). Pass `folded`/`tokens` when you already have them.
 */
export function findCountryMentions(
  text: string,
  folded = foldText(text),
  tokens?: Token[],
  hits?: readonly PhraseMatch[],
): CountryMention[] {
  countryPhraseEntries();
  const toks = tokens ?? tokenize(folded);
  // Filter first (case, language use, first names), then keep leftmost-longest, then drop blockers.
  const candidates: Array<{ start: number; end: number; mention: CountryMention | null }> = [];
  let ti = 0;
  // `hits`: this gazetteer's matches (indexes into countryPhraseEntries()), found by a caller's
  // own pass (sorted by start, longest first); else one pass of the gazetteer's matcher.
  for (const hit of hits ?? getMatcher().findAll(folded, toks)) {
    const term = matcherTerms[hit.index];
    if (!term) {
      candidates.push({ start: hit.start, end: hit.end, mention: null }); // a blocker
      continue;
    }
    const original = text.slice(hit.start, hit.end);
    if (term.caps && !isAllUpper(text, hit.start, hit.end)) continue; // "us" is a pronoun
    if (term.cap && !isUpperAt(text, hit.start)) continue; // "chile" the pepper, "turkey" the bird
    while (ti < toks.length && (toks[ti] as Token).start < hit.start) ti++;
    let last = ti;
    while (last + 1 < toks.length && (toks[last + 1] as Token).end <= hit.end) last++;
    const prev = toks[ti - 1];
    const next = toks[last + 1];
    const next2 = toks[last + 2];
    // "in Spanish", "en español", "Spanish-speaking": the language, not the country.
    if (term.language) {
      const afterIsWord = !!next && !next.brk && next.kind === "word" && next.start === hit.end + 1;
      if (prev && (prev.text === "in" || prev.text === "en") && !afterIsWord) continue;
      if (next && next.text === "-" && next2 && (next2.text === "speaking" || next2.text === "language" || next2.text === "hablante"))
        continue;
    }
    // First names: "Jordan Peterson", "Chad Wolf", "Israel Hernández".
    if (term.ambiguous && next && !next.brk && next.kind === "word" && isUpperAt(text, next.start) && next.start === hit.end + 1) continue;
    let form: CountryMentionForm = term.form;
    let suffixLength: number | undefined;
    if (next && next.start === hit.end) {
      if (
        term.form === "name" &&
        next.text === "'" &&
        next2 &&
        next2.text === "s" &&
        next2.start === next.end &&
        !isWordFollowing(folded, next2.end)
      ) {
        form = "possessive";
        suffixLength = next2.end - hit.end;
      } else if (term.form === "name" && next.text === "'" && original.endsWith("s") && !isWordFollowing(folded, next.end)) {
        form = "possessive";
        suffixLength = 1;
      } else if (next.text === "-" && next2 && next2.text === "based" && next2.start === next.end) {
        form = "based";
        suffixLength = next2.end - hit.end;
      }
    }
    const mention: CountryMention = { offset: hit.start, length: hit.end - hit.start, code: term.code, form };
    if (suffixLength !== undefined) mention.suffixLength = suffixLength;
    if (term.ambiguous) mention.ambiguous = true;
    candidates.push({ start: hit.start, end: hit.end, mention });
  }
  const out: CountryMention[] = [];
  for (const c of longestMatches(candidates)) if (c.mention) out.push(c.mention);
  return out;
}

function isWordFollowing(folded: string, at: number): boolean {
  const c = folded.charCodeAt(at);
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}
