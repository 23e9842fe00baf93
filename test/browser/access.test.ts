// Cloudflare Access sign-in end to end: a local HTTP server publishes a freshly generated key set
// as Access would (/cdn-cgi/access/certs), `wrangler dev` fetches and verifies with jose, and
// Chromium sends `Cf-Access-Jwt-Assertion` as Access does. Nothing in the check is mocked.
import { mkdirSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { join } from "node:path";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "./find-chromium";
import { type LocalWorker, startLocalWorker } from "./local-worker";

const CHROMIUM = findChromium(); // null: skip (find-chromium.ts says why)
const SHOTS = join(import.meta.dirname, "..", "..", "test-artifacts", "screenshots");
const TEAM = "newsroom.cloudflareaccess.com";
const AUD = "aud-4f1e2d3c";

let worker: LocalWorker;
let browser: Browser;
let certs: Server;
let signing: CryptoKey;
let stranger: CryptoKey;
let articleId = "";

async function jwt(opts: { email?: string; aud?: string; exp?: number; key?: CryptoKey } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ email: opts.email ?? "ana.editor@example.org", type: "app" })
    .setProtectedHeader({ alg: "RS256", kid: "team-key-1" })
    .setIssuer(`https://${TEAM}`)
    .setAudience(opts.aud ?? AUD)
    .setSubject("2f6c…")
    .setIssuedAt(now - 30)
    .setExpirationTime(opts.exp ?? now + 3600)
    .sign(opts.key ?? signing);
}

/** A browser context that, like Access in front of the Worker, adds the assertion header. */
async function asPerson(token: string | null, width = 1280) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    extraHTTPHeaders: token ? { "cf-access-jwt-assertion": token } : {},
  });
  return { context, page: await context.newPage() };
}

beforeAll(async () => {
  if (!CHROMIUM) return;
  mkdirSync(SHOTS, { recursive: true });
  const pair = await generateKeyPair("RS256", { extractable: true });
  signing = pair.privateKey;
  stranger = (await generateKeyPair("RS256")).privateKey;
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "team-key-1", alg: "RS256", use: "sig" }] });
  certs = createServer((req, res) => {
    if (req.url !== "/cdn-cgi/access/certs") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((r) => certs.listen(0, "127.0.0.1", r));
  const port = (certs.address() as { port: number }).port;
  worker = await startLocalWorker({
    ACCESS_TEAM_DOMAIN: TEAM,
    ACCESS_AUD: AUD,
    ACCESS_CERTS_URL: `http://127.0.0.1:${port}/cdn-cgi/access/certs`,
  });
  const res = await worker.api("/v1/score", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      text: "CECOT, a prison in Ecuador, holds the men.",
      title: "Access test article",
      source: "access",
      external_id: "a1",
    }),
  });
  articleId = ((await res.json()) as { article_id: string }).article_id;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  if (certs) await new Promise((r) => certs.close(r));
});

describe.skipIf(!CHROMIUM)("Cloudflare Access sign-in", () => {
  it("signs in the person a valid Access JWT names, with no login form and no cookie of ours", async () => {
    const { context, page } = await asPerson(await jwt());
    await page.goto(`${worker.url}/`);
    expect(new URL(page.url()).pathname).toBe("/");
    await expect(page.locator("header.top .who").textContent()).resolves.toContain("ana.editor@example.org");
    expect((await context.cookies()).filter((c) => c.name.includes("session"))).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "access-home-1280.png") });
    await context.close();
  });

  it("credits a re-check to the signed-in person and shows the name beside it", async () => {
    for (const width of [1280, 390]) {
      const { context, page } = await asPerson(await jwt(), width);
      await page.goto(`${worker.url}/articles/${articleId}`);
      await page.click("text=Re-check stored text");
      await page.waitForLoadState("load");
      await expect(page.locator("p.notice[role=status]").textContent()).resolves.toContain("Re-checked just now");
      await expect(page.locator("td[data-label=By]").first().textContent()).resolves.toBe("ana.editor@example.org");
      await expect(page.locator("dl.facts").textContent()).resolves.toContain("by ana.editor@example.org");
      await page.screenshot({ path: join(SHOTS, `access-article-${width}.png`), fullPage: true });
      await context.close();
    }
    // The API records the same name on the run.
    const runs = (await (await worker.api(`/v1/articles/${articleId}/runs`)).json()) as { items: { actor: string | null }[] };
    expect(runs.items.map((r) => r.actor)).toEqual(["ana.editor@example.org", "ana.editor@example.org", null]);
  });

  it.each([
    ["expired", () => jwt({ exp: Math.floor(Date.now() / 1000) - 300 }), "expired"],
    ["for another application (wrong audience)", () => jwt({ aud: "aud-someone-else" }), "aud claim"],
    ["signed with a key that is not the team's", () => jwt({ key: stranger }), "not signed by this team's keys"],
  ])("refuses a JWT %s with a 403 page that says why", async (_name, make, reason) => {
    const { context, page } = await asPerson(await make());
    const res = await page.goto(`${worker.url}/`);
    expect(res?.status()).toBe(403);
    await expect(page.locator("main").textContent()).resolves.toContain(reason);
    await context.close();
  });

  it("still needs the page's CSRF token to re-check: a valid JWT alone is not enough", async () => {
    const { context } = await asPerson(await jwt());
    const res = await context.request.post(`${worker.url}/articles/${articleId}/recheck`, {
      form: { csrf: "guessed" },
      headers: { origin: worker.url },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain("CSRF check failed");
    await context.close();
  });

  it("falls back to the token login when Access sent no JWT", async () => {
    const { context, page } = await asPerson(null);
    await page.goto(`${worker.url}/`);
    expect(new URL(page.url()).pathname).toBe("/login");
    await context.close();
  });
});

describe.skipIf(!CHROMIUM)("per-person API tokens", () => {
  it("are made with the bootstrap token and credit the runs they start to their owner", async () => {
    const created = await worker.api("/v1/tokens", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ owner: "bo.script@example.org", name: "nightly import" }),
    });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: string };
    const scored = await fetch(`${worker.url}/v1/score`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({
        text: "CECOT, a prison in Ecuador, holds the men.",
        title: "Access test article",
        source: "access",
        external_id: "a1",
      }),
    });
    expect(scored.status).toBe(201);
    const { context, page } = await asPerson(await jwt());
    await page.goto(`${worker.url}/articles/${articleId}`);
    await expect(page.locator("td[data-label=By]").allTextContents()).resolves.toEqual([
      "bo.script@example.org",
      "ana.editor@example.org",
      "ana.editor@example.org",
      "—",
    ]);
    await context.close();
  });
});
