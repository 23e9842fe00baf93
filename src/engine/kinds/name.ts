// name: the accepted expansions of an acronym or official name. Finds expansions ATTACHED to the
// acronym — "the X (CECOT)", "CECOT (X)", "CECOT, the X", "X, known as CECOT", "CECOT, which
// stands for X" — and fails on any that is not accepted.
import { z } from "zod";
import type { ArticleContext, CompiledRule, Finding, KindModule, RuleDef } from "../kind-api";
import { foldTerm, isUpperAt } from "../text-adapter";
import type { Token } from "../text/tokens";
import { firstMentionAt, terms } from "./shared";
import { ARTICLES, NAME_CONNECTORS, NAMING } from "./words";

const options = z.object({
  acronym: terms.describe("The acronym or short name (CECOT, Cecot)"),
  accept: terms.describe("Accepted expansions, best first; a longer expansion containing one is accepted too"),
  reject_words: terms.optional().describe("Words that make even a lower-case description attached to the acronym wrong (migrant*, care, resource*)"),
  review_words: terms.optional().describe("Words that make an unlisted expansion close enough to send to review instead of failing (terror*, confin*)"),
});
type Options = z.infer<typeof options>;

interface Compiled extends CompiledRule {
  acronym: number;
  accept: string[];
  reject: string[];
  review: string[];
}

interface Candidate {
  start: number;
  end: number;
  titled: boolean;
}

/** Skip forward over these between "CECOT," and its expansion ("CECOT, short for …"). */
const LEAD_IN = new Set(["the", "el", "la", "short", "for", "which", "stands", "stand", "meaning", "or", "o", "sea", "es", "decir", "an", "acronym", "siglas", "sus", "por", "de", "is", "that"]);

