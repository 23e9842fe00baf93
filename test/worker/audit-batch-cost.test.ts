// An audit batch's D1 cost must not grow with the runs the audit has already written: the
// batch's questions (already audited? the latest run, its verdicts) are answered by key, not by
// walking the audit's runs. Rows read and written per score batch (D1's own `meta`, index entries
// included; unlike times, they do not depend on the machine's load) are compared between the
// first and the last batches of an audit that gives every article a new run. The old
// `EXISTS (… runs WHERE audit_id = ?)` check read every run the audit had written so far: with it
// the last batches read ~5× what the first did. `npm run bench:audit` measures this at 50,000
// articles (docs/performance.md).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { checkArticle } from "../../src/engine";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import type { JobMessage } from "../../src/lib/job-messages";
import { getDb, transact } from "../../src/storage/db";
import { prepareRunsWrite } from "../../src/storage/runs";
import { startAudit } from "../../src/use-cases/audit";
import { auditRow, batchRows, phraseRule, resetArchive, ruleset } from "./fixtures/audits";

const v1 = ruleset(phraseRule("bc.city", "San Salvadr", "San Salvador"), phraseRule("bc.prison", "CECOTT", "CECOT"));
const v2 = ruleset(
  phraseRule("bc.city", "San Salvadr", "San Salvador"),
  phraseRule("bc.prison", "CECOTT", "CECOT"),
  phraseRule("bc.added", "Bukele's", "Bukele’s"),
);
const ARTICLES = 240;
const PER_BATCH = 20;

interface Meter {
  read: number;
  written: number;
  /** raw() and first() calls, which report no meta. */
  unmetered: number;
}

/** Sums what D1 reports for every statement run through the binding (batches included). */
function metered(real: D1Database, meter: Meter): D1Database {
  const add = (out: D1Result | D1Result[]) => {
    for (const r of Array.isArray(out) ? out : [out]) {
      meter.read += r.meta?.rows_read ?? 0;
      meter.written += r.meta?.rows_written ?? 0;
    }
    return out;
  };
  const unwrap = new WeakMap<object, D1PreparedStatement>();
  const track = (statement: D1PreparedStatement): D1PreparedStatement => {
    const wrapped = new Proxy(statement, {
      get(target, key) {
        if (key === "bind") return (...params: unknown[]) => track(target.bind(...params));
        if (key === "all" || key === "run") return async () => add(await (target[key] as () => Promise<D1Result>).call(target));
        if (key === "raw" || key === "first") meter.unmetered++;
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    unwrap.set(wrapped, statement);
    return wrapped;
  };
  return new Proxy(real, {
    get(target, key) {
      if (key === "prepare") return (sql: string) => track(target.prepare(sql));
      if (key === "batch")
        return async (statements: D1PreparedStatement[]) => add(await target.batch(statements.map((s) => unwrap.get(s) ?? s)));
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

const perBatch: Meter[] = [];
let auditId = "";

beforeAll(async () => {
  await resetArchive();
  const db = getDb(env.DB);
  const now = new Date("2026-11-01T03:00:00Z");
  // Some articles fail each rule, some pass: the new runs carry a mix of stored verdicts.
  const texts = ["CECOTT near San Salvadr, Bukele's.", "CECOT near San Salvador.", "San Salvadr, Bukele’s.", "Nothing here."];
  for (let i = 0; i < ARTICLES; i += 40) {
    const inputs = Array.from({ length: 40 }, (_, j) => {
      const result = checkArticle({ text: texts[(i + j) % texts.length]!, publishedAt: "2026-10-01" }, v1, { now });
      const article = { source: "cost", externalId: `bc-${i + j}`, text: result.text, publishedAt: "2026-10-01" };
      return { article, result, ruleset: v1, trigger: "api" as const, now };
    });
    await transact(db, (await prepareRunsWrite(db, inputs)).statements);
  }
  const meter: Meter = { read: 0, written: 0, unmetered: 0 };
  const sent: JobMessage[] = [];
  const auditEnv = {
    DB: metered(env.DB, meter),
    AUDIT_BATCH_SIZE: String(PER_BATCH),
    JOBS: { sendBatch: async (m: Iterable<MessageSendRequest<JobMessage>>) => void sent.push(...[...m].map((x) => x.body)) as never },
  };
  ({
    audit: { id: auditId },
  } = await startAudit(auditEnv, { trigger: "api", now: new Date("2026-11-02T03:00:00Z"), ruleset: v2 }));
  const kinds = async () => new Map((await batchRows(auditId)).map((b) => [b.seq, b.kind]));
  while (sent.length) {
    const job = sent.shift()!;
    if (job.type !== "audit-batch") continue;
    const kind = (await kinds()).get(job.seq);
    Object.assign(meter, { read: 0, written: 0, unmetered: 0 });
    await processAuditBatch(auditEnv, job, v2);
    if (kind === "score") perBatch.push({ ...meter });
  }
  // Seconds here; more on a shared 2-core box under load.
}, 120_000);

describe("an audit batch's D1 cost", () => {
  it("every batch is accounted for and every article got a new run", async () => {
    const audit = await auditRow(auditId);
    const batches = await batchRows(auditId);
    expect(audit).toMatchObject({ status: "finished", scored: ARTICLES, failed: 0, batches_total: batches.length });
    expect(batches.every((b) => b.status === "done")).toBe(true);
    expect(perBatch).toHaveLength(ARTICLES / PER_BATCH);
    expect(perBatch.filter((b) => b.unmetered > 0)).toEqual([]);
    const runs = await env.DB.prepare("SELECT count(*) AS n FROM runs WHERE audit_id = ?").bind(auditId).first<{ n: number }>();
    expect(runs!.n).toBe(ARTICLES);
  });

  it("does not grow with the runs the audit has already written", () => {
    // Each batch holds 20 of the same 4 texts in id order (random within a millisecond), so single
    // batches differ by a few percent; the means of the first and the last third do not.
    const third = perBatch.length / 3;
    const mean = (xs: Meter[], k: "read" | "written") => xs.reduce((s, x) => s + x[k], 0) / xs.length;
    const [first, last] = [perBatch.slice(0, third), perBatch.slice(-third)];
    for (const k of ["read", "written"] as const) {
      expect(mean(first, k)).toBeGreaterThan(0);
      expect(mean(last, k)).toBeLessThanOrEqual(mean(first, k) * 1.15);
    }
  });
});
