// Feedback on findings through the API, against the real Worker and D1: stable finding ids, who
// may label, validation, dismissal (score, outcome, lists, corrections, CSV, ClaimReview), a
// re-score that keeps it, a changed quote judged afresh, latest label wins, undo.
import { describe, expect, it } from "vitest";
import { findingId } from "../../src/engine";
import { call, callJson, expectError, READ } from "./fixtures/api";
import { fails, labelAll, verdictsOf } from "./fixtures/feedback";

const TEXT = "CECOT, the prison in Ecuador, held 244 Venezuelans for four months.";
const score = (externalId: string, text = TEXT, query = "") =>
  callJson(`/v1/score${query}`, {
    body: { text, source: "desk", external_id: externalId, published_at: "2025-07-20" },
    status: query ? 200 : 201,
  });

describe("findings", () => {
  it("every span carries a finding id derived from the article key, rule and wording, the same in a dry run", async () => {
    const stored = await score("fb-ids");
    const dry = await score("fb-ids", TEXT, "?dry_run=true");
    expect(fails(stored.verdicts).length).toBeGreaterThan(0);
    for (const v of stored.verdicts)
      for (const e of v.evidence) {
        expect(e.finding).toBe(findingId({ source: "desk", externalId: "fb-ids" }, v.rule, e.quote));
        expect(e.feedback).toBeNull();
      }
    expect(dry.verdicts).toEqual(stored.verdicts);
    // The same wording in another article is another finding.
    const other = await score("fb-ids-2");
    expect(fails(other.verdicts)[0]!.evidence[0]!.finding).not.toBe(fails(stored.verdicts)[0]!.evidence[0]!.finding);
  });
});

