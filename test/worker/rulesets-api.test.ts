// Runtime rulesets through the real Worker and real D1: a draft that makes release.count expect 253
// previews exactly the seed articles that would flip without storing anything; publishing makes it
// current, and the next audit reports those flips caused by `rule_edited`; activating the bundled
// version again restores the previous verdicts on the next audit. The read token cannot publish.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { checkArticle, loadRuleset } from "../../src/engine";
import { processAuditBatch } from "../../src/jobs/audit-batch";
import { bundledRuleFiles, bundledRuleset } from "../../src/rules";
import { getDb, transact } from "../../src/storage/db";
import { getDraft, publishDraftStatements } from "../../src/storage/ruleset-drafts";
import { startAudit } from "../../src/use-cases/audit";
import { call, callJson, expectError, READ } from "./fixtures/api";
import { count, recordingEnv } from "./fixtures/audits";
import { seeds } from "./fixtures/seeds";

const RULE_FILE = bundledRuleFiles.find((f) => f.path.endsWith("/release.count.yaml"))!;
const EDITED = RULE_FILE.text.replace(/^value: 252$/m, "value: 253");
const bundled = bundledRuleset();
const edited = loadRuleset(bundledRuleFiles.map((f) => ({ path: f.path, text: f === RULE_FILE ? EDITED : f.text })));
const NOW = new Date();

/** The seeds whose release.count verdict the edit flips, judged by the engine itself. */
const flips = seeds.filter((s) => {
  const status = (rules: typeof bundled) =>
    checkArticle({ text: s.text, publishedAt: s.publishedAt }, rules, { now: NOW }).verdicts.find((v) => v.rule === "release.count")
      ?.status;
  return status(bundled) !== status(edited);
});

const articleIds = new Map<string, string>();
let draftId = "";

async function audit(): Promise<string> {
  const rec = recordingEnv();
  const { audit } = await startAudit(rec, { trigger: "api", now: new Date() });
  while (rec.sent.length) {
    const job = rec.sent.shift()!;
    if (job.type === "audit-batch") await processAuditBatch(rec, job);
  }
  return audit.id;
}

const releaseCount = async (articleId: string) => {
  const a = await callJson(`/v1/articles/${articleId}`, { status: 200 });
  return (a.latest_run.verdicts as { rule: string; status: string }[]).find((v) => v.rule === "release.count")?.status;
};

