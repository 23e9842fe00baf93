// The pieces every route's OpenAPI description is built from: the document's types, response
// and parameter helpers, and the shared enums — each read from where the value is defined
// (the drizzle schema, the error codes), never copied.
import { z } from "zod";
import { MAX_PAGE_SIZE } from "../../storage/queries-page";
import { articles, feedback, runs, verdicts } from "../../storage/schema";
import { ERROR_CODES } from "../errors";

export type JsonSchema = z.core.JSONSchema.BaseSchema;
type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

export interface MediaContent {
  [mediaType: string]: { schema: JsonSchema; example?: unknown };
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: MediaContent;
}

export interface Operation {
  summary: string;
  description?: string;
  tags: string[];
  operationId: string;
  /** `[]` marks a public route; omitted means the document-wide bearer auth applies. */
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  requestBody?: { required: boolean; description?: string; content: MediaContent };
  responses: Record<string, ResponseObject>;
}

/** What each route module exports: its paths, built on first request (z.toJSONSchema is not free). */
export type Paths = Record<string, Partial<Record<Method, Operation>>>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
export const str: JsonSchema = { type: "string" };
export const int: JsonSchema = { type: "integer", minimum: 0 };
export const object = (description: string): JsonSchema => ({ type: "object", description });
export const json = (schema: JsonSchema): MediaContent => ({ "application/json": { schema } });
export const ok = (description: string, schema: JsonSchema): ResponseObject => ({ description, content: json(schema) });
export const error = (description: string): ResponseObject => ({ description, content: json(ref("Error")) });
export const csv = (description: string): ResponseObject => ({ description, content: { "text/csv": { schema: str } } });

export const common = {
  400: error("Validation failed (the message names the field)."),
  401: error("Missing or invalid bearer token."),
  404: error("Not found."),
};

// Enums from their source.
export const outcome: JsonSchema = { type: "string", enum: [...runs.outcome.enumValues] };
export const verdictStatus: JsonSchema = { type: "string", enum: [...verdicts.status.enumValues] };
export const severity: JsonSchema = { type: "string", enum: [...verdicts.severity.enumValues] };
export const runTrigger: JsonSchema = { type: "string", enum: [...runs.trigger.enumValues] };
export const articleStatus: JsonSchema = { type: "string", enum: [...articles.status.enumValues] };
export const feedbackLabel: JsonSchema = { type: "string", enum: [...feedback.label.enumValues] };
export const errorCode: JsonSchema = { type: "string", enum: [...ERROR_CODES] };
export const counts: JsonSchema = {
  type: "object",
  properties: Object.fromEntries(verdicts.status.enumValues.map((s) => [s, int])),
  required: [...verdicts.status.enumValues],
};

export const pageOf = (item: string): JsonSchema => ({
  type: "object",
  properties: {
    items: { type: "array", items: ref(item) },
    next_cursor: nullable({ type: "string", description: "Pass as `cursor` for the next page; null on the last page." }),
  },
  required: ["items", "next_cursor"],
});

export const idParameter = (what: string): Parameter => ({
  name: "id",
  in: "path",
  required: true,
  description: `The ${what} id.`,
  schema: str,
});

/**
 * The query parameters of a strict zod query schema, as the caller sends them (strings, before
 * any transform), so a route's documented parameters are the ones it validates.
 */
export function queryParameters(schema: z.ZodObject, descriptions: Record<string, string> = {}): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    // A query parameter is absent or a string: "optional" and "nullable" say nothing more.
    let inner = field as z.ZodType;
    while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    const { $schema: _, ...json } = z.toJSONSchema(inner, { io: "input", unrepresentable: "any" }) as JsonSchema & { $schema?: string };
    const parameter: Parameter = { name, in: "query", schema: json };
    if (descriptions[name]) parameter.description = descriptions[name];
    if (!(field as z.ZodType).safeParse(undefined).success) parameter.required = true;
    return parameter;
  });
}

/** Descriptions of the paging parameters every list shares (use-cases/query-schemas.ts pageQuery). */
export const pageDescriptions = { limit: `Page size, 1–${MAX_PAGE_SIZE} (default 20).`, cursor: "The previous page's next_cursor." };