describe("POST /v1/articles/{id}/feedback", () => {
  it("is refused to the read token (403) and validated (400, 404) with the JSON error shape", async () => {
    const { article_id, verdicts } = await score("fb-guard");
    const finding = fails(verdicts)[0]!.evidence[0]!.finding;
    const path = `/v1/articles/${article_id}/feedback`;
    await expectError(await call(path, { token: READ, body: { finding, label: "false_alarm" } }), 403, "forbidden");
    expect(await callJson(path, { token: READ, status: 200 })).toEqual({ items: [] });
    expect(await expectError(await call(path, { body: { finding, label: "wrong" } }), 400, "validation_failed")).toContain("label");
    await expectError(await call(path, { body: { finding, label: "confirmed", extra: 1 } }), 400, "validation_failed");
    await expectError(await call(path, { body: "{", type: "application/json" }), 400, "invalid_json");
    await expectError(await call(path, { body: { finding: "nope", label: "confirmed" } }), 400, "validation_failed");
    const unknown = `fnd_${"0".repeat(24)}`;
    expect(await expectError(await call(path, { body: { finding: unknown, label: "confirmed" } }), 404, "not_found")).toContain(unknown);
    await expectError(await call(`/v1/articles/art_missing/feedback`, { body: { finding, label: "confirmed" } }), 404, "not_found");
    await expectError(await call(`/v1/articles/art_missing/feedback`), 404, "not_found");
    // A pass span's finding is not a failing span: nothing to judge.
    const pass = verdicts.find((v: any) => v.status === "pass" && v.evidence.length);
    if (pass) await expectError(await call(path, { body: { finding: pass.evidence[0].finding, label: "confirmed" } }), 404, "not_found");
  });

  it("dismisses a fail whose every span is a false alarm: kept as a fail, out of score, outcome, lists, corrections, CSV and ClaimReview", async () => {
    const first = await score("fb-dismiss");
    const id = first.article_id;
    expect(first.outcome).toBe("fail");
    const failCsv = async () => (await call(`/v1/articles.csv?verdicts=fail&source=desk`)).text();
    expect(await failCsv()).toContain(id);
    const labels = await labelAll(id, "false_alarm", "CECOT <b>is</b> named in a quote of the minister");

    const { article, verdicts } = await verdictsOf(id);
    for (const v of fails(verdicts)) {
      expect(v.dismissed).toBe(true);
      expect(v.evidence.every((e) => e.feedback === "false_alarm")).toBe(true);
    }
    expect(article.outcome).not.toBe("fail");
    expect(article.failed_rules).toEqual([]);
    expect(article.failing_since).toBeNull();
    expect(article.latest_run.outcome).toBe(article.outcome);
    const run = await callJson(`/v1/runs/${article.latest_run.id}`, { status: 200 });
    expect(run.verdicts).toEqual(verdicts);

    const failing = await callJson(`/v1/articles?outcome=fail&limit=100`, { status: 200 });
    expect(failing.items.map((a: any) => a.id)).not.toContain(id);
    const corrections = await callJson(`/v1/corrections?limit=100`, { status: 200 });
    expect(corrections.items.map((a: any) => a.id)).not.toContain(id);
    expect(await failCsv()).not.toContain(id);
    expect(await callJson(`/v1/articles/${id}/claimreview`, { status: 200 })).toEqual([]);

    // Who and when, and the note as given.
    const history = await callJson(`/v1/articles/${id}/feedback`, { status: 200 });
    expect(history.items.map((f: any) => f.id).sort()).toEqual([...labels].sort());
    expect(history.items[0]).toMatchObject({
      article_id: id,
      label: "false_alarm",
      note: "CECOT <b>is</b> named in a quote of the minister",
      actor: expect.stringMatching(/^token:[0-9a-f]{16}$/),
      created_at: expect.any(String),
      undone_at: null,
      in_force: true,
    });

    // Re-scoring the same text gives the same answer without anyone labelling again.
    const again = await score("fb-dismiss");
    expect(again.outcome).toBe(article.outcome);
    expect(again.score).toBe(article.score);
    expect(fails(again.verdicts).every((v: any) => v.dismissed === true)).toBe(true);
  });

  it("a changed quote is judged afresh; the old wording back is dismissed again", async () => {
    const { article_id: id } = await score("fb-changed");
    await labelAll(id, "false_alarm");
    expect(fails((await verdictsOf(id)).verdicts).every((v) => v.dismissed)).toBe(true);
    const changed = await score("fb-changed", TEXT.replace("Ecuador", "Peru"));
    const fresh = fails(changed.verdicts).filter((v: any) => !v.dismissed);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.flatMap((v: any) => v.evidence.map((e: any) => e.feedback))).toContain(null);
    expect(changed.outcome).toBe("fail");
    expect((await verdictsOf(id)).article.outcome).toBe("fail");
    const back = await score("fb-changed");
    expect(fails(back.verdicts).every((v: any) => v.dismissed)).toBe(true);
    expect(back.outcome).not.toBe("fail");
  });

  it("the latest label wins, history is kept, and undo restores the finding", async () => {
    const { article_id: id, outcome } = await score("fb-undo");
    const confirmed = await labelAll(id, "confirmed");
    const dismissed = await labelAll(id, "false_alarm");
    expect((await verdictsOf(id)).article.outcome).not.toBe("fail");
    const history = (await callJson(`/v1/articles/${id}/feedback`, { status: 200 })).items;
    expect(
      history
        .filter((f: any) => f.in_force)
        .map((f: any) => f.id)
        .sort(),
    ).toEqual([...dismissed].sort());
    expect(
      history
        .filter((f: any) => !f.in_force)
        .map((f: any) => f.id)
        .sort(),
    ).toEqual([...confirmed].sort());

    await expectError(await call(`/v1/feedback/${dismissed[0]}`, { method: "DELETE", token: READ }), 403, "forbidden");
    for (const f of dismissed) {
      const undone = await callJson(`/v1/feedback/${f}`, { method: "DELETE", status: 200 });
      expect(undone).toMatchObject({ id: f, undone_at: expect.any(String), undone_by: expect.stringMatching(/^token:/), in_force: false });
    }
    await expectError(await call(`/v1/feedback/${dismissed[0]}`, { method: "DELETE" }), 409, "conflict");
    await expectError(await call(`/v1/feedback/fbk_missing`, { method: "DELETE" }), 404, "not_found");
    // Back to the confirmations: failing again, as first scored.
    const { article, verdicts } = await verdictsOf(id);
    expect(article.outcome).toBe(outcome);
    expect(fails(verdicts).every((v) => !v.dismissed && v.evidence.every((e) => e.feedback === "confirmed"))).toBe(true);
    // The CSV carries each span's finding and label.
    const csv = await (await call(`/v1/articles.csv?verdicts=fail&source=desk`)).text();
    const [head, ...rows] = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(head!.split(",").slice(-2)).toEqual(["finding", "feedback"]);
    const mine = rows.filter((r) => r.startsWith(id));
    expect(mine.length).toBeGreaterThan(0);
    for (const r of mine) expect(r).toMatch(/,fnd_[0-9a-f]{24},confirmed$/);
    // ClaimReview limited to what editors confirmed.
    const confirmedReviews = await callJson(`/v1/articles/${id}/claimreview?confirmed=true`, { status: 200 });
    expect(confirmedReviews.length).toBeGreaterThan(0);
    await expectError(await call(`/v1/articles/${id}/claimreview?confirmed=maybe`), 400, "validation_failed");
    for (const f of confirmed) await callJson(`/v1/feedback/${f}`, { method: "DELETE", status: 200 });
    expect(await callJson(`/v1/articles/${id}/claimreview?confirmed=true`, { status: 200 })).toEqual([]);
    expect(await callJson(`/v1/articles/${id}/claimreview`, { status: 200 })).toHaveLength(confirmedReviews.length);
    expect(fails((await verdictsOf(id)).verdicts).every((v) => v.evidence.every((e) => e.feedback === null))).toBe(true);
  });
});
