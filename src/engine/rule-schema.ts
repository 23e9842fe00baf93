// The rule language: common fields + each kind's options, as strict zod schemas discriminated on
// `kind`. The JSON Schema in rules/schema.json is generated from these (npm run rules:schema).
import { z } from "zod";
import { KINDS } from "./kinds";
import { isoDate, terms } from "./kinds/shared";

export const RULE_ID = /^[a-z0-9_]+(\.[a-z0-9_]+)+$/;

export const exampleSchema = z.strictObject({
  text: z.string().min(1).describe("A sentence or short passage"),
  expect: z.enum(["pass", "fail", "not_applicable", "review"]).describe("The verdict this rule must give on it"),
  published_at: isoDate.optional().describe("Judge the example as of this date (else the pack's examples_as_of)"),
  found: z.string().optional().describe("A value that must be among the evidence's `found`"),
  quote: z.string().optional().describe("A span that must be among the evidence quotes"),
  note: z.string().optional(),
});

export const commonFields = {
  id: z
    .string()
    .regex(RULE_ID, "a stable dotted id in lower case, e.g. cecot.country")
    .describe("Stable dotted id; the file name is <id>.yaml"),
  claim: z.string().min(1).describe("The fact in plain words, shown to editors"),
  severity: z.enum(["critical", "major", "minor"]).describe("critical = 5, major = 3, minor = 1 in the score"),
  sources: z
    .array(z.url({ protocol: /^https?$/ }))
    .min(1)
    .describe("Where the fact was checked (full URLs)"),
  valid_from: isoDate.nullable().optional().describe("The fact holds from this date (articles are judged as of their publication date)"),
  valid_until: isoDate.nullable().optional().describe("The fact holds until this date"),
  tags: z.array(z.string().min(1)).optional(),
  note: z.string().optional().describe("Free text for rule authors"),
  examples: z
    .array(exampleSchema)
    .min(1)
    .describe("Sentences this rule must pass, fail, find not applicable or send to review; run by `accuracy-harness rules test`"),
};

const variants = [...KINDS.values()].map((k) =>
  z.strictObject({ ...commonFields, kind: z.literal(k.meta.name).describe(k.meta.description), ...k.meta.options.shape }),
);

export const ruleSchema = z.discriminatedUnion("kind", variants as unknown as [(typeof variants)[number], ...typeof variants]);

/** `pack.yaml`: settings shared by every rule in the same folder. */
export const packSchema = z.strictObject({
  pack: z.string().min(1).describe("The pack's name"),
  description: z.string().optional(),
  anchors: terms
    .optional()
    .describe(
      "The entities that anchor the pack's story (@lists allowed): its rules judge only articles that mention one, so many packs can be loaded at once",
    ),
  examples_as_of: isoDate.optional().describe("Judging date for rule examples without published_at (keeps `rules test` stable over time)"),
  terms: z
    .record(z.string().regex(/^[a-z][a-z0-9_]*$/, "term list names are lower_snake_case"), terms)
    .optional()
    .describe("Named term lists; a rule writes @name inside any term list to insert one"),
});

export type RuleInput = z.infer<typeof ruleSchema>;
export type PackInput = z.infer<typeof packSchema>;
