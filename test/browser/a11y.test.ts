// Every dashboard page in Chromium at desktop (1280×800) and phone (390×844) width: axe-core
// (WCAG 2.2 AA rules plus best practices) finds no serious or critical violation, nothing scrolls
// sideways, the editor's answer is in the first screen, and a screenshot of each page is kept.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import axeCore from "axe-core";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreSeeds } from "../../scripts/score-seeds";
import { findChromium } from "./find-chromium";
import { type LocalWorker, startLocalWorker, TOKENS } from "./local-worker";

const CHROMIUM = findChromium(); // null: skip (find-chromium.ts says why)
const SHOTS = join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");
const SEED_000 = "000_246310151619bba4";
const WIDTHS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

let worker: LocalWorker;
let browser: Browser;
const pages: Record<keyof typeof WIDTHS, Page> = {} as never;
let seed000 = "";
let auditId = "";

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core in the page (its source from node_modules; the context bypasses our no-script CSP). */
async function axe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeCore.source });
  const result = await page.evaluate<{ violations: AxeViolation[] }>(
    `axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] } })`,
  );
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

const describeViolations = (list: AxeViolation[]) =>
  list
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(" ")} ${n.failureSummary ?? ""}`)
          .join("\n")}`,
    )
    .join("\n");

beforeAll(async () => {
  if (!CHROMIUM) return;
  mkdirSync(SHOTS, { recursive: true });
  worker = await startLocalWorker();
  for (const seed of await scoreSeeds(worker.url, TOKENS.api)) if (seed.externalId === SEED_000) seed000 = seed.articleId;
  // One audit, so /audits has a chart and /audits/:id a page.
  auditId = ((await (await worker.api("/v1/audits", { method: "POST" })).json()) as { audit: { id: string } }).audit.id;
  for (let i = 0; i < 120; i++) {
    if (((await (await worker.api(`/v1/audits/${auditId}`)).json()) as { status: string }).status === "finished") break;
    await new Promise((r) => setTimeout(r, 500));
  }
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  for (const [name, viewport] of Object.entries(WIDTHS) as [keyof typeof WIDTHS, (typeof WIDTHS)[keyof typeof WIDTHS]][]) {
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${worker.url}/login`);
    await page.fill("#token", TOKENS.api);
    await page.click("form.login button[type=submit]");
    pages[name] = page;
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

const PATHS = () => ({
  home: "/",
  article: `/articles/${seed000}`,
  rules: "/rules",
  rule: "/rules/cecot.country",
  audits: "/audits",
  audit: `/audits/${auditId}`,
  corrections: "/corrections",
  since: "/since",
  login: "/login?next=/",
});

describe.skipIf(!CHROMIUM).each(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[])("at %s width", (width) => {
  it.each(Object.keys(PATHS()))("%s: no serious or critical axe violation, no sideways scrolling", async (name) => {
    const page = pages[width];
    const path = PATHS()[name as keyof ReturnType<typeof PATHS>];
    if (name === "login") await page.context().clearCookies();
    const res = await page.goto(`${worker.url}${path}`);
    expect(res?.status(), path).toBe(200);
    await page.screenshot({ path: join(SHOTS, `a11y-${name}-${width}.png`), fullPage: true });
    const violations = await axe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(
      await page.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth"),
      `${path} scrolls sideways`,
    ).toBeLessThanOrEqual(0);
  });
});

describe.skipIf(!CHROMIUM)("highlights without colour", () => {
  it("tell wrong, conflicting, to-review, quoted, dismissed and correct spans apart by icon, and name them in words", async () => {
    const page = pages.desktop;
    if ((await page.context().cookies()).length === 0) {
      await page.goto(`${worker.url}/login`);
      await page.fill("#token", TOKENS.api);
      await page.click("form.login button[type=submit]");
    }
    await page.goto(`${worker.url}/articles/${seed000}`);
    // The legend shows one mark of each kind; compare what is left when hue is ignored.
    const signals = await page.evaluate<{ icon: string; label: string }[]>(`[...document.querySelectorAll("ul.legend mark")].map((m) => ({
      icon: getComputedStyle(m, "::before").content,
      label: m.textContent,
    }))`);
    expect(signals).toHaveLength(6);
    expect(new Set(signals.map((s) => s.icon)).size).toBe(6);
    expect(new Set(signals.map((s) => s.label)).size).toBe(6);
    // In the text every mark opens with hidden words saying what it is.
    const unnamed = await page.evaluate<number>(
      `[...document.querySelectorAll("article.text mark.start")].filter((m) => !m.querySelector(".sr")).length`,
    );
    expect(unnamed).toBe(0);
  });
});

describe.skipIf(!CHROMIUM)("keyboard", () => {
  it("reaches the skip link first, then the navigation, re-check and the fixes before the marked text", async () => {
    const page = pages.desktop;
    await page.goto(`${worker.url}/articles/${seed000}`);
    const order: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      order.push(
        await page.evaluate<string>(
          `(() => { const e = document.activeElement; return e.closest("article.text") ? "text" : e.closest("#fix-1") ? "fix" : (e.textContent || "").trim(); })()`,
        ),
      );
    }
    expect(order[0]).toBe("Skip to content");
    expect(order.indexOf("To check")).toBeGreaterThan(0);
    const recheck = order.indexOf("Re-check stored text");
    expect(recheck).toBeGreaterThan(order.indexOf("To check"));
    expect(order.indexOf("fix")).toBeGreaterThan(recheck);
    expect(order.indexOf("text")).toBeGreaterThan(order.indexOf("fix"));
  });
});

describe.skipIf(!CHROMIUM)("the editor's first screen", () => {
  async function inFirstScreen(page: Page, selector: string): Promise<boolean> {
    const box = await page.locator(selector).first().boundingBox();
    const { height } = page.viewportSize()!;
    return box !== null && box.y >= 0 && box.y + box.height <= height;
  }

  it("shows seed 000's verdict and its correction (Ecuador → El Salvador) in the first screen at 1280×800 and at 390 px", async () => {
    for (const page of [pages.desktop, pages.phone]) {
      if ((await page.context().cookies()).length === 0) {
        await page.goto(`${worker.url}/login`);
        await page.fill("#token", TOKENS.api);
        await page.click("form.login button[type=submit]");
      }
      await page.goto(`${worker.url}/articles/${seed000}`);
      await expect(page.locator(".verdict").textContent()).resolves.toContain("Not ready to publish");
      const fix = page.locator("#fix-1");
      await expect(fix.locator("del").textContent()).resolves.toContain("Ecuador");
      await expect(fix.locator("ins").textContent()).resolves.toContain("El Salvador");
      expect(await inFirstScreen(page, ".verdict"), `verdict at ${page.viewportSize()!.width}px`).toBe(true);
      expect(await inFirstScreen(page, "#fix-1 ins"), `correction at ${page.viewportSize()!.width}px`).toBe(true);
      await page.screenshot({ path: join(SHOTS, `first-screen-article-000-${page.viewportSize()!.width}.png`) });
    }
  });
});
