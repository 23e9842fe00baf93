// People, not shared tokens: Access JWTs verified with jose against locally generated keys (the
// real check, only the key set is ours), per-person API tokens stored hashed, and every run they
// start credited to their owner on the dashboard.
import { env } from "cloudflare:workers";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { AccessError, accessConfig, verifyAccessJwt } from "../../src/lib/access";
import { configProblems } from "../../src/lib/config";
import { call, callJson } from "./fixtures/api";
import { fetchPage, login, visibleText } from "./fixtures/ui";

const config = accessConfig({ ACCESS_TEAM_DOMAIN: "newsroom.cloudflareaccess.com", ACCESS_AUD: "aud-dashboard" })!;
let good: CryptoKey;
let other: CryptoKey;
let keys: ReturnType<typeof createLocalJWKSet>;

async function jwt(claims: { aud?: string; iss?: string; email?: string | null; exp?: number }, key = good) {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = { type: "app", country: "SV" };
  if (claims.email !== null) payload.email = claims.email ?? "Ana@Example.org";
  return new SignJWT(payload)
    .setProtectedHeader({ alg: "RS256", kid: "k1" })
    .setIssuer(claims.iss ?? config.issuer)
    .setAudience(claims.aud ?? config.audience)
    .setSubject("user-1")
    .setIssuedAt(now - 60)
    .setExpirationTime(claims.exp ?? now + 3600)
    .sign(key);
}

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  good = pair.privateKey;
  other = (await generateKeyPair("RS256")).privateKey;
  const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
  keys = createLocalJWKSet({ keys: [jwk] });
});

describe("Cloudflare Access JWT", () => {
  it("is configured only when both the team domain and the audience are set", () => {
    expect(config).toEqual({
      issuer: "https://newsroom.cloudflareaccess.com",
      audience: "aud-dashboard",
      certsUrl: "https://newsroom.cloudflareaccess.com/cdn-cgi/access/certs",
    });
    expect(accessConfig({ ACCESS_TEAM_DOMAIN: "newsroom.cloudflareaccess.com" })).toBeNull();
    // Plain-http key URLs are accepted for loopback only (tests), never for another host.
    expect(
      accessConfig({ ...{ ACCESS_TEAM_DOMAIN: "t.example", ACCESS_AUD: "a" }, ACCESS_CERTS_URL: "http://evil.example/certs" })!.certsUrl,
    ).toBe("https://t.example/cdn-cgi/access/certs");
    expect(
      accessConfig({ ...{ ACCESS_TEAM_DOMAIN: "t.example", ACCESS_AUD: "a" }, ACCESS_CERTS_URL: "http://127.0.0.1:9/certs" })!.certsUrl,
    ).toBe("http://127.0.0.1:9/certs");
  });

  it("reports half a configuration, and edit URLs that cannot work, with the fix", () => {
    expect(configProblems({ ACCESS_TEAM_DOMAIN: "newsroom.cloudflareaccess.com" })).toEqual([
      expect.stringMatching(/needs both ACCESS_TEAM_DOMAIN and ACCESS_AUD \(only ACCESS_TEAM_DOMAIN is set\)/),
    ]);
    expect(configProblems({ CMS_EDIT_URLS: "{ghost:" })).toEqual([expect.stringMatching(/^CMS_EDIT_URLS must be JSON/)]);
    expect(configProblems({ CMS_EDIT_URLS: JSON.stringify({ ghost: "http://cms/{external_id}", wp: "https://cms/edit" }) })).toEqual([
      expect.stringMatching(/not https URLs containing \{external_id\} \(ghost, wp\)/),
    ]);
    expect(
      configProblems({ ACCESS_TEAM_DOMAIN: "t", ACCESS_AUD: "a", CMS_EDIT_URLS: JSON.stringify({ ghost: "https://cms/p/{external_id}" }) }),
    ).toEqual([]);
  });

  it("accepts a valid token and returns the person's email", async () => {
    expect(await verifyAccessJwt(await jwt({}), config, keys)).toMatchObject({ email: "ana@example.org" });
  });

  it.each([
    ["expired", () => jwt({ exp: Math.floor(Date.now() / 1000) - 120 }), /expired/],
    ["for another application", () => jwt({ aud: "aud-other-app" }), /aud claim/],
    ["from another team", () => jwt({ iss: "https://evil.cloudflareaccess.com" }), /iss claim/],
    ["signed with another key", () => jwt({}, other), /not signed by this team's keys/],
    ["without an email (a service token)", () => jwt({ email: null }), /no email/],
  ])("refuses a token %s", async (_name, make, reason) => {
    const err = await verifyAccessJwt(await make(), config, keys).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AccessError);
    expect((err as Error).message).toMatch(reason);
  });

  it("refuses garbage and an unsigned (alg none) token", async () => {
    await expect(verifyAccessJwt("not.a.jwt", config, keys)).rejects.toBeInstanceOf(AccessError);
    const [, body] = (await jwt({})).split(".");
    await expect(
      verifyAccessJwt(`${btoa(JSON.stringify({ alg: "none" })).replace(/=+$/, "")}.${body}.`, config, keys),
    ).rejects.toBeInstanceOf(AccessError);
  });
});

