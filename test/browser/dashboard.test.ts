// The dashboard in a real browser: Debian's Chromium (never a downloaded one) driven by
// playwright-core against `wrangler dev`, seeded through the public API. Screenshots of every
// page go to test-artifacts/screenshots/.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scoreSeeds } from "../../scripts/score-seeds";
import { findChromium } from "./find-chromium";
import { type LocalWorker, startLocalWorker, TOKENS } from "./local-worker";

const CHROMIUM = findChromium();
const SHOTS = join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");
const SCRIPT_TITLE = `<script>alert("title")</script> Script test`;
const SCRIPT_TEXT = `Before. <script>document.title = "pwned"; alert("text")</script> <img src=x onerror="alert(1)"> After, CECOT in El Salvador.`;

let worker: LocalWorker;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const ids = new Map<string, string>(); // seed external id → article id
let scriptArticleId = "";

async function shot(name: string, target: Page = page) {
  await target.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe.skipIf(!CHROMIUM)("dashboard in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    worker = await startLocalWorker();

    for (const seed of await scoreSeeds(worker.url, TOKENS.api)) ids.set(seed.externalId, seed.articleId);
    const res = await worker.api("/v1/score", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: SCRIPT_TEXT, title: SCRIPT_TITLE, source: "xss", external_id: "script-1" }),
    });
    scriptArticleId = ((await res.json()) as { article_id: string }).article_id;

    browser = await chromium.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    // No page of ours may ever run a script: any dialog is an XSS.
    page.on("dialog", (d) => {
      throw new Error(`unexpected dialog: ${d.message()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
  });

  it("sends a logged-out visitor to the login form, and logs in with a Secure HttpOnly SameSite=Strict cookie on http://localhost", async () => {
    await page.goto(`${worker.url}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await shot("01-login");
    await page.fill("#token", "wrong");
    await page.click("button[type=submit]");
    await expect(page.locator(".error").textContent()).resolves.toContain("not valid");
    await page.fill("#token", TOKENS.api);
    await page.click("form.login button[type=submit]");
    // The click returns once the navigation starts: wait for the queue page itself before the next test counts its rows.
    await page.waitForLoadState("load");
    expect(new URL(page.url()).pathname).toBe("/");
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ name: "__Host-session", httpOnly: true, secure: true, sameSite: "Strict", path: "/" }),
    ]);
    expect(cookies[0]!.value).not.toContain(TOKENS.api);
  });

  it("lists the seeds as a triage queue, seed 000 failing cecot.country with its wording", async () => {
    const row = page.locator("ul.queue > li", { hasText: "Seed 000" });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator(".badge").textContent()).resolves.toBe("fails");
    await expect(row.locator("a", { hasText: /^cecot\.country$/ }).count()).resolves.toBe(1);
    await expect(row.locator("q").first().textContent()).resolves.toContain("Ecuador");
    await shot("02-articles");
  });

  it("filters the table by outcome and by rule", async () => {
    await page.selectOption("select[name=outcome]", "pass");
    // Wait for the filtered page itself: counting rows mid-navigation made this test flaky.
    await Promise.all([page.waitForURL((u) => u.searchParams.get("outcome") === "pass"), page.click("form.filters button[type=submit]")]);
    const outcomes = await page.locator("ul.queue > li .badge").allTextContents();
    expect(outcomes.length).toBeGreaterThan(0);
    // outcome=pass keeps passing articles; one with a verdict to review is listed under "To review".
    expect(outcomes.every((o) => o === "passes" || o === "to review")).toBe(true);
    await expect(page.locator("ul.queue > li", { hasText: "Seed 000" }).count()).resolves.toBe(0);

    await page.goto(`${worker.url}/`);
    await page.selectOption("select[name=rule]", "cecot.country");
    await Promise.all([
      page.waitForURL((u) => u.searchParams.get("rule") === "cecot.country"),
      page.click("form.filters button[type=submit]"),
    ]);
    const rows = page.locator("ul.queue > li");
    await expect(rows.count()).resolves.toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text).toContain("cecot.country");
    await expect(page.locator("ul.queue > li", { hasText: "Seed 000" }).count()).resolves.toBe(1);
    await shot("03-articles-filtered");
  });

  it("opens seed 000 and finds the failing highlight exactly on “Ecuador” with the rule's claim", async () => {
    const claim = ((await (await worker.api("/v1/rules/cecot.country")).json()) as { claim: string }).claim;
    await page.click("ul.queue > li:has-text('Seed 000') .title a");
    expect(new URL(page.url()).pathname).toBe(`/articles/${ids.get("000_246310151619bba4")}`);
    await page.waitForLoadState("load"); // the click may return once the navigation commits
    // The mark's own text (hidden label and footnote number left out) is exactly the quoted word.
    // (No DOM types in this Node project: the browser-side callback is typed structurally.)
    type El = {
      cloneNode(deep: boolean): El;
      querySelectorAll(s: string): { forEach(f: (e: { remove(): void }) => void): void };
      textContent: string | null;
      getAttribute(n: string): string | null;
    };
    const marks = await page.locator("article.text mark.t-fail").evaluateAll((els) =>
      (els as unknown as El[]).map((el) => {
        const copy = el.cloneNode(true);
        copy.querySelectorAll(".sr, sup").forEach((x) => x.remove());
        return { text: copy.textContent ?? "", title: el.getAttribute("title"), rules: el.getAttribute("data-rules") ?? "" };
      }),
    );
    const ecuador = marks.filter((m) => m.text === "Ecuador" && m.rules.split(" ").includes("cecot.country"));
    expect(ecuador.length, JSON.stringify(marks)).toBeGreaterThan(0);
    expect(ecuador[0]!.title).toBeNull(); // explanations live in the page, not in tooltips
    // The "To fix" list says what is wrong, the rule's claim and the rewritten sentence.
    const fix = page.locator("li.fix", { hasText: "cecot.country" }).first();
    await expect(fix.textContent()).resolves.toContain(claim);
    await expect(fix.locator("ins").textContent()).resolves.toContain("El Salvador");
    await shot("04-article-000");
  });

  it("re-checks the article through the CSRF-protected form", async () => {
    const before = await page.locator("table tbody tr").count();
    await page.click("text=Re-check stored text");
    await expect(page.locator("p.notice[role=status]").textContent()).resolves.toContain("Re-checked just now");
    await expect(page.locator("table tbody tr").count()).resolves.toBe(before + 1);
  });

  it("is readable at phone width", async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${worker.url}/articles/${ids.get("000_246310151619bba4")}`);
    const overflow = await phone.evaluate<number>("document.documentElement.scrollWidth - window.innerWidth");
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("05-article-000-phone", phone);
    await phone.goto(`${worker.url}/`);
    await shot("06-articles-phone", phone);
    await phone.close();
  });

  it("shows the rules with their tallies and the articles failing cecot.country", async () => {
    await page.goto(`${worker.url}/rules`);
    await expect(page.locator("tbody tr").count()).resolves.toBeGreaterThan(5);
    await shot("07-rules");
    await page.click("a:has-text('cecot.country') >> nth=0");
    expect(new URL(page.url()).pathname).toBe("/rules/cecot.country");
    await expect(page.locator("table", { hasText: "Seed 000" }).count()).resolves.toBe(1);
    await shot("08-rule-cecot-country");
  });

  it("charts audits and opens one with its changed articles", async () => {
    const seed000 = ids.get("000_246310151619bba4")!;
    const runAudit = async () => {
      const started = (await (await worker.api("/v1/audits", { method: "POST" })).json()) as { audit: { id: string } };
      const deadline = Date.now() + 60_000;
      for (;;) {
        const audit = (await (await worker.api(`/v1/audits/${started.audit.id}`)).json()) as { status: string };
        if (audit.status === "finished") return started.audit.id;
        if (Date.now() > deadline) throw new Error(`audit ${started.audit.id} still running:\n${worker.log().slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    // Audits skip articles already judged by the current rules, so age the stored runs as if the
    // rules had changed since, and make seed 000's last run a pass of cecot.country: the first
    // audit must re-score everything and report that regression.
    // (The scan reads the article's latest check, checked_ruleset_version, so age that too.)
    worker.sql(
      `UPDATE runs SET ruleset_version = 'older-ruleset';
       UPDATE articles SET checked_ruleset_version = 'older-ruleset';
       UPDATE verdicts SET status = 'pass' WHERE rule_id = 'cecot.country' AND run_id = (SELECT latest_run_id FROM articles WHERE id = '${seed000}');
       UPDATE runs SET outcome = 'pass' WHERE id = (SELECT latest_run_id FROM articles WHERE id = '${seed000}');
       UPDATE articles SET latest_outcome = 'pass' WHERE id = '${seed000}';`,
    );
    const first = await runAudit();
    worker.sql("UPDATE runs SET ruleset_version = 'older-ruleset'; UPDATE articles SET checked_ruleset_version = 'older-ruleset'");
    await runAudit();

    await page.goto(`${worker.url}/audits`);
    await expect(page.locator("svg.chart rect").count()).resolves.toBe(2);
    await expect(page.locator("svg.chart circle").count()).resolves.toBe(2);
    await shot("09-audits");
    await page.click(`a[href="/audits/${first}"] >> nth=-1`);
    expect(new URL(page.url()).pathname).toBe(`/audits/${first}`);
    const change = page.locator("tbody tr", { hasText: "Seed 000" });
    await expect(change.textContent()).resolves.toMatch(/regression.*cecot\.country/s);
    await shot("10-audit");
  }, 150_000); // two audits through the local Worker: slow when the whole suite shares the machine

  it("shows an article containing <script> as text, running nothing", async () => {
    await page.goto(`${worker.url}/articles/${scriptArticleId}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(SCRIPT_TITLE);
    // The article's text as a reader sees it (footnote numbers of any highlight left out).
    const text = await page.evaluate<string>(
      `(() => { const c = document.querySelector("article.text").cloneNode(true); c.querySelectorAll("sup, .sr").forEach((s) => s.remove()); return c.textContent; })()`,
    );
    expect(text).toBe(SCRIPT_TEXT);
    expect(await page.evaluate<number>(`document.querySelectorAll("script, article.text img").length`)).toBe(0);
    expect(await page.title()).toContain("<script>");
    await shot("11-article-script");
  });

  it("gives a read-only session no re-check button and a 403 page if it posts anyway", async () => {
    const reader = await browser.newContext();
    const p = await reader.newPage();
    await p.goto(`${worker.url}/login`);
    await p.fill("#token", TOKENS.read);
    await p.click("form.login button[type=submit]");
    await p.goto(`${worker.url}/articles/${ids.get("000_246310151619bba4")}`);
    await expect(p.locator("text=Re-check stored text").count()).resolves.toBe(0);
    await expect(p.locator("text=Read-only session").count()).resolves.toBe(1);
    await shot("12-article-read-only", p);
    // Posting the form anyway (valid session token, same origin) is refused.
    const csrf = await p.locator("input[name=csrf]").first().getAttribute("value");
    const res = await reader.request.post(`${worker.url}/articles/${ids.get("000_246310151619bba4")}/recheck`, {
      form: { csrf: csrf! },
      headers: { origin: worker.url },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("Read-only session");
    await reader.close();
  });

  it("logs out", async () => {
    await page.goto(`${worker.url}/`);
    await page.click("text=Log out");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await context.cookies()).toEqual([]);
    await page.goto(`${worker.url}/rules`);
    expect(new URL(page.url()).pathname).toBe("/login");
  });
});
