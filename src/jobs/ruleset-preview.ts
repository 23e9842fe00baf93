// The `ruleset-preview` job: one chunk of a draft's impact preview, scored and settled in D1.
import { deadPreviewChunk, processPreviewChunk } from "../use-cases/ruleset-preview";
import type { JobHandler } from "./handlers";

export const rulesetPreview: JobHandler<"ruleset-preview"> = {
  process: (job, env) => processPreviewChunk(env, job.previewId, job.seq),
  deadLetter: (job, env) => deadPreviewChunk(env, job.previewId, job.seq),
};