describe("runtime rulesets", () => {
  it("seeds the bundled version and lists it as current", async () => {
    expect(RULE_FILE.text).toMatch(/^value: 252$/m);
    expect(flips.length).toBeGreaterThan(0);
    const list = await callJson("/v1/rulesets", { status: 200, token: READ });
    expect(list.current.version).toBe(bundled.version);
    expect(list.items).toEqual([expect.objectContaining({ version: bundled.version, current: true, bundled: true, activatable: true })]);
    expect(await count("SELECT count(*) AS n FROM ruleset_files WHERE version = ?", bundled.version)).toBe(bundledRuleFiles.length);
    for (const s of seeds) {
      const body = { text: s.text, published_at: s.publishedAt, source: "seed", external_id: s.name };
      const saved = await callJson("/v1/score", { body, status: 201 });
      articleIds.set(s.name, saved.article_id);
    }
  });

  it("creates a draft with its rule changes and its examples' results; the read token cannot", async () => {
    const files = [{ path: RULE_FILE.path, text: EDITED }];
    await expectError(await call("/v1/rulesets/drafts", { body: { files }, token: READ }), 403, "forbidden");
    const draft = await callJson("/v1/rulesets/drafts", { body: { files }, status: 201 });
    draftId = draft.id;
    expect(draft).toMatchObject({ status: "open", base_version: bundled.version, version: edited.version });
    expect(draft.rule_changes).toEqual({ added: [], removed: [], edited: ["release.count"] });
    expect(new Set(draft.examples.map((e: { rule: string }) => e.rule))).toEqual(new Set(["release.count"]));
    // "El Salvador released all 252 Venezuelans…" expected pass: now it fails.
    expect(draft.examples_failed).toBeGreaterThan(0);
    expect(draft.examples.find((e: { text: string }) => e.text.includes("all 252"))).toMatchObject({
      expect: "pass",
      got: "fail",
      ok: false,
    });
    expect((await callJson(`/v1/rulesets/drafts/${draftId}`, { status: 200, token: READ })).version).toBe(edited.version);
  });

  it("previews exactly the seed articles that would flip, and stores no verdict", async () => {
    const runsBefore = await count("SELECT count(*) AS n FROM runs");
    const verdictsBefore = await count("SELECT count(*) AS n FROM verdicts");
    const preview = await callJson(`/v1/rulesets/drafts/${draftId}/preview`, { body: { limit: 50 }, status: 201 });
    expect(preview).toMatchObject({ status: "finished", against_version: bundled.version, version: edited.version });
    expect(preview.articles).toEqual({ total: seeds.length, scored: seeds.length, failed: 0 });
    const flipped = new Set(flips.map((s) => articleIds.get(s.name)));
    expect(new Set(preview.items.map((i: { article_id: string }) => i.article_id))).toEqual(flipped);
    for (const item of preview.items) {
      expect(item.rules).toEqual([expect.objectContaining({ rule: "release.count", change: "new_failure", to: "fail" })]);
      expect(item.rules[0].quotes.some((q: string) => q.includes("252"))).toBe(true);
    }
    expect(await count("SELECT count(*) AS n FROM runs")).toBe(runsBefore);
    expect(await count("SELECT count(*) AS n FROM verdicts")).toBe(verdictsBefore);
    for (const s of flips) expect(await releaseCount(articleIds.get(s.name)!)).toBe("pass");
    const again = await callJson(`/v1/rulesets/drafts/${draftId}/previews/${preview.id}`, { status: 200, token: READ });
    expect(again.items).toEqual(preview.items);
  });

  it("publishes (not with the read token); the next audit reports the flips as caused by rule_edited", async () => {
    await expectError(await call(`/v1/rulesets/drafts/${draftId}/publish`, { method: "POST", token: READ }), 403, "forbidden");
    const published = await callJson(`/v1/rulesets/drafts/${draftId}/publish`, { method: "POST", status: 200 });
    expect(published).toMatchObject({ version: edited.version, previous_version: bundled.version });
    await expectError(await call(`/v1/rulesets/drafts/${draftId}/publish`, { method: "POST" }), 409, "conflict");
    expect((await callJson("/v1/rules", { status: 200 })).ruleset.version).toBe(edited.version);
    const list = await callJson("/v1/rulesets", { status: 200 });
    expect(list.items.find((v: { current: boolean }) => v.current).version).toBe(edited.version);

    const auditId = await audit();
    const detail = await callJson(`/v1/audits/${auditId}`, { status: 200 });
    expect(detail.rule_changes).toEqual({ added: [], removed: [], edited: ["release.count"] });
    const changed = detail.changed_articles.items as { article_id: string; rules: { rule: string; cause: string; to: string }[] }[];
    expect(new Set(changed.map((c) => c.article_id))).toEqual(new Set(flips.map((s) => articleIds.get(s.name))));
    for (const c of changed)
      expect(c.rules).toEqual([expect.objectContaining({ rule: "release.count", to: "fail", cause: "rule_edited" })]);
  });

  it("rolls back: activating the bundled version restores the previous verdicts on the next audit", async () => {
    await expectError(await call(`/v1/rulesets/${bundled.version}/activate`, { method: "POST", token: READ }), 403, "forbidden");
    const back = await callJson(`/v1/rulesets/${bundled.version}/activate`, { method: "POST", status: 200 });
    expect(back).toMatchObject({ version: bundled.version, previous_version: edited.version });
    await audit();
    for (const s of flips) expect(await releaseCount(articleIds.get(s.name)!)).toBe("pass");
    await expectError(await call("/v1/rulesets/0000000000000000/activate", { method: "POST" }), 404, "not_found");
  });
});

