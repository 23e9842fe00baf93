// Where the browser tests find a Chromium: CHROMIUM_PATH, else the usual install locations.
// Never a downloaded browser. Without one the tests skip with one line, unless REQUIRE_BROWSER=1
// (set by .ci/run), which turns the skip into a failure.
import { existsSync } from "node:fs";

const USUAL = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/snap/bin/chromium",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
  "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
];

/** The Chromium to drive, or null (after printing why) when the browser tests should skip. */
export function findChromium(env: Record<string, string | undefined> = process.env, usual: readonly string[] = USUAL): string | null {
  if (env.CHROMIUM_PATH) {
    if (existsSync(env.CHROMIUM_PATH)) return env.CHROMIUM_PATH;
    throw new Error(`CHROMIUM_PATH=${env.CHROMIUM_PATH} does not exist: point it at a Chromium or Chrome binary, or unset it.`);
  }
  const found = usual.find((p) => existsSync(p));
  if (found) return found;
  const why = "no Chromium found (set CHROMIUM_PATH, or apt-get install chromium)";
  if (env.REQUIRE_BROWSER === "1") throw new Error(`REQUIRE_BROWSER=1 but ${why}.`);
  console.warn(`browser tests skipped: ${why}.`);
  return null;
}
