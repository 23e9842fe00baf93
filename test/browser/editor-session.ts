// A Chromium page logged in to the local Worker's dashboard with the editor token: the setup the
// browser tests of editors' flows (feedback, the rule editor) share.
import { chromium, type Browser, type Page } from "playwright-core";
import { TOKENS } from "./local-worker";

export async function editorSession(
  executablePath: string,
  workerUrl: string,
  viewport: { width: number; height: number },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const page = await (await browser.newContext({ viewport })).newPage();
  // A dialog would hang the test: the dashboard never needs one.
  page.on("dialog", (d) => {
    throw new Error(`unexpected dialog: ${d.message()}`);
  });
  await page.goto(`${workerUrl}/login`);
  await page.fill("#token", TOKENS.api);
  await page.click("form.login button[type=submit]");
  return { browser, page };
}
