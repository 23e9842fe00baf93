// POST /v1/score with the inputs editors have: Markdown (JSON `markdown` or a text/markdown body)
// and the publication date read from the document when the request gives none.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { CheckResult } from "../../src/engine";
import { call, callJson, expectError } from "./fixtures/api";

type ScoreResponse = CheckResult & { article_id: string | null; run_id: string | null; dry_run: boolean };

const stored = (id: string | null) =>
  env.DB.prepare("SELECT text, published_at FROM articles WHERE id = ?").bind(id).first<{ text: string; published_at: string | null }>();

describe("POST /v1/score with markdown", () => {
  it("judges JSON `markdown` by its text: emphasis does not hide an error; stored text is the derived text", async () => {
    const body = await callJson<ScoreResponse>("/v1/score", {
      body: { markdown: "The men were held at **CECOT** in *Ecuador*.", external_id: "md-1", published_at: "2025-06-10" },
      status: 201,
    });
    expect(body.text).toBe("The men were held at CECOT in Ecuador.");
    expect(body.verdicts.find((v) => v.rule === "cecot.country")?.status).toBe("fail");
    expect(body.published_at_source).toBe("caller");
    const row = await stored(body.article_id);
    expect(row).toEqual({ text: body.text, published_at: "2025-06-10" });
    for (const v of body.verdicts) for (const e of v.evidence) expect(row!.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
  });

  it("a text/markdown body is judged as of its front matter date, which is stored for audits", async () => {
    const md = "---\ntitle: Note\ndate: 2025-06-10\n---\n# Note\n\nThe men were held at [CECOT](https://example.org) in El Salvador.";
    const body = await callJson<ScoreResponse>("/v1/score?external_id=md-2", {
      body: md,
      type: "text/markdown; charset=utf-8",
      status: 201,
    });
    expect([body.as_of, body.published_at, body.published_at_source]).toEqual(["2025-06-10", "2025-06-10", "document"]);
    expect(body.text).toBe("Note\n\nThe men were held at CECOT in El Salvador.");
    expect((await stored(body.article_id))?.published_at).toBe("2025-06-10");
  });

  it("an HTML page is judged as of its article:published_time; the request's published_at wins", async () => {
    const html =
      '<html><head><meta property="article:published_time" content="2025-07-22T10:00:00Z"></head><body><p>CECOT is in El Salvador.</p></body></html>';
    const doc = await callJson<ScoreResponse>("/v1/score?dry_run=1", { body: { html }, status: 200 });
    expect([doc.as_of, doc.published_at_source]).toEqual(["2025-07-22", "document"]);
    const caller = await callJson<ScoreResponse>("/v1/score?dry_run=1", { body: { html, published_at: "2025-12-27" }, status: 200 });
    expect([caller.as_of, caller.published_at_source]).toEqual(["2025-12-27", "caller"]);
    const none = await callJson<ScoreResponse>("/v1/score?dry_run=1", { body: { text: "CECOT is in El Salvador." }, status: 200 });
    expect([none.published_at, none.published_at_source]).toEqual([null, null]);
  });

  it("deeply nested Markdown is judged, not a 500 (the parser recurses per level)", async () => {
    const md = "> ".repeat(20_000) + "quoted\n\nThe men were held at CECOT in *Ecuador*.";
    const body = await callJson<ScoreResponse>("/v1/score?dry_run=1", { body: md, type: "text/markdown", status: 200 });
    expect(body.text.endsWith("The men were held at CECOT in Ecuador.")).toBe(true);
  });

  it("400 for two bodies, blank Markdown, or Markdown with no text once the markup is removed", async () => {
    const both = await call("/v1/score", { body: { text: "a", markdown: "*a*" } });
    expect(await expectError(both, 400, "validation_failed")).toMatch(/^text: send exactly one of `text`, `html` or `markdown`/);
    expect(await expectError(await call("/v1/score", { body: { markdown: "  \n" } }), 400, "validation_failed")).toMatch(
      /^markdown: must contain some Markdown/,
    );
    const empty = await call("/v1/score", { body: "---\ndate: 2025-06-10\n---\n![photo](p.jpg)\n", type: "text/markdown" });
    expect(await expectError(empty, 400, "validation_failed")).toMatch(/markdown: contains no text once the markup is removed/);
  });

  it("OpenAPI documents the markdown field, the text/markdown body and where published_at came from", async () => {
    const doc = await callJson<any>("/openapi.json", { status: 200 });
    const op = doc.paths["/v1/score"].post;
    expect(Object.keys(op.requestBody.content)).toContain("text/markdown");
    expect(op.requestBody.content["application/json"].schema.properties).toHaveProperty("markdown");
    expect(doc.components.schemas.ScoreResult.properties).toHaveProperty("published_at_source");
  });
});
