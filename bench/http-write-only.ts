// The write-only Worker of `npm run bench:http`: what a stored score would cost if the engine and
// the app cost nothing. It gets the same request bodies as the others, looks up the real write
// statement prepared here in Node for that seed (src/storage/runs.ts, with the finding ids a
// stored score sends for the label check), gives it fresh run and article ids and the request's
// external_id, and runs it on the same D1: one statement, the same rows and bytes as a stored
// score of that seed. Its req/s ÷ the one-INSERT Worker's is the most any engine could reach with
// this write.
import { applyFeedback, checkArticle, type Ruleset } from "../src/engine";
import { getDb } from "../src/storage/db";
import { prepareRunsWrite } from "../src/storage/runs";

const EXT = "__EXTERNAL_ID__";

/** Miniflare worker options for the write-only Worker, routed at `path`, on the local D1 `d1Id` (binding DB). */
export async function writeOnlyWorker(seeds: string[], ruleset: Ruleset, opts: { path: string; d1Id: string; publishedAt: string }) {
  const { path, d1Id, publishedAt } = opts;
  const drizzleDb = getDb({} as D1Database); // only builds statements here, never runs them
  const prepared: [string, { sql: string; params: (string | null)[] }][] = [];
  for (const text of seeds) {
    const key = { source: "bench", externalId: EXT };
    const result = applyFeedback(checkArticle({ text, publishedAt }, ruleset, { now: new Date() }), key, new Map());
    const findings = [...new Set(result.verdicts.flatMap((v) => v.evidence.map((e) => e.finding!)))];
    const write = await prepareRunsWrite(
      drizzleDb,
      [
        {
          article: { source: "bench", externalId: EXT, text: result.text, publishedAt },
          result,
          ruleset,
          trigger: "api",
          labelCheck: findings,
        },
      ],
      { withRuleset: false },
    );
    const query = (write.statements[0] as unknown as { getQuery(): { sql: string; params: (string | null)[] } }).getQuery();
    // Placeholders for the ids each request makes fresh (the run's id also names its verdict rows).
    const runId = write.runs[0]!.runId;
    const params = query.params.map((p) => p && p.replaceAll(runId, "__RUN_ID__").replace(/"art_[0-9a-z]+"/, '"__ARTICLE_ID__"'));
    prepared.push([text, { sql: query.sql, params }]);
  }
  const script = `const PREPARED = new Map(${JSON.stringify(prepared)});
const quoted = (s) => JSON.stringify(s).slice(1, -1);
export default {
  async fetch(request, env) {
    const body = await request.json();
    const write = PREPARED.get(body.text);
    if (!write) return new Response("unknown text", { status: 400 });
    const id = crypto.randomUUID().replaceAll("-", "").slice(0, 26);
    const params = write.params.map((p) =>
      p && p.replaceAll("${EXT}", quoted(body.external_id)).replaceAll("__RUN_ID__", "run_" + id).replace("__ARTICLE_ID__", "art_" + id),
    );
    const [result] = await env.DB.batch([env.DB.prepare(write.sql).bind(...params)]);
    return Response.json({ article_id: result.results[0].article_id }, { status: 201 });
  },
};`;
  return { name: "write-only", modules: true, script, routes: [`*${path}`], compatibilityDate: "2026-11-01", d1Databases: { DB: d1Id } };
}
