// Docs a newcomer can walk and trust: the README stays a front door (≤ 200 lines) that links every
// page under docs/ (directly or through the docs index it links), every relative link resolves,
// each registered rule kind and webhook provider has its page, and every CLI example block prints
// what the page says.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { docsPages, maskRulesetSize, renderExamples, ROOT } from "../../scripts/docs-examples";
import { KINDS } from "../../src/engine";
import { providers } from "../../src/http/webhooks/providers";

const read = (page: string) => readFileSync(join(ROOT, page), "utf8");

/** Relative Markdown link targets of a page, as repository paths (anchors and URLs dropped). */
function linksOf(page: string): string[] {
  const text = read(page).replace(/^```[\s\S]*?^```$/gm, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1]!.split("#")[0]!)
    .filter((target) => target && !/^[a-z]+:/i.test(target))
    .map((target) => normalize(relative(ROOT, join(ROOT, dirname(page), target))));
}

const pages = docsPages();

describe("docs", () => {
  it("keeps the README a front door of at most 200 lines", () => {
    expect(read("README.md").split("\n").length).toBeLessThanOrEqual(200);
  });

  it("links every page under docs/ from the README or from the docs index the README links", () => {
    const fromReadme = new Set(linksOf("README.md"));
    expect(fromReadme.has("docs/README.md")).toBe(true);
    const linked = new Set([...fromReadme, ...linksOf("docs/README.md")]);
    const unlinked = pages.filter((p) => p !== "docs/README.md" && !linked.has(p));
    expect(unlinked, "link these from README.md or docs/README.md").toEqual([]);
  });

  it("has no broken relative links", () => {
    const broken = ["README.md", ...pages].flatMap((page) =>
      linksOf(page)
        .filter((t) => !existsSync(join(ROOT, t)))
        .map((t) => `${page} → ${t}`),
    );
    expect(broken).toEqual([]);
  });

  it("has a page for every registered rule kind, and none for a kind that does not exist", () => {
    const kindPages = pages.filter((p) => p.startsWith("docs/rules/kinds/")).map((p) => p.slice("docs/rules/kinds/".length, -".md".length));
    expect(kindPages.sort()).toEqual([...KINDS.keys()].sort());
  });

  it("has a page for every webhook provider", () => {
    for (const name of Object.keys(providers)) expect(pages, `docs/webhooks/${name}.md`).toContain(`docs/webhooks/${name}.md`);
  });

  it.each(["README.md", ...pages].filter((p) => read(p).includes("```console\n$ npx accuracy-harness")))(
    "%s: every CLI example prints what the page says (npm run docs:examples regenerates them)",
    async (page) => {
      const text = read(page);
      expect(maskRulesetSize(await renderExamples(text))).toBe(maskRulesetSize(text));
    },
    60_000,
  );
});
