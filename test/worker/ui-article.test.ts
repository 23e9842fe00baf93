// The article page as an editor's work list: the publish verdict in one line, "To fix" before the
// text with each sentence rewritten, repeats grouped, conflicts as a set, passes collapsed.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { evidence, fetchPage, login, storeArticle, verdict, visibleText } from "./fixtures/ui";

const TEXT =
  "CECOT, a prison in Ecuador, held the men. Officials said 253 men were freed. " +
  "Two planes carried 252 men to Maiquetía. The Ecuador prison is large. Later the Ecuador facility closed.";

let failing = "";
let clean = "";

beforeAll(async () => {
  const consistency = {
    ...verdict("consistency.release_count", "fail", [evidence(TEXT, "253", { found: "253" }), evidence(TEXT, "252", { found: "252" })]),
    kind: "consistency",
    severity: "minor" as const,
  };
  failing = (
    await storeArticle({
      externalId: "article-page-1",
      title: "Freed from CECOT",
      source: "ghost",
      text: TEXT,
      verdicts: [
        // Whole-quote rewrite: only the changed word is struck.
        verdict("cecot.country", "fail", [
          evidence(TEXT, "a prison in Ecuador", {
            found: "Ecuador",
            expected: "El Salvador",
            replacements: ["a prison in El Salvador"],
            message: "places it in Ecuador; it is in El Salvador",
          }),
          evidence(TEXT, "The Ecuador prison", {
            found: "Ecuador",
            expected: "El Salvador",
            replacements: ["The Salvadoran prison"],
            message: "places it in Ecuador; it is in El Salvador",
          }),
          evidence(TEXT, "the Ecuador facility", {
            found: "Ecuador",
            expected: "El Salvador",
            replacements: ["the Salvadoran facility"],
            message: "places it in Ecuador; it is in El Salvador",
          }),
        ]),
        // Value suggestion: applied inside the quote.
        verdict("release.count", "fail", [
          evidence(TEXT, "253 men", { found: "253", expected: "252", replacements: ["252"], message: "says 253; 252 were released" }),
        ]),
        consistency,
        verdict("transfer.count", "pass", [evidence(TEXT, "252 men")]),
      ],
    })
  ).articleId;
  clean = (
    await storeArticle({
      externalId: "article-page-2",
      title: "All good",
      text: "CECOT is in El Salvador.",
      verdicts: [verdict("cecot.country", "pass", [evidence("CECOT is in El Salvador.", "CECOT is in El Salvador")])],
    })
  ).articleId;
});

async function page(id: string): Promise<string> {
  const res = await fetchPage(`/articles/${id}`, { cookie: await login(env.API_TOKEN) });
  expect(res.status).toBe(200);
  return res.text();
}

describe("article page", () => {
  it("answers first whether it can be published and why, before the list and the text", async () => {
    const html = await page(failing);
    const verdictAt = html.indexOf('class="verdict v-fail"');
    expect(verdictAt).toBeGreaterThan(0);
    expect(visibleText(html.slice(verdictAt, html.indexOf("</p>", verdictAt)))).toContain(
      "Not ready to publish: places it in Ecuador; it is in El Salvador, and 2 more problems.",
    );
    expect(verdictAt).toBeLessThan(html.indexOf('id="to-fix"'));
    expect(html.indexOf('id="to-fix"')).toBeLessThan(html.indexOf('<article class="text"'));
    expect(visibleText(await page(clean))).toContain("Can be published: no rule fails (1 statement checked and correct).");
    // Only a minor conflict: to fix, said less starkly.
    const minor = (
      await storeArticle({
        externalId: "article-page-3",
        title: "Two counts",
        text: "Officials freed 252 men. Later 253 men landed.",
        verdicts: [
          {
            ...verdict("consistency.release_count", "fail", [
              evidence("Officials freed 252 men. Later 253 men landed.", "252", { found: "252" }),
              evidence("Officials freed 252 men. Later 253 men landed.", "253", { found: "253" }),
            ]),
            kind: "consistency",
            severity: "minor",
          },
        ],
      })
    ).articleId;
    expect(visibleText(await page(minor))).toContain("Fix before publishing (minor): it gives different values for one fact.");
  });

  it("rewrites each sentence with the suggestion: old wording struck, new inserted", async () => {
    const html = await page(failing);
    expect(html).toContain(
      '<q class="sentence">CECOT, a prison in <del><span class="sr">remove: </span>Ecuador</del><ins><span class="sr">insert: </span>El Salvador</ins>, held the men.</q>',
    );
    expect(html).toContain(
      '<q class="sentence">Officials said <del><span class="sr">remove: </span>253</del><ins><span class="sr">insert: </span>252</ins> men were freed.</q>',
    );
    expect(html).toContain(
      'The <del><span class="sr">remove: </span>Ecuador</del><ins><span class="sr">insert: </span>Salvadoran</ins> prison is large.',
    );
  });

  it("groups repeats of one rule into one item that links to every place", async () => {
    const html = await page(failing);
    const items = [...html.matchAll(/<li id="fix-(\d+)" class="fix t-(\w+)">/g)].map((m) => m[2]);
    expect(items).toEqual(["fail", "fail", "conflict"]); // critical rules first, the minor conflict last
    const country = html.slice(html.indexOf('id="fix-1"'), html.indexOf('id="fix-2"'));
    expect(visibleText(country)).toContain("3 places");
    expect(country.match(/class="jump"/g)).toHaveLength(3);
    // Next / previous between the items.
    expect(country).toContain('href="#fix-2"');
    expect(html.slice(html.indexOf('id="fix-2"'))).toContain('href="#fix-1"');
  });

  it("shows a conflict between two values as a pair, not as a failure of either", async () => {
    const html = await page(failing);
    const conflict = html.slice(html.indexOf('class="fix t-conflict"'));
    expect(visibleText(conflict)).toMatch(/253 \(once\)[\s\S]*252 \(once\)/);
    expect(conflict).not.toContain("<del>");
    // In the text, the correct 252 (supported by transfer.count) is never marked wrong.
    const text = /<article class="text"[^>]*>([\s\S]*?)<\/article>/.exec(html)![1]!;
    expect(text).toMatch(/<mark class="t-conflict start"[^>]*><span class="sr">\[conflicting value: <\/span>252/);
    expect(text).not.toMatch(/\[wrong: <\/span>252/);
  });

  it("collapses the passes and says plainly what re-check does", async () => {
    const html = await page(failing);
    expect(html).toMatch(/<details><summary>Checked and correct \(1\)<\/summary>/);
    expect(visibleText(html)).toContain("Re-check stored text");
    expect(visibleText(html)).toContain("it does not fetch a new version from the CMS");
  });

  it("links to the CMS editor only for sources whose edit URL is configured", async () => {
    expect(await page(failing)).toContain('href="https://cms.test/ghost/#/editor/post/article-page-1"');
    expect(visibleText(await page(clean))).not.toContain("Edit in CMS");
  });
});
