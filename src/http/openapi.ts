// GET /openapi.json: the OpenAPI 3.1 description of every route, as a typed object. The score
// request schema is generated from the zod schema that validates it, so the two cannot drift.
// To document a new route, add its entry to `paths` or `otherPaths`: test/worker/api-rules-meta.test.ts
// fails for any API route served but not described here.
import { Hono } from "hono";
import { z } from "zod";
import { MAX_PAGE_SIZE } from "../storage/queries-page";
import { deliveries } from "../storage/schema";
import { scoreRequestSchema } from "./score";
import { providers } from "./webhooks/providers";

type JsonSchema = z.core.JSONSchema.BaseSchema;
type Method = "get" | "post" | "put" | "patch" | "delete";

interface Parameter {
  name: string;
  in: "query" | "path" | "header";
  required?: boolean;
  description?: string;
  schema: JsonSchema;
}

interface MediaContent {
  [mediaType: string]: { schema: JsonSchema; example?: unknown };
}

interface ResponseObject {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: MediaContent;
}

interface Operation {
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

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  security: Record<string, string[]>[];
  tags: { name: string; description: string }[];
  components: {
    securitySchemes: Record<string, { type: "http"; scheme: "bearer"; description: string }>;
    schemas: Record<string, JsonSchema>;
  };
  paths: Record<string, Partial<Record<Method, Operation>>>;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: "null" }] });
const str: JsonSchema = { type: "string" };
const int: JsonSchema = { type: "integer", minimum: 0 };
const json = (schema: JsonSchema): MediaContent => ({ "application/json": { schema } });
const ok = (description: string, schema: JsonSchema): ResponseObject => ({ description, content: json(schema) });
const error = (description: string): ResponseObject => ({ description, content: json(ref("Error")) });

const outcome: JsonSchema = { type: "string", enum: ["pass", "warn", "fail"] };
const status: JsonSchema = { type: "string", enum: ["pass", "fail", "not_applicable", "review", "error"] };
const severity: JsonSchema = { type: "string", enum: ["critical", "major", "minor"] };
const counts: JsonSchema = {
  type: "object",
  properties: { pass: int, fail: int, not_applicable: int, review: int, error: int },
  required: ["pass", "fail", "not_applicable", "review", "error"],
};

