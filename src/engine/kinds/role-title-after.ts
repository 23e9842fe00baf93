// A title read after a person's name: in apposition ("James Boasberg, Chief Judge of the U.S.
// District Court", "Maduro, Venezuela's president at the time") or stated of the name ("Rubio is the
// secretary of state", "was sworn in as acting president"). The title's words are read as in
// role-title.ts; words from the language tables.
import { isGenericPredicate } from "../attach";
import type { ArticleContext } from "../kind-api";
import { LANG, phrasesOf } from "../lang";
import { isUpperAt } from "../text-adapter";
import { inTitle, isEdge, MAX_TITLE_TOKENS, readTitle, type TitleSpan } from "./role-title";

const THEN_AFTER = phrasesOf("titleThenAfter");
const BODY_MEMBERSHIP = phrasesOf("bodyMembership");

/** "Venezuela's president at the time (of the swap)": a then-phrase right after the title. */
function thenAfter(ctx: ArticleContext, i: number): boolean {
  return THEN_AFTER.some((words) => words.every((w, k) => ctx.tokens[i + k]?.text === w));
}

/**
 * A title in apposition after the name: "James Boasberg, Chief Judge of the U.S. District Court",
 * "Maduro, Venezuela's president, said". It must end the apposition (punctuation or a lower-case
 * word follows): "Rubio, President Trump said" is not Rubio's title.
 */
export function titleAfter(
  ctx: ArticleContext,
  nameEnd: number,
  sentence: number,
  vocab: ReadonlySet<string>,
): (TitleSpan & { closed: boolean }) | null {
  const i = ctx.tokenAt(nameEnd);
  if (ctx.tokens[i]?.text !== ",") return null;
  return titleFrom(ctx, i + 1, sentence, vocab, true);
}

/** Tokens in the run of capitalised words that are no title words (and their glued stops: "D.C.") from token i, at most four. */
function courtNameRun(ctx: ArticleContext, i: number, vocab: ReadonlySet<string>): number {
  let k = i;
  for (; k < ctx.tokens.length && k - i < 4; k++) {
    const t = ctx.tokens[k]!;
    const name = t.kind === "word" && isUpperAt(ctx.text, t.start) && !inTitle(ctx, k, vocab);
    if (!name && !(t.text === "." && k > i && ctx.tokens[k - 1]!.end === t.start)) break;
  }
  return k - i;
}

/** Phrases indexed by their first word. */
function byFirstWord(phrases: string[][]): Map<string, string[][]> {
  const m = new Map<string, string[][]>();
  for (const p of phrases) m.set(p[0]!, [...(m.get(p[0]!) ?? []), p]);
  return m;
}

/** Length in tokens of the longest phrase starting at token i, or 0. */
function phraseAt(ctx: ArticleContext, i: number, phrases: ReadonlyMap<string, string[][]>): number {
  let best = 0;
  for (const p of phrases.get(ctx.tokens[i]?.text ?? "") ?? [])
    if (p.length > best && p.every((w, k) => ctx.tokens[i + k]?.text === w)) best = p.length;
  return best;
}

const PRESENT = byFirstWord(phrasesOf("titleCopulas"));
const BECAME = byFirstWord(phrasesOf("titleBecame"));

/**
 * A title stated of the name: "Marco Rubio is the secretary of state" (judged), "Delcy Rodríguez
 * was sworn in as acting president" (a change at some time: it may confirm, never fail).
 */
export function titlePredicate(
  ctx: ArticleContext,
  nameEnd: number,
  sentence: number,
  vocab: ReadonlySet<string>,
): (TitleSpan & { passOnly: boolean }) | null {
  let i = ctx.tokenAt(nameEnd);
  // "Maduro, who remains Venezuela's president,": the relative clause states it of the name too.
  if (ctx.tokens[i]?.text === "," && LANG.relativePronouns.has(ctx.tokens[i + 1]?.text ?? "")) i += 2;
  const present = phraseAt(ctx, i, PRESENT);
  const became = present ? 0 : phraseAt(ctx, i, BECAME);
  if (!present && !became) return null;
  const span = titleFrom(ctx, i + present + became, sentence, vocab, false);
  return span ? { ...span, passOnly: became > 0 } : null;
}

