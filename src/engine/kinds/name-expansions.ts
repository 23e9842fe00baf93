// Finding an acronym's expansions and comparing their words: capitalised runs before or after the
// acronym, lower-case descriptions, "the acronym" standing for it, and order-free word keys. The
// name kind (name.ts) decides what each candidate means for its rule.
import type { ArticleContext, Hit } from "../kind-api";
import { LANG, WRITTEN_COPULAS } from "../lang";
import { isUpperAt } from "../text-adapter";
import type { Token } from "../text/tokens";

export interface Candidate {
  start: number;
  end: number;
  titled: boolean;
}

function isConnector(t: Token): boolean {
  return LANG.nameConnectors.has(t.text);
}

function isTitleWord(ctx: ArticleContext, t: Token): boolean {
  return t.kind === "word" && isUpperAt(ctx.text, t.start);
}

/**
 * A capitalised run longer than this is a headline, a list or a repeated name, not an expansion;
 * the bound also keeps each acronym mention's look-around constant-time.
 */
const MAX_NAME_TOKENS = 40;

/** Trim connectors at both ends; require two capitalised content words. */
function finishRun(ctx: ArticleContext, run: Token[]): Candidate | null {
  while (run.length && (run[0]!.kind !== "word" || isConnector(run[0]!))) run.shift();
  while (run.length && (run[run.length - 1]!.kind !== "word" || isConnector(run[run.length - 1]!))) run.pop();
  const content = run.filter((t) => !isConnector(t) && isTitleWord(ctx, t));
  if (content.length < 2) return null;
  return { start: run[0]!.start, end: run[run.length - 1]!.end, titled: true };
}

/** Capitalised name ending just before token index `i` (exclusive), scanning backwards. */
export function titleRunBefore(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
  const run: Token[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const t = ctx.tokens[j]!;
    if (ctx.sentenceAt(t.start) !== sentence) break;
    if (t.kind === "punct") {
      if ((t.text === '"' || t.text === "'") && run.length === 0 && j === i - 1) continue; // closing quote

      if (t.text === "-" && run.length) {
        if (run.length >= MAX_NAME_TOKENS) return null;
        run.unshift(t);
        continue;
      }
      break;
    }
    if (isTitleWord(ctx, t) || isConnector(t)) {
      // Stop before a possessive: "El Salvador's Terrorism Confinement Center".
      const next = ctx.tokens[j + 1];
      if (next && next.text === "'" && LANG.possessiveSuffixes.has(ctx.tokens[j + 2]?.text ?? "")) break;
      if (run.length >= MAX_NAME_TOKENS) return null;
      run.unshift(t);
      if (t.brk) break;
      continue;
    }
    break;
  }
  return finishRun(ctx, run);
}

/** Capitalised name starting at token index `i`, scanning forwards. */
export function titleRunAfter(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
  const run: Token[] = [];
  for (let j = i; j < ctx.tokens.length; j++) {
    const t = ctx.tokens[j]!;
    if (ctx.sentenceAt(t.start) !== sentence || (t.brk && j > i)) break;
    if (t.kind === "punct") {
      if (t.text === "-" && run.length) {
        if (run.length >= MAX_NAME_TOKENS) return null;
        run.push(t);
        continue;
      }
      break;
    }
    if (isTitleWord(ctx, t) || (isConnector(t) && run.length > 0)) {
      if (run.length >= MAX_NAME_TOKENS) return null;
      run.push(t);
      continue;
    }
    break;
  }
  // "CECOT, Nayib Bukele's prison": a possessor, not an expansion.
  const after = ctx.tokens[i + run.length];
  if (after?.text === "'" && LANG.possessiveSuffixes.has(ctx.tokens[i + run.length + 1]?.text ?? "")) return null;
  // "Para los retornados del CECOT, el Tren de Aragua es una etiqueta": a run its verb follows is the
  // next clause's subject, not an apposition.
  if (
    run.length &&
    run[run.length - 1]!.kind === "word" &&
    after &&
    (LANG.auxiliaries.has(after.text) || WRITTEN_COPULAS.has(ctx.text.slice(after.start, after.end).toLowerCase()))
  )
    return null;
  return finishRun(ctx, run);
}

/** Lower-case description before token `i` back to its article ("the migrant care center"). */
export function descriptionBefore(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
  let end = -1;
  let start = -1;
  for (let j = i - 1, n = 0; j >= 0 && n < 7; j--, n++) {
    const t = ctx.tokens[j]!;
    if (ctx.sentenceAt(t.start) !== sentence || t.kind !== "word") break;
    if (end < 0) end = t.end;
    if (LANG.articles.has(t.text)) break;
    start = t.start;
  }
  return start >= 0 ? { start, end, titled: false } : null;
}

export function containsPhrase(hay: string, needle: string): boolean {
  if (needle.endsWith("*")) {
    const stem = needle.slice(0, -1);
    return hay.split(" ").some((w) => w.startsWith(stem));
  }
  return ` ${hay} `.includes(` ${needle} `);
}

/**
 * Is the sentence written in title case (a headline), where every word looks like a name? A
 * lower-case word outside the expansion [from, to) says it is not ("CECOT stands for Center for
 * Temporary Confinement").
 */
export function titleCase(ctx: ArticleContext, sentence: number, from: number, to: number): boolean {
  const { start, end } = ctx.sentences[sentence]!;
  let words = 0;
  let caps = 0;
  for (let i = ctx.tokenAt(start); i < ctx.tokens.length && ctx.tokens[i]!.start < end; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind !== "word" || LANG.nameConnectors.has(t.text) || LANG.articles.has(t.text)) continue;
    const upper = isUpperAt(ctx.text, t.start);
    if (!upper && (t.start < from || t.start >= to)) return false;
    words++;
    if (upper) caps++;
  }
  return words >= 4 && caps >= words * 0.8;
}

/** Content words of a folded expansion (connectors dropped), for order-free comparison. */
function contentWords(folded: string): string[] {
  return folded.split(" ").filter((w) => w && !LANG.nameConnectors.has(w));
}

/** Is the found expansion one word away from an accepted one (a variant, a typo, a translation slip)? */
export function closeTo(found: string, accepted: readonly string[]): boolean {
  const f = new Set(contentWords(found));
  return accepted.some((a) => {
    const w = contentWords(a);
    if (w.length < 3) return false;
    const shared = w.filter((x) => f.has(x)).length;
    return shared >= w.length - 1 && f.size <= w.length + 1;
  });
}

/** Content words in a fixed order: equal keys = same words in any order ("Center for Terrorism Confinement" = "Terrorism Confinement Center"). */
export function wordsKey(folded: string): string {
  return contentWords(folded).sort().join(" ");
}

/**
 * The acronym's hits, and "the acronym" / "las siglas" opening the sentence after one that names
 * it (in the same paragraph): that noun stands for the acronym.
 */
export function withReferences(ctx: ArticleContext, hits: readonly Hit[]): Hit[] {
  const out = [...hits];
  for (const h of hits) {
    const next = ctx.sentences[h.sentence + 1];
    if (!next || next.paragraph !== ctx.sentences[h.sentence]!.paragraph) continue;
    const i = ctx.tokenAt(next.start);
    const noun = ctx.tokens[i + 1];
    if (noun && LANG.definiteArticles.has(ctx.tokens[i]!.text) && LANG.acronymNouns.has(noun.text))
      out.push({ start: noun.start, end: noun.end, sentence: h.sentence + 1 });
  }
  return out;
}
