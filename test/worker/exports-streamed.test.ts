// The exports stream the archive one bounded page at a time, never the whole of it at once: on an
// archive of several pages, reading the first chunk of each export has run one page's queries
// (each list query's LIMIT a page), and the whole export runs one list query per page. The D1
// binding records every statement with its parameters. Also: a page that yields no row (every
// verdict filtered out) does not stall the stream, and the feedback corpus carries texts that
// moved to R2.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../src/storage/db";
import { offloadTexts } from "../../src/storage/texts";
import { articlesCsvStream } from "../../src/use-cases/exports/articles-csv";
import { auditCsvStream } from "../../src/use-cases/exports/audit-csv";
import { FEEDBACK_PAGE, feedbackCorpusStream } from "../../src/use-cases/exports/feedback-json";
import { MAX_PAGE_SIZE } from "../../src/storage/queries-page";
import { resetArchive } from "./fixtures/audits";
import { store, verdict } from "./fixtures/runs";

const ARTICLES = 250;
const CHANGES = 230;
const LABELLED = 45;
const AUDIT = "aud_streamed";

interface Statement {
  sql: string;
  params: unknown[];
}

/** A D1 binding that records every statement bound through it. */
function recording(seen: Statement[]): D1Database {
  return new Proxy(env.DB, {
    get(target, key) {
      if (key === "prepare")
        return (sql: string) => {
          const statement = target.prepare(sql);
          seen.push({ sql, params: [] });
          const entry = seen[seen.length - 1]!;
          return new Proxy(statement, {
            get(t, k) {
              if (k === "bind")
                return (...params: unknown[]) => {
                  entry.params = params;
                  return t.bind(...params);
                };
              const value = Reflect.get(t, k);
              return typeof value === "function" ? value.bind(t) : value;
            },
          });
        };
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Reads a stream chunk by chunk, noting how many statements had run when each chunk arrived. */
async function read(stream: ReadableStream<Uint8Array>, seen: Statement[]): Promise<{ text: string; statementsAt: number[] }> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const statementsAt: number[] = [];
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    statementsAt.push(seen.length);
    text += decoder.decode(value, { stream: true });
  }
  return { text, statementsAt };
}

/** The statements matching `list`, each with the LIMIT it bound (its last parameter). */
function pages(seen: Statement[], list: RegExp): number[] {
  return seen.filter((s) => list.test(s.sql)).map((s) => Number(s.params[s.params.length - 1]));
}

const ids: string[] = [];

beforeAll(async () => {
  await env.DB.prepare("DELETE FROM feedback").run();
  await resetArchive();
  for (let i = 0; i < ARTICLES; i++) {
    // Only the oldest article has an error verdict: the newest pages yield no row for `error`.
    const verdicts = i === 0 ? [verdict("s.err", "error")] : [verdict("s.rule", i % 3 ? "pass" : "fail")];
    const { articleId } = await store({ externalId: `s${i}`, at: new Date(Date.UTC(2026, 0, 1, 0, i)), verdicts });
    ids.push(articleId);
  }
  await env.DB.prepare(
    `INSERT INTO audits (id, trigger, status, ruleset_version, started_at) VALUES (?, 'api', 'finished', 'rs-fixture', '2026-01-02T00:00:00Z')`,
  )
    .bind(AUDIT)
    .run();
  await env.DB.prepare(
    `INSERT INTO audit_changes (audit_id, article_id, run_id, change, outcome, rule_changes)
      SELECT ?, a.id, a.latest_run_id, 'changed', 'pass', '[{"rule":"s.rule","from":"fail","to":"pass","cause":"edited","quotes":[]}]'
      FROM articles a ORDER BY a.id LIMIT ?`,
  )
    .bind(AUDIT, CHANGES)
    .run();
  await env.DB.prepare(
    `INSERT INTO feedback (id, article_id, finding, rule_id, quote, label, actor)
      SELECT 'fb_' || a.id, a.id, 'f1', 's.rule', 'q', 'confirmed', 'test' FROM articles a ORDER BY a.id LIMIT ?`,
  )
    .bind(LABELLED)
    .run();
  await offloadTexts(getDb(env.DB), 20);
}, 120_000);

describe("exports stream bounded pages", () => {
  it("the verdict CSV: one page of articles per chunk", async () => {
    const seen: Statement[] = [];
    const list = /from "articles".*limit \?/is;
    const { text, statementsAt } = await read(articlesCsvStream(getDb(recording(seen)), {}), seen);
    // A page is one list query (two on the page that reaches never-checked articles), LIMIT 101 at most.
    const limits = pages(seen, list);
    expect(limits.length).toBe(Math.ceil(ARTICLES / MAX_PAGE_SIZE) + 1);
    expect(Math.max(...limits)).toBe(MAX_PAGE_SIZE + 1);
    // One chunk per page; the first came after the first page's query, before the second was asked for.
    expect(statementsAt).toHaveLength(Math.ceil(ARTICLES / MAX_PAGE_SIZE));
    expect(pages(seen.slice(0, statementsAt[0]), list)).toHaveLength(1);
    for (const id of ids) expect(text).toContain(id);
  });

  it("the verdict CSV does not stall when whole pages yield no row", async () => {
    const seen: Statement[] = [];
    const { text } = await read(articlesCsvStream(getDb(recording(seen)), {}, ["error"]), seen);
    const lines = text.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(ids[0]!);
    expect(pages(seen, /from "articles".*limit \?/is)).toHaveLength(Math.ceil(ARTICLES / MAX_PAGE_SIZE) + 1);
  });

  it("the audit CSV: one page of changes per chunk", async () => {
    const seen: Statement[] = [];
    const list = /FROM audit_changes c JOIN articles a.*LIMIT \?/is;
    const { text, statementsAt } = await read(auditCsvStream(getDb(recording(seen)), AUDIT), seen);
    const limits = pages(seen, list);
    expect(limits).toEqual(Array(Math.ceil(CHANGES / MAX_PAGE_SIZE)).fill(MAX_PAGE_SIZE + 1));
    expect(pages(seen.slice(0, statementsAt[0]), list)).toHaveLength(1);
    expect(text.trim().split("\r\n")).toHaveLength(CHANGES + 1);
  });

  it("the feedback corpus: one page of labelled articles per chunk, texts from R2 included", async () => {
    const seen: Statement[] = [];
    const list = /SELECT DISTINCT f\.article_id FROM feedback f.*LIMIT \?/is;
    const { text, statementsAt } = await read(feedbackCorpusStream(getDb(recording(seen))), seen);
    const limits = pages(seen, list);
    expect(limits).toEqual(Array(Math.ceil(LABELLED / FEEDBACK_PAGE)).fill(FEEDBACK_PAGE + 1));
    expect(pages(seen.slice(0, statementsAt[0]), list)).toHaveLength(1);
    const corpus = JSON.parse(text) as { id: string; text: string; expect: Record<string, string> }[];
    expect(corpus).toHaveLength(LABELLED);
    expect(corpus.map((c) => c.id)).toEqual([...ids].sort().slice(0, LABELLED));
    for (const c of corpus) {
      expect(c.text).toMatch(/^text of s\d+$/);
      expect(c.expect).toEqual({ "s.rule": "fail" });
    }
    const inR2 = await env.DB.prepare("SELECT count(*) AS n FROM articles WHERE text = ''").first<{ n: number }>();
    expect(inR2!.n).toBeGreaterThan(0);
  });

  it("the feedback corpus is `[]` when nothing is labelled", async () => {
    await env.DB.prepare("UPDATE feedback SET undone_at = '2026-01-03T00:00:00Z', undone_by = 'test'").run();
    const seen: Statement[] = [];
    expect((await read(feedbackCorpusStream(getDb(recording(seen))), seen)).text).toBe("[]");
  });
});
