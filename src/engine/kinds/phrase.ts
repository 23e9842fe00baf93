// phrase: forbidden wording with a suggested replacement (Vale's substitution) — the escape
// hatch for facts that are really about wording. Accepted wordings count as passing evidence.
import { z } from "zod";
import { defineKind, type CompiledRule, type Finding } from "../kind-api";
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
  context: contextSchema.optional(),
});
interface Compiled extends CompiledRule {
  forbid: Array<{ set: number; replacement: string; message?: string }>;
  accept: number | null;
  context: CompiledContext;
}

export const phrase = defineKind({
  meta: {
    name: "phrase",
    description: "Forbidden wording with a suggested replacement (optionally only in a context); accepted wordings pass.",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const c: Compiled = {
      forbid: o.forbid.map((f, i) => ({ set: tools.terms(f.phrases, `forbid.${i}.phrases`), replacement: f.replacement, message: f.message })),
      accept: o.accept ? tools.terms(o.accept, "accept") : null,
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
        out.push({ start: h.start, end: h.end, status: "fail", found: quote, expected: f.replacement, replacements: [f.replacement], exact: true, message: f.message ?? `write "${f.replacement}" instead of "${quote}"` });
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
        const quote = ctx.text.slice(h.start, h.end);
        out.push({ start: h.start, end: h.end, status: "pass", found: quote, expected: null, replacements: [], exact: true });
      }
    }
    return out;
  },
});
