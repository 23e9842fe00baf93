// Schema pieces every rule file uses (term lists, dates), apart from the kinds so the attachment
// layer's event schema can use them too without an import cycle.
import { z } from "zod";

/** Plain phrases (case- and accent-insensitive, whole words, optional trailing `*`) or `@pack-term` references. */
export const terms = z
  .array(z.string().min(1))
  .min(1)
  .describe(
    "Plain phrases matched case- and accent-insensitively on word boundaries; a trailing * matches a word prefix (deport*); @name inserts the pack's term list `name`. Never regular expressions.",
  );

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD")
  .describe("A calendar date, YYYY-MM-DD");

/** A date at year, month or day granularity. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "use YYYY, YYYY-MM or YYYY-MM-DD")
  .describe("YYYY, YYYY-MM or YYYY-MM-DD: the granularity the fact is known at");