const schemas: Record<string, JsonSchema> = {
  Error: {
    type: "object",
    properties: {
      error: {
        type: "object",
        properties: {
          code: {
            type: "string",
            enum: [
              "invalid_json",
              "validation_failed",
              "unauthorized",
              "forbidden",
              "not_found",
              "method_not_allowed",
              "conflict",
              "payload_too_large",
              "unsupported_media_type",
              "not_configured",
              "internal_error",
            ],
          },
          message: { type: "string", description: "What went wrong, naming the field, and how to fix it." },
        },
        required: ["code", "message"],
      },
    },
    required: ["error"],
  },
  Evidence: {
    type: "object",
    description: "A quoted span. Offsets count UTF-16 code units into the judged text: text.slice(offset, offset + length) === quote.",
    properties: {
      offset: int,
      length: int,
      quote: str,
      found: nullable(str),
      expected: nullable(str),
      replacements: { type: "array", items: str },
      attribution: { type: "string", enum: ["article", "quote"] },
      message: str,
    },
    required: ["offset", "length", "quote", "found", "expected", "replacements", "attribution"],
  },
  Verdict: {
    type: "object",
    properties: {
      rule: str,
      claim: str,
      kind: str,
      severity,
      status,
      evidence: { type: "array", items: ref("Evidence") },
      message: str,
    },
    required: ["rule", "claim", "kind", "severity", "status", "evidence"],
  },
  ScoreResult: {
    type: "object",
    description: "The engine's result plus where it was stored (article_id/run_id are null on a dry run).",
    properties: {
      article_id: nullable(str),
      run_id: nullable(str),
      dry_run: { type: "boolean" },
      ruleset: { type: "object", properties: { version: str, rules: int }, required: ["version", "rules"] },
      score: nullable({ type: "number", minimum: 0, maximum: 100, description: "Severity-weighted share of applicable rules that pass; null when none applies." }),
      outcome,
      counts,
      verdicts: { type: "array", items: ref("Verdict") },
      as_of: { type: "string", format: "date", description: "The judging date used." },
      text: { type: "string", description: "The judged text (derived from html when html was sent); offsets point into it." },
    },
    required: ["article_id", "run_id", "dry_run", "ruleset", "score", "outcome", "counts", "verdicts", "as_of", "text"],
  },
  ArticleSummary: {
    type: "object",
    properties: {
      id: str,
      source: str,
      external_id: str,
      url: nullable(str),
      title: nullable(str),
      published_at: nullable(str),
      language: nullable(str),
      status: { type: "string", enum: ["active", "withdrawn"] },
      content_hash: { type: "string", description: "SHA-256 hex of the stored text." },
      latest_run_id: nullable(str),
      score: nullable({ type: "number" }),
      outcome: nullable(outcome),
      failed_rules: { type: "array", items: str, description: "Rules the latest run failed." },
      last_checked_at: nullable(str),
      failing_since: nullable(str),
      created_at: str,
      updated_at: str,
    },
    required: ["id", "source", "external_id", "status", "content_hash", "failed_rules", "created_at", "updated_at"],
  },
  Run: {
    type: "object",
    properties: {
      id: str,
      article_id: str,
      trigger: { type: "string", enum: ["api", "webhook", "audit", "cli"] },
      audit_id: nullable(str),
      delivery_id: nullable(str),
      ruleset_version: str,
      content_hash: str,
      score: nullable({ type: "number" }),
      outcome,
      counts,
      as_of: { type: "string", format: "date" },
      created_at: str,
    },
    required: ["id", "article_id", "trigger", "ruleset_version", "content_hash", "score", "outcome", "counts", "as_of", "created_at"],
  },
  StoredVerdict: {
    type: "object",
    properties: {
      rule: str,
      claim: nullable({ type: "string", description: "The rule's claim in the current ruleset; null if the rule was removed since." }),
      status,
      severity,
      kind: str,
      evidence: { type: "array", items: ref("Evidence") },
      message: nullable(str),
    },
    required: ["rule", "claim", "status", "severity", "kind", "evidence", "message"],
  },
  RunWithVerdicts: {
    allOf: [ref("Run"), { type: "object", properties: { verdicts: { type: "array", items: ref("StoredVerdict") } }, required: ["verdicts"] }],
  },
  Audit: { type: "object", description: "An audit: status, counts, rule changes (see GET /v1/audits/{id})." },
  Correction: { type: "object", description: "A failing article with each failing claim, its quotes and suggested replacements." },
  Delivery: { type: "object", description: "A webhook delivery or outbound alert: provider, status, attempts, error, article and run ids." },
  Rule: {
    type: "object",
    properties: {
      id: str,
      claim: str,
      kind: str,
      severity,
      sources: { type: "array", items: str },
      tags: { type: "array", items: str },
      valid_from: nullable({ type: "string", format: "date" }),
      valid_until: nullable({ type: "string", format: "date" }),
      hash: str,
      file: str,
    },
    required: ["id", "claim", "kind", "severity", "sources", "tags", "valid_from", "valid_until", "hash", "file"],
  },
};

const pageOf = (item: string): JsonSchema => ({
  type: "object",
  properties: {
    items: { type: "array", items: ref(item) },
    next_cursor: nullable({ type: "string", description: "Pass as `cursor` for the next page; null on the last page." }),
  },
  required: ["items", "next_cursor"],
});

const pageParameters: Parameter[] = [
  { name: "limit", in: "query", description: `Page size, 1–${MAX_PAGE_SIZE}.`, schema: { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 } },
  { name: "cursor", in: "query", description: "The previous page's next_cursor.", schema: str },
];
const idParameter = (what: string): Parameter => ({ name: "id", in: "path", required: true, description: `The ${what} id.`, schema: str });

const common = {
  400: error("Validation failed (the message names the field)."),
  401: error("Missing or invalid bearer token."),
  404: error("Not found."),
};

const scoreMetadataParameters: Parameter[] = ["title", "url", "source", "external_id", "published_at", "language"].map((name) => ({
  name,
  in: "query",
  description: "With a text/plain or text/html body only: the same field as in the JSON body.",
  schema: str,
}));

