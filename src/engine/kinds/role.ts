// role: a person's title during a period. A title counts only when it is attached to the name
// ("former President Donald Trump", "ex-presidente Trump", "Senator Marco Rubio", or in
// apposition "el ministro de Interior, Diosdado Cabello"); it is judged
// as of the article's date unless the sentence itself dates the statement ("In 2019, President …").
// Not handled (left alone on purpose): a title that refers back without the name ("the former
// President"), and titles after the name ("Trump, the former president").
import { z } from "zod";
import type { ArticleContext, CompiledRule, Finding, KindModule, RuleDef } from "../kind-api";
import { isUpperAt, type DateMention } from "../text-adapter";
import { firstEndingAfter, firstMentionAt, firstStartingAt, isoDate, terms } from "./shared";

const period = z.strictObject({
  title: terms.describe("Title phrases as written before the name (President, U.S. President, presidente)"),
  from: isoDate.optional().describe("First day the title is right"),
  until: isoDate.optional().describe("Last day the title is right"),
});

const options = z.object({
  person: terms.describe("The person's names as written after a title (Donald Trump, Trump)"),
  titles: z.array(period).min(1).describe("Each title with the period in which it is right"),
  wrong_titles: terms.optional().describe("Titles that are never right for this person (appeals judge)"),
});
type Options = z.infer<typeof options>;

interface Compiled extends CompiledRule {
  person: number;
  periods: Array<{ set: number; from: string; until: string; label: string }>;
  wrong: number | null;
  then: number;
}

/** The date mentions whose sentence is `sentence` (by binary search on their offsets). */
function datesIn(ctx: ArticleContext, sentence: number): DateMention[] {
  const all = ctx.dates();
  const { from, to } = ctx.sentenceSpan(sentence);
  const out: DateMention[] = [];
  // Dates come in text order; should one ever not, fall back to a scan rather than miss it.
  if (!sortedByOffset(all)) return all.filter((d) => ctx.sentenceAt(d.offset) === sentence);
  for (let i = firstMentionAt(all, from); i < all.length && all[i]!.offset < to; i++) out.push(all[i]!);
  return out;
}

const sortedChecked = new WeakMap<readonly DateMention[], boolean>();
function sortedByOffset(list: readonly DateMention[]): boolean {
  let ok = sortedChecked.get(list);
  if (ok === undefined) {
    ok = true;
    for (let i = 1; i < list.length && ok; i++) if (list[i]!.offset < list[i - 1]!.offset) ok = false;
    sortedChecked.set(list, ok);
  }
  return ok;
}

export const role: KindModule = {
  meta: {
    name: "role",
    description:
      "A person's title during a period; fails on a title attached to the name that is not right as of the article's date (or a date stated in the same sentence).",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(rule: RuleDef, tools) {
    const o = rule as unknown as Options;
    const c: Compiled = {
      person: tools.terms(o.person, "person"),
      periods: o.titles.map((p, i) => ({
        set: tools.terms(p.title, `titles.${i}.title`),
        from: p.from ?? "0000-01-01",
        until: p.until ?? "9999-12-31",
        label: p.title[0]!,
      })),
      wrong: o.wrong_titles ? tools.terms(o.wrong_titles, "wrong_titles") : null,
      then: tools.terms(["then", "entonces", "the late", "el fallecido"], "titles"),
      requires: [],
    };
    c.requires = [c.person];
    return c;
  },

  check(ctx, compiled) {
    const c = compiled as Compiled;
    const out: Finding[] = [];
    const sets = [...c.periods.map((p) => p.set), ...(c.wrong === null ? [] : [c.wrong])];
    for (const h of ctx.hits(c.person)) {
      if (!isUpperAt(ctx.text, h.start)) continue; // "rubio" (blond), "cabello" (hair)
      // The longest title ending right before the name (only spaces between).
      let best: { start: number; end: number } | null = null;
      for (const set of sets) {
        // Only a hit ending 1–3 code units before the name can be followed by /^,?[ \u00a0]{1,2}$/.
        const hs = ctx.hits(set);
        for (let i = firstEndingAfter(hs, h.start - 4); i < hs.length; i++) {
          const t = hs[i]!;
          if (t.end > h.start) break;
          // Right before the name, or in apposition: "el ministro de Interior, Diosdado Cabello".
          if (t.sentence !== h.sentence || !/^,?[ \u00a0]{1,2}$/.test(ctx.text.slice(t.end, h.start))) continue;
          if (!best || t.start < best.start) best = { start: t.start, end: t.end };
        }
      }
      if (!best) continue;
      const b = best;
      const same = (set: number) => {
        const hs = ctx.hits(set);
        const t = hs[firstStartingAt(hs, b.start)];
        return t !== undefined && t.start === b.start && t.end === b.end;
      };
      // "then-President Trump" / "the late President" describe the past on purpose.
      const thens = ctx.hits(c.then);
      const then = thens[firstEndingAfter(thens, b.start - 3)];
      if (then && then.end <= b.start) continue;
      const title = ctx.text.slice(b.start, b.end);
      const matching = c.periods.filter((p) => same(p.set));
      const wrong = c.wrong !== null && same(c.wrong);
      const validAt = (d: string) => matching.some((p) => p.from <= d && d <= p.until);
      const now = c.periods.filter((p) => p.from <= ctx.asOf && ctx.asOf <= p.until).map((p) => p.label);
      let ok = !wrong && validAt(ctx.asOf);
      if (!ok && !wrong) {
        // A year stated in the sentence dates the statement: "In 2019, President Trump …".
        const stated = datesIn(ctx, h.sentence).filter((d) => !d.relative && d.year !== undefined);
        if (stated.some((d) => matching.some((p) => p.from.slice(0, 4) <= String(d.year) && String(d.year) <= p.until.slice(0, 4)))) continue;
      }
      out.push({
        start: b.start,
        end: h.end,
        status: ok ? "pass" : "fail",
        found: title,
        expected: now.join(" / ") || null,
        replacements: ok ? [] : now.slice(0, 1).map((t) => `${t} ${ctx.text.slice(h.start, h.end)}`),
        exact: true,
        message: ok ? undefined : `"${title}" is not right as of ${ctx.asOf}${now.length ? `; use "${now[0]}"` : ""}`,
      });
    }
    return out;
  },
};
