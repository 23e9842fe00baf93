// Seeded fuzz over POST /v1/score and the six webhook routes (generator: fixtures/fuzz.ts): no
// input may produce a 5xx, and every refusal carries the documented JSON error shape. Queue sends
// are dropped so 2xx deliveries do not pile up behind the test.
import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { Bindings } from "../../src/env";
import { fuzzCases } from "./fixtures/fuzz";

const SEED = 20261129;
const COUNT = 1200;
const dropped = { send: async () => {}, sendBatch: async () => {} };
const fuzzEnv = { ...(env as Bindings), JOBS: dropped, ALERTS: dropped } as unknown as Bindings;

describe("fuzz: score and webhook routes", () => {
  it(`${COUNT} generated requests (seed ${SEED}): no 5xx, every 4xx is {"error":{"code","message"}}`, { timeout: 300_000 }, async () => {
    const cases = await fuzzCases(SEED, COUNT);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    for (const c of cases) {
      const res = await worker.fetch(
        new Request(`https://harness.test${c.path}`, { method: c.method, headers: c.headers, body: c.body }),
        fuzzEnv,
        createExecutionContext(),
      );
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      if (res.status >= 500) failures.push(`${c.label}: ${res.status} ${text.slice(0, 200)}`);
      else if (res.status >= 400) {
        type ErrorBody = { error?: { code?: unknown; message?: unknown } } | null;
        let body: ErrorBody = null;
        try {
          body = JSON.parse(text) as ErrorBody;
        } catch {
          // not JSON: reported below
        }
        const shaped =
          typeof body?.error?.code === "string" &&
          typeof body.error.message === "string" &&
          res.headers.get("content-type")?.startsWith("application/json");
        if (!shaped) failures.push(`${c.label}: ${res.status} without the JSON error shape: ${text.slice(0, 200)}`);
      }
    }
    console.log(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    expect(failures).toEqual([]);
    // The generator must reach past authentication and parsing, or it proves little.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect(statuses.get(422) ?? 0).toBeGreaterThan(0);
  });
});
