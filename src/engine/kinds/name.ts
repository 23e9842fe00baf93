// name: the accepted expansions of an acronym or official name. Finds expansions ATTACHED to the
// acronym — "the X (CECOT)", "CECOT (X)", "CECOT, the X", "X, known as CECOT", "CECOT, which
// stands for X" — and compares their words with the accepted ones: any other expansion fails; one
// that differs from an accepted expansion by a single word is sent to review (a variant or a typo?).
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding } from "../kind-api";
import { LANG } from "../lang";
import { foldTerm, isUpperAt } from "../text-adapter";
import type { Token } from "../text/tokens";
import { firstMentionAt, terms } from "./shared";

const options = z.object({
  acronym: terms.describe("The acronym or short name (CECOT, Cecot)"),
  accept: terms.describe("Accepted expansions, best first; a longer expansion containing one is accepted too"),
  reject: terms
    .optional()
    .describe("Words that make even a lower-case description attached to the acronym wrong (migrant*, care, resource*)"),
});

interface Compiled extends CompiledRule {
  acronym: number;
  /** The accepted expansions as a term set: written anywhere as a name, they confirm it. */
  acceptSet: number | null;
  /** Accepted expansions as written, best first, and as folded words. */
  names: string[];
  accept: string[];
  acceptKeys: Set<string>;
  reject: string[];
}

