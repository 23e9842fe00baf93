// The OpenAPI description of /v1/rulesets (src/http/rulesets.ts): versions, drafts, previews,
// publish and activate. Schemas come from the routes' zod schemas where there is one.
import { z } from "zod";
import { PREVIEW_CHUNK } from "../use-cases/ruleset-preview";
import { common, error, int, json, nullable, ok, type JsonSchema, type Paths, ref, str } from "./openapi/kit";
import { draftSchema, MAX_DRAFT_BODY_BYTES, PREVIEW_NOTE, previewSchema } from "./rulesets";

const version: JsonSchema = { type: "string", pattern: "^[0-9a-f]{16}$", description: "A ruleset version: the engine's content hash." };
const forbidden = error("The read-only token cannot change rulesets (use API_TOKEN or a write token).");
const conflict = error("The draft is already published (or was just published by another request).");
const draftId = { name: "id", in: "path" as const, required: true, description: "The draft id.", schema: str };
const issue: JsonSchema = {
  type: "object",
  description: "One located rule file problem, as `rules lint` prints it.",
  properties: { file: str, line: nullable(int), column: nullable(int), rule: nullable(str), key: nullable(str), message: str },
  required: ["file", "line", "column", "rule", "key", "message"],
};
const invalid = ok("Invalid files: `error.issues` lists every located problem (file, line, column, rule, key).", {
  allOf: [
    ref("Error"),
    { type: "object", properties: { error: { type: "object", properties: { issues: { type: "array", items: issue } } } } },
  ],
});
const ruleChanges: JsonSchema = {
  type: "object",
  properties: { added: { type: "array", items: str }, removed: { type: "array", items: str }, edited: { type: "array", items: str } },
};
const draft: JsonSchema = {
  type: "object",
  properties: {
    id: str,
    status: { enum: ["open", "published"] },
    base_version: version,
    version,
    created_by: nullable(str),
    created_at: str,
    published_at: nullable(str),
    changes: { type: "array", items: { type: "object", properties: { path: str, removed: { type: "boolean" }, text: nullable(str) } } },
    rule_changes: ruleChanges,
    rules: { type: "array", items: ref("Rule") },
    examples: {
      type: "array",
      description: "Every example of each added or edited rule, run against the draft.",
      items: {
        type: "object",
        properties: { rule: str, index: int, text: str, expect: str, got: str, ok: { type: "boolean" }, problem: nullable(str) },
      },
    },
    examples_failed: int,
  },
  required: ["id", "status", "base_version", "version", "changes", "rule_changes", "rules", "examples", "examples_failed"],
};
const preview: JsonSchema = {
  type: "object",
  properties: {
    id: str,
    draft_id: str,
    version,
    against_version: { ...version, description: "The current version the draft is compared with." },
    status: { enum: ["running", "finished"] },
    as_of: str,
    articles: { type: "object", properties: { total: int, scored: int, failed: int } },
    summary: { type: "object", properties: { articles_changed: int, new_failures: int, fixed: int, changed: int } },
    items: {
      type: "array",
      description: "The articles with a change, newest checked first.",
      items: {
        type: "object",
        properties: {
          article_id: str,
          title: nullable(str),
          url: nullable(str),
          outcome: { type: "object", properties: { before: str, after: str } },
          score: { type: "object", properties: { before: nullable({ type: "number" }), after: nullable({ type: "number" }) } },
          rules: {
            type: "array",
            items: {
              type: "object",
              properties: {
                rule: str,
                change: { enum: ["new_failure", "fixed", "changed"] },
                from: nullable(str),
                to: nullable(str),
                quotes: { type: "array", items: str },
              },
            },
          },
        },
      },
    },
  },
};
const activation: JsonSchema = {
  type: "object",
  properties: { version, previous_version: version, activated_at: str, activated_by: nullable(str), draft: str },
  required: ["version", "previous_version", "activated_at"],
};
const body = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" }) as JsonSchema;