describe("per-person API tokens", () => {
  let writeToken = "";
  let writeId = "";
  let readToken = "";

  beforeAll(async () => {
    const created = await callJson("/v1/tokens", { body: { owner: "Bea@Example.org", name: "export script" }, status: 201 });
    [writeToken, writeId] = [created.token, created.id];
    readToken = (await callJson("/v1/tokens", { body: { owner: "carl@example.org", name: "reader", role: "read" }, status: 201 })).token;
  });

  it("are created by the bootstrap API_TOKEN only, shown once and stored only as a hash", async () => {
    expect(writeToken).toMatch(/^ahp_[\w-]{43}$/);
    const row = await env.DB.prepare("SELECT * FROM api_tokens WHERE id = ?").bind(writeId).first<Record<string, string>>();
    expect(row!.owner).toBe("bea@example.org");
    expect(JSON.stringify(row)).not.toContain(writeToken);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    const list = await callJson("/v1/tokens", { status: 200 });
    expect(JSON.stringify(list)).not.toContain(writeToken);
    for (const token of [writeToken, env.READ_TOKEN]) {
      const res = await call("/v1/tokens", { token, body: { owner: "x@example.org", name: "x" } });
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    const bad = await call("/v1/tokens", { body: { owner: "not an email", name: "" } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/owner:.*name:/);
  });

  it("credit the runs they start to their owner, and the dashboard shows the name", async () => {
    const scored = await callJson("/v1/score", {
      token: writeToken,
      body: { text: "CECOT is in Ecuador.", source: "people", external_id: "p1", title: "Scored by Bea" },
      status: 201,
    });
    const run = await env.DB.prepare("SELECT actor FROM runs WHERE id = ?").bind(scored.run_id).first<{ actor: string | null }>();
    expect(run!.actor).toBe("bea@example.org");
    // A shared-token run stays anonymous.
    const shared = await callJson("/v1/score", {
      body: { text: "CECOT is in Ecuador.", source: "people", external_id: "p1" },
      status: 201,
    });
    expect(shared.article_id).toBe(scored.article_id);
    const html = await (await fetchPage(`/articles/${scored.article_id}`, { cookie: await login(env.API_TOKEN) })).text();
    // Run history, newest first: the shared-token run has no name, Bea's run has hers.
    const by = [...html.matchAll(/<td data-label="By">([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!));
    expect(by).toEqual(["—", "bea@example.org"]);
  });

  it("carry their role: a read token cannot write; a revoked token is refused", async () => {
    expect((await call("/v1/articles", { token: readToken })).status).toBe(200);
    expect((await call("/v1/score", { token: readToken, body: { text: "x" } })).status).toBe(403);
    await callJson(`/v1/tokens/${writeId}`, { method: "DELETE", status: 200 });
    expect((await call("/v1/articles", { token: writeToken })).status).toBe(401);
    expect((await call("/v1/tokens/tok_nope", { method: "DELETE" })).status).toBe(404);
  });
});
