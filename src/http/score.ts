// POST /v1/score: validate an article (JSON, or a text/plain, text/html or text/markdown body with metadata in
// the query), judge it with the current ruleset and store article + run + verdicts atomically.
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { getDb } from "../storage/db";
import { currentRuleset } from "../use-cases/current-ruleset";
import { scoreArticle } from "../use-cases/score-article";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { queryBoolean } from "../use-cases/query-schemas";
import { decodeUtf8, hasLoneSurrogate, replaceLoneSurrogates } from "./text-input";
import { common, error, json, ok, type Paths, queryParameters, ref, str } from "./openapi/kit";
import { parseQuery, validationError } from "./validation";

/** Request bodies above this are refused with 413 before they are read (D1 rows cap at 2 MB). */
export const MAX_BODY_BYTES = 1024 * 1024;

const isoDate = z.union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
  error: "expected an ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM:SSZ)",
});

/** Article metadata, identical in a JSON body and in the query string of a text body. */
const metadataFields = {
  title: z.string().max(1000).nullish(),
  url: z
    .url({ protocol: /^https?$/, error: "expected an absolute http(s) URL" })
    .max(2048)
    .nullish(),
  source: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, "expected 1–64 characters: letters, digits, '.', '_', ':' or '-'")
    .nullish(),
  external_id: z
    .string()
    .min(1)
    .max(512)
    .refine((s) => !hasLoneSurrogate(s), "contains an unpaired UTF-16 surrogate")
    .nullish(),
  published_at: isoDate.nullish(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'expected a BCP 47 language tag such as "en" or "es-419"')
    .nullish(),
};

const nonBlank = (what: string) => z.string().regex(/\S/, `must contain some ${what}`);

const scoreRequestSchema = z
  .strictObject({
    text: nonBlank("text").optional(),
    html: nonBlank("HTML").optional(),
    markdown: nonBlank("Markdown").optional(),
    ...metadataFields,
  })
  .refine((b) => [b.text, b.html, b.markdown].filter((x) => x !== undefined).length === 1, {
    error: "send exactly one of `text`, `html` or `markdown`",
    path: ["text"],
  });

type ScoreRequest = z.infer<typeof scoreRequestSchema>;

const dryRunParam = { dry_run: queryBoolean.default(false) };
const textQuerySchema = z.strictObject({ ...metadataFields, ...dryRunParam });
const jsonQuerySchema = z.strictObject(dryRunParam);

const BODY_TYPES = ["application/json", "text/plain", "text/html", "text/markdown"] as const;

export const scoreRoutes = new Hono<AuthEnv>();

scoreRoutes.post(
  "/",
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `The body exceeds ${MAX_BODY_BYTES} bytes (1 MiB).`);
    },
  }),
  async (c) => {
    const mediaType = bodyMediaType(c.req.header("content-type"));
    const query = c.req.query();
    const raw = decodeUtf8(await c.req.arrayBuffer());
    if (raw === null) throw new ApiError(415, "unsupported_media_type", "The body is not valid UTF-8: send UTF-8.");
    let request: ScoreRequest;
    let dryRun: boolean;
    if (mediaType === "application/json") {
      dryRun = parseQuery(jsonQuerySchema, query).dry_run;
      request = parseScoreRequest(parseJson(raw));
    } else {
      const { dry_run, ...metadata } = parseQuery(textQuerySchema, query);
      dryRun = dry_run;
      const field = mediaType === "text/html" ? "html" : mediaType === "text/markdown" ? "markdown" : "text";
      request = parseScoreRequest({ ...metadata, [field]: raw });
    }

    // Lone surrogates become U+FFFD before the engine computes offsets.
    const db = getDb(c.env.DB);
    const { result, store } = await scoreArticle(
      db,
      {
        ...request,
        text: replaceLoneSurrogates(request.text),
        html: replaceLoneSurrogates(request.html),
        markdown: replaceLoneSurrogates(request.markdown),
        title: replaceLoneSurrogates(request.title),
        source: request.source ?? "api",
      },
      // A stored score applies the editors' labels in its write (no read before it).
      { ruleset: await currentRuleset(c.env), deferLabels: !dryRun },
    );
    if (!/\S/.test(result.text))
      throw validationError(`${request.html !== undefined ? "html" : "markdown"}: contains no text once the markup is removed`);

    if (dryRun) return c.json({ article_id: null, run_id: null, dry_run: true, ...result }, 200);

    const saved = await store(db, { trigger: "api", actor: c.var.actor });
    c.header("location", `/v1/runs/${saved.runId}`);
    return c.json({ article_id: saved.articleId, run_id: saved.runId, dry_run: false, ...saved.result }, 201);
  },
);

function bodyMediaType(contentType: string | undefined): (typeof BODY_TYPES)[number] {
  const [type = "", ...params] = (contentType ?? "").split(";").map((p) => p.trim().toLowerCase());
  const supported = BODY_TYPES.find((t) => t === type);
  if (!supported) {
    throw new ApiError(
      415,
      "unsupported_media_type",
      `Content-Type ${type ? `"${type}"` : "missing"}: send application/json, text/plain, text/html or text/markdown.`,
    );
  }
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice(8)
    .replace(/"/g, "");
  if (charset && charset !== "utf-8" && charset !== "utf8" && charset !== "us-ascii") {
    throw new ApiError(415, "unsupported_media_type", `charset "${charset}" is not supported: send UTF-8.`);
  }
  return supported;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
}

function parseScoreRequest(input: unknown): ScoreRequest {
  const parsed = scoreRequestSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

export const scoreApiDoc = (): Paths => ({
  "/v1/score": {
    post: {
      summary: "Score an article against the current ruleset and store every verdict",
      description:
        "JSON body (exactly one of text, html or markdown), or the article as a text/plain, text/html or text/markdown body with metadata in the query string. Without published_at the article is judged as of the date its document states (see ScoreResult.published_at_source), else today. Re-posting the same source + external_id adds a run to the same article; without external_id the url identifies the article, else the text's SHA-256.",
      tags: ["scoring"],
      operationId: "score",
      // The text-body query schema is the superset: dry_run plus the metadata fields.
      parameters: queryParameters(textQuerySchema, {
        dry_run: "Score without storing anything.",
        ...Object.fromEntries(
          Object.keys(metadataFields).map((k) => [
            k,
            "With a text/plain, text/html or text/markdown body only: the same field as in the JSON body.",
          ]),
        ),
      }),
      requestBody: {
        required: true,
        description: "At most 1 MiB, UTF-8.",
        content: {
          "application/json": { schema: z.toJSONSchema(scoreRequestSchema, { io: "input", target: "draft-2020-12" }) },
          "text/plain": { schema: str },
          "text/html": { schema: str },
          "text/markdown": { schema: str },
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
        415: error("Content-Type is not application/json, text/plain, text/html or text/markdown, or the body is not valid UTF-8."),
      },
    },
  },
});