/** Reads a title forwards from token i (after articles), as far as title words go. */
function titleFrom(
  ctx: ArticleContext,
  i: number,
  sentence: number,
  vocab: ReadonlySet<string>,
  apposition: boolean,
): (TitleSpan & { closed: boolean }) | null {
  while (i < ctx.tokens.length && LANG.articles.has(ctx.tokens[i]!.text)) i++;
  // "a D.C. Circuit appeals court judge": a court's name before the title words (kept only when a
  // court noun follows: "a Florida senator" is not read).
  const named = apposition ? courtNameRun(ctx, i, vocab) : 0;
  i += named;
  const first = i;
  let last = i - 1;
  let complement = false; // after "of" / "de": proper names belong to the title ("of the District of Columbia")
  let body = false; // the complement names a body we do not know ("vice president of the PSUV")
  let knownBody = false; // … unless a known body came first: "Court of Appeals for the D.C. Circuit" names which one
  for (; i < ctx.tokens.length; i++) {
    if (i - first >= 2 * MAX_TITLE_TOKENS) return null; // a list or a headline, not a title
    const t = ctx.tokens[i]!;
    if (ctx.sentenceAt(t.start) !== sentence || (t.brk && i > first)) break;
    const name =
      complement && ((t.kind === "word" && isUpperAt(ctx.text, t.start)) || (t.text === "." && ctx.tokens[i - 1]!.end === t.start));
    const link = LANG.titleLinks.has(t.text) && i > first; // "a judge on the Court of Appeals"
    const known = link || inTitle(ctx, i, vocab);
    if (!name && !known) break;
    if (!known && t.kind === "word" && !knownBody) body = true;
    if (known && !link && complement && t.kind === "word" && !LANG.articles.has(t.text) && !LANG.yearLinks.has(t.text)) knownBody = true;
    if (LANG.yearLinks.has(t.text) || link) complement = true;
    last = i;
  }
  const stop = last + 1;
  const next = ctx.tokens[stop]; // what ends the title
  while (last >= first && !isEdge(ctx, last, vocab)) last--;
  if (last < first || !isEdge(ctx, first, vocab)) return null;
  // A capitalised word right after is another name ("Rubio, President Trump said"); so is "'s".
  if (next && next.kind === "word" && isUpperAt(ctx.text, next.start) && ctx.sentenceAt(next.start) === sentence) return null;
  if (next && (next.text === "'" || next.text === "’")) return null;
  // "Bukele, the justice minister, Gustavo Villatoro, and …": a list, the title is the next name's.
  const after = ctx.tokens[stop + 1];
  if (
    apposition &&
    next?.text === "," &&
    after &&
    after.kind === "word" &&
    isUpperAt(ctx.text, after.start) &&
    !inTitle(ctx, stop + 1, vocab)
  )
    return null;
  const title = readTitle(ctx.tokens, first, last + 1, ctx.countries(), vocab);
  if (![...title.words].some((w) => LANG.offices.has(w))) return null;
  // "vice president of the party": a complement cut short names a body we do not know either.
  let cut = false;
  for (let k = last + 1; k < stop; k++) if (LANG.yearLinks.has(ctx.tokens[k]!.text) || LANG.titleLinks.has(ctx.tokens[k]!.text)) cut = true;
  // … unless a known body came first: what is cut is its own name ("Corte de Apelaciones del Circuito de Washington").
  // "an appeals court judge on the D.C. Circuit", "a judge on the D.C. Circuit appeals court": a
  // court noun says whose office it is, whatever name the court goes by.
  let court = false;
  for (let k = first; k < stop; k++) if (BODY_OFFICES.has(ctx.tokens[k]!.text)) court = true;
  if (named && !court) return null;
  title.qualified = !court && (body || (cut && !knownBody));
  if (thenAfter(ctx, stop)) title.then = true;
  // Closed by punctuation that opens no list (", and"): the apposition is over.
  const closed = !next || (next.kind === "punct" && !(next.text === "," && after && LANG.coordinators.has(after.text)));
  return { start: ctx.tokens[first]!.start, end: ctx.tokens[last]!.end, title, closed };
}

/** Body nouns and the offices their members hold: "corte" → "juez", "jueza". */
const BODY_OFFICES = new Map(phrasesOf("bodyOffices").map(([body, ...offices]) => [body!, offices]));

/** A body placed after a name: its title words, and the office its members hold when a body noun says it ("court"). */
export type BodySpan = TitleSpan & { member: string | null; office: string[] | null };

/**
 * "Judge James Boasberg of the U.S. Court of Appeals", "el juez James Boasberg, de la Corte de
 * Apelaciones", "of the federal appeals court": the body of a title written before the name,
 * placed after it. Read as the title's complement: its title words join the title before the name.
 * Lower-case words count only with a body noun that closes them ("the federal appeals court") or
 * heads them ("la corte federal de apelaciones"): "of the special session" names no body. Null without one.
 */
