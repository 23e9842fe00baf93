// Not-applicable verdicts are implied, not stored (storage/verdicts.ts): every read must answer
// exactly as if each verdict had its own row. The expectations come from the engine's own
// results, never from storage: an archive of the seeds plus 1,000 articles built from their
// paragraphs (some dated past a rule's validity window, some withdrawn, a tenth stored the old
// way with a row per verdict) is read through the API — runs, articles, rule counts, CSV
// exports, corrections (rule counts from the trigger-kept counters) — then audited under an edited ruleset, and read again with the audit's
// changes.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { bareEvidence, checkArticle, loadRuleset, type CheckResult, type RuleFile, type Ruleset, type Verdict } from "../../src/engine";
import { startAudit } from "../../src/use-cases/audit";
import { bundledRuleFiles, bundledRuleset } from "../../src/rules";
import { getDb } from "../../src/storage/db";
import { ruleStats } from "../../src/storage/queries-rules";
import { saveRun } from "../../src/storage/runs";
import { callJson, call } from "./fixtures/api";
import { drain, phraseRule, recordingEnv, resetArchive } from "./fixtures/audits";
import { seeds } from "./fixtures/seeds";
import { expectRuleCountersMatchArchive } from "./fixtures/rule-counts";

const GENERATED = 1000;
const STORED_AT = new Date("2026-11-19T12:00:00Z");
const AUDIT_AT = new Date("2026-11-20T03:00:00Z");
const DATES = [null, "2025-03-10", "2025-07-19", "2025-08-15", "2025-12-27", "2026-02-01"];

// v2: one rule gets a validity window (edited), one changes severity (edited), one is added.
function editedRuleset(): Ruleset {
  // The parsed data only: with `text` the engine would load the text and ignore the edits below.
  const files: RuleFile[] = bundledRuleFiles.map((f) => ({ path: f.path, data: structuredClone(f.data) }));
  const rules = files.filter((f) => !f.path.endsWith("pack.yaml")) as { path: string; data: Record<string, unknown> }[];
  rules[0]!.data.valid_until = "2025-08-01";
  rules[1]!.data.valid_from = "2025-09-01";
  rules[2]!.data.severity = rules[2]!.data.severity === "minor" ? "major" : "minor";
  const added = phraseRule("zz.added", "San Salvadr", "San Salvador");
  return loadRuleset([...files, added]);
}

