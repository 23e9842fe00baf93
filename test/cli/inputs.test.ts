// The CLI's inputs: Markdown and HTML files, and the date each file is judged as of (a --manifest
// entry, else the document's own, else --published-at, else today). Child processes, as cli.test.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { datedArticle, readManifest } from "../../cli/article-input";

const ROOT = join(import.meta.dirname, "../..");
const NODE = join(ROOT, "node_modules/.bin/node");
const run = (...args: string[]) =>
  spawnSync(NODE, [join(ROOT, "cli/bin.mjs"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

interface Out {
  file: string;
  outcome: string;
  as_of: string;
  date_from: string;
  published_at: string | null;
  published_at_source: string | null;
  text: string;
  verdicts: Array<{ rule: string; status: string; evidence: Array<{ offset: number; length: number; quote: string }> }>;
}

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), "ah-inputs-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

describe("accuracy-harness check: inputs", { timeout: 60_000 }, () => {
  it("reads .md as Markdown: emphasis and links do not hide an error; offsets point into the derived text", () => {
    const d = dir({
      "a.md": "# Note\n\nThe men were held at **CECOT** in *Ecuador*.\n",
      "b.md": "The men were held at [CECOT](https://example.org) in Ecuador.\n",
    });
    const r = run("check", d, "--published-at", "2025-06-10", "--format", "json");
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Out[];
    expect(out.map((o) => o.text)).toEqual(["Note\n\nThe men were held at CECOT in Ecuador.", "The men were held at CECOT in Ecuador."]);
    for (const o of out) {
      const v = o.verdicts.find((x) => x.rule === "cecot.country")!;
      expect(v.status).toBe("fail");
      for (const e of v.evidence) expect(o.text.slice(e.offset, e.offset + e.length)).toBe(e.quote);
    }
  });

  it("each file is judged as of its own date: the document's, else --published-at, else today", () => {
    const d = dir({
      "fm.md": "---\ntitle: x\npublished_at: 2025-06-10\n---\nCECOT is a prison in El Salvador.\n",
      "meta.html":
        '<html><head><meta property="article:published_time" content="2025-07-22T10:00:00Z"></head><body><p>CECOT is a prison in El Salvador.</p></body></html>',
      "plain.txt": "CECOT is a prison in El Salvador.\n",
    });
    const byFile = (args: string[]) => {
      const out = JSON.parse(run("check", d, "--format", "json", ...args).stdout) as Out[];
      return Object.fromEntries(out.map((o) => [o.file.replace(/.*[\\/]/, ""), [o.as_of, o.date_from, o.published_at_source]]));
    };
    expect(byFile(["--published-at", "2024-01-02"])).toEqual({
      "fm.md": ["2025-06-10", "document", "document"],
      "meta.html": ["2025-07-22", "document", "document"],
      "plain.txt": ["2024-01-02", "--published-at", "caller"],
    });
    const today = new Date().toISOString().slice(0, 10);
    expect(byFile([])["plain.txt"]).toEqual([today, "today", null]);
    const text = run("check", join(d, "fm.md")).stdout;
    expect(text).toContain("(as of 2025-06-10, the document's date;");
  });

  it("--manifest seeds/expected.yaml judges each seed as of its published_at, as the server does", () => {
    const expected = parse(readFileSync(join(ROOT, "seeds/expected.yaml"), "utf8")) as {
      seeds: Record<string, { published_at: string | null; fail: Record<string, unknown> }>;
    };
    const r = run("check", "seeds/", "--manifest", "seeds/expected.yaml", "--format", "json");
    const out = JSON.parse(r.stdout) as Out[];
    expect(out.length).toBe(Object.keys(expected.seeds).length);
    for (const o of out) {
      const seed = expected.seeds[o.file.replace(/.*[\\/]/, "")]!;
      if (seed.published_at) expect([o.as_of, o.date_from]).toEqual([seed.published_at, "manifest"]);
      else expect(o.date_from).toBe("today");
      const failing = o.verdicts
        .filter((v) => v.status === "fail")
        .map((v) => v.rule)
        .sort();
      expect(failing, o.file).toEqual(Object.keys(seed.fail).sort());
    }
  });

  it("a bad manifest is a usage error (exit 2) that says which entry", () => {
    const d = dir({ "m.yaml": "a.txt: soon\n", "list.json": '[{"nofile": 1}]', "a.txt": "x" });
    const bad = run("check", join(d, "a.txt"), "--manifest", join(d, "m.yaml"));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/a\.txt: published_at must be a date like 2025-07-19/);
    expect(run("check", join(d, "a.txt"), "--manifest", join(d, "list.json")).stderr).toMatch(/entry 0 needs a string "file"/);
    expect(run("check", join(d, "a.txt"), "--manifest", join(d, "missing.yaml")).status).toBe(2);
  });
});

describe("readManifest and datedArticle", () => {
  it("accepts a plain map, per-file objects, expected.yaml's `seeds:` and a corpus list; paths relative to the manifest", () => {
    const d = dir({
      "map.yaml": "a.txt: 2025-07-19\nb.md: { published_at: 2025-06-10T08:00:00Z }\nc.txt: null\n",
      "cases.json": JSON.stringify([{ file: "sub/d.txt", published_at: "2025-12-27" }, { file: "e.html" }]),
    });
    expect([...readManifest(join(d, "map.yaml"))]).toEqual([
      [join(d, "a.txt"), "2025-07-19"],
      [join(d, "b.md"), "2025-06-10T08:00:00Z"],
      [join(d, "c.txt"), null],
    ]);
    expect([...readManifest(join(d, "cases.json"))]).toEqual([
      [join(d, "sub/d.txt"), "2025-12-27"],
      [join(d, "e.html"), null],
    ]);
    expect(readManifest(join(ROOT, "seeds/expected.yaml")).get(join(ROOT, "seeds/001_08a7ac9cce5a790c.txt"))).toBe("2025-07-19");
  });

  it("a manifest date beats the document's; the document's beats --published-at; a null entry falls through", () => {
    const md = "---\ndate: 2025-06-10\n---\nText";
    const manifest = new Map([
      [join(ROOT, "x.md"), "2025-01-01"],
      [join(ROOT, "y.md"), null],
    ]);
    expect(datedArticle(join(ROOT, "x.md"), md, manifest, "2024-01-01")).toEqual({
      article: { markdown: md, publishedAt: "2025-01-01" },
      dateFrom: "manifest",
    });
    expect(datedArticle(join(ROOT, "y.md"), md, manifest, "2024-01-01")).toEqual({
      article: { markdown: md, publishedAt: null },
      dateFrom: "document",
    });
    expect(datedArticle("z.txt", "date: 2025-06-10", undefined, "2024-01-01")).toEqual({
      article: { text: "date: 2025-06-10", publishedAt: "2024-01-01" },
      dateFrom: "--published-at",
    });
    expect(datedArticle("z.htm", "<p>x</p>", undefined, undefined)).toEqual({
      article: { html: "<p>x</p>", publishedAt: null },
      dateFrom: "today",
    });
  });
});