describe("draft validation", () => {
  it("answers 400 with every located issue, in every file", async () => {
    const res = await call("/v1/rulesets/drafts", {
      body: {
        files: [
          { path: RULE_FILE.path, text: EDITED.replace("unit: count", "unit: count\nvaleu: 253") },
          { path: "cecot/new.rule.yaml", text: "id: new.rule\nclaim: [unclosed\n" },
        ],
      },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: Record<string, unknown>[] } };
    expect(body.error.code).toBe("validation_failed");
    const byFile = new Map(body.error.issues.map((i) => [i.file, i]));
    expect(byFile.get(RULE_FILE.path)).toMatchObject({ rule: "release.count", line: expect.any(Number), column: expect.any(Number) });
    expect(byFile.get(RULE_FILE.path)!.message).toMatch(/valeu/);
    expect(byFile.get("cecot/new.rule.yaml")).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(byFile.get("cecot/new.rule.yaml")!.message).toMatch(/YAML/);
  });

  it("refuses paths outside the rules root, unknown removals and too many files", async () => {
    const bad = await call("/v1/rulesets/drafts", {
      body: {
        files: [
          { path: "../etc/x.yaml", text: "id: x" },
          { path: "cecot/none.yaml", remove: true },
        ],
      },
    });
    const body = (await bad.json()) as { error: { issues: { file: string }[] } };
    expect(bad.status).toBe(400);
    expect(body.error.issues.map((i) => i.file)).toEqual(["../etc/x.yaml", "cecot/none.yaml"]);
    const many = Array.from({ length: 201 }, (_, i) => ({ path: `bulk/r${i}.yaml`, text: "id: x" }));
    await expectError(await call("/v1/rulesets/drafts", { body: { files: many } }), 413, "payload_too_large");
    const huge = "#".repeat(300 * 1024);
    const tooBig = await call("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text: `${EDITED}\n${huge}` }] } });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(await tooBig.json())).toMatch(/bytes; the limit is/);
  });

  it("a publish that loses a race (the draft discarded meanwhile) changes nothing", async () => {
    // 254: a version never stored before (253 was published above).
    const text = RULE_FILE.text.replace(/^value: 252$/m, "value: 254");
    const draft = await callJson("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text }] }, status: 201 });
    const db = getDb(env.DB);
    const stale = (await getDraft(db, draft.id))!;
    const current = (await callJson("/v1/rulesets", { status: 200 })).current.version;
    expect((await call(`/v1/rulesets/drafts/${draft.id}`, { method: "DELETE" })).status).toBe(204);
    await expect(transact(db, publishDraftStatements(db, stale, "racer", new Date().toISOString()))).rejects.toThrow();
    expect((await callJson("/v1/rulesets", { status: 200 })).current.version).toBe(current);
    expect(await count("SELECT count(*) AS n FROM ruleset_files WHERE version = ?", stale.version)).toBe(0);
  });

  it("discards a draft", async () => {
    const draft = await callJson("/v1/rulesets/drafts", { body: { files: [{ path: RULE_FILE.path, text: EDITED }] }, status: 201 });
    await expectError(await call(`/v1/rulesets/drafts/${draft.id}`, { method: "DELETE", token: READ }), 403, "forbidden");
    await callJson(`/v1/rulesets/drafts/${draft.id}/preview`, { body: { limit: 2 }, status: 201 });
    expect((await call(`/v1/rulesets/drafts/${draft.id}`, { method: "DELETE" })).status).toBe(204);
    await expectError(await call(`/v1/rulesets/drafts/${draft.id}`), 404, "not_found");
    for (const table of ["ruleset_draft_files", "ruleset_previews"])
      expect(await count(`SELECT count(*) AS n FROM ${table} WHERE draft_id = ?`, draft.id)).toBe(0);
    expect(await count("SELECT count(*) AS n FROM ruleset_preview_chunks WHERE preview_id NOT IN (SELECT id FROM ruleset_previews)")).toBe(
      0,
    );
    await expectError(await call(`/v1/rulesets/drafts/${draft.id}`, { method: "DELETE" }), 404, "not_found");
  });
});