function isConnector(t: Token): boolean {
  return NAME_CONNECTORS.has(t.text);
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
function titleRunBefore(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
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
      if (next && next.text === "'" && ctx.tokens[j + 2]?.text === "s") break;
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
function titleRunAfter(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
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
  if (after?.text === "'" && ctx.tokens[i + run.length + 1]?.text === "s") return null;
  return finishRun(ctx, run);
}

/** Lower-case description before token `i` back to its article ("the migrant care center"). */
function descriptionBefore(ctx: ArticleContext, i: number, sentence: number): Candidate | null {
  let end = -1;
  let start = -1;
  for (let j = i - 1, n = 0; j >= 0 && n < 7; j--, n++) {
    const t = ctx.tokens[j]!;
    if (ctx.sentenceAt(t.start) !== sentence || t.kind !== "word") break;
    if (end < 0) end = t.end;
    if (ARTICLES.has(t.text)) break;
    start = t.start;
  }
  return start >= 0 ? { start, end, titled: false } : null;
}

function containsPhrase(hay: string, needle: string): boolean {
  if (needle.endsWith("*")) {
    const stem = needle.slice(0, -1);
    return hay.split(" ").some((w) => w.startsWith(stem));
  }
  return ` ${hay} `.includes(` ${needle} `);
}

export const name: KindModule = {
  meta: {
    name: "name",
    description:
      "The accepted expansions of an acronym or official name; fails on any other expansion attached to it (\"the X (CECOT)\", \"CECOT (X)\", \"CECOT, the X\", \"X, known as CECOT\").",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(rule: RuleDef, tools) {
    const o = rule as unknown as Options;
    const norm = (xs: string[] | undefined, key: string) => {
      if (xs) tools.terms(xs, key); // validates the phrases
      return (xs ?? []).map((x) => foldTerm(x).replace(/[^\p{L}\p{N}* ]+/gu, " ").replace(/\s+/g, " ").trim());
    };
    const c: Compiled = {
      acronym: tools.terms(o.acronym, "acronym"),
      accept: norm(o.accept, "accept"),
      reject: norm(o.reject_words, "reject_words"),
      review: norm(o.review_words, "review_words"),
      requires: [],
    };
    c.requires = [c.acronym];
    return c;
  },

  check(ctx, compiled, rule) {
    const c = compiled as Compiled;
    const o = rule as unknown as Options;
    const out: Finding[] = [];
    const seen = new Set<number>();
    for (const h of ctx.hits(c.acronym)) {
      const cands: Candidate[] = [];
      const ai = ctx.tokenAt(h.start); // first token of the acronym
      const zi = ctx.tokenAt(h.end); // token after it
      const prev = ctx.tokens[ai - 1];
      const next = ctx.tokens[zi];
      // "X (CECOT" — the expansion precedes the parenthesis.
      if (prev?.text === "(") {
        const cand = titleRunBefore(ctx, ai - 1, h.sentence) ?? descriptionBefore(ctx, ai - 1, h.sentence);
        if (cand) cands.push(cand);
      }
      // "CECOT (X)".
      if (next?.text === "(") {
        const cand = titleRunAfter(ctx, zi + 1, h.sentence);
        if (cand) cands.push(cand);
      }
      // "CECOT, the X" / "CECOT, short for X" / "CECOT stands for X".
      {
        let j = zi;
        let steps = 0;
        let sawLead = false;
        while (j < ctx.tokens.length && steps < 6) {
          const t = ctx.tokens[j]!;
          if (t.text === "," || t.text === "-" || t.text === "—") { j++; steps++; continue; }
          if (t.kind === "word" && LEAD_IN.has(t.text) && (!isUpperAt(ctx.text, t.start) || ARTICLES.has(t.text))) { sawLead = true; j++; steps++; continue; }
          break;
        }
        // An article or "short for"/"stands for" must introduce it: "CECOT, President Bukele said" is no expansion.
        if (sawLead) {
          const cand = titleRunAfter(ctx, j, h.sentence);
          if (cand && cand.start > h.end) cands.push(cand);
        }
      }
      // "X, known as CECOT" / "X, or CECOT" / "X (known as CECOT)".
      {
        let j = ai - 1;
        let naming = false;
        let steps = 0;
        while (j >= 0 && steps < 5) {
          const t = ctx.tokens[j]!;
          if (NAMING.has(t.text) || t.text === "as" || t.text === "como" || t.text === "also" || t.text === "tambien") {
            if (NAMING.has(t.text)) naming = true;
            j--; steps++; continue;
          }
          if (t.text === "," || t.text === "(" || t.text === "-" || t.text === "—") { j--; steps++; continue; }
          break;
        }
        if (naming) {
          const cand = titleRunBefore(ctx, j + 1, h.sentence) ?? descriptionBefore(ctx, j + 1, h.sentence);
          if (cand) cands.push(cand);
        }
      }
      for (const cand of cands) {
        if (seen.has(cand.start)) continue;
        // A country is not an expansion ("a prison in Ecuador, known as CECOT").
        const countries = ctx.countries();
        const last = countries[firstMentionAt(countries, cand.start + 1) - 1]; // the only one that can contain it
        if (last && last.offset + last.length >= cand.end) continue;
        const quote = ctx.text.slice(cand.start, cand.end);
        const folded = foldTerm(quote).replace(/[^\p{L}\p{N} ]+/gu, " ").replace(/\s+/g, " ").trim();
        const accepted = c.accept.some((a) => containsPhrase(folded, a));
        let status: Finding["status"];
        if (accepted) status = "pass";
        else if (!cand.titled) {
          if (!c.reject.some((r) => containsPhrase(folded, r))) continue;
          status = "fail";
        } else if (c.review.some((r) => containsPhrase(folded, r)) && !c.reject.some((r) => containsPhrase(folded, r))) status = "review";
        else status = "fail";
        seen.add(cand.start);
        const spanish = /\b(de|del|para|y)\b/.test(folded);
        const best = (spanish ? o.accept.find((a) => /\b(de|del)\b/i.test(a)) : undefined) ?? o.accept[0]!;
        out.push({
          start: cand.start,
          end: cand.end,
          status,
          found: quote,
          expected: o.accept[0]!,
          replacements: status === "pass" ? [] : [best],
          exact: true,
          message:
            status === "pass" ? undefined : status === "review" ? `unlisted expansion "${quote}"; close to the accepted ones` : `"${quote}" is not what it stands for; it is ${o.accept[0]}`,
        });
      }
    }
    return out;
  },
};