export const rulesetApiDoc = (): Paths => ({
  "/v1/rulesets": {
    get: {
      summary: "Every stored ruleset version, the current one marked",
      tags: ["rules"],
      operationId: "listRulesets",
      responses: {
        200: ok("Versions, newest first (at most 100).", {
          type: "object",
          properties: {
            current: { type: "object", properties: { version, activated_at: nullable(str), activated_by: nullable(str) } },
            bundled_version: version,
            items: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  version,
                  rules: int,
                  first_seen_at: str,
                  current: { type: "boolean" },
                  bundled: { type: "boolean" },
                  activatable: {
                    type: "boolean",
                    description: "Its rule files are stored (versions seen before runtime rulesets are not).",
                  },
                },
              },
            },
          },
        }),
        401: common[401],
      },
    },
  },
  "/v1/rulesets/drafts": {
    post: {
      summary: "Create a draft: changed, added or removed rule files over a base version (default: current)",
      description: `Validated exactly as \`rules lint\` validates; the examples of every added or edited rule are run. Bodies over ${MAX_DRAFT_BODY_BYTES} bytes get 413.`,
      tags: ["rules"],
      operationId: "createRulesetDraft",
      requestBody: { required: true, content: json(body(draftSchema)) },
      responses: {
        201: ok("The draft, its rules and its examples' results.", draft),
        400: invalid,
        401: common[401],
        403: forbidden,
        404: error("No such base version with stored files."),
        413: error("Too many files or bytes."),
      },
    },
  },
  "/v1/rulesets/drafts/{id}": {
    get: {
      summary: "One draft",
      tags: ["rules"],
      operationId: "getRulesetDraft",
      parameters: [draftId],
      responses: { 200: ok("The draft.", draft), 401: common[401], 404: common[404] },
    },
    delete: {
      summary: "Discard an open draft (and its previews)",
      tags: ["rules"],
      operationId: "discardRulesetDraft",
      parameters: [draftId],
      responses: { 204: { description: "Discarded." }, 401: common[401], 403: forbidden, 404: common[404] },
    },
  },
  "/v1/rulesets/drafts/{id}/preview": {
    post: {
      summary: "Preview a draft's impact on the stored archive, newest first, without storing any verdict",
      description: `${PREVIEW_NOTE} Chunks of ${PREVIEW_CHUNK} articles.`,
      tags: ["rules"],
      operationId: "previewRulesetDraft",
      parameters: [draftId],
      requestBody: { required: false, content: json(body(previewSchema)) },
      responses: {
        201: ok("Finished inline.", preview),
        202: ok("Running on the queue: poll the Location.", preview),
        400: common[400],
        401: common[401],
        403: forbidden,
        404: common[404],
        409: conflict,
      },
    },
  },
  "/v1/rulesets/drafts/{id}/previews/{preview}": {
    get: {
      summary: "A preview's results so far",
      tags: ["rules"],
      operationId: "getRulesetPreview",
      parameters: [draftId, { name: "preview", in: "path", required: true, description: "The preview id.", schema: str }],
      responses: { 200: ok("The preview.", preview), 401: common[401], 404: common[404] },
    },
  },
  "/v1/rulesets/drafts/{id}/publish": {
    post: {
      summary: "Publish a draft: its version becomes current in every isolate within seconds",
      tags: ["rules"],
      operationId: "publishRulesetDraft",
      parameters: [draftId],
      responses: { 200: ok("Published.", activation), 401: common[401], 403: forbidden, 404: common[404], 409: conflict },
    },
  },
  "/v1/rulesets/{version}/activate": {
    post: {
      summary: "Make a stored version current again (rollback)",
      tags: ["rules"],
      operationId: "activateRuleset",
      parameters: [{ name: "version", in: "path", required: true, description: "A version from GET /v1/rulesets.", schema: version }],
      responses: {
        200: ok("Activated.", activation),
        401: common[401],
        403: forbidden,
        404: error("No such version with stored files."),
        409: error("The version no longer loads with this engine (`error.issues`)."),
      },
    },
  },
});
