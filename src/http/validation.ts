// Request validation helpers: zod failures become 400 `validation_failed` naming each field
// ("published_at: expected an ISO 8601 date …"). Shared query schemas: src/use-cases/query-schemas.ts.
import type { MiddlewareHandler } from "hono";
import { z } from "zod";
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

/** Middleware for routes that take no query parameters: any one is refused (400), not ignored. */
export const noQuery: MiddlewareHandler = async (c, next) => {
  parseQuery(z.strictObject({}), c.req.query());
  await next();
};
