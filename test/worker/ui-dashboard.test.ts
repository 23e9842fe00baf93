import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { csrfToken, evidence, fetchPage, login, postForm, sessionCookie, storeArticle, verdict, visibleText } from "./fixtures/ui";

const TEXT =
  "En Maiquetía, Nicolás dijo: “CECOT está en Ecuador”. The detention center in Ecuador, known as CECOT, held 252 men. " +
  "CECOT is in El Salvador according to the records.";

let articleId = "";

beforeAll(async () => {
  const after = TEXT.indexOf("The detention");
  const saved = await storeArticle({
    externalId: "ui-1",
    title: "<script>alert('title')</script> Maiquetía report",
    text: TEXT,
    verdicts: [
      verdict("cecot.country", "fail", [
        // A phrase: the wrong value inside it ("Ecuador") is emphasised on its own.
        evidence(
          TEXT,
          "detention center in Ecuador, known as CECOT",
          { found: "Ecuador", expected: "El Salvador", replacements: ["El Salvador"] },
          after,
        ),
        // Inside the quotation: same wrong fact, someone else's words.
        evidence(TEXT, "Ecuador", { found: "Ecuador", expected: "El Salvador", attribution: "quote" }),
      ]),
      // Overlaps the end of the failing phrase: pieces must not nest or break.
      verdict("cecot.name", "pass", [evidence(TEXT, "known as CECOT, held 252 men")]),
      verdict("cecot.country.ok", "pass", [evidence(TEXT, "CECOT is in El Salvador")]),
    ],
  });
  articleId = saved.articleId;
  await storeArticle({
    externalId: "ui-2",
    title: "A clean article",
    text: "Nothing to see.",
    verdicts: [verdict("cecot.country", "not_applicable", [])],
    source: "ghost",
  });
});

