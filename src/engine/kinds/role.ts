// role: a person's title during a period. A title counts only when it is attached to the name
// ("former President Donald Trump", "ex-presidente Trump", in apposition "el ministro de Interior,
// Diosdado Cabello", or after it: "James Boasberg, Chief Judge of the U.S. District Court"). It is
// read as a typed value (role-title.ts): any office other than the right one for the date fails,
// and so does a country adjective naming another country ("Honduran President Nayib Bukele").
// A title is judged as of the article's date unless the sentence dates it ("In 2019, President …";
// a date excuses a title only at its own granularity: "In March 2025, former President" does not).
// Not handled (left alone on purpose): a title that refers back without the name ("the former President").
import { z } from "zod";
import { defineKind, type ArticleContext, type CompiledRule, type Finding, type Hit } from "../kind-api";
import { LANG } from "../lang";
import { countryName, isUpperAt, type DateMention } from "../text-adapter";
import { namesOffice, offices, sameOffice, type Offices } from "./role-offices";
import { bodyNameBefore, inTitle, parseTitle, titleBefore, titleVocab, type Title, type TitleSpan } from "./role-title";
import { complementAfter, memberAfter, pastRelativeAfter, titleAfter, titlePredicate } from "./role-title-after";
import { firstEndingAfter, firstMentionAt, isoDate, terms } from "./shared";

const period = z.strictObject({
  title: terms.describe("Title phrases as written next to the name (President, U.S. President, presidente)"),
  from: isoDate.optional().describe("First day the title is right"),
  until: isoDate.optional().describe("Last day the title is right"),
});

const options = z.object({
  person: terms.describe("The person's names as written after a title (Donald Trump, Trump)"),
  titles: z.array(period).min(1).describe("Each title with the period in which it is right; any other office attached to the name fails"),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as SV")
    .optional()
    .describe("The country the person's office belongs to: a title naming another country fails (Honduran President)"),
  reject: terms
    .optional()
    .describe("Titles known to be wrong for this person (appeals judge): they always fail, and extend the title read next to the name"),
});

interface Period {
  set: number;
  from: string;
  until: string;
  label: string;
  titles: Offices;
}

interface Compiled extends CompiledRule {
  person: number;
  periods: Period[];
  reject: number | null;
  vocab: Set<string>;
  country: string | null;
}

/** The date mentions whose sentence is `sentence` (dates come sorted by offset). */
function datesIn(ctx: ArticleContext, sentence: number): DateMention[] {
  const all = ctx.dates();
  const { from, to } = ctx.sentenceSpan(sentence);
  const out: DateMention[] = [];
  for (let i = firstMentionAt(all, from); i < all.length && all[i]!.offset < to; i++) out.push(all[i]!);
  return out;
}

/** The last explicit dated mention (with a year) before `offset` in the sentence's paragraph. */
function narrativeDate(ctx: ArticleContext, sentence: number, offset: number): DateMention[] {
  const all = ctx.dates();
  const paragraph = ctx.sentences[sentence]!.paragraph;
  for (let i = firstMentionAt(all, offset) - 1; i >= 0; i--) {
    const d = all[i]!;
    if (ctx.sentences[ctx.sentenceAt(d.offset)]!.paragraph !== paragraph) break;
    if (d.year !== undefined) return [d];
  }
  return [];
}

/** Does the sentence hold one of the phrases (up to three words), starting before `before`? */
function sentenceSays(ctx: ArticleContext, sentence: number, phrases: Set<string>, before = Infinity): boolean {
  const { from, to } = ctx.sentenceSpan(sentence);
  for (let i = ctx.tokenAt(from); i < ctx.tokens.length && ctx.tokens[i]!.start < Math.min(to, before); i++) {
    let phrase = "";
    for (let n = 0; n < 3 && i + n < ctx.tokens.length; n++) {
      phrase = n ? `${phrase} ${ctx.tokens[i + n]!.text}` : ctx.tokens[i]!.text;
      if (phrases.has(phrase)) return true;
    }
  }
  return false;
}

