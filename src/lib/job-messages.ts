// Messages on the jobs queue: the contract between the producers (API, webhook intake, audits)
// and the consumers in src/jobs. They carry ids, never article bodies (128 KB message cap; the
// durable copy lives in D1).
export type JobMessage =
  | { type: "delivery"; deliveryId: string }
  /** `overloads`: how often D1 was overloaded for this batch (the message is re-sent, not retried). */
  | { type: "audit-batch"; auditId: string; seq: number; overloads?: number }
  | { type: "notify"; articleId: string; runId: string }
  | { type: "audit-digest"; auditId: string }
  /** One chunk of a ruleset draft's impact preview (src/use-cases/ruleset-preview.ts). */
  | { type: "ruleset-preview"; previewId: string; seq: number };

export type JobType = JobMessage["type"];
export type JobOf<T extends JobType> = Extract<JobMessage, { type: T }>;
