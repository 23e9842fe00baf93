// disputed: a claim that circulates without a settled source. Never pass or fail: when the
// article makes it, the verdict is "review" (not scored) so a human decides.
import { z } from "zod";
import { defineKind, type CompiledRule, type Finding } from "../kind-api";
import { compileContext, contextHolds, contextSchema, terms, type CompiledContext } from "./shared";

const options = z.object({
  terms: terms.describe("Words that signal the claim (criminal record*, antecedentes penales)"),
  context: contextSchema.optional(),
  reason: z.string().min(1).describe("Why it is disputed, shown to the editor"),
});
interface Compiled extends CompiledRule {
  set: number;
  context: CompiledContext;
  reason: string;
}

export const disputed = defineKind({
  meta: {
    name: "disputed",
    description:
      "A disputed claim: when an article makes it the verdict is review (never pass or fail) with the reason, so an editor checks the sourcing.",
    options,
    verdicts: ["review", "not_applicable"],
  },

  compile(rule, tools) {
    const c: Compiled = {
      set: tools.terms(rule.terms, "terms"),
      context: compileContext(rule.context, tools),
      reason: rule.reason,
      requires: [],
    };
    c.requires = [c.set, ...c.context.all.map((g) => g.set)];
    return c;
  },

  check(ctx, c) {
    const out: Finding[] = [];
    const done = new Set<number>();
    for (const h of ctx.hits(c.set)) {
      if (done.has(h.sentence) || !contextHolds(ctx, c.context, h.sentence)) continue;
      done.add(h.sentence);
      const s = ctx.sentences[h.sentence]!;
      out.push({
        start: s.start,
        end: s.end,
        status: "review",
        found: ctx.text.slice(h.start, h.end),
        expected: null,
        replacements: [],
        message: c.reason,
      });
    }
    return out;
  },
});