/** Does the sentence set itself in the publication's present ("This week, Vice President … said")? */
const inThePresent = (ctx: ArticleContext, sentence: number) => sentenceSays(ctx, sentence, LANG.presentMarkers);

/** Does a change of office follow the name, an aside or a few words between ("Delcy Rodríguez asume como …")? */
function changesOffice(ctx: ArticleContext, nameEnd: number): boolean {
  const sentence = ctx.sentenceAt(nameEnd);
  const { to } = ctx.sentenceSpan(sentence);
  const first = ctx.tokenAt(nameEnd);
  for (let i = first; i < ctx.tokens.length && i < first + 8 && ctx.tokens[i]!.start < to; i++) {
    let phrase = "";
    for (let n = 0; n < 4 && i + n < ctx.tokens.length; n++) {
      phrase = n ? `${phrase} ${ctx.tokens[i + n]!.text}` : ctx.tokens[i]!.text;
      if (LANG.officeChanges.has(phrase)) return true;
    }
  }
  return false;
}

/** Does the sentence set what follows in an undated past ("A year ago, President Maduro's government …", "en ese momento")? */
const inThePast = (ctx: ArticleContext, sentence: number, before: number) => sentenceSays(ctx, sentence, LANG.pastMarkers, before);

/** Does the period hold at the date, compared at the date's own granularity (2025 ≠ March 2025)? */
function holdsAt(p: Period, d: DateMention): boolean {
  if (d.year === undefined) return false;
  const y = String(d.year).padStart(4, "0");
  const m = d.month === undefined || d.granularity === "year" ? null : String(d.month).padStart(2, "0");
  const day = m === null || d.day === undefined || d.granularity !== "day" ? null : String(d.day).padStart(2, "0");
  const key = day ? `${y}-${m}-${day}` : m ? `${y}-${m}` : y;
  return p.from.slice(0, key.length) <= key && key <= p.until.slice(0, key.length);
}

/** The longest of the rule's own title phrases (or rejected ones) ending right before the name. */
function literalBefore(ctx: ArticleContext, c: Compiled, h: Hit): { start: number; end: number; set: number } | null {
  let best: { start: number; end: number; set: number } | null = null;
  for (const set of [...c.periods.map((p) => p.set), ...(c.reject === null ? [] : [c.reject])]) {
    const hs = ctx.hits(set);
    // Only a hit ending 1–3 code units before the name can be followed by /^,?[ \u00a0]{1,2}$/.
    for (let i = firstEndingAfter(hs, h.start - 4); i < hs.length; i++) {
      const t = hs[i]!;
      if (t.end > h.start) break;
      if (t.sentence !== h.sentence || !/^,?[ \u00a0]{1,2}$/.test(ctx.text.slice(t.end, h.start))) continue;
      if (!best || t.start < best.start) best = { start: t.start, end: t.end, set };
    }
  }
  return best;
}

