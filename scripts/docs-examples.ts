// Example outputs in the README and docs/ that cannot go stale. A fenced block tagged `console` whose first line
// is `$ npx accuracy-harness <args>` holds exactly what that command prints and its exit code;
// test/tooling/docs.test.ts re-runs every such block, and `npm run docs:examples` rewrites them.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = join(import.meta.dirname, "..");
// Plain text in the docs: the CLI decides on colour when it is first imported (in runCli).
process.env.NO_COLOR = "1";
const BLOCK = /^```console\n\$ npx accuracy-harness ([^\n]*)\n[\s\S]*?^```$/gm;

/** Every Markdown file under docs/, as paths relative to the repository root. */
export function docsPages(dir = join(ROOT, "docs")): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((e) => {
      const p = join(dir, e);
      return statSync(p).isDirectory() ? docsPages(p) : e.endsWith(".md") ? [relative(ROOT, p)] : [];
    });
}

/** Runs the CLI in-process (from the repository root) and returns what it printed plus its exit code. */
async function runCli(args: string[]): Promise<string> {
  const lines: string[] = [];
  const { log, error } = console;
  console.log = console.error = (...parts: unknown[]) => void lines.push(parts.join(" "));
  const cwd = process.cwd();
  try {
    process.chdir(ROOT);
    const { main } = await import("../cli/main");
    const exit = await main(args);
    // Trailing spaces would not survive an editor; the report's lines never need them.
    return [
      ...lines
        .join("\n")
        .split("\n")
        .map((l) => l.trimEnd()),
      `[exit ${exit}]`,
    ].join("\n");
  } finally {
    process.chdir(cwd);
    console.log = log;
    console.error = error;
  }
}

/**
 * Masks what changes whenever a valid rule is added (rule counts, the ruleset hash), so that
 * comparing docs with fresh output checks the verdicts, not the size of the pack.
 */
export function maskRulesetSize(text: string): string {
  return text
    .replace(/\(ruleset [0-9a-f]+\)|ruleset [0-9a-f]{16}/g, "ruleset …")
    .replace(/\d+\/\d+ rule examples/g, "N/N rule examples")
    .replace(/\d+ rules\b/g, "N rules")
    .replace(/\d+ n\/a\)/g, "N n/a)");
}

/** The page with every CLI example block's output regenerated. */
export async function renderExamples(markdown: string): Promise<string> {
  let out = "";
  let last = 0;
  for (const m of markdown.matchAll(BLOCK)) {
    const args = m[1]!.trim().split(/\s+/);
    out += markdown.slice(last, m.index) + "```console\n$ npx accuracy-harness " + m[1] + "\n" + (await runCli(args)) + "\n```";
    last = m.index + m[0].length;
  }
  return out + markdown.slice(last);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const page of ["README.md", ...docsPages()]) {
    const path = join(ROOT, page);
    const before = readFileSync(path, "utf8");
    const after = await renderExamples(before);
    if (after !== before) {
      writeFileSync(path, after);
      console.log(`updated ${page}`);
    }
  }
}
