// Request validation helpers: zod failures become 400 `validation_failed` naming each field
// ("published_at: expected an ISO 8601 date …"), plus the query schemas the routes share.
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import { type Cursor, MAX_PAGE_SIZE, parseCursor } from "../storage/queries-page";
import { ApiError } from "./errors";

/** 400 validation_failed; a zod error is summarised field by field. */
export function validationError(error: z.ZodError | string, where: "body" | "query" = "body"): ApiError {
  const message = typeof error === "string" ? error : describeIssues(error.issues, where);
  return new ApiError(400, "validation_failed", message);
}

function describeIssues(issues: z.core.$ZodIssue[], where: "body" | "query"): string {
  return issues
    .flatMap((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => `${key}: unknown ${where === "query" ? "query parameter" : "field"}`);
      }
      const path = issue.path.map(String).join(".") || where;
      return [`${path}: ${issue.message}`];
    })
    .join("; ");
}

/** Validates `c.req.query()` strictly (unknown parameters are refused, not ignored). */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw validationError(parsed.error, "query");
  return parsed.data;
}

/** A boolean flag: `?dry_run`, `?dry_run=true|1` or `?dry_run=false|0`. */
export const queryBoolean = z
  .enum(["", "true", "1", "false", "0"], { error: "expected true or false" })
  .transform((v) => v === "" || v === "true" || v === "1");

/** A number in a query string ("72.5"). */
export const queryNumber = (min: number, max: number) =>
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
    .pipe(z.number().int().min(1, `expected an integer from 1 to ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `expected an integer from 1 to ${MAX_PAGE_SIZE}`))
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

/** Middleware for routes that take no query parameters: any one is refused (400), not ignored. */
export const noQuery: MiddlewareHandler = async (c, next) => {
  parseQuery(z.strictObject({}), c.req.query());
  await next();
};
