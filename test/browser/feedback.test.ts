// Feedback in Chromium: an editor clicks "False alarm" on a failing span (with a note), sees the
// fail dismissed with who and when, and undoes it; the rule page shows precision and the noisy
// mark. Screenshots of the controls and the rule page go to test-artifacts/screenshots/, or to the
// committed docs/screenshots/ with UPDATE_DOC_SCREENSHOTS=1 (so a CI run never rewrites tracked files).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { editorSession } from "./editor-session";
import { findChromium } from "./find-chromium";
import { type LocalWorker, startLocalWorker } from "./local-worker";

const CHROMIUM = findChromium();
const SHOTS = process.env.UPDATE_DOC_SCREENSHOTS
  ? join(import.meta.dirname, "..", "..", "docs", "screenshots")
  : join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");
const TEXT = "CECOT, the prison in Ecuador, held 244 Venezuelans for four months.";

let worker: LocalWorker;
let browser: Browser;
let page: Page;
let articleId = "";

async function score(externalId: string): Promise<{ article_id: string; verdicts: { status: string; evidence: { finding: string }[] }[] }> {
  const res = await worker.api("/v1/score", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      text: TEXT,
      title: `Freed from CECOT (${externalId})`,
      source: "desk",
      external_id: externalId,
      published_at: "2025-07-20",
    }),
  });
  return (await res.json()) as never;
}

/** Labels every failing span of an article through the API (other editors' earlier judgements). */
async function label(externalId: string, value: "false_alarm" | "confirmed", note: string) {
  const r = await score(externalId);
  for (const v of r.verdicts.filter((x) => x.status === "fail"))
    for (const e of v.evidence)
      await worker.api(`/v1/articles/${r.article_id}/feedback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ finding: e.finding, label: value, note }),
      });
}

describe.skipIf(!CHROMIUM)("feedback in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    worker = await startLocalWorker();
    articleId = (await score("browser-feedback")).article_id;
    for (let i = 0; i < 4; i++) await label(`earlier-fa-${i}`, "false_alarm", "the minister's words, paraphrased");
    await label("earlier-ok", "confirmed", "wrong country: corrected");
    ({ browser, page } = await editorSession(CHROMIUM!, worker.url, { width: 1100, height: 900 }));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it("clicks “False alarm” with a note: the fail is dismissed, credited and dated; undo restores it", async () => {
    await page.goto(`${worker.url}/articles/${articleId}`);
    await expect(page.locator("p.verdict").textContent()).resolves.toContain("Not ready to publish");
    const fix = page.locator("#fix-1");
    await fix.screenshot({ path: join(SHOTS, "feedback-controls.png") });

    await fix.locator("input[name=note]").first().fill("Quoted from the minister's statement <b>verbatim</b>");
    await Promise.all([page.waitForURL((u) => u.searchParams.has("labelled")), fix.locator("button[value=false_alarm]").first().click()]);
    await expect(page.locator("p.verdict").textContent()).resolves.toContain("Can be published");
    const dismissed = page.locator("section[aria-labelledby=dismissed]");
    await expect(dismissed.textContent()).resolves.toMatch(/False alarm · marked by dashboard:write on \d{4}-\d\d-\d\d/);
    await expect(dismissed.textContent()).resolves.toContain("Quoted from the minister's statement <b>verbatim</b>");
    await dismissed.screenshot({ path: join(SHOTS, "feedback-dismissed.png") });

    await Promise.all([
      page.waitForURL((u) => u.searchParams.has("undone")),
      dismissed.locator("button", { hasText: "Undo" }).first().click(),
    ]);
    await expect(page.locator("p.verdict").textContent()).resolves.toContain("Not ready to publish");
    await expect(page.locator("section[aria-labelledby=dismissed]").count()).resolves.toBe(0);
    await expect(page.locator("#fix-1 button[value=false_alarm]").count()).resolves.toBeGreaterThan(0);
  });

  it("shows the rule's precision, the noisy mark and the dismissed wordings", async () => {
    await page.goto(`${worker.url}/rules`);
    const row = page.locator("tr", { has: page.locator("code.rule", { hasText: /^cecot\.country$/ }) });
    await expect(row.textContent()).resolves.toContain("20% (1 confirmed, 4 false alarms)");
    await expect(row.locator(".noisy").textContent()).resolves.toContain("noisy");
    await row.screenshot({ path: join(SHOTS, "rules-precision-row.png") });
    await page.goto(`${worker.url}/rules/cecot.country`);
    const section = page.locator("section[aria-labelledby=feedback]");
    await expect(section.textContent()).resolves.toContain("CECOT, the prison in Ecuador");
    await expect(section.textContent()).resolves.toContain("Noisy");
    await section.screenshot({ path: join(SHOTS, "rule-precision.png") });
  });
});
