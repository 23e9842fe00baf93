// Editors' feedback on findings: POST/GET /v1/articles/:id/feedback, DELETE /v1/feedback/:id
// (undo) and GET /v1/feedback.json (the labels as an `eval` corpus). Writing needs a write token;
// the read token gets 403 from the auth guard like every other write.
import { Hono } from "hono";
import { z } from "zod";
import { getArticle } from "../storage/articles";
import { getDb } from "../storage/db";
import { feedback as feedbackTable } from "../storage/schema";
import { listFeedback } from "../storage/feedback";
import { FeedbackError, giveFeedback, undoLabel } from "../use-cases/feedback";
import { feedbackCorpusResponse } from "../use-cases/exports";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { common, error, idParameter, json, nullable, ok, type Paths, ref, str } from "./openapi/kit";
import { noQuery, validationError } from "./validation";

const feedbackSchema = z.strictObject({
  finding: z
    .string()
    .regex(/^fnd_[0-9a-f]{24}$/, 'expected a finding id such as "fnd_…" (24 hex digits), from an evidence span of a fail verdict')
    .describe("The `finding` of a failing evidence span"),
  label: z.enum(feedbackTable.label.enumValues, { error: 'expected "false_alarm" or "confirmed"' }),
  note: z.string().trim().max(2000).nullish().describe("Why (optional), shown beside the label"),
});

function toApiError(err: unknown): never {
  if (!(err instanceof FeedbackError)) throw err;
  throw new ApiError(err.reason === "already_undone" ? 409 : 404, err.reason === "already_undone" ? "conflict" : "not_found", err.message);
}

export const feedbackRoutes = new Hono<AuthEnv>();

feedbackRoutes.post("/articles/:id/feedback", noQuery, async (c) => {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch (err) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = feedbackSchema.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error);
  const record = await giveFeedback(getDb(c.env.DB), c.req.param("id"), parsed.data, c.var.labeller).catch(toApiError);
  c.header("location", `/v1/feedback/${record.id}`);
  return c.json(record, 201);
});

feedbackRoutes.get("/articles/:id/feedback", noQuery, async (c) => {
  const db = getDb(c.env.DB);
  const items = await listFeedback(db, c.req.param("id"));
  if (!items.length && !(await getArticle(db, c.req.param("id"))))
    throw new ApiError(404, "not_found", `No article with id "${c.req.param("id")}".`);
  return c.json({ items });
});

feedbackRoutes.delete("/feedback/:id", noQuery, async (c) =>
  c.json(await undoLabel(getDb(c.env.DB), c.req.param("id"), c.var.labeller).catch(toApiError)),
);

feedbackRoutes.get("/feedback.json", noQuery, (c) => feedbackCorpusResponse(getDb(c.env.DB)));

const readOnly = error("The read-only token cannot give or undo feedback.");

export const feedbackApiDoc = (): Paths => ({
  "/v1/articles/{id}/feedback": {
    post: {
      summary: "Label a finding of the article: a false alarm, or confirmed",
      description:
        "The finding is the `finding` id of a failing evidence span of one of the article's runs. A false alarm on every span of a fail dismisses it: the verdict stays `fail` with `dismissed: true` and no longer counts in score, outcome, alerts, the corrections queue, ClaimReview or CSV. A second label on the same finding wins; the first stays in the history. Who (the person of a per-person token, else `token:<fingerprint>`) and when are recorded.",
      tags: ["feedback"],
      operationId: "giveFeedback",
      parameters: [idParameter("article")],
      requestBody: {
        required: true,
        content: { "application/json": { schema: z.toJSONSchema(feedbackSchema, { io: "input", target: "draft-2020-12" }) } },
      },
      responses: {
        201: {
          description: "Recorded; the article's stored verdicts, score and outcome now reflect it.",
          headers: { location: { description: "/v1/feedback/{id}", schema: str } },
          content: json(ref("Feedback")),
        },
        400: error("`invalid_json` or `validation_failed` (a bad label or finding id, an unknown field)."),
        401: common[401],
        403: readOnly,
        404: error("No such article, or no failing span of it has this finding id."),
      },
    },
    get: {
      summary: "The article's labels, newest first, history included",
      tags: ["feedback"],
      operationId: "listFeedback",
      parameters: [idParameter("article")],
      responses: {
        200: ok("Every label; `in_force` marks the one that counts per finding.", {
          type: "object",
          properties: { items: { type: "array", items: ref("Feedback") } },
          required: ["items"],
        }),
        401: common[401],
        404: common[404],
      },
    },
  },
  "/v1/feedback/{id}": {
    delete: {
      summary: "Undo a label: the finding falls back to its previous label standing, or to none",
      tags: ["feedback"],
      operationId: "undoFeedback",
      parameters: [idParameter("feedback")],
      responses: {
        200: ok("The label, now with undone_at and undone_by.", ref("Feedback")),
        401: common[401],
        403: readOnly,
        404: common[404],
        409: error("`conflict`: already undone."),
      },
    },
  },
  "/v1/feedback.json": {
    get: {
      summary: "Every label in force as a labelled corpus for `accuracy-harness eval`",
      description:
        "One case per labelled article, its stored text inline: confirmed findings label their rule `fail`; false alarms add no label (an unlabelled rule must not fail), and are listed in `note`.",
      tags: ["feedback"],
      operationId: "feedbackCorpus",
      responses: {
        200: ok("The corpus (docs/feedback.md).", {
          type: "array",
          items: {
            type: "object",
            properties: {
              id: { type: "string" },
              text: { type: "string" },
              published_at: nullable(str),
              expect: { type: "object", additionalProperties: { type: "string", enum: ["fail"] } },
              group: { type: "string", enum: ["feedback"] },
              note: { type: "string" },
            },
            required: ["id", "text", "published_at", "expect", "group", "note"],
          },
        }),
        401: common[401],
      },
    },
  },
});
