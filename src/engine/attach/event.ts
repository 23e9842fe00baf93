// The `event` option of value rules: which event a value must belong to, the predicates it shares
// with another event and how their places tell them apart, when it happened and whose it is.
import { z } from "zod";
import type { CompileTools } from "../kind-api";
import { partialDate, terms } from "../rule-parts";

export const eventSchema = z
  .strictObject({
    terms: terms.describe("The event's predicates: verbs and nouns that state it (released, freed, liberados, the release)"),
    ambiguous: z
      .strictObject({
        terms: terms.describe("Predicates this event shares with another (arrived, flown, llegaron)"),
        with: terms.describe("Words that, in the same clause, make a shared predicate this event (a destination: Caracas, Maiquetía)"),
        from: terms.optional().describe("Origins that, in the same clause, make a shared predicate this event (flown out of Texas)"),
        without: terms.optional().describe("Destinations (after to, into, a, hacia) that, in the same clause, make it another event's"),
      })
      .optional(),
    when: partialDate
      .optional()
      .describe(
        'When the event happened: a value in a clause dated otherwise belongs to another occurrence (with a day, also a part of the month that leaves it out: "late March" for the 15th)',
      ),
    identify: terms
      .optional()
      .describe(
        "The event repeats (several flights): a value counts only where this occurrence is identified — a date agreeing with `when`, one of these marks in the sentence (first flights, Harlingen), or an article published in the `when` month",
      ),
    group: z
      .strictObject({
        sizes: z.array(z.number().int().min(0)).min(1).describe("How many people the event's group counts (and its known parts)"),
        terms: terms.describe("Nouns that count people (Venezuelans, men, hombres)"),
        nationality: z
          .array(z.string().regex(/^[A-Z]{2}$/))
          .optional()
          .describe('The group\'s nationality (ISO 3166 codes): "six Americans" counts another group'),
        shared_at: terms
          .optional()
          .describe(
            "Places every member shared the event at: one person's event there is the group's (\"he spent six months in CECOT\"), where elsewhere it is his own",
          ),
      })
      .optional()
      .describe('Whose event it is: a clause that counts people otherwise ("177 of them were flown …") is about another group'),
  })
  .describe(
    "The event the value belongs to: a value counts only when its clause states this event (dates: when this event is the nearest predicate). Statements, rulings, plans, corrections and other events' values are skipped.",
  );

export type EventDef = z.infer<typeof eventSchema>;

/**
 * How a value mention (a number, a date) is tied to a rule's fact: context terms in its
 * sentence/paragraph, an optional nearby term, and words it must not directly follow.
 * Shared by the quantity and date kinds.
 */
export interface CompiledEvent {
  set: number;
  ambiguous: {
    set: number;
    with: number;
    from: number | null;
    without: number | null;
    /** with, from and without (those given) with their roles, in that order: what placesSay looks for. */
    places: ReadonlyArray<readonly [number, "with" | "from" | "without"]>;
  } | null;
  when: { y: number; m?: number; d?: number } | null;
  group: { sizes: number[]; set: number; nationality: string[] | null; sharedAt: number | null } | null;
  identify: number | null;
}

export function compileEvent(e: EventDef | undefined, tools: CompileTools): CompiledEvent | null {
  if (!e) return null;
  const set = tools.terms(e.terms, "event.terms");
  tools.predicate(set);
  let ambiguous: CompiledEvent["ambiguous"] = null;
  if (e.ambiguous) {
    const set = tools.terms(e.ambiguous.terms, "event.ambiguous.terms");
    const w = tools.terms(e.ambiguous.with, "event.ambiguous.with");
    const from = e.ambiguous.from ? tools.terms(e.ambiguous.from, "event.ambiguous.from") : null;
    const without = e.ambiguous.without ? tools.terms(e.ambiguous.without, "event.ambiguous.without") : null;
    const places: Array<readonly [number, "with" | "from" | "without"]> = [[w, "with"]];
    if (from !== null) places.push([from, "from"]);
    if (without !== null) places.push([without, "without"]);
    ambiguous = { set, with: w, from, without, places };
    tools.predicate(ambiguous.set);
  }
  const when = e.when ? e.when.split("-").map(Number) : null;
  const group = e.group
    ? {
        sizes: e.group.sizes,
        set: tools.terms(e.group.terms, "event.group.terms"),
        nationality: e.group.nationality ?? null,
        sharedAt: e.group.shared_at ? tools.terms(e.group.shared_at, "event.group.shared_at") : null,
      }
    : null;
  const identify = e.identify ? tools.terms(e.identify, "event.identify") : null;
  return { set, ambiguous, when: when ? { y: when[0]!, m: when[1], d: when[2] } : null, group, identify };
}
