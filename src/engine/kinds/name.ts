// name: the accepted expansions of an acronym or official name. Finds expansions ATTACHED to the
// acronym — "the X (CECOT)", "CECOT (X)", "CECOT, the X", "X, known as CECOT", "CECOT, which
// stands for X" — and compares their words with the accepted ones: any other expansion fails; one
// that differs from an accepted expansion by a single word is sent to review (a variant or a typo?).
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding } from "../kind-api";
import { LANG } from "../lang";
import { modifiesNextWord } from "./word-class";
import { foldTerm, isUpperAt } from "../text-adapter";
import {
  closeTo,
  containsPhrase,
  descriptionBefore,
  titleCase,
  titleRunAfter,
  titleRunBefore,
  withReferences,
  wordsKey,
  type Candidate,
} from "./name-expansions";
import { firstMentionAt, terms } from "./shared";

const options = z.object({
  acronym: terms.describe("The acronym or short name (CECOT, Cecot)"),
  accept: terms.describe("Accepted expansions, best first; a longer expansion containing one is accepted too"),
  reject: terms
    .optional()
    .describe("Words that make even a lower-case description attached to the acronym wrong (migrant*, care, resource*)"),
  essential: terms
    .optional()
    .describe(
      "Words one of which every right expansion carries (terrorism*): one word off an accepted expansion without them is wrong, not a variant",
    ),
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
  essential: string[];
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
      essential: norm(o.essential),
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
    for (const h of withReferences(ctx, ctx.hits(c.acronym))) {
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
          // "CECOT, in Spanish, stands for …": commas, dashes (folded to "-") and words about the acronym.
          if (t.text === "," || t.text === "-" || LANG.acronymWords.has(t.text)) {
            j++;
            steps++;
            continue;
          }
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
          if (cand && cand.start > h.end && (sawLead || opensLikeAccepted(ctx, c, cand)) && !listsThings(ctx, cand)) cands.push(cand);
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
        // "the so-called CECOT class": an acronym that modifies the noun after it names that thing.
        const modifier = next?.kind === "word" && !next.brk && modifiesNextWord(ctx, zi);
        // "Cabello called CECOT a \"concentration camp\"": a naming verb with a second object after
        // the name (an article or a quotation) is the verb "call X Y"; X is no expansion.
        const secondObject = !!next && !next.brk && (LANG.articles.has(next.text) || next.text === '"' || next.text === "“");
        if (naming && !modifier && !secondObject) {
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
        // Nor a run a country opens ("sent to CECOT in El Salvador on March 16"): a place, then more words.
        if (last && last.offset <= cand.start && cand.start < last.offset + last.length) continue;
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
        } else if (!rejected && titleCase(ctx, h.sentence, cand.start, cand.end))
          continue; // "CECOT, the Prison Where Venezuelans Were Held": a headline
        else {
          // "Center for Temporary Confinement": one word off, but the word that says what the place is for is gone.
          const essential = c.essential.length === 0 || c.essential.some((e) => containsPhrase(folded, e));
          status = !rejected && essential && closeTo(folded, c.accept) ? "review" : "fail";
        }
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

/**
 * "CECOT, the Alien Enemies Act and the Venezuelans": a coordinator and an article inside the run, or
 * right after it ("… Act and the men sent to El Salvador"), join a list of things, not one name.
 */
function listsThings(ctx: ArticleContext, cand: Candidate): boolean {
  const last = ctx.tokenAt(cand.end); // the first token after the run
  for (let i = ctx.tokenAt(cand.start); i <= last && i < ctx.tokens.length; i++)
    if (LANG.coordinators.has(ctx.tokens[i]!.text) && LANG.articles.has(ctx.tokens[i + 1]?.text ?? "")) return true;
  return false;
}

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