/** Judges one title attached to the name; null when it is not judged. */
function judge(ctx: ArticleContext, c: Compiled, h: Hit, span: TitleSpan, rejected: boolean): Finding | null {
  const t = span.title;
  const name = ctx.text.slice(h.start, h.end);
  const found = ctx.text.slice(span.start, span.end);
  const now = c.periods.filter((p) => p.from <= ctx.asOf && ctx.asOf <= p.until);
  const nowLabel = now.map((p) => p.label);
  const matching = c.periods.filter((p) => sameOffice(t, p.titles));
  // "then-President Maduro": the past on purpose. It confirms a title held before the article's
  // date; anything else is left alone (which time "then" means is not known).
  if (t.then) {
    const held = matching.some((p) => p.from <= ctx.asOf) && (c.country === null || t.countries.every((k) => k === c.country));
    return held
      ? {
          start: Math.min(span.start, h.start),
          end: Math.max(span.end, h.end),
          status: "pass",
          found,
          expected: null,
          replacements: [],
          exact: true,
        }
      : null;
  }
  // A past title ("former Mayor") is right when the office it names was held before and is not held now.
  const pastOk =
    t.former &&
    !matching.length &&
    (() => {
      const bare: Title = { ...t, former: false };
      const held = c.periods.filter((p) => sameOffice(bare, p.titles));
      return held.length > 0 && held.every((p) => p.until < ctx.asOf);
    })();
  if (!rejected && !matching.length && !pastOk && !namesOffice(t)) return null;
  const wrongCountry = c.country !== null && t.countries.some((k) => k !== c.country);
  // "Secretary of State and National Security Adviser Marco Rubio": every part a title held now.
  const partsOk = t.parts.length > 1 && t.parts.every((part) => now.some((p) => sameOffice(part, p.titles)));
  const ok = !rejected && !wrongCountry && (pastOk || partsOk || matching.some((p) => now.includes(p)));
  // "A year ago, President Maduro's government …": a title the person held before today, in a
  // sentence set in an undated past, is not judged as of today.
  if (!ok && !rejected && !wrongCountry && matching.some((p) => p.from <= ctx.asOf) && inThePast(ctx, h.sentence, h.start)) return null;
  // "la vicepresidenta Delcy Rodríguez asume como presidenta encargada": the title held until the
  // change the sentence states.
  if (!ok && !rejected && !wrongCountry && matching.some((p) => p.until < ctx.asOf) && changesOffice(ctx, h.end)) return null;
  if (!ok && !rejected && !wrongCountry && matching.length && !inThePresent(ctx, h.sentence)) {
    // A date stated in the sentence dates the statement: "In 2019, President Trump …"; without
    // one, the narrative time does: the last date stated before it in its paragraph ("On 20 July
    // 1969 … President Nixon spoke to the crew" in a retrospective).
    const stated = datesIn(ctx, h.sentence).filter((d) => d.year !== undefined); // "in July": resolved against the publication date
    const narrative = stated.length ? [] : narrativeDate(ctx, h.sentence, h.start);
    if ([...stated, ...narrative].some((d) => matching.some((p) => holdsAt(p, d)))) return null;
  }
  if (!ok && t.qualified) return null;
  const start = Math.min(span.start, h.start);
  const end = Math.max(span.end, h.end);
  const before = span.end <= h.start;
  const replacement = nowLabel[0];
  const replacements = ok || !replacement ? [] : [before ? `${replacement} ${name}` : `${name}, ${replacement}`];
  const why = wrongCountry
    ? `names ${t.countries
        .filter((k) => k !== c.country)
        .map((k) => countryName(k))
        .join(", ")}, not ${countryName(c.country!)}`
    : `is not right as of ${ctx.asOf}`;
  return {
    start,
    end,
    status: ok ? "pass" : "fail",
    found,
    expected: nowLabel.join(" / ") || null,
    replacements,
    exact: true,
    message: ok ? undefined : `"${found}" ${why}${nowLabel.length ? `; use "${nowLabel[0]}"` : ""}`,
  };
}

/**
 * The title in apposition after the name, judged; false when a past relative clause after it
 * keeps it from failing ("Nicolás Maduro, the president whose government welcomed them": it
 * describes him as he was then, so it may confirm the title, never fail it). `closed`: only an
 * apposition closed by punctuation that opens no list ("President Trump, Secretary of State Marco
 * Rubio and former officials" is a list).
 */
function appositionAfter(ctx: ArticleContext, c: Compiled, h: Hit, closed = false): Finding | false | null {
  const after = titleAfter(ctx, h.end, h.sentence, c.vocab);
  const g = after && (!closed || after.closed) ? judge(ctx, c, h, after, false) : null;
  if (!g) return null;
  return g.status === "pass" || !pastRelativeAfter(ctx, after!.end) ? g : false;
}

