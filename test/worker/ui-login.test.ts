// Dashboard login hardening: `next` is judged the way the browser reads it (tabs, newlines,
// backslashes), CR/LF never reaches a header, and logout revokes the session server-side.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { csrfToken, fetchPage, login, postForm } from "./fixtures/ui";

const HOSTILE = [
  "//evil.example/x",
  "/\\evil.example",
  "/\t/evil.example",
  "/%09/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\\/evil.example",
  " //evil.example",
  "https://evil.example/",
  "/./\\evil.example",
  "/.//evil.example",
  "javascript:alert(1)",
];

/** Where a browser on https://harness.test would go after following `location`. */
const landsOn = (location: string) => new URL(location, "https://harness.test/").origin;

describe("login redirect (next)", () => {
  it.each(HOSTILE)("next=%j stays on this origin, as a browser resolves it, from GET and POST", async (next) => {
    const cookie = await login(env.API_TOKEN);
    // Logged in: GET /login?next= redirects straight away (the open-redirect path).
    const get = await fetchPage(`/login?next=${encodeURIComponent(next)}`, { cookie });
    expect(get.status).toBe(303);
    expect(landsOn(get.headers.get("location")!)).toBe("https://harness.test");
    const post = await postForm("/login", { token: env.API_TOKEN, next });
    expect(post.status).toBe(303);
    expect(landsOn(post.headers.get("location")!)).toBe("https://harness.test");
    expect(post.headers.get("location")).not.toMatch(/[\r\n\t]/);
  });

  it("a same-origin path with a query survives, percent-encoded", async () => {
    const post = await postForm("/login", { token: env.API_TOKEN, next: "/articles?outcome=fail" });
    expect(post.headers.get("location")).toBe("/articles?outcome=fail");
    const spaced = await postForm("/login", { token: env.API_TOKEN, next: "/rules/a b" });
    expect(spaced.headers.get("location")).toBe("/rules/a%20b");
  });
});

describe("logout", () => {
  it("revokes the session server-side: a copy of the cookie taken before logout no longer works", async () => {
    const cookie = await login(env.API_TOKEN);
    const copy = cookie;
    expect((await fetchPage("/", { cookie: copy })).status).toBe(200);
    const out = await postForm("/logout", { csrf: await csrfToken(cookie) }, { cookie });
    expect(out.status).toBe(303);
    const after = await fetchPage("/", { cookie: copy });
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/login/);
  });

  it("logging out one session leaves another one live", async () => {
    const a = await login(env.READ_TOKEN);
    const b = await login(env.READ_TOKEN);
    await postForm("/logout", { csrf: await csrfToken(a) }, { cookie: a });
    expect((await fetchPage("/", { cookie: b })).status).toBe(200);
  });
});

describe("login query", () => {
  it("GET /login refuses a query parameter other than next (400 page)", async () => {
    const res = await fetchPage("/login?next=/&utm_source=x");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("utm_source");
  });
});
