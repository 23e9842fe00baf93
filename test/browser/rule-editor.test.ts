// Editing a rule at runtime in a real browser: Debian's Chromium against `wrangler dev`, seeded
// through the public API. An editor breaks release.count's YAML and sees the located errors,
// fixes it to expect 253, runs the examples, previews the seeds that would flip, and publishes.
// Screenshots go to test-artifacts/screenshots/ (docs/screenshots/ holds committed copies).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreSeeds } from "../../scripts/score-seeds";
import { editorSession } from "./editor-session";
import { findChromium } from "./find-chromium";
import { type LocalWorker, startLocalWorker, TOKENS } from "./local-worker";

const CHROMIUM = findChromium();
const SHOTS = join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");

let worker: LocalWorker;
let browser: Browser;
let page: Page;
let original = "";

const version = async () => ((await (await worker.api("/v1/rules")).json()) as { ruleset: { version: string } }).ruleset.version;

describe.skipIf(!CHROMIUM)("the rule editor in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    worker = await startLocalWorker();
    await scoreSeeds(worker.url, TOKENS.api);
    ({ browser, page } = await editorSession(CHROMIUM!, worker.url, { width: 1280, height: 900 }));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it("opens the editor from the rule page and shows every located error beside the YAML", async () => {
    await page.goto(`${worker.url}/rules/release.count`);
    await Promise.all([page.waitForURL(/\/rules\/release\.count\/edit$/), page.click("a.button:has-text('Edit')")]);
    original = await page.inputValue("textarea#yaml");
    expect(original).toMatch(/^value: 252$/m);
    await page.fill(
      "textarea#yaml",
      original.replace(/^value: 252$/m, "value: 253\nvaleu: 253").replace(/^severity: critical$/m, "severity: critcal"),
    );
    await Promise.all([page.waitForLoadState("load"), page.click("button:has-text('Save draft')")]);
    const issues = await page.locator("ol.issues li").allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join("\n")).toMatch(/cecot\/release\.count\.yaml:\d+:\d+ \[release\.count\] \(valeu\)/);
    expect(issues.join("\n")).toMatch(/\(severity\)/);
    // The text as typed is kept, so the editor can fix it.
    expect(await page.inputValue("textarea#yaml")).toContain("valeu: 253");
    await page.screenshot({ path: join(SHOTS, "rule-editor-errors.png"), fullPage: true });
  });

  it("saves a valid draft, runs its examples and previews the seeds that would flip", async () => {
    const before = await version();
    await page.fill("textarea#yaml", original.replace(/^value: 252$/m, "value: 253"));
    await Promise.all([page.waitForURL(/\/rulesets\/drafts\/dft_/), page.click("button:has-text('Save draft')")]);
    await expect(page.locator("main").textContent()).resolves.toContain("edited: release.count");
    await expect(page.locator("td[data-label=Result]", { hasText: "✗" }).count()).resolves.toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/preview=pvw_/), page.click("button:has-text('Preview')")]);
    const rows = page.locator("#preview ~ table tbody tr, section[aria-labelledby=preview] tbody tr");
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain("release.count");
    await expect(page.locator("section[aria-labelledby=preview]").textContent()).resolves.toContain("new failure");
    expect(await version()).toBe(before); // nothing published yet
    await page.screenshot({ path: join(SHOTS, "draft-preview.png"), fullPage: true });
  });

  it("publishes: the API judges with the edited rule at once", async () => {
    const before = await version();
    await Promise.all([page.waitForURL(/\/rulesets\?current=/), page.click("button:has-text('Publish')")]);
    expect(await version()).not.toBe(before);
    const rule = (await (await worker.api("/v1/rulesets")).json()) as { items: { current: boolean; bundled: boolean }[] };
    expect(rule.items.find((v) => v.current)?.bundled).toBe(false);
  });
});
