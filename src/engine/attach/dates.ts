// Dates as parts of clauses: the edge of a state ("since March", "until July"), and dates written
// as one set ("in March and April", "15 y 16 de marzo"). Words from the language tables.
import type { ArticleContext } from "../kind-api";
import { LANG } from "../lang";
import type { DateMention } from "../text-adapter";

/** A boundary preposition (since, until, by, desde …) right before the offset, past an article: a state's edge or a deadline. */
export function boundaryBefore(ctx: ArticleContext, offset: number): boolean {
  const i = ctx.tokenAt(offset);
  for (let back = 1; back <= 2; back++) {
    const t = ctx.tokens[i - back];
    if (!t || t.kind === "punct") return false;
    if (LANG.boundaryPrepositions.has(t.text)) return true;
    // "antes de", "después de": the two-word forms.
    const prev = ctx.tokens[i - back - 1];
    if (prev && LANG.boundaryPrepositions.has(`${prev.text} ${t.text}`)) return true;
    if (!LANG.articles.has(t.text)) return false;
  }
  return false;
}

/** For each date mention, the indexes of the dates coordinated with it ("March and April", "15 y 16 de marzo"). */
export function coordinatedDates(ctx: ArticleContext, all: readonly DateMention[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const prev = all[k - 1];
    if (prev === undefined || !joins(ctx, prev.offset + prev.length, all[k]!.offset)) current = [];
    current.push(k);
    groups[k] = current;
  }
  return groups;
}

/** Is the text between two dates only a joiner: a comma, "and", "or", "y", "to", "and in" …? */
function joins(ctx: ArticleContext, from: number, to: number): boolean {
  if (to - from > 16) return false;
  const words: string[] = [];
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < to; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind === "punct" && (t.text === "," || t.text === "&")) continue;
    words.push(t.text);
  }
  return words.length === 0 || LANG.dateJoiners.has(words.join(" "));
}
