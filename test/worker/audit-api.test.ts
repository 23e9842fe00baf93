// The audits API: POST /v1/audits starts one (or returns the running one), GET /v1/audits lists
// newest first with cursors, GET /v1/audits/:id; auth roles and JSON errors for bad input.
import { beforeEach, describe, expect, it } from "vitest";
import { startAudit } from "../../src/use-cases/audit";
import { call, callJson, READ } from "./fixtures/api";
import { phraseRule, recordingEnv, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const rules = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"));
const other = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), phraseRule("audit.prison", "CECOTT", "CECOT"));

beforeEach(resetArchive);

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
}

describe("POST /v1/audits", () => {
  it("starts an audit (202 + Location) and returns the running one instead of a second (200)", async () => {
    const res = await call("/v1/audits", { method: "POST" });
    expect(res.status).toBe(202);
    const body = (await res.json()) as any;
    expect(body).toMatchObject({ started: true, audit: { trigger: "api", articles: { due: 0 } } });
    expect(res.headers.get("location")).toBe(`/v1/audits/${body.audit.id}`);

    await storeArticle("a", "From San Salvador.", other);
    const running = await startAudit(recordingEnv(), { trigger: "api", now: new Date(), ruleset: rules });
    expect(running.audit.status).toBe("running");
    const again = await call("/v1/audits", { method: "POST" });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ started: false, audit: { id: running.audit.id, status: "running" } });
  });

  it("needs the write token", async () => {
    await expectError(await call("/v1/audits", { method: "POST", token: READ }), 403, "forbidden");
    await expectError(await call("/v1/audits", { method: "POST", token: null }), 401, "unauthorized");
  });
});

describe("GET /v1/audits", () => {
  it("lists newest first, in cursor pages, for the read token too", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await startAudit(recordingEnv(), { trigger: "api", now: new Date(Date.UTC(2026, 0, 1 + i)), ruleset: rules })).audit.id);
    const first = await callJson("/v1/audits?limit=2", { token: READ, status: 200 });
    expect(first.items.map((a: any) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[0]).toMatchObject({ status: "finished", mean_score: null, outcomes: { pass: 0, warn: 0, fail: 0 } });
    const second = await callJson(`/v1/audits?limit=2&cursor=${first.next_cursor}`, { status: 200 });
    expect(second).toMatchObject({ items: [{ id: ids[0] }], next_cursor: null });
  });

  it("answers bad input with 400 JSON errors and unknown audits with 404", async () => {
    await expectError(await call("/v1/audits?limit=0"), 400, "validation_failed");
    await expectError(await call("/v1/audits?cursor=nope"), 400, "validation_failed");
    await expectError(await call("/v1/audits?sort=asc"), 400, "validation_failed");
    await expectError(await call("/v1/audits/aud_missing"), 404, "not_found");
    const { audit } = await startAudit(recordingEnv(), { trigger: "api", now: new Date(), ruleset: rules });
    await expectError(await call(`/v1/audits/${audit.id}?change=worse`), 400, "validation_failed");
    const detail = await callJson(`/v1/audits/${audit.id}`, { status: 200 });
    expect(detail).toMatchObject({
      id: audit.id,
      changed_articles: { items: [], next_cursor: null },
      batches: { total: 1, accounted: 1, dead: 0 },
    });
  });
});