export function complementAfter(ctx: ArticleContext, nameEnd: number, sentence: number, vocab: ReadonlySet<string>): BodySpan | null {
  let i = ctx.tokenAt(nameEnd);
  if (ctx.tokens[i]?.text === ",") i++;
  // "Judge James Boasberg, who sits on the U.S. Court of Appeals": membership stands for "of".
  const member = BODY_MEMBERSHIP.find((words) => words.every((w, k) => ctx.tokens[i + k]?.text === w));
  if (!member && !LANG.yearLinks.has(ctx.tokens[i]?.text ?? "")) return null;
  let first = i + (member?.length ?? 1);
  while (first < ctx.tokens.length && LANG.articles.has(ctx.tokens[first]!.text)) first++;
  // Capitalised words (title words and the names inside a body: "D.C."), countries and the links
  // between them: "U.S. Court of Appeals", "D.C. Circuit Court of Appeals".
  let last = first - 1;
  let open = false; // lower-case title words not yet closed by a body noun
  // "la corte federal de apelaciones": a body noun first heads the lower-case words after it.
  let office: string[] | null = BODY_OFFICES.get(ctx.tokens[first]?.text ?? "") ?? null;
  const headed = office !== null;
  for (let k = first; k < ctx.tokens.length && k - first < MAX_TITLE_TOKENS; k++) {
    const t = ctx.tokens[k]!;
    if (ctx.sentenceAt(t.start) !== sentence || (t.brk && k > first)) break;
    const capital = t.kind === "word" && isUpperAt(ctx.text, t.start);
    const glued = t.text === "." && ctx.tokens[k - 1]!.end === t.start;
    const bodyOffice = t.kind === "word" ? BODY_OFFICES.get(t.text) : undefined;
    if (!capital && !glued && !bodyOffice && !inTitle(ctx, k, vocab) && !LANG.yearLinks.has(t.text) && !LANG.articles.has(t.text)) break;
    if (bodyOffice) office ??= bodyOffice;
    if (t.kind === "word" && !capital && !LANG.yearLinks.has(t.text) && !LANG.articles.has(t.text)) {
      if (!bodyOffice && !headed) {
        open = true;
        continue;
      }
      open = false;
    }
    if (!open) last = k;
  }
  while (last >= first && !isEdge(ctx, last, vocab)) last--;
  if (last < first || (!isUpperAt(ctx.text, ctx.tokens[first]!.start) && !office)) return null;
  const title = readTitle(ctx.tokens, first, last + 1, ctx.countries(), vocab);
  return title.words.size
    ? { start: ctx.tokens[first]!.start, end: ctx.tokens[last]!.end, title, member: member?.join(" ") ?? null, office }
    : null;
}

const PAST_MEMBERSHIP = new Set(LANG.pastMembership);

/**
 * "Boasberg, who sits on the federal appeals court", "Boasberg, of the federal appeals court": a
 * name with no title placed on a body whose noun says its members' office ("court" → judge) holds
 * that office. In the past ("who sat on")
 * it may confirm, never fail. Null without one.
 */
export function memberAfter(
  ctx: ArticleContext,
  nameEnd: number,
  sentence: number,
  vocab: ReadonlySet<string>,
): (TitleSpan & { passOnly: boolean }) | null {
  const b = complementAfter(ctx, nameEnd, sentence, vocab);
  if (!b?.office) return null;
  // The member's office as the rule writes it ("jueza"), else the body's first.
  const office = b.office.find((w) => vocab.has(w)) ?? b.office[0]!;
  const title = { ...b.title, words: new Set([...b.title.words, office]) };
  return { start: b.start, end: b.end, title, passOnly: b.member !== null && PAST_MEMBERSHIP.has(b.member) };
}

/** Does a relative clause with a past-tense verb follow the title ("the president whose government welcomed them", "el presidente que los recibió")? */
export function pastRelativeAfter(ctx: ArticleContext, titleEnd: number): boolean {
  const i = ctx.tokenAt(titleEnd);
  if (!LANG.relativePronouns.has(ctx.tokens[i]?.text ?? "")) return false;
  for (let k = i + 1; k < Math.min(i + 6, ctx.tokens.length); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct" || t.brk) return false;
    if (isGenericPredicate(ctx, k)) return true;
  }
  return false;
}