/** A title before the name joined with its body written after it. */
function withBody(title: TitleSpan, body: TitleSpan): TitleSpan {
  const t = title.title;
  const words = new Set([...t.words, ...body.title.words]);
  const countries = [...new Set([...t.countries, ...body.title.countries])];
  return { start: title.start, end: body.end, title: { ...t, words, countries, parts: [] } };
}

export const role = defineKind({
  meta: {
    name: "role",
    description:
      "A person's title during a period; fails on any other office attached to the name (before it, in apposition, or after it), or a country word naming another country, as of the article's date (or a date stated in the same sentence).",
    options,
    verdicts: ["pass", "fail", "not_applicable"],
  },

  compile(o, tools) {
    const c: Compiled = {
      person: tools.terms(o.person, "person"),
      periods: o.titles.map((p, i) => ({
        set: tools.terms(p.title, `titles.${i}.title`),
        from: p.from ?? "0000-01-01",
        until: p.until ?? "9999-12-31",
        label: p.title[0]!,
        titles: offices(p.title.map(parseTitle)),
      })),
      reject: o.reject ? tools.terms(o.reject, "reject") : null,
      vocab: titleVocab([...o.titles.flatMap((p) => p.title), ...(o.reject ?? [])]),
      country: o.country ?? null,
      requires: [],
    };
    c.requires = [c.person];
    return c;
  },

  check(ctx, c) {
    const out: Finding[] = [];
    const persons = ctx.hits(c.person);
    for (const h of persons) {
      if (!isUpperAt(ctx.text, h.start)) continue; // "rubio" (blond), "cabello" (hair)
      // "Eric Trump", "Camila Cabello": a capitalised word right before that is no title word is
      // another first name — another person.
      const prev = ctx.tokenAt(h.start) - 1;
      const p = ctx.tokens[prev];
      if (
        p &&
        p.kind === "word" &&
        p.end + 1 >= h.start &&
        isUpperAt(ctx.text, p.start) &&
        !inTitle(ctx, prev, c.vocab) &&
        bodyNameBefore(ctx, prev, c.vocab) === null // "… del Distrito de Columbia James Boasberg": a body's name
      )
        continue;
      const lit = literalBefore(ctx, c, h);
      const rejected = lit !== null && lit.set === c.reject;
      const read = titleBefore(ctx, h.start, h.sentence, c.vocab, lit?.start ?? null);
      // "Judge James Boasberg of the U.S. Court of Appeals": the body after the name is the title's too.
      const body = read && read.title.words.size ? complementAfter(ctx, h.end, h.sentence, c.vocab) : null;
      const before = read && body ? withBody(read, body) : read;
      const f = before ? judge(ctx, c, h, before, rejected) : null;
      if (f) {
        out.push(f);
        // "el juez James Boasberg, magistrado de la Corte de Apelaciones": an apposition after the
        // name states a title of its own.
        const g = body ? null : appositionAfter(ctx, c, h, true);
        if (g) out.push(g);
      } else if (!before || before.title.words.size === 0) {
        const g = appositionAfter(ctx, c, h);
        if (g) out.push(g);
        else if (g === false) continue;
        else {
          // "Rubio is the secretary of state"; "Rodríguez was sworn in as acting president" (may confirm only).
          const said = titlePredicate(ctx, h.end, h.sentence, c.vocab);
          const p = said ? judge(ctx, c, h, said, false) : null;
          if (p && (p.status === "pass" || !said!.passOnly)) out.push(p);
          else if (!said) {
            // "Boasberg, who sits on the federal appeals court": the body's members' office.
            const m = memberAfter(ctx, h.end, h.sentence, c.vocab);
            const q = m ? judge(ctx, c, h, m, false) : null;
            if (q && (q.status === "pass" || !m!.passOnly)) out.push(q);
          }
        }
      }
    }
    return out;
  },
});
