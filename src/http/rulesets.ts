// /v1/rulesets: runtime ruleset versions, drafts, impact previews, publish and rollback. Reads take
// any token; every mutation needs the write token (the read token gets 403 from requireToken).
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { LIMITS } from "../engine/rule-limits";
import { getDb } from "../storage/db";
import { deleteDraft } from "../storage/ruleset-drafts";
import { rulesetVersions } from "../use-cases/ruleset-versions";
import { activateVersion, createDraft, DraftProblem, MAX_DRAFT_FILES, publishDraft, showDraft } from "../use-cases/ruleset-drafts";
import { PREVIEW_DEFAULT_LIMIT, PREVIEW_INLINE_MAX, PREVIEW_MAX_LIMIT, previewView, startPreview } from "../use-cases/ruleset-preview";
import type { AuthEnv } from "./auth";
import { ApiError } from "./errors";
import { noQuery, validationError } from "./validation";

/** A draft body: every file at the engine's total limit, plus JSON's escaping. */
export const MAX_DRAFT_BODY_BYTES = LIMITS.totalBytes + 1024 * 1024;

const fileChange = z.union([
  z.strictObject({ path: z.string().min(1).max(300), text: z.string() }),
  z.strictObject({ path: z.string().min(1).max(300), remove: z.literal(true) }),
]);
export const draftSchema = z.strictObject({
  base: z
    .string()
    .regex(/^[0-9a-f]{16}$/, "expected a ruleset version (16 hex digits, from GET /v1/rulesets)")
    .optional(),
  files: z.array(fileChange).min(1, "send at least one file to change, add or remove"),
});
export const previewSchema = z.strictObject({
  limit: z.number().int().min(1).max(PREVIEW_MAX_LIMIT).default(PREVIEW_DEFAULT_LIMIT),
});

const STATUS = { not_found: 404, conflict: 409, invalid: 400, too_large: 413 } as const;
const CODE = { not_found: "not_found", conflict: "conflict", invalid: "validation_failed", too_large: "payload_too_large" } as const;

/** Runs a use case, turning its DraftProblem into the API's error shape (with every located issue). */
async function answer<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof DraftProblem)) throw err;
    throw new ApiError(STATUS[err.kind], CODE[err.kind], err.message, {}, err.issues.length ? { issues: err.issues } : {});
  }
}

async function jsonBody(c: { req: { text(): Promise<string> } }, optional = false): Promise<unknown> {
  const raw = await c.req.text();
  if (optional && raw.trim() === "") return {};
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new ApiError(400, "invalid_json", `The body is not valid JSON: ${(err as Error).message}`);
  }
}

const who = (actor: string | null) => actor ?? "API_TOKEN";

export const rulesetRoutes = new Hono<AuthEnv>();

rulesetRoutes.get("/", noQuery, async (c) => c.json(await rulesetVersions(c.env)));

rulesetRoutes.post(
  "/drafts",
  bodyLimit({
    maxSize: MAX_DRAFT_BODY_BYTES,
    onError: () => {
      throw new ApiError(
        413,
        "payload_too_large",
        `The body exceeds ${MAX_DRAFT_BODY_BYTES} bytes: rule files hold at most ${LIMITS.totalBytes} bytes together.`,
      );
    },
  }),
  noQuery,
  async (c) => {
    const parsed = draftSchema.safeParse(await jsonBody(c));
    if (!parsed.success) throw validationError(parsed.error);
    if (parsed.data.files.length > MAX_DRAFT_FILES)
      throw new ApiError(
        413,
        "payload_too_large",
        `A draft changes at most ${MAX_DRAFT_FILES} files; this one changes ${parsed.data.files.length}: split it.`,
      );
    const draft = await answer(() => createDraft(c.env, parsed.data, who(c.var.actor)));
    c.header("location", `/v1/rulesets/drafts/${draft.id}`);
    return c.json(draft, 201);
  },
);

rulesetRoutes.get("/drafts/:id", noQuery, async (c) => {
  const draft = await answer(() => showDraft(c.env, c.req.param("id")));
  if (!draft) throw new ApiError(404, "not_found", `No ruleset draft "${c.req.param("id")}".`);
  return c.json(draft);
});

rulesetRoutes.delete("/drafts/:id", noQuery, async (c) => {
  if (!(await deleteDraft(getDb(c.env.DB), c.req.param("id"))))
    throw new ApiError(404, "not_found", `No open ruleset draft "${c.req.param("id")}" (a published draft cannot be discarded).`);
  return c.body(null, 204);
});

rulesetRoutes.post("/drafts/:id/preview", noQuery, async (c) => {
  const parsed = previewSchema.safeParse(await jsonBody(c, true));
  if (!parsed.success) throw validationError(parsed.error);
  const preview = await answer(() => startPreview(c.env, c.req.param("id"), parsed.data.limit));
  c.header("location", `/v1/rulesets/drafts/${preview.draft_id}/previews/${preview.id}`);
  return c.json(preview, preview.status === "finished" ? 201 : 202);
});

rulesetRoutes.get("/drafts/:id/previews/:preview", noQuery, async (c) => {
  const preview = await previewView(c.env, c.req.param("preview"));
  if (!preview || preview.draft_id !== c.req.param("id"))
    throw new ApiError(404, "not_found", `No preview "${c.req.param("preview")}" of draft "${c.req.param("id")}".`);
  return c.json(preview);
});

rulesetRoutes.post("/drafts/:id/publish", noQuery, async (c) =>
  c.json(await answer(() => publishDraft(c.env, c.req.param("id"), who(c.var.actor)))),
);

rulesetRoutes.post("/:version/activate", noQuery, async (c) => {
  const version = c.req.param("version");
  if (!/^[0-9a-f]{16}$/.test(version))
    throw new ApiError(404, "not_found", `"${version}" is not a ruleset version (16 hex digits, from GET /v1/rulesets).`);
  return c.json(await answer(() => activateVersion(c.env, version, who(c.var.actor))));
});

export const PREVIEW_NOTE = `Up to ${PREVIEW_INLINE_MAX} articles are scored inline (201, finished); more are fanned out through the queue (202, poll the Location).`;
