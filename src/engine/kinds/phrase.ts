// phrase: forbidden wording with a suggested replacement (Vale's substitution) — the escape
// hatch for facts that are really about wording. Accepted wordings count as passing evidence;
// with `year`, the year written with an accepted wording ("Alien Enemies Act of 1798") is a typed
// value: any other year fails, listed or not.
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding, type Hit } from "../kind-api";
import { LANG } from "../lang";
import { compileContext, contextHolds, contextSchema, firstStartingAt, terms, type CompiledContext } from "./shared";

const options = z.object({
  forbid: z
    .array(
      z.strictObject({
        phrases: terms,
        replacement: z.string().min(1).describe("The wording to use instead"),
        message: z.string().optional(),
      }),
    )
    .min(1),
  accept: terms.optional().describe("Right wordings: passing evidence"),
  year: z
    .number()
    .int()
    .min(1)
    .max(9999)
    .optional()
    .describe(
      'The year of the accepted wording (a law\'s year): a year written with it ("Act of 1796", "Ley … de 1796", "Act (1796)") fails unless it is this one',
    ),
  context: contextSchema.optional(),
});
interface Compiled extends CompiledRule {
  forbid: Array<{ set: number; replacement: string; message?: string }>;
  accept: number | null;
  year: number | null;
  context: CompiledContext;
}

/** The year written with the wording at `h`: its own last word, "of 1798" / "de 1798", or "(1798)"; with its span. */
function yearOf(ctx: ArticleContext, h: Hit): { year: number; start: number; end: number } | null {
  const year = (i: number) => {
    const t = ctx.tokens[i];
    if (!t || t.kind !== "number" || !/^\d{4}$/.test(t.text)) return null;
    // Not part of a longer number or word ("1798s", "1,798,000").
    const n = ctx.tokens[i + 1];
    const glued =
      n !== undefined &&
      n.start === t.end &&
      (n.kind !== "punct" || (/^[.,]$/.test(n.text) && ctx.tokens[i + 2]?.kind === "number" && ctx.tokens[i + 2]!.start === n.end));
    return glued ? null : t;
  };
  const last = ctx.tokenAt(h.end) - 1;
  let t = year(last);
  if (!t) {
    const next = ctx.tokens[last + 1];
    if (next && (LANG.yearLinks.has(next.text) || next.text === "(") && ctx.sentenceAt(next.start) === h.sentence) t = year(last + 2);
    if (t && next!.text === "(" && ctx.tokens[last + 3]?.text !== ")") t = null;
  }
  return t ? { year: Number(t.text), start: t.start, end: t.end } : null;
}

export const phrase = defineKind({
  meta: {
    name: "phrase",
    description: "Forbidden wording with a suggested replacement (optionally only in a context); accepted wordings pass.",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
    runsOnAnyTerm: true,
  },

  compile(o, tools) {
    const c: Compiled = {
      forbid: o.forbid.map((f, i) => ({
        set: tools.terms(f.phrases, `forbid.${i}.phrases`),
        replacement: f.replacement,
        message: f.message,
      })),
      accept: o.accept ? tools.terms(o.accept, "accept") : null,
      year: o.year ?? null,
      context: compileContext(o.context, tools),
      requires: [],
    };
    c.requires = c.context.all.map((g) => g.set);
    return c;
  },

  check(ctx, c) {
    const out: Finding[] = [];
    for (const f of c.forbid) {
      for (const h of ctx.hits(f.set)) {
        if (!contextHolds(ctx, c.context, h.sentence)) continue;
        const quote = ctx.text.slice(h.start, h.end);
        out.push({
          start: h.start,
          end: h.end,
          status: "fail",
          found: quote,
          expected: f.replacement,
          replacements: [f.replacement],
          exact: true,
          message: f.message ?? `write "${f.replacement}" instead of "${quote}"`,
        });
      }
    }
    if (c.accept !== null) {
      // Forbidden spans sorted by start with a running max of their ends: "does an accepted
      // wording overlap a forbidden one?" is one binary search, not a scan per accepted hit.
      // (Accepted hits never overlap each other, so only the forbidden findings matter.)
      const forbidden = [...out].sort((a, b) => a.start - b.start);
      const maxEnd: number[] = [];
      for (const f of forbidden) maxEnd.push(Math.max(f.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
      const overlapsForbidden = (start: number, end: number): boolean => {
        const k = firstStartingAt(forbidden, end); // spans starting before `end` are [0, k)
        return k > 0 && maxEnd[k - 1]! > start;
      };
      for (const h of ctx.hits(c.accept)) {
        if (!contextHolds(ctx, c.context, h.sentence)) continue;
        if (overlapsForbidden(h.start, h.end)) continue;
        const y = c.year === null ? null : yearOf(ctx, h);
        const end = y ? Math.max(h.end, y.end) : h.end;
        const quote = ctx.text.slice(h.start, end);
        if (y && y.year !== c.year) {
          const fixed = ctx.text.slice(h.start, y.start) + String(c.year) + ctx.text.slice(y.end, end);
          out.push({
            start: h.start,
            end,
            status: "fail",
            found: quote,
            expected: fixed,
            replacements: [fixed],
            exact: true,
            message: `the year is ${c.year}, not ${y.year}`,
          });
          continue;
        }
        out.push({ start: h.start, end, status: "pass", found: quote, expected: null, replacements: [], exact: true });
      }
    }
    return out;
  },
});
