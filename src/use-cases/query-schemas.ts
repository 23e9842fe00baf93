// Query-string schemas the API and the dashboard share: page size and cursor, numbers and flags
// in a query string, and the article list filters (GET /v1/articles, /v1/articles.csv, "/").
import { z } from "zod";
import { type Cursor, MAX_PAGE_SIZE, parseCursor } from "../storage/queries-page";
import { articles } from "../storage/schema";

/** A boolean flag: `?dry_run`, `?dry_run=true|1` or `?dry_run=false|0`. */
export const queryBoolean = z
  .enum(["", "true", "1", "false", "0"], { error: "expected true or false" })
  .transform((v) => v === "" || v === "true" || v === "1");

/** A number in a query string ("72.5"). */
const queryNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "expected a number")
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** `limit` (1–100, default 20) and the opaque `cursor` from a previous page's next_cursor. */
export const pageQuery = {
  limit: z
    .string()
    .regex(/^\d+$/, `expected an integer from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `expected an integer from 1 to ${MAX_PAGE_SIZE}`)
        .max(MAX_PAGE_SIZE, `expected an integer from 1 to ${MAX_PAGE_SIZE}`),
    )
    .default(20),
  cursor: z
    .string()
    .transform((token, ctx): Cursor => {
      const cursor = parseCursor(token);
      if (!cursor) ctx.addIssue({ code: "custom", message: "not a cursor this API issued; pass next_cursor from the previous page" });
      return cursor ?? { at: null, id: "" };
    })
    .optional(),
};

export const articleListQuery = z
  .strictObject({
    outcome: z.enum(articles.latestOutcome.enumValues).optional(),
    min_score: queryNumber(0, 100).optional(),
    max_score: queryNumber(0, 100).optional(),
    rule: z.string().min(1).max(200).optional(),
    source: z.string().min(1).max(64).optional(),
    status: z.enum(articles.status.enumValues).optional(),
    q: z.string().min(1).max(200).optional(),
    ...pageQuery,
  })
  .refine((f) => f.min_score === undefined || f.max_score === undefined || f.min_score <= f.max_score, {
    error: "must not be greater than max_score",
    path: ["min_score"],
  });
