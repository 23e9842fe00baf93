// One person's event is not a group's: "he was moved", "veteran John Smith was released", "it
// released an Air Force veteran", "cuyo sobrino fue deportado", "since Trump returned to office".
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import { firstMentionAt } from "../search";
import { isUpperAt } from "../text-adapter";
import { isAllUpper, type Token } from "../text/tokens";
import { anyWordIn } from "./predicates";
import { subjectClause, type Clause } from "./clauses";
import { windowAround } from "./predicates";

/** Is the clause (or the one whose subject it shares) about one person? */
export function oneperson(ctx: ArticleContext, own: Clause, predicate: { start: number; end: number }): boolean {
  const i = ctx.tokenAt(predicate.start);
  const j = ctx.tokenAt(predicate.end);
  // Its object: a name, a titled name or a singular person noun right after it ("sent envoy Richard
  // Grenell", "released Joseph St. Clair", "released an Air Force veteran", "barred his deportation").
  if (officeAndNameAt(ctx, j) || personObjectAt(ctx, j) || LANG.singularPossessives.has(ctx.tokens[i - 1]?.text ?? "")) return true;
  // "did not have the power to return him": a singular object pronoun right after it (not "her
  // sons", where it is a possessive).
  if (LANG.singularObjectPronouns.has(ctx.tokens[j]?.text ?? "") && !ownsNoun(ctx, j)) return true;
  // The bound predicate's own subject: a pronoun right before it ("he had spent", "he was moved").
  for (let k = i - 1; k >= Math.max(0, i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === "punct") break;
    if (LANG.singularPronouns.has(t.text)) return true;
  }
  if (personSubjectBefore(ctx, i, j)) return true;
  // A gerund, resumed or coordinated clause takes the subject of the clause it hangs from
  // ("he was moved …, before being returned"): look at that clause's first words.
  const subject = subjectClause(ctx, own);
  if (subject === own) return false;
  const s = windowAround(ctx, subject, subject.start, subject.start);
  return anyWordIn(ctx, LANG.singularPronouns, s.start, Math.min(s.end, ctx.tokens[Math.min(s.from + 6, ctx.tokens.length - 1)]!.end));
}

/** An office or person noun (an article or possessive before it aside) and a capitalised name: one person ("envoy Richard Grenell", "a su enviado, Richard Grenell"). */
function officeAndNameAt(ctx: ArticleContext, i: number): boolean {
  let k = i;
  while (k < i + 2 && (LANG.articles.has(ctx.tokens[k]?.text ?? "") || LANG.definiteArticles.has(ctx.tokens[k]?.text ?? ""))) k++;
  const office = ctx.tokens[k];
  if (!office || office.kind !== "word" || !(LANG.offices.has(office.text) || LANG.personNouns.has(office.text))) return false;
  return nameAt(ctx, ctx.tokens[k + 1]?.text === "," ? k + 2 : k + 1);
}

/** A capitalised name of two words or more at token i, neither a country, its people nor an acronym ("Joseph St. Clair", not "El Salvador"). */
function nameAt(ctx: ArticleContext, i: number): boolean {
  const a = ctx.tokens[i];
  let n = i + 1;
  while (ctx.tokens[n]?.text === "." && n < i + 2) n++;
  const b = ctx.tokens[n];
  // Both in the sentence of the word before them: not a heading's next line ("the swap\n\nOn July 18").
  const s = ctx.sentenceAt(ctx.tokens[i - 1]?.start ?? 0);
  return (
    !!a &&
    !!b &&
    properWord(ctx, a) &&
    properWord(ctx, b) &&
    !a.brk &&
    !b.brk &&
    ctx.sentenceAt(a.start) === s &&
    ctx.sentenceAt(b.start) === s
  );
}

/** A capitalised word that is no country, demonym or acronym ("Smith", not "Venezuela", "Venezuelans" or "ICE"). */
function properWord(ctx: ArticleContext, t: Token): boolean {
  if (t.kind !== "word" || !isUpperAt(ctx.text, t.start) || (t.end - t.start > 1 && isAllUpper(ctx.text, t.start, t.end))) return false;
  // Not a country or its people, nor a date's word ("released Friday July 18").
  for (const list of [ctx.countries(), ctx.dates()]) {
    const m = list[firstMentionAt(list, t.start + 1) - 1];
    if (m && m.offset + m.length > t.start) return false;
  }
  return true;
}

/** The object after the predicate: an article or possessive and, within a few modifiers, a singular person noun ("an Air Force veteran", "a su sobrino", "of his nephew"); or a name. */
function personObjectAt(ctx: ArticleContext, j: number): boolean {
  let k = j;
  // "the deportation of a man", "liberó a un veterano": a genitive or the personal "a" before the object.
  if (LANG.partitiveOf.has(ctx.tokens[k]?.text ?? "") || LANG.articlePrepositions.has(ctx.tokens[k]?.text ?? "")) k++;
  if (ctx.tokens[k]?.text === "a" && LANG.articles.has(ctx.tokens[k + 1]?.text ?? "")) k++;
  const first = ctx.tokens[k];
  if (!first) return false;
  if (nameAt(ctx, k)) return true;
  if (!LANG.articles.has(first.text) && !LANG.singularPossessives.has(first.text)) return false;
  for (let m = k + 1; m < Math.min(k + 5, ctx.tokens.length); m++) {
    const t = ctx.tokens[m]!;
    if (t.brk || (t.kind === "punct" && t.text !== "." && t.text !== "-")) return false;
    if (t.kind !== "word") continue;
    if (LANG.personNouns.has(t.text)) return true;
    if (LANG.phraseBreakers.has(t.text) || LANG.coordinators.has(t.text) || LANG.articles.has(t.text)) return false;
  }
  return false;
}

