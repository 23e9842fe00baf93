// How a runtime ruleset reaches work in flight: a large preview fans out through the real jobs
// queue and is polled to its end, storing no run; and another isolate (its own cache and clock)
// keeps judging with the old version until CURRENT_CHECK_MS has passed, then with the published one.
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import { loadRuleset } from "../../src/engine";
import { bundledRuleFiles, bundledRuleset } from "../../src/rules";
import { CURRENT_CHECK_MS, RulesetCache } from "../../src/use-cases/current-ruleset";
import { PREVIEW_CHUNK, PREVIEW_INLINE_MAX } from "../../src/use-cases/ruleset-preview";
import { call, callJson } from "./fixtures/api";
import { count, storeArticle } from "./fixtures/audits";

const RULE_FILE = bundledRuleFiles.find((f) => f.path.endsWith("/release.count.yaml"))!;
const EDITED = RULE_FILE.text.replace(/^value: 252$/m, "value: 253");
const bundled = bundledRuleset();
const edited = loadRuleset(bundledRuleFiles.map((f) => ({ path: f.path, text: f === RULE_FILE ? EDITED : f.text })));
const FLIPS = "El Salvador released all 252 Venezuelans held in CECOT on Friday.";
const STAYS = "The weather in San Salvador was mild on Friday.";

describe("a large preview", () => {
  it("fans out through the queue, is polled to its end, and stores no run", async () => {
    const n = PREVIEW_INLINE_MAX * 2 + 10;
    const flipping = new Set<string>();
    for (let i = 0; i < n; i++) {
      const saved = await storeArticle(`p${i}`, i % 2 ? STAYS : FLIPS, bundled, { publishedAt: "2025-07-19" });
      if (i % 2 === 0) flipping.add(saved.articleId);
    }
    const runs = await count("SELECT count(*) AS n FROM runs");
    const draft = await callJson("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text: EDITED }] }, status: 201 });
    const res = await call(`/v1/rulesets/drafts/${draft.id}/preview`, { body: { limit: n } });
    expect(res.status).toBe(202);
    const started = (await res.json()) as { status: string; articles: { total: number } };
    expect(started).toMatchObject({ status: "running", articles: { total: n } });
    const location = res.headers.get("location")!;
    let done: any;
    await vi.waitFor(
      async () => {
        done = await callJson(location, { status: 200 });
        expect(done.status).toBe("finished");
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(await count("SELECT count(*) AS n FROM ruleset_preview_chunks WHERE preview_id = ?", done.id)).toBe(
      Math.ceil(n / PREVIEW_CHUNK),
    );
    expect(done.articles).toEqual({ total: n, scored: n, failed: 0 });
    expect(new Set(done.items.map((i: { article_id: string }) => i.article_id))).toEqual(flipping);
    expect(done.summary).toMatchObject({ articles_changed: flipping.size, new_failures: flipping.size, fixed: 0 });
    expect(await count("SELECT count(*) AS n FROM runs")).toBe(runs);
  });
});

describe("another isolate", () => {
  it(`picks up a publish within ${CURRENT_CHECK_MS} ms, and not before`, async () => {
    let now = 1_000_000;
    const isolate = new RulesetCache(() => now);
    expect((await isolate.current(env)).ruleset.version).toBe(bundled.version);

    const draft = await callJson("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text: EDITED }] }, status: 201 });
    await callJson(`/v1/rulesets/drafts/${draft.id}/publish`, { method: "POST", status: 200 });
    // The publishing isolate sees it at once.
    expect((await callJson("/v1/rules", { status: 200 })).ruleset.version).toBe(edited.version);

    now += CURRENT_CHECK_MS - 1;
    expect((await isolate.current(env)).ruleset.version).toBe(bundled.version);
    now += 1;
    const active = await isolate.current(env);
    expect(active.ruleset.version).toBe(edited.version);
    expect(active.files.get(RULE_FILE.path)).toBe(EDITED);
    // Stored parsed too, so isolates compile it without parsing YAML.
    expect(await count("SELECT count(*) AS n FROM ruleset_files WHERE version = ? AND data IS NULL", edited.version)).toBe(0);

    // A rollback travels the same way.
    await callJson(`/v1/rulesets/${bundled.version}/activate`, { method: "POST", status: 200 });
    expect((await isolate.current(env)).ruleset.version).toBe(edited.version);
    now += CURRENT_CHECK_MS;
    expect((await isolate.current(env)).ruleset.version).toBe(bundled.version);
  });
});

/** env.DB whose query results are held until `release()`: the query itself runs at once. */
function heldDb() {
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  const hold = (stmt: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(stmt, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== "function") return value;
        if (key === "bind") return (...args: unknown[]) => hold((value as (...a: unknown[]) => D1PreparedStatement).apply(target, args));
        return async (...args: unknown[]) => {
          const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          await gate;
          return result;
        };
      },
    });
  const DB = new Proxy(env.DB, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (key === "prepare") return (query: string) => hold(target.prepare(query));
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { env: { DB }, release: () => open() };
}

describe("a pointer read that overlaps a publish", () => {
  it("does not count as fresh once the isolate's own publish invalidated it", async () => {
    const now = 5_000_000;
    const isolate = new RulesetCache(() => now);
    const held = heldDb();
    const stale = isolate.current(held.env); // reads the pointer now (bundled), answers later
    const draft = await callJson("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text: EDITED }] }, status: 201 });
    await callJson(`/v1/rulesets/drafts/${draft.id}/publish`, { method: "POST", status: 200 });
    isolate.invalidate(); // what publishDraft does for its own isolate
    held.release();
    expect((await stale).ruleset.version).toBe(bundled.version);
    // Same instant: without the invalidation this would be a cache hit on the stale read.
    expect((await isolate.current(env)).ruleset.version).toBe(edited.version);
  });
});