interface Candidate {
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
  if (after?.text === "'" && LANG.possessiveSuffixes.has(ctx.tokens[i + run.length + 1]?.text ?? "")) return null;
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
    if (LANG.articles.has(t.text)) break;
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

/** Is the sentence written in title case (a headline), where every word looks like a name? */
function titleCase(ctx: ArticleContext, sentence: number): boolean {
  const { start, end } = ctx.sentences[sentence]!;
  let words = 0;
  let caps = 0;
  for (let i = ctx.tokenAt(start); i < ctx.tokens.length && ctx.tokens[i]!.start < end; i++) {
    const t = ctx.tokens[i]!;
    if (t.kind !== "word" || LANG.nameConnectors.has(t.text) || LANG.articles.has(t.text)) continue;
    words++;
    if (isUpperAt(ctx.text, t.start)) caps++;
  }
  return words >= 4 && caps >= words * 0.8;
}

/** Content words of a folded expansion (connectors dropped), for order-free comparison. */
function contentWords(folded: string): string[] {
  return folded.split(" ").filter((w) => w && !LANG.nameConnectors.has(w));
}

/** Is the found expansion one word away from an accepted one (a variant, a typo, a translation slip)? */
function closeTo(found: string, accepted: readonly string[]): boolean {
  const f = new Set(contentWords(found));
  return accepted.some((a) => {
    const w = contentWords(a);
    if (w.length < 3) return false;
    const shared = w.filter((x) => f.has(x)).length;
    return shared >= w.length - 1 && f.size <= w.length + 1;
  });
}

/** Content words in a fixed order: equal keys = same words in any order ("Center for Terrorism Confinement" = "Terrorism Confinement Center"). */
function wordsKey(folded: string): string {
  return contentWords(folded).sort().join(" ");
}

export const name = defineKind({
  meta: {
    name: "name",
    description:
      'The accepted expansions of an acronym or official name; fails on any other expansion attached to it ("the X (CECOT)", "CECOT (X)", "CECOT, the X", "X, known as CECOT").',
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const norm = (xs: string[] | undefined) =>
      (xs ?? []).map((x) =>
        foldTerm(x)
          .replace(/[^\p{L}\p{N}* ]+/gu, " ")
          .replace(/\s+/g, " ")
          .trim(),
      );
    const c: Compiled = {
      acronym: tools.terms(o.acronym, "acronym"),
      acceptSet: tools.terms(o.accept, "accept"),
      names: o.accept,
      accept: norm(o.accept),
      acceptKeys: new Set(norm(o.accept).map(wordsKey).filter(Boolean)),
      reject: norm(o.reject),
      requires: [],
    };
    if (o.reject) tools.terms(o.reject, "reject"); // validates the phrases
    // Runs on the acronym or on an accepted name alone ("held in the Terrorism Confinement Center").
    c.requires = [];
    return c;
  },

  check(ctx, c) {
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
          if (t.text === "," || t.text === "-") {
            j++;
            steps++;
            continue;
          } // dashes fold to "-"
          if (t.kind === "word" && LANG.expansionLeadIns.has(t.text) && (!isUpperAt(ctx.text, t.start) || LANG.articles.has(t.text))) {
            sawLead = true;
            j++;
            steps++;
            continue;
          }
          break;
        }
        // An article or "short for"/"stands for" must introduce it: "CECOT, President Bukele said" is no
        // expansion. Without one, a titled run that opens like an accepted expansion is one
        // ("Cecot, Centro de Confinamiento de Migrantes").
        if (sawLead || (j > zi && ctx.tokens[zi]?.text === ",")) {
          const cand = titleRunAfter(ctx, j, h.sentence);
          if (cand && cand.start > h.end && (sawLead || opensLikeAccepted(ctx, c, cand))) cands.push(cand);
        }
      }
      // "X, known as CECOT" / "X, or CECOT" / "X (known as CECOT)".
      {
        let j = ai - 1;
        let naming = false;
        let steps = 0;
        while (j >= 0 && steps < 8) {
          const t = ctx.tokens[j]!;
          if (LANG.namingWords.has(t.text) || LANG.namingJoiners.has(t.text) || LANG.acronymWords.has(t.text)) {
            if (LANG.namingWords.has(t.text)) naming = true;
            j--;
            steps++;
            continue;
          }
          if (t.text === "," || t.text === "(" || t.text === "-") {
            j--;
            steps++;
            continue;
          }
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
        const folded = foldTerm(quote)
          .replace(/[^\p{L}\p{N} ]+/gu, " ")
          .replace(/\s+/g, " ")
          .trim();
        const accepted = c.acceptKeys.has(wordsKey(folded)) || c.accept.some((a) => containsPhrase(folded, a));
        const rejected = c.reject.some((r) => containsPhrase(folded, r));
        let status: Finding["status"];
        if (accepted) status = "pass";
        else if (!cand.titled) {
          // A lower-case description ("the notorious prison (CECOT)") is no expansion unless it says a known-wrong word.
          if (!rejected) continue;
          status = "fail";
        } else if (!rejected && titleCase(ctx, h.sentence))
          continue; // "CECOT, the Prison Where Venezuelans Were Held": a headline
        else status = !rejected && closeTo(folded, c.accept) ? "review" : "fail";
        seen.add(cand.start);
        // Suggest the accepted expansion sharing most words with the found one (its language).
        const fw = new Set(folded.split(" "));
        let best = 0;
        c.accept.forEach((a, i) => {
          const n = a.split(" ").filter((w) => fw.has(w)).length;
          if (n > c.accept[best]!.split(" ").filter((w) => fw.has(w)).length) best = i;
        });
        out.push({
          start: cand.start,
          end: cand.end,
          status,
          found: quote,
          expected: c.names[0]!,
          replacements: status === "pass" ? [] : [c.names[best]!],
          exact: true,
          message:
            status === "pass"
              ? undefined
              : status === "review"
                ? `unlisted expansion "${quote}"; close to the accepted ones`
                : `"${quote}" is not what it stands for; it is ${c.names[0]}`,
        });
      }
    }
    // An accepted expansion written as a name states the name rightly, acronym or not.
    for (const h of c.acceptSet === null ? [] : ctx.hits(c.acceptSet)) {
      if (seen.has(h.start) || !isUpperAt(ctx.text, h.start)) continue;
      seen.add(h.start);
      out.push({
        start: h.start,
        end: h.end,
        status: "pass",
        found: ctx.text.slice(h.start, h.end),
        expected: c.names[0]!,
        replacements: [],
        exact: true,
      });
    }
    return out;
  },
});

/** Do the candidate's first two words open one of the accepted expansions ("Centro de Confinamiento …")? */
function opensLikeAccepted(ctx: ArticleContext, c: Compiled, cand: Candidate): boolean {
  if (!cand.titled) return false;
  const words = foldTerm(ctx.text.slice(cand.start, cand.end))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.length < 3) return false;
  const head = `${words[0]} ${words[1]}`;
  return c.accept.some((a) => a.startsWith(`${head} `));
}