describe("login", () => {
  it("redirects every page to /login when logged out, keeping the destination", async () => {
    for (const path of ["/", `/articles/${articleId}`, "/rules", "/audits", "/export/articles.csv"]) {
      const res = await fetchPage(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("location")).toBe(`/login?next=${encodeURIComponent(path)}`);
    }
  });

  it("sets an HttpOnly, Secure, SameSite=Strict __Host- cookie holding a signed role, never the token", async () => {
    const res = await postForm("/login", { token: env.API_TOKEN, next: "/rules" });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/rules");
    const header = res.headers.getSetCookie().find((c) => c.startsWith("__Host-session="))!;
    expect(header).toMatch(/; HttpOnly/);
    expect(header).toMatch(/; Secure/);
    expect(header).toMatch(/; SameSite=Strict/);
    expect(header).toMatch(/; Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    expect(decodeURIComponent(header)).not.toContain(env.API_TOKEN);
    const page = await fetchPage("/", { cookie: sessionCookie(res)! });
    expect(page.status).toBe(200);
  });

  it("refuses a wrong token with 401 and no cookie", async () => {
    const res = await postForm("/login", { token: "not-the-token" });
    expect(res.status).toBe(401);
    expect(sessionCookie(res)).toBeNull();
    expect(await res.text()).toContain("That token is not valid");
  });

  it("refuses a cross-site login post (hono/csrf origin check)", async () => {
    const res = await postForm("/login", { token: env.API_TOKEN }, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(sessionCookie(res)).toBeNull();
  });

  it("never redirects off-site after login", async () => {
    const res = await postForm("/login", { token: env.API_TOKEN, next: "//evil.example/x" });
    expect(res.headers.get("location")).toBe("/");
  });

  it("rejects a tampered or forged cookie", async () => {
    const cookie = await login(env.API_TOKEN);
    const [name, value] = cookie.split("=");
    const forged = `${name}=${encodeURIComponent(decodeURIComponent(value!).replace(/^write/, "read"))}`;
    expect((await fetchPage("/", { cookie: forged })).status).toBe(303);
    expect((await fetchPage("/", { cookie: "__Host-session=write.9999999999.x.y" })).status).toBe(303);
  });

  it("logs out with a POST carrying the session's CSRF token, which expires the cookie", async () => {
    const cookie = await login(env.READ_TOKEN);
    const refused = await postForm("/logout", {}, { cookie });
    expect(refused.status).toBe(403);
    const res = await postForm("/logout", { csrf: await csrfToken(cookie) }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/login");
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-session=; Max-Age=0/);
  });
});

describe("pages", () => {
  it("serves a CSP without scripts and escapes a <script> title everywhere", async () => {
    const cookie = await login(env.API_TOKEN);
    for (const path of ["/", `/articles/${articleId}`]) {
      const res = await fetchPage(path, { cookie });
      expect(res.status).toBe(200);
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/style-src 'nonce-[^']+'/);
      expect(csp).not.toContain("script-src");
      const html = await res.text();
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Maiquetía report");
    }
  });

  it("lists articles with the summary strip and filters by outcome, rule, source and title", async () => {
    const cookie = await login(env.READ_TOKEN);
    const all = await (await fetchPage("/", { cookie })).text();
    expect(visibleText(all)).toMatch(/2\s*articles/);
    expect(visibleText(all)).toMatch(/1\s*failing/);
    expect(visibleText(all)).toMatch(/70\.0\s*mean score/);
    const failing = await (await fetchPage("/?outcome=fail&rule=cecot.country&q=MAIQUET", { cookie })).text();
    expect(failing).toContain("Maiquetía report");
    expect(failing).not.toContain("A clean article");
    const bySource = await (await fetchPage("/?source=ghost&outcome=", { cookie })).text();
    expect(bySource).toContain("A clean article");
    expect(bySource).not.toContain("Maiquetía report");
    const bad = await fetchPage("/?outcome=maybe", { cookie });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("outcome");
  });

  it("highlights each span in place at its UTF-16 offsets, styled by status and attribution, with footnotes", async () => {
    const cookie = await login(env.API_TOKEN);
    const html = await (await fetchPage(`/articles/${articleId}`, { cookie })).text();
    const body = /<article class="text"[^>]*>([\s\S]*?)<\/article>/.exec(html)![1]!;
    // The hidden words that name each mark for screen readers ("[wrong: …]") are not article text.
    const marked = body.replace(/<span class="sr">[^<]*<\/span>/g, "");
    // Stripping the marks gives back the stored text exactly: nothing lost, nothing broken by overlaps.
    expect(visibleText(marked.replace(/<sup>[\s\S]*?<\/sup>/g, ""))).toBe(TEXT);
    expect(body.match(/<mark/g)!.length).toBe(body.match(/<\/mark>/g)!.length);
    // The failing "Ecuador" (after "Maiquetía", "Nicolás" and curly quotes) is marked as a failure, exactly.
    const marks = [...marked.matchAll(/<mark class="t-(\w+)( found)?(?: start)?"[^>]*>([^<]*)/g)].map(
      (m) => `${m[1]}${m[2] ?? ""}:${m[3]}`,
    );
    expect(marks).toEqual([
      "quote:Ecuador",
      "fail:detention center in ",
      "fail found:Ecuador",
      "fail:, ",
      "fail:known as CECOT", // failing phrase and passing span overlap: the failure's style wins
      "pass:, held 252 men",
      "pass:CECOT is in El Salvador",
    ]);
    // Each mark starts with words saying what it is; nothing is explained only in a tooltip.
    expect(body).toContain('<span class="sr">[wrong: </span>detention center in ');
    expect(body).toContain('<span class="sr">[inside a quotation: </span>Ecuador');
    expect(html).not.toMatch(/<mark[^>]* title=/);
    // The finding links back to the span, and the span's footnote to the finding.
    expect(html).toMatch(/<li id="ev-(\d+)" class="occ">[\s\S]*?href="#m-\1"/);
  });

  it("shows the run history sparkline and a re-check form only to editors", async () => {
    const editor = await login(env.API_TOKEN);
    const html = await (await fetchPage(`/articles/${articleId}`, { cookie: editor })).text();
    expect(html).toContain('<svg class="chart spark"');
    expect(html).toContain(`action="/articles/${articleId}/recheck"`);
    const reader = await login(env.READ_TOKEN);
    const readerHtml = await (await fetchPage(`/articles/${articleId}`, { cookie: reader })).text();
    expect(readerHtml).not.toContain("/recheck");
    expect(readerHtml).toContain("Read-only session");
  });

  it("404s an unknown article as a page", async () => {
    const cookie = await login(env.API_TOKEN);
    const res = await fetchPage("/articles/art_nope", { cookie });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
  });

  it("renders the rules and audits pages", async () => {
    const cookie = await login(env.API_TOKEN);
    expect((await fetchPage("/rules", { cookie })).status).toBe(200);
    expect((await fetchPage("/audits", { cookie })).status).toBe(200);
    expect((await fetchPage("/rules/no.such.rule", { cookie })).status).toBe(404);
    expect((await fetchPage("/audits/aud_nope", { cookie })).status).toBe(404);
  });

  it("leaves the API alone: /v1 and /healthz are not redirected to the login page", async () => {
    expect((await fetchPage("/healthz")).status).toBe(200);
    const res = await fetchPage("/v1/articles");
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
  });
});

describe("re-check", () => {
  async function runCount(): Promise<number> {
    const row = await env.DB.prepare("SELECT count(*) AS n FROM runs WHERE article_id = ?").bind(articleId).first<{ n: number }>();
    return row!.n;
  }

  it("refuses a post without the session's CSRF token, or from another origin", async () => {
    const cookie = await login(env.API_TOKEN);
    const before = await runCount();
    expect((await postForm(`/articles/${articleId}/recheck`, {}, { cookie })).status).toBe(403);
    expect((await postForm(`/articles/${articleId}/recheck`, { csrf: "guess" }, { cookie })).status).toBe(403);
    const token = await csrfToken(cookie);
    expect((await postForm(`/articles/${articleId}/recheck`, { csrf: token }, { cookie, origin: "https://evil.example" })).status).toBe(
      403,
    );
    // Another session's token does not work either.
    const other = await login(env.API_TOKEN);
    expect((await postForm(`/articles/${articleId}/recheck`, { csrf: await csrfToken(other) }, { cookie })).status).toBe(403);
    expect(await runCount()).toBe(before);
  });

  it("is forbidden to read-only sessions", async () => {
    const cookie = await login(env.READ_TOKEN);
    const before = await runCount();
    const res = await postForm(`/articles/${articleId}/recheck`, { csrf: await csrfToken(cookie) }, { cookie });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Read-only session");
    expect(await runCount()).toBe(before);
  });

  it("re-scores the stored text, stores a new api run and redirects back", async () => {
    const cookie = await login(env.API_TOKEN);
    const before = await runCount();
    const res = await postForm(`/articles/${articleId}/recheck`, { csrf: await csrfToken(cookie) }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/articles/${articleId}?rechecked`);
    expect(await runCount()).toBe(before + 1);
    const latest = await env.DB.prepare(
      "SELECT r.trigger, r.content_hash = a.content_hash AS same FROM articles a JOIN runs r ON r.id = a.latest_run_id WHERE a.id = ?",
    )
      .bind(articleId)
      .first<{ trigger: string; same: number }>();
    expect(latest).toEqual({ trigger: "api", same: 1 });
    const page = await (await fetchPage(res.headers.get("location")!, { cookie })).text();
    expect(page).toContain("Re-checked just now");
  });
});