// A small deterministic generator, so a failure reproduces.
function rng(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

interface Stored {
  articleId: string;
  runId: string;
  text: string;
  publishedAt: string | null;
  withdrawn: boolean;
  result: CheckResult;
}

const archive: Stored[] = [];
const claims = new Map(bundledRuleset().rules.map((r) => [r.id, r.claim]));

/** Reads label every span with its finding id and feedback (tested in feedback-*.test.ts); compare the engine's spans. */
const bare = (verdicts: Verdict[]) => verdicts.map((v) => ({ ...v, evidence: bareEvidence(v.evidence) }));

function expectedVerdicts(result: CheckResult) {
  return [...result.verdicts]
    .sort((a, b) => (a.rule < b.rule ? -1 : 1))
    .map((v) => ({ rule: v.rule, status: v.status, severity: v.severity, kind: v.kind, evidence: v.evidence, message: v.message ?? null }));
}

function expectedStats(latest: (s: Stored) => CheckResult) {
  const stats: Record<string, Record<string, number>> = {};
  for (const s of archive) {
    if (s.withdrawn) continue;
    for (const v of latest(s).verdicts) (stats[v.rule] ??= { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 })[v.status]!++;
  }
  return stats;
}

/** RFC 4180 rows (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') ((cell += '"'), i++);
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(cell), (cell = ""));
    else if (ch === "\r" && text[i + 1] === "\n") (row.push(cell), rows.push(row), (row = []), (cell = ""), i++);
    else cell += ch;
  }
  return rows;
}

/** What the verdict CSV holds for one article: one line per evidence span, or one per verdict without any. */
function expectedCsvLines(s: Stored, result: CheckResult, statuses: Set<string>): string[] {
  const out: string[] = [];
  for (const v of [...result.verdicts].sort((a, b) => (a.rule < b.rule ? -1 : 1))) {
    if (!statuses.has(v.status)) continue;
    if (!v.evidence.length) out.push([s.articleId, v.rule, v.status, "", "", v.message ?? ""].join("|"));
    for (const e of v.evidence)
      out.push([s.articleId, v.rule, v.status, e.quote, String(e.offset), e.message ?? v.message ?? ""].join("|"));
  }
  return out;
}

async function csvLines(query: string): Promise<Map<string, string[]>> {
  const res = await call(`/v1/articles.csv${query}`);
  expect(res.status).toBe(200);
  const [head, ...rows] = parseCsv(await res.text());
  const col = (name: string) => head!.indexOf(name);
  const byArticle = new Map<string, string[]>();
  for (const r of rows) {
    const id = r[col("article_id")]!;
    const line = [id, r[col("rule")], r[col("status")], r[col("quote")], r[col("offset")], r[col("message")]].join("|");
    byArticle.set(id, [...(byArticle.get(id) ?? []), line]);
  }
  return byArticle;
}

async function expectReadsMatch(latest: (s: Stored) => CheckResult) {
  // GET /v1/runs/:id and GET /v1/articles/:id: every rule's verdict, in rule order.
  for (let i = 0; i < archive.length; i += 25) {
    await Promise.all(
      archive.slice(i, i + 25).map(async (s) => {
        const want = expectedVerdicts(latest(s)).map((v) => ({ ...v, claim: claims.get(v.rule) ?? null }));
        const article = await callJson(`/v1/articles/${s.articleId}`, { status: 200 });
        expect(bare(article.latest_run.verdicts), s.articleId).toEqual(want);
        const run = await callJson(`/v1/runs/${article.latest_run.id}`, { status: 200 });
        expect(bare(run.verdicts), s.articleId).toEqual(want);
        expect(run.counts).toEqual(latest(s).counts);
      }),
    );
  }

  // Rule counts: the storage query behind /rules (the trigger-kept counters, which must equal a
  // recount of the archive), and GET /v1/rules/:id for each deployed rule.
  await expectRuleCountersMatchArchive();
  const stats = expectedStats(latest);
  expect(await ruleStats(getDb(env.DB))).toEqual(stats);
  for (const rule of bundledRuleset().rules) {
    const body = await callJson(`/v1/rules/${rule.id}`, { status: 200 });
    const want = stats[rule.id] ?? { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
    expect(body.stats, rule.id).toEqual({ articles: Object.values(want).reduce((a, b) => a + b, 0), ...want });
  }

  // CSV exports: every status, and the default (all but not_applicable).
  for (const [query, statuses] of [
    ["?verdicts=all", ["pass", "fail", "not_applicable", "review", "error"]],
    ["", ["pass", "fail", "review", "error"]],
  ] as const) {
    const got = await csvLines(query);
    const wanted = new Set<string>(statuses);
    for (const s of archive) expect(got.get(s.articleId) ?? [], `${query} ${s.articleId}`).toEqual(expectedCsvLines(s, latest(s), wanted));
  }

  // The corrections queue: active failing articles with their failing verdicts.
  const corrections = new Map<string, unknown[]>();
  let cursor = "";
  do {
    const page = await callJson(`/v1/corrections?limit=100${cursor ? `&cursor=${cursor}` : ""}`, { status: 200 });
    for (const item of page.items)
      corrections.set(
        item.article.id,
        item.failing.map((f: { rule: string; quotes: { offset: number }[] }) => [f.rule, f.quotes.map((q) => q.offset)]),
      );
    cursor = page.next_cursor ?? "";
  } while (cursor);
  const failing = archive.filter((s) => !s.withdrawn && latest(s).outcome === "fail");
  expect([...corrections.keys()].sort()).toEqual(failing.map((s) => s.articleId).sort());
  for (const s of failing) {
    const want = expectedVerdicts(latest(s))
      .filter((v) => v.status === "fail")
      .map((v) => [v.rule, v.evidence.map((e) => e.offset)]);
    expect(corrections.get(s.articleId), s.articleId).toEqual(want);
  }
}

beforeAll(async () => {
  await resetArchive();
  const v1 = bundledRuleset();
  const paragraphs = seeds.flatMap((s) => s.text.split(/\n\s*\n/)).filter((p) => p.trim());
  const next = rng(12);
  const inputs = seeds.map((s) => ({ id: s.name, text: s.text, publishedAt: s.publishedAt }));
  for (let i = 0; i < GENERATED; i++) {
    const n = 2 + Math.floor(next() * 6);
    const text = Array.from({ length: n }, () => paragraphs[Math.floor(next() * paragraphs.length)]!).join("\n\n");
    inputs.push({ id: `gen-${i}`, text, publishedAt: DATES[Math.floor(next() * DATES.length)]! });
  }
  const db = getDb(env.DB);
  for (const [i, input] of inputs.entries()) {
    const result = checkArticle({ text: input.text, publishedAt: input.publishedAt }, v1, { now: STORED_AT });
    const saved = await saveRun(db, {
      article: { source: "lean", externalId: input.id, title: input.id, text: result.text, publishedAt: input.publishedAt },
      result,
      ruleset: v1,
      trigger: "api",
      now: new Date(STORED_AT.getTime() + i),
    });
    archive.push({ ...saved, text: input.text, publishedAt: input.publishedAt, withdrawn: i % 37 === 36, result });
  }
  // A tenth of the runs as written before lean storage: a row for every verdict, none implied.
  const old = archive.filter((_, i) => i % 10 === 3);
  for (const s of old) {
    const na = s.result.verdicts.filter((v: Verdict) => v.status === "not_applicable");
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO verdicts (run_id, rule_id, status, severity, kind, evidence, message)
         SELECT ?, j.value ->> 0, 'not_applicable', j.value ->> 1, j.value ->> 2, '[]', j.value ->> 3 FROM json_each(?) j`,
      ).bind(s.runId, JSON.stringify(na.map((v) => [v.rule, v.severity, v.kind, v.message ?? null]))),
      env.DB.prepare("UPDATE runs SET implied_verdicts = 0 WHERE id = ?").bind(s.runId),
    ]);
  }
  const withdrawn = archive.filter((s) => s.withdrawn).map((s) => s.articleId);
  await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE id IN (SELECT value FROM json_each(?))")
    .bind(JSON.stringify(withdrawn))
    .run();
}, 300_000);

describe("implied not_applicable verdicts", () => {
  it("store no row per not_applicable verdict", async () => {
    const rows = await env.DB.prepare(
      "SELECT count(*) AS n FROM verdicts v JOIN runs r ON r.id = v.run_id WHERE r.implied_verdicts > 0 AND v.status = 'not_applicable'",
    ).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    const implied = await env.DB.prepare("SELECT sum(implied_verdicts) AS n FROM runs").first<{ n: number }>();
    expect(implied?.n).toBeGreaterThan(archive.length);
  });

  it("read back exactly as the engine returned them: runs, articles, rule counts, CSV exports, corrections", async () => {
    await expectReadsMatch((s) => s.result);
  }, 300_000);

  it("give an audit under an edited ruleset the same changes, and the reads after it the same answers", async () => {
    const v2 = editedRuleset();
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: AUDIT_AT, ruleset: v2 });
    await drain(rec, v2);
    const after = new Map(
      archive.map((s) => [
        s.articleId,
        s.withdrawn ? s.result : checkArticle({ text: s.text, publishedAt: s.publishedAt }, v2, { now: AUDIT_AT }),
      ]),
    );
    const latest = (s: Stored) => after.get(s.articleId)!;
    expect(archive.some((s) => latest(s).verdicts.some((v) => v.message?.startsWith("the fact holds")))).toBe(true);

    // The audit CSV: one line per (changed article, changed rule), as diffing the engine's results says.
    const res = await call(`/v1/audits/${audit.id}.csv`);
    const [head, ...rows] = parseCsv(await res.text());
    const col = (name: string) => head!.indexOf(name);
    const got = rows
      .map((r) => [r[col("article_id")], r[col("change")], r[col("rule")], r[col("rule_from")], r[col("rule_to")]].join("|"))
      .sort();
    const v1Rules = new Set(bundledRuleset().rules.map((r) => r.id));
    const v2Rules = new Set(v2.rules.map((r) => r.id));
    const want: string[] = [];
    for (const s of archive) {
      if (s.withdrawn) continue;
      const before = new Map(s.result.verdicts.map((v) => [v.rule, v.status]));
      const now = new Map(latest(s).verdicts.map((v) => [v.rule, v.status]));
      const lines: string[][] = [];
      for (const rule of [...new Set([...v1Rules, ...v2Rules])].sort()) {
        const from = v1Rules.has(rule) ? before.get(rule)! : "";
        const to = v2Rules.has(rule) ? now.get(rule)! : "";
        if ((from || "not_applicable") !== (to || "not_applicable")) lines.push([rule, from, to]);
      }
      const [o1, o2] = [s.result.outcome, latest(s).outcome];
      const change =
        o2 === "fail" && o1 !== "fail"
          ? "regression"
          : o1 === "fail" && o2 !== "fail"
            ? "fixed"
            : lines.length || o1 !== o2
              ? "changed"
              : null;
      if (!change) continue;
      if (!lines.length) want.push([s.articleId, change, "", "", ""].join("|"));
      for (const l of lines) want.push([s.articleId, change, ...l].join("|"));
    }
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want.sort());

    await expectReadsMatch(latest);
  }, 300_000);
});
