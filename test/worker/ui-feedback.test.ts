// The dashboard's feedback controls on /articles/:id (plain forms, CSRF-protected, editors only),
// the undo, escaping of notes, and precision on /rules and /rules/:id.
import { beforeAll, describe, expect, it } from "vitest";
import { findingId } from "../../src/engine";
import { READ } from "./fixtures/api";
import { csrfToken, evidence, fetchPage, login, postForm, storeArticle, verdict, visibleText } from "./fixtures/ui";

const TEXT = "CECOT, a prison in Ecuador, held the men.";
const RULE = "cecot.country";
let articleId = "";
let finding = "";

beforeAll(async () => {
  const saved = await storeArticle({
    externalId: "ui-feedback-1",
    title: "Feedback story",
    source: "ghost",
    text: TEXT,
    verdicts: [
      verdict(RULE, "fail", [evidence(TEXT, "a prison in Ecuador", { found: "Ecuador", replacements: ["a prison in El Salvador"] })]),
    ],
  });
  articleId = saved.articleId;
  finding = findingId({ source: "ghost", externalId: "ui-feedback-1" }, RULE, "a prison in Ecuador");
});

const page = async (cookie: string) => (await fetchPage(`/articles/${articleId}`, { cookie })).text();

describe("feedback on the article page", () => {
  it("an editor marks a false alarm with a note, sees who and when, and undoes it", async () => {
    const cookie = await login("test-token");
    const before = await page(cookie);
    expect(before).toContain(`action="/articles/${articleId}/feedback"`);
    expect(before).toContain(`name="finding" value="${finding}"`);
    expect(visibleText(before)).toContain("Not ready to publish");

    const csrf = await csrfToken(cookie, `/articles/${articleId}`);
    // Without the session's CSRF token (or from another origin) nothing is saved.
    expect((await postForm(`/articles/${articleId}/feedback`, { finding, label: "false_alarm" }, { cookie })).status).toBe(403);
    expect(
      (
        await postForm(
          `/articles/${articleId}/feedback`,
          { csrf, finding, label: "false_alarm" },
          { cookie, origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);

    const note = `<script>alert("x")</script> & quoted by the minister`;
    const res = await postForm(`/articles/${articleId}/feedback`, { csrf, finding, label: "false_alarm", note }, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/articles/${articleId}?labelled`);

    const after = await page(cookie);
    expect(after).not.toContain("<script>alert");
    expect(after).toContain("&lt;script&gt;");
    const text = visibleText(after);
    expect(text).toContain("Dismissed as false alarms (1)");
    expect(text).toContain("marked by dashboard:write on");
    expect(text).toContain(note);
    expect(text).toContain("Can be published");
    // In the marked text the span reads as dismissed, not as wrong.
    expect(after).toMatch(/<mark class="t-dismissed[^"]*"[^>]*><span class="sr">\[dismissed as a false alarm: <\/span>a prison in Ecuador/);
    const undo = /action="\/feedback\/([^"]+)\/undo"/.exec(after)?.[1];
    expect(undo).toMatch(/^fbk_/);

    const undone = await postForm(`/feedback/${undo}/undo`, { csrf }, { cookie });
    expect(undone.status).toBe(303);
    const restored = visibleText(await page(cookie));
    expect(restored).toContain("Not ready to publish");
    expect(restored).not.toContain("Dismissed as false alarms");
    // Undoing twice says so.
    expect((await postForm(`/feedback/${undo}/undo`, { csrf }, { cookie })).status).toBe(400);
  });

  it("a read-only session sees labels but no controls, and its posts are refused", async () => {
    const cookie = await login(READ);
    const html = await page(cookie);
    expect(html).not.toContain(`/feedback"`);
    const csrf = await csrfToken(cookie, "/logout");
    expect((await postForm(`/articles/${articleId}/feedback`, { csrf, finding, label: "confirmed" }, { cookie })).status).toBe(403);
  });

  it("an unknown finding is refused with a message", async () => {
    const cookie = await login("test-token");
    const csrf = await csrfToken(cookie, `/articles/${articleId}`);
    const res = await postForm(
      `/articles/${articleId}/feedback`,
      { csrf, finding: `fnd_${"0".repeat(24)}`, label: "confirmed" },
      { cookie },
    );
    expect(res.status).toBe(404);
    expect((await postForm(`/articles/${articleId}/feedback`, { csrf, finding, label: "maybe" }, { cookie })).status).toBe(400);
  });
});

describe("precision on the rule pages", () => {
  it("shows confirmed and false-alarm counts, precision and the dismissed wordings", async () => {
    const cookie = await login("test-token");
    const csrf = await csrfToken(cookie, `/articles/${articleId}`);
    await postForm(`/articles/${articleId}/feedback`, { csrf, finding, label: "false_alarm", note: "a court filing" }, { cookie });
    const rules = visibleText(await (await fetchPage("/rules", { cookie })).text());
    expect(rules).toContain("Precision");
    expect(rules).toContain("0% (0 confirmed, 1 false alarm)");
    const rule = visibleText(await (await fetchPage(`/rules/${RULE}`, { cookie })).text());
    expect(rule).toContain("Editors' feedback");
    expect(rule).toContain("Wordings dismissed as false alarms (1)");
    expect(rule).toContain("a prison in Ecuador");
    expect(rule).toContain("a court filing");
  });
});
