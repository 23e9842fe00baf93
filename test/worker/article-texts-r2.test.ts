// Article texts in R2 (storage/texts.ts): the */5 cron moves inline texts to the local R2 bucket
// keyed by content hash, after which D1 holds '' and every read (API, audit, re-post) still
// gives the same text; articles sharing a text share one object; rows never offloaded keep working.
import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import { SWEEP_CRON } from "../../src/jobs/sweep";
import { getDb } from "../../src/storage/db";
import { getArticle } from "../../src/storage/articles";
import { offloadTexts, textKey } from "../../src/storage/texts";
import { startAudit } from "../../src/use-cases/audit";
import { callJson } from "./fixtures/api";
import { auditRow, drain, phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const rules = ruleset(phraseRule("texts.prison", "CECOTT", "CECOT"));
const inlineText = (id: string) =>
  env.DB.prepare("SELECT text, content_hash FROM articles WHERE id = ?").bind(id).first<{ text: string; content_hash: string }>();

async function clearBucket() {
  const listed = await env.TEXTS.list();
  if (listed.objects.length) await env.TEXTS.delete(listed.objects.map((o) => o.key));
}

async function cron() {
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: SWEEP_CRON }), env as Bindings);
}

beforeEach(async () => {
  await resetArchive();
  await clearBucket();
});

describe("article texts in R2", () => {
  it("the cron moves a stored text to R2 by hash, and the API reads it back unchanged", async () => {
    const text = "The prison called CECOTT is in El Salvador — “Nicolás” said so in Maiquetía.";
    const stored = await callJson("/v1/score", { body: { text, source: "r2", external_id: "one" }, status: 201 });
    const before = await callJson(`/v1/articles/${stored.article_id}`, { status: 200 });
    expect((await inlineText(stored.article_id))!.text).toBe(text);

    await cron();

    const row = (await inlineText(stored.article_id))!;
    expect(row.text).toBe("");
    const object = await env.TEXTS.get(textKey(row.content_hash));
    expect(await object!.text()).toBe(text);
    const after = await callJson(`/v1/articles/${stored.article_id}`, { status: 200 });
    expect(after).toEqual(before);
    expect((await getArticle(getDb(env.DB), stored.article_id))!.text).toBe(text);
  });

  it("articles that share a text share one object; a changed text is stored inline again, then moved", async () => {
    const a = await storeArticle("a", "Same words about CECOT.", rules);
    const b = await storeArticle("b", "Same words about CECOT.", rules);
    const result = await offloadTexts(getDb(env.DB), 40);
    expect(result).toEqual({ moved: 2, objects: 1 });
    expect((await env.TEXTS.list()).objects).toHaveLength(1);

    // Re-posting the same text leaves it in R2 (no D1 copy); a new text lands inline until the next run.
    await storeArticle("a", "Same words about CECOT.", rules);
    expect((await inlineText(a.articleId))!.text).toBe("");
    await storeArticle("b", "New words about CECOTT.", rules);
    expect((await inlineText(b.articleId))!.text).toBe("New words about CECOTT.");
    expect(await offloadTexts(getDb(env.DB), 40)).toEqual({ moved: 1, objects: 1 });
    expect((await getArticle(getDb(env.DB), b.articleId))!.text).toBe("New words about CECOTT.");
    expect((await getArticle(getDb(env.DB), a.articleId))!.text).toBe("Same words about CECOT.");
  });

  it("moves at most `limit` per run and never clears a text that changed after it was copied", async () => {
    for (let i = 0; i < 5; i++) await storeArticle(`n${i}`, `Article ${i} about CECOT.`, rules);
    expect((await offloadTexts(getDb(env.DB), 2)).moved).toBe(2);
    expect((await offloadTexts(getDb(env.DB), 2)).moved).toBe(2);
    expect((await offloadTexts(getDb(env.DB), 2)).moved).toBe(1);
    expect((await offloadTexts(getDb(env.DB), 2)).moved).toBe(0);

    // A copy made from an old text: the row's hash no longer matches, so it keeps its new text.
    const c = await storeArticle("c", "Old text about CECOT.", rules);
    const bucket = env.TEXTS;
    const racing = {
      ...bucket,
      async put(key: string, value: string) {
        await storeArticle("c", "Newer text about CECOTT.", rules); // lands between the copy and the update
        return bucket.put(key, value);
      },
    } as unknown as R2Bucket;
    const { setTextBucket } = await import("../../src/storage/texts");
    setTextBucket(racing);
    try {
      expect((await offloadTexts(getDb(env.DB), 40)).moved).toBe(0);
    } finally {
      setTextBucket(bucket);
    }
    expect((await inlineText(c.articleId))!.text).toBe("Newer text about CECOTT.");
  });

  it("an audit re-scores texts that live in R2 and rows stored before R2 alike", async () => {
    const moved = await storeArticle("moved", "The prison called CECOTT.", rules);
    await offloadTexts(getDb(env.DB), 40);
    const inline = await storeArticle("inline", "Also CECOTT here.", rules); // never offloaded: the D1 column is the text
    const v2 = ruleset(phraseRule("texts.prison", "CECOTT", "CECOT"), phraseRule("texts.city", "San Salvadr", "San Salvador"));
    const rec = recordingEnv();
    const { audit } = await startAudit(rec, { trigger: "api", now: new Date(), ruleset: v2 });
    await drain(rec, v2);
    expect(await auditRow(audit.id)).toMatchObject({ status: "finished", scored: 2, failed: 0 });
    for (const id of [moved.articleId, inline.articleId]) {
      const article = await callJson(`/v1/articles/${id}`, { status: 200 });
      expect(article.latest_run.verdicts.find((v: { rule: string }) => v.rule === "texts.prison").status).toBe("fail");
    }
    expect((await inlineText(moved.articleId))!.text).toBe("");
  });
});
