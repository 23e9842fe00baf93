// The dashboard's rule editor through the real Worker: editor sessions only, located errors beside
// the textarea (escaped), a draft page with its examples, a preview table, publish and discard,
// every form CSRF-checked.
import { describe, expect, it } from "vitest";
import { bundledRuleFiles, bundledRuleset } from "../../src/rules";
import { callJson, READ, WRITE } from "./fixtures/api";
import { csrfToken, fetchPage, login, postForm } from "./fixtures/ui";

const RULE_FILE = bundledRuleFiles.find((f) => f.path.endsWith("/release.count.yaml"))!;
const EDITED = RULE_FILE.text.replace(/^value: 252$/m, "value: 253");

async function editor() {
  const cookie = await login(WRITE);
  return { cookie, csrf: await csrfToken(cookie, "/rules/release.count/edit") };
}

describe("the rule editor", () => {
  it("is for editors only: read sessions get 403 and no Edit link", async () => {
    const cookie = await login(READ);
    expect(await (await fetchPage("/rules/release.count", { cookie })).text()).not.toContain("/rules/release.count/edit");
    expect((await fetchPage("/rules/release.count/edit", { cookie })).status).toBe(403);
    const csrf = await csrfToken(cookie, "/rules");
    expect((await postForm("/rules/release.count/drafts", { csrf, text: EDITED }, { cookie })).status).toBe(403);
  });

  it("shows the rule file's YAML, and every located error beside it, escaped", async () => {
    const { cookie, csrf } = await editor();
    const page = await (await fetchPage("/rules/release.count", { cookie })).text();
    expect(page).toContain('href="/rules/release.count/edit"');
    const form = await (await fetchPage("/rules/release.count/edit", { cookie })).text();
    expect(form).toContain("value: 252");
    const bad = EDITED.replace("unit: count", "unit: count\n<script>x</script>: 1");
    const res = await postForm("/rules/release.count/drafts", { csrf, text: bad }, { cookie });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`${RULE_FILE.path.replace(/\./g, "\\.")}:\\d+:\\d+`));
    expect(html).not.toContain("<script>x</script>");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt;");
    expect((await postForm("/rules/release.count/drafts", { csrf: "forged", text: EDITED }, { cookie })).status).toBe(403);
  });

  it("saves a draft, previews it, and publishes it; or discards it", async () => {
    const { cookie, csrf } = await editor();
    const saved = await postForm("/rules/release.count/drafts", { csrf, text: EDITED }, { cookie });
    expect(saved.status).toBe(303);
    const draftUrl = saved.headers.get("location")!;
    const draftPage = await (await fetchPage(draftUrl, { cookie })).text();
    expect(draftPage).toContain("edited: release.count");
    expect(draftPage).toMatch(/✗ expected pass, got fail/);
    expect(draftPage).toContain(`href="/rules/release.count/edit?draft=${draftUrl.split("/").pop()}"`);

    const previewed = await postForm(`${draftUrl}/preview`, { csrf, limit: "10" }, { cookie });
    expect(previewed.status).toBe(303);
    const withPreview = await (await fetchPage(previewed.headers.get("location")!, { cookie })).text();
    expect(withPreview).toContain("Preview over the");

    const published = await postForm(`${draftUrl}/publish`, { csrf }, { cookie });
    expect(published.status).toBe(303);
    const version = (await callJson("/v1/rules", { status: 200 })).ruleset.version;
    expect(version).not.toBe(bundledRuleset().version);
    const versions = await (await fetchPage(published.headers.get("location")!, { cookie })).text();
    expect(versions).toContain(`Version ${version} is now current.`);
    expect(versions).toContain(`action="/rulesets/${bundledRuleset().version}/activate"`);

    // Rollback from the dashboard; a read-only session sees the versions but no Activate button.
    expect((await postForm(`/rulesets/${bundledRuleset().version}/activate`, { csrf }, { cookie })).status).toBe(303);
    expect((await callJson("/v1/rules", { status: 200 })).ruleset.version).toBe(bundledRuleset().version);
    const reader = await login(READ);
    const readView = await (await fetchPage("/rulesets", { cookie: reader })).text();
    expect(readView).toContain(version);
    expect(readView).not.toContain("/activate");
    const readCsrf = await csrfToken(reader, "/rulesets");
    expect((await postForm(`/rulesets/${version}/activate`, { csrf: readCsrf }, { cookie: reader })).status).toBe(403);

    const other = (await postForm("/rules/release.count/drafts", { csrf, text: RULE_FILE.text }, { cookie })).headers.get("location")!;
    expect((await postForm(`${other}/discard`, { csrf }, { cookie })).status).toBe(303);
    expect((await fetchPage(other, { cookie })).status).toBe(404);
  });
});
