// Per-rule precision from editors' labels (GET /v1/rules, /v1/rules/{id}), the noisy mark and its
// configuration, and the labels exported as an `eval` corpus (GET /v1/feedback.json).
import { describe, expect, it } from "vitest";
import { configProblems, noisyThresholds } from "../../src/lib/config";
import { ruleFeedbackOf } from "../../src/use-cases/rule-feedback";
import { callJson, READ } from "./fixtures/api";
import { labelAll } from "./fixtures/feedback";

const WRONG = "CECOT, the prison in Ecuador, held 244 Venezuelans for four months.";
const rule = "cecot.country";

async function scored(externalId: string, text = WRONG): Promise<string> {
  const body = await callJson("/v1/score", {
    body: { text, source: "prec", external_id: externalId, published_at: "2025-07-20" },
    status: 201,
  });
  return body.article_id;
}

describe("noisy thresholds", () => {
  it("default to 0.8 with 5 labels; valid vars override, invalid ones fall back and are reported", () => {
    expect(noisyThresholds({})).toEqual({ precision: 0.8, minLabels: 5 });
    expect(noisyThresholds({ FEEDBACK_NOISY_PRECISION: "0.5", FEEDBACK_MIN_LABELS: "2" })).toEqual({ precision: 0.5, minLabels: 2 });
    expect(noisyThresholds({ FEEDBACK_NOISY_PRECISION: "2", FEEDBACK_MIN_LABELS: "0" })).toEqual({ precision: 0.8, minLabels: 5 });
    const problems = configProblems({ FEEDBACK_NOISY_PRECISION: "high", FEEDBACK_MIN_LABELS: "1.5" } as never);
    expect(problems.join("\n")).toMatch(/FEEDBACK_NOISY_PRECISION.*\n.*FEEDBACK_MIN_LABELS/);
  });
  it("a rule is noisy under the precision only once it has enough labels", () => {
    const t = { precision: 0.8, minLabels: 5 };
    expect(ruleFeedbackOf(undefined, t)).toEqual({ confirmed: 0, false_alarm: 0, precision: null, noisy: false });
    expect(ruleFeedbackOf({ confirmed: 0, false_alarm: 4 }, t)).toMatchObject({ precision: 0, noisy: false });
    expect(ruleFeedbackOf({ confirmed: 1, false_alarm: 4 }, t)).toMatchObject({ precision: 0.2, noisy: true });
    expect(ruleFeedbackOf({ confirmed: 4, false_alarm: 1 }, t)).toMatchObject({ precision: 0.8, noisy: false });
    expect(ruleFeedbackOf({ confirmed: 2, false_alarm: 1 }, t)).toMatchObject({ precision: 0.667 });
  });
});

describe("per-rule precision and the feedback corpus", () => {
  it("counts the labels in force, lists the dismissed wordings, marks the rule noisy and exports the labels", async () => {
    const dismissedIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const id = await scored(`fa-${i}`);
      dismissedIds.push(id);
      await labelAll(id, "false_alarm", i === 3 ? "said by the minister" : undefined);
    }
    const confirmedId = await scored("ok-0");
    await labelAll(confirmedId, "confirmed");
    // A label undone does not count.
    const undone = await scored("undone");
    const [label] = await labelAll(undone, "false_alarm");
    await callJson(`/v1/feedback/${label}`, { method: "DELETE", status: 200 });

    const list = await callJson("/v1/rules", { token: READ, status: 200 });
    const summary = list.rules.find((r: { id: string }) => r.id === rule);
    expect(summary.feedback).toEqual({ confirmed: 1, false_alarm: 4, precision: 0.2, noisy: true });
    expect(list.rules.filter((r: any) => r.id !== rule).every((r: any) => r.feedback.noisy === false)).toBe(true);

    const one = await callJson(`/v1/rules/${rule}`, { token: READ, status: 200 });
    expect(one.feedback).toEqual(summary.feedback);
    expect(one.dismissed_quotes).toEqual([
      {
        quote: "CECOT, the prison in Ecuador",
        articles: 4,
        article_id: dismissedIds[3],
        note: "said by the minister",
        actor: expect.stringMatching(/^token:/),
        at: expect.any(String),
      },
    ]);
    // A dismissed fail is still counted, apart from the fails that stand.
    expect(one.stats).toMatchObject({ fail: 2, dismissed: 4 });

    const corpus = await callJson("/v1/feedback.json", { token: READ, status: 200 });
    const byId = new Map(corpus.map((c: { id: string }) => [c.id, c]));
    expect(byId.get(confirmedId)).toEqual({
      id: confirmedId,
      text: WRONG,
      published_at: "2025-07-20",
      expect: { [rule]: "fail" },
      group: "feedback",
      note: `confirmed: ${rule}`,
    });
    expect(byId.get(dismissedIds[0])).toMatchObject({
      expect: {},
      note: expect.stringContaining(`${rule} on “CECOT, the prison in Ecuador”`),
    });
    expect(byId.has(undone)).toBe(false);
  });
});