/**
 * The subject before the predicate, past its auxiliaries: a singular person noun or a name, where
 * the subject is what the event happened to — a passive with a singular auxiliary ("cuyo sobrino
 * fue deportado", "veteran Joseph St. Clair was released") or a predicate with no object ("since
 * Trump returned to office"); not an agent ("Bukele sent the men").
 */
function personSubjectBefore(ctx: ArticleContext, i: number, j: number): boolean {
  let k = i - 1;
  let passive = false;
  for (; k >= 0 && i - k <= 3; k--) {
    const t = ctx.tokens[k]!.text;
    // "was released", "has been released", "fue deportado"; "has sent", "ha enviado" are active.
    if (LANG.singularAuxiliaries.has(t) || LANG.participleAuxiliaries.has(t)) passive = true;
    else if (!LANG.auxiliaries.has(t)) break;
  }
  const head = ctx.tokens[k];
  if (!head || head.kind !== "word" || (!passive && !withoutObject(ctx, j))) return false;
  if (LANG.personNouns.has(head.text) || LANG.offices.has(head.text)) return true;
  // "When: They were released on Friday": a plural pronoun after a colon is capitalised, and no name.
  if (LANG.pluralPersonPronouns.has(head.text)) return false;
  // A title-cased headline capitalises every word ("252 Men Return To Venezuela"): no name there.
  if (!properWord(ctx, head) || isUpperAt(ctx.text, ctx.tokens[i]!.start) || ctx.tokens[k - 1]?.kind === "number") return false;
  // A capitalised word opening its sentence may be any word ("Others returned"): a name there has two,
  // or is written capitalised inside a sentence elsewhere in the text ("Jhonder came home", after "… said Jhonder").
  const before = ctx.tokens[k - 1];
  const sentence = ctx.sentenceAt(head.start);
  const opens = !before || head.brk || ctx.sentenceAt(before.start) !== sentence || ctx.sentences[sentence]!.start === head.start;
  return !opens || (!!before && properWord(ctx, before)) || namedElsewhere(ctx, head);
}

/** Is the word written, capitalised, inside a sentence elsewhere in the text and never in lower case (a name, not a sentence's first word)? */
function namedElsewhere(ctx: ArticleContext, t: Token): boolean {
  const word = ctx.text.slice(t.start, t.end);
  if (word.length < 3) return false;
  // A word the text also writes in lower case is a common word ("They", "Others").
  const lower = word.toLowerCase();
  for (let at = ctx.text.indexOf(lower); at >= 0; at = ctx.text.indexOf(lower, at + 1))
    if (!/\p{L}/u.test(ctx.text[at - 1] ?? "") && !/\p{L}/u.test(ctx.text[at + lower.length] ?? "")) return false;
  for (let at = ctx.text.indexOf(word); at >= 0; at = ctx.text.indexOf(word, at + word.length)) {
    if (at === t.start || /\p{L}/u.test(ctx.text[at + word.length] ?? "") || /\p{L}/u.test(ctx.text[at - 1] ?? "")) continue;
    const k = ctx.tokenAt(at);
    const prev = ctx.tokens[k - 1];
    if (prev && !ctx.tokens[k]!.brk && ctx.sentenceAt(prev.start) === ctx.sentenceAt(at) && prev.kind === "word") return true;
  }
  return false;
}

/** Does the predicate take no object: punctuation or a preposition of motion right after it ("returned to office", "regresó a Caracas", "came back with")? */
function withoutObject(ctx: ArticleContext, j: number): boolean {
  const t = ctx.tokens[j];
  if (!t || t.kind === "punct") return true;
  if (isUpperAt(ctx.text, t.start)) return false;
  const next = ctx.tokens[j + 1];
  // "envió a los venezolanos": the personal "a" before an article or a number introduces an object.
  if (t.text === "a" && next && (LANG.articles.has(next.text) || next.kind === "number")) return false;
  if (LANG.motionPrepositions.has(t.text) || LANG.originPrepositions.has(t.text) || LANG.comitatives.has(t.text)) return true;
  // "came home on July 23": a date right after (a preposition aside) is no object.
  const dates = ctx.dates();
  for (const at of [t.start, next?.start]) {
    const d = at === undefined ? undefined : dates[firstMentionAt(dates, at)];
    if (d && d.offset === at) return true;
  }
  return false;
}

/** Is the pronoun at token j also a possessive with its noun after it ("her sons", not "her to Caracas")? */
function ownsNoun(ctx: ArticleContext, j: number): boolean {
  if (!LANG.singularPossessives.has(ctx.tokens[j]!.text)) return false;
  const next = ctx.tokens[j + 1];
  if (!next || next.kind !== "word" || next.brk) return false;
  const closed = [LANG.phraseBreakers, LANG.coordinators, LANG.motionPrepositions, LANG.originPrepositions, LANG.locatives];
  return !closed.some((set) => set.has(next.text));
}
