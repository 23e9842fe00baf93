// POST /v1/score and text encoding: invalid UTF-8 is 415 (documented), never stored as U+FFFD;
// lone surrogates in an id are refused and in the text replaced before offsets are computed.
import { describe, expect, it } from "vitest";
import { call, callJson, expectError } from "./fixtures/api";

describe("POST /v1/score text encoding", () => {
  it.each(["application/json", "text/plain", "text/html"])("invalid UTF-8 as %s → 415 unsupported_media_type", async (type) => {
    const bytes = new TextEncoder().encode(type === "application/json" ? '{"text":"Maiqueti? airport"}' : "Maiqueti? airport");
    bytes[bytes.indexOf(0x3f)] = 0xed;
    const stream = new Blob([bytes]).stream();
    const message = await expectError(await call("/v1/score", { body: stream, type }), 415, "unsupported_media_type");
    expect(message).toContain("UTF-8");
  });

  it("two external ids that differ only in a lone surrogate are both refused, never merged", async () => {
    for (const id of ["\\ud800", "\\ud801"]) {
      const res = await call("/v1/score", { body: `{"text":"Some text.","external_id":"x${id}"}`, type: "application/json" });
      expect(await expectError(res, 400, "validation_failed")).toContain("surrogate");
    }
  });

  it("a lone surrogate in the text becomes U+FFFD, so evidence offsets count the same code units", async () => {
    const res = await callJson<{ text: string }>("/v1/score?dry_run", {
      body: '{"text":"Before \\udc00 after: Maiquetía."}',
      type: "application/json",
      status: 200,
    });
    expect(res.text).toBe("Before \uFFFD after: Maiquetía.");
  });
});
