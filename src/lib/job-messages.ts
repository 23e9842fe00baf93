// Messages on the jobs queue: the contract between the producers (API, webhook intake, audits)
// and the consumers in src/jobs. They carry ids, never article bodies (128 KB message cap; the
// durable copy lives in D1).
export type JobMessage =
  | { type: "delivery"; deliveryId: string }
  | { type: "audit-batch"; auditId: string; seq: number }
  | { type: "notify"; articleId: string; runId: string };

export type JobType = JobMessage["type"];
export type JobOf<T extends JobType> = Extract<JobMessage, { type: T }>;
