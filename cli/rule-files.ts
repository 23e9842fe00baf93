// Reads rule files from disk (Node only): the CLI, the tests and the Worker bundler share it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { RuleFile } from "../src/engine";

/** Every *.yaml / *.yml under `dir`, as { path relative to dir with "/", text }, sorted by path. */
export function readRuleFiles(dir: string): Array<RuleFile & { text: string }> {
  const walk = (d: string): string[] =>
    readdirSync(d)
      .sort()
      .flatMap((e) => {
        const p = join(d, e);
        return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(e) ? [p] : [];
      });
  return walk(dir).map((p) => ({ path: relative(dir, p).split("\\").join("/"), text: readFileSync(p, "utf8") }));
}