// Built on first request, not at isolate start-up (z.toJSONSchema is not free).
const paths = (): OpenApiDocument["paths"] => ({
  "/healthz": {
    get: {
      summary: "Health: the Worker answers and D1 answers a trivial query",
      tags: ["meta"],
      operationId: "health",
      security: [],
      responses: {
        200: ok("Healthy.", { type: "object", properties: { ok: { const: true }, db: { const: "ok" }, ruleset: { type: "object" } } }),
        503: ok("D1 is unreachable.", { type: "object", properties: { ok: { const: false }, db: { const: "error" } } }),
      },
    },
  },
  "/openapi.json": {
    get: {
      summary: "This document",
      tags: ["meta"],
      operationId: "openapi",
      security: [],
      responses: { 200: ok("OpenAPI 3.1 document.", { type: "object" }) },
    },
  },
  "/v1/score": {
    post: {
      summary: "Score an article against the current ruleset and store every verdict",
      description:
        "JSON body, or the article as a text/plain (or text/html) body with metadata in the query string. Re-posting the same source + external_id adds a run to the same article; without external_id the url identifies the article, else the text's SHA-256.",
      tags: ["scoring"],
      operationId: "score",
      parameters: [
        { name: "dry_run", in: "query", description: "Score without storing anything.", schema: { type: "boolean", default: false } },
        ...scoreMetadataParameters,
      ],
      requestBody: {
        required: true,
        description: "At most 1 MiB, UTF-8.",
        content: {
          "application/json": { schema: z.toJSONSchema(scoreRequestSchema, { io: "input", target: "draft-2020-12" }) },
          "text/plain": { schema: str },
          "text/html": { schema: str },
        },
      },
      responses: {
        200: ok("Dry run: scored, nothing stored.", ref("ScoreResult")),
        201: {
          description: "Scored and stored.",
          headers: { location: { description: "/v1/runs/{run_id}", schema: str } },
          content: json(ref("ScoreResult")),
        },
        400: error("`invalid_json` or `validation_failed` (the message names the field)."),
        401: common[401],
        403: error("The read-only token cannot score."),
        413: error("Body over 1 MiB."),
        415: error("Content-Type is not application/json, text/plain or text/html (UTF-8)."),
      },
    },
  },
  "/v1/articles": {
    get: {
      summary: "List articles, newest-checked first",
      tags: ["articles"],
      operationId: "listArticles",
      parameters: [
        { name: "outcome", in: "query", description: "Latest run's outcome.", schema: outcome },
        { name: "min_score", in: "query", description: "Latest score ≥ this.", schema: { type: "number", minimum: 0, maximum: 100 } },
        { name: "max_score", in: "query", description: "Latest score ≤ this.", schema: { type: "number", minimum: 0, maximum: 100 } },
        { name: "rule", in: "query", description: "Only articles whose latest run failed this rule id.", schema: str },
        { name: "source", in: "query", description: "Exact source.", schema: str },
        { name: "status", in: "query", description: "active or withdrawn.", schema: { type: "string", enum: ["active", "withdrawn"] } },
        { name: "q", in: "query", description: "Case-insensitive title substring.", schema: str },
        ...pageParameters,
      ],
      responses: { 200: ok("One page of articles (without text).", pageOf("ArticleSummary")), 400: common[400], 401: common[401] },
    },
  },
  "/v1/articles/{id}": {
    get: {
      summary: "One article with its text and latest run (verdicts included)",
      tags: ["articles"],
      operationId: "getArticle",
      parameters: [idParameter("article")],
      responses: {
        200: ok("The article.", {
          allOf: [
            ref("ArticleSummary"),
            { type: "object", properties: { text: str, latest_run: nullable(ref("RunWithVerdicts")) }, required: ["text", "latest_run"] },
          ],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
  "/v1/articles/{id}/runs": {
    get: {
      summary: "An article's runs, newest first",
      tags: ["articles"],
      operationId: "listArticleRuns",
      parameters: [idParameter("article"), ...pageParameters],
      responses: { 200: ok("One page of runs (without verdicts).", pageOf("Run")), 400: common[400], 401: common[401], 404: common[404] },
    },
  },
  "/v1/runs/{id}": {
    get: {
      summary: "One run with every verdict and its evidence",
      tags: ["runs"],
      operationId: "getRun",
      parameters: [idParameter("run")],
      responses: { 200: ok("The run.", ref("RunWithVerdicts")), 401: common[401], 404: common[404] },
    },
  },
  "/v1/rules": {
    get: {
      summary: "The current ruleset",
      tags: ["rules"],
      operationId: "listRules",
      responses: {
        200: ok("Every rule.", {
          type: "object",
          properties: {
            ruleset: { type: "object", properties: { version: str, rules: int }, required: ["version", "rules"] },
            rules: { type: "array", items: ref("Rule") },
          },
          required: ["ruleset", "rules"],
        }),
        401: common[401],
      },
    },
  },
  "/v1/rules/{id}": {
    get: {
      summary: "One rule, with verdict counts over every active article's latest run",
      tags: ["rules"],
      operationId: "getRule",
      parameters: [idParameter("rule")],
      responses: {
        200: ok("The rule.", {
          allOf: [
            ref("Rule"),
            {
              type: "object",
              properties: {
                ruleset_version: str,
                stats: { allOf: [counts, { type: "object", properties: { articles: int }, required: ["articles"] }] },
              },
              required: ["ruleset_version", "stats"],
            },
          ],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
  ...otherPaths(),
});

// Routes other modules own (exports, audits, corrections, webhooks, deliveries), described here
// so the document stays whole; their handlers live in src/http/{exports,audits,corrections,deliveries}.ts
// and src/http/webhooks/.
const object = (description: string): JsonSchema => ({ type: "object", description });
const csv = (description: string): ResponseObject => ({ description, content: { "text/csv": { schema: str } } });

const otherPaths = (): OpenApiDocument["paths"] => ({
  "/v1/articles.csv": {
    get: {
      summary: "Every article's latest verdicts as CSV (UTF-8 with BOM, streamed)",
      tags: ["exports"],
      operationId: "exportArticlesCsv",
      parameters: [
        ...["outcome", "min_score", "max_score", "rule", "source", "status", "q"].map(
          (name): Parameter => ({ name, in: "query", description: "As for GET /v1/articles.", schema: str }),
        ),
        { name: "verdicts", in: "query", description: "Comma-separated verdict statuses to include (default: all but not_applicable).", schema: str },
      ],
      responses: { 200: csv("One row per verdict (and evidence quote)."), 400: common[400], 401: common[401] },
    },
  },
  "/v1/articles/{id}/claimreview": {
    get: {
      summary: "schema.org ClaimReview JSON-LD for each claim the article gets wrong",
      tags: ["exports"],
      operationId: "articleClaimReview",
      parameters: [idParameter("article")],
      responses: {
        200: { description: "ClaimReview items.", content: { "application/ld+json": { schema: { type: "array", items: { type: "object" } } } } },
        401: common[401],
        404: common[404],
      },
    },
  },
  "/v1/audits": {
    get: {
      summary: "Audits (re-checks of the archive), newest first",
      tags: ["audits"],
      operationId: "listAudits",
      parameters: pageParameters,
      responses: { 200: ok("One page of audits.", { ...pageOf("Audit") }), 400: common[400], 401: common[401] },
    },
    post: {
      summary: "Start an audit now (the nightly cron starts one at 03:00 UTC)",
      tags: ["audits"],
      operationId: "startAudit",
      responses: {
        200: ok("An audit is already running; it is returned.", { type: "object", properties: { started: { const: false }, audit: ref("Audit") } }),
        202: ok("Started.", { type: "object", properties: { started: { const: true }, audit: ref("Audit") } }),
        401: common[401],
        403: error("The read-only token cannot start audits."),
      },
    },
  },
  "/v1/audits/{id}": {
    get: {
      summary: "One audit: summary, rule changes and the articles whose verdicts changed",
      tags: ["audits"],
      operationId: "getAudit",
      parameters: [
        idParameter("audit"),
        { name: "change", in: "query", description: "Only this kind of change.", schema: { type: "string", enum: ["regression", "fixed", "changed"] } },
        ...pageParameters,
      ],
      responses: { 200: ok("The audit.", ref("Audit")), 400: common[400], 401: common[401], 404: common[404] },
    },
  },
  "/v1/audits/{id}.csv": {
    get: {
      summary: "One audit's changed articles as CSV",
      tags: ["exports"],
      operationId: "exportAuditCsv",
      parameters: [idParameter("audit")],
      responses: { 200: csv("One row per changed rule."), 401: common[401], 404: common[404] },
    },
  },
  "/v1/corrections": {
    get: {
      summary: "The corrections queue: active articles failing now, oldest failure first, with quotes and suggestions",
      tags: ["articles"],
      operationId: "listCorrections",
      parameters: [{ name: "rule", in: "query", description: "Only articles failing this rule id.", schema: str }, ...pageParameters],
      responses: { 200: ok("One page of failing articles.", pageOf("Correction")), 400: common[400], 401: common[401] },
    },
  },
  "/v1/webhooks/{provider}": {
    post: {
      summary: "Receive a CMS publish/update/unpublish webhook",
      description:
        "Authenticated by the CMS's own signature over the raw body (no bearer token). The delivery is recorded (idempotent on the provider's delivery id) and scored from the queue.",
      tags: ["webhooks"],
      operationId: "receiveWebhook",
      security: [],
      parameters: [
        {
          name: "provider",
          in: "path",
          required: true,
          description: "The CMS; enabled when its secret is set.",
          schema: { type: "string", enum: Object.keys(providers) },
        },
      ],
      requestBody: { required: true, description: "The CMS's payload, signed.", content: { "application/json": { schema: { type: "object" } } } },
      responses: {
        200: ok("Duplicate, withdrawn or ignored (nothing to score).", object("{ delivery_id, status, … }")),
        202: ok("Queued for scoring.", object("{ delivery_id, status: \"queued\" }")),
        400: error("Signed body is not JSON."),
        401: error("Missing, malformed, stale or wrong signature."),
        404: error("Unknown or not enabled provider."),
        413: error("Body over the limit."),
        422: error("Signed payload of an unusable shape."),
      },
    },
  },
  "/v1/deliveries": {
    get: {
      summary: "Webhook deliveries and outbound alerts, newest first",
      tags: ["webhooks"],
      operationId: "listDeliveries",
      parameters: [
        { name: "status", in: "query", schema: { type: "string", enum: [...deliveries.status.enumValues] } },
        { name: "provider", in: "query", schema: str },
        ...pageParameters,
      ],
      responses: { 200: ok("One page of deliveries.", pageOf("Delivery")), 400: common[400], 401: common[401] },
    },
  },
  "/v1/deliveries/{id}": {
    get: {
      summary: "One delivery with its normalised article and the run it produced",
      tags: ["webhooks"],
      operationId: "getDelivery",
      parameters: [idParameter("delivery")],
      responses: { 200: ok("The delivery.", ref("Delivery")), 401: common[401], 404: common[404] },
    },
  },
  "/v1/deliveries/{id}/retry": {
    post: {
      summary: "Put a failed delivery (or alert) back on the queue",
      tags: ["webhooks"],
      operationId: "retryDelivery",
      parameters: [idParameter("delivery")],
      responses: {
        202: ok("Queued again.", object("{ delivery_id, status: \"queued\" }")),
        401: common[401],
        403: error("The read-only token cannot retry."),
        404: common[404],
        409: error("Only failed deliveries can be retried."),
      },
    },
  },
  "/v1/tokens": {
    post: {
      summary: "Create a per-person API token (bootstrap API_TOKEN only); the secret is in this response only",
      tags: ["meta"],
      operationId: "createToken",
      requestBody: {
        required: true,
        content: { "application/json": { schema: object("{ owner: email, name: string, role?: \"write\" | \"read\" }") } },
      },
      responses: {
        201: ok("The token record with its secret `token` (only its SHA-256 is stored).", object("{ id, owner, name, role, created_by, created_at, last_used_at, revoked_at, token }")),
        400: common[400],
        401: common[401],
        403: error("Only the bootstrap API_TOKEN manages tokens."),
      },
    },
    get: {
      summary: "List per-person API tokens (no secrets)",
      tags: ["meta"],
      operationId: "listTokens",
      responses: { 200: ok("Every token, newest first.", object("{ items: [{ id, owner, name, role, created_by, created_at, last_used_at, revoked_at }] }")), 401: common[401], 403: error("Only the bootstrap API_TOKEN manages tokens.") },
    },
  },
  "/v1/tokens/{id}": {
    delete: {
      summary: "Revoke a per-person API token (its past actions keep its owner's name)",
      tags: ["meta"],
      operationId: "revokeToken",
      parameters: [idParameter("token")],
      responses: { 200: ok("The revoked token.", object("{ id, owner, name, role, revoked_at, … }")), 401: common[401], 403: error("Only the bootstrap API_TOKEN manages tokens."), 404: common[404] },
    },
  },
});

export function openApiDocument(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: {
      title: "accuracy-harness",
      version: "1",
      description:
        "Checks news articles against declarative fact rules and stores every verdict. Errors are JSON `{\"error\":{\"code\",\"message\"}}`.",
    },
    servers: [{ url: "http://localhost:8787", description: "npm start (local D1)" }],
    security: [{ bearer: [] }],
    tags: [
      { name: "scoring", description: "Judge articles." },
      { name: "articles", description: "Stored articles and their run history." },
      { name: "runs", description: "One scoring of one article." },
      { name: "rules", description: "The fact rules." },
      { name: "audits", description: "Re-checks of the whole archive and what changed." },
      { name: "exports", description: "CSV and ClaimReview for spreadsheets and fact-check aggregators." },
      { name: "webhooks", description: "CMS deliveries and their processing." },
      { name: "meta", description: "Health and this document." },
    ],
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "API_TOKEN for everything; READ_TOKEN (optional) for GET/HEAD only. /v1/webhooks/* verify CMS signatures instead.",
        },
      },
      schemas,
    },
    paths: paths(),
  };
}

// Serialised once per isolate: the document never changes while the Worker runs.
let body: string | undefined;

export const openApiRoutes = new Hono();

openApiRoutes.get("/", (c) => {
  body ??= JSON.stringify(openApiDocument());
  return c.body(body, 200, { "content-type": "application/json; charset=UTF-8" });
});
