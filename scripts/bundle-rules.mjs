// Bundles rules/**/*.yaml into src/generated/rule-files.json so the Worker (which has no file
// system) loads exactly the files the CLI reads. Validation happens in the engine's loader,
// in both places, with the same located errors.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const rulesDir = join(root, "rules");

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((p) => /\.ya?ml$/.test(p));
}

const files = walk(rulesDir)
  .map((p) => ({ path: relative(rulesDir, p).split(sep).join("/"), text: readFileSync(p, "utf8") }))
  .sort((a, b) => (a.path < b.path ? -1 : 1));

mkdirSync(join(root, "src/generated"), { recursive: true });
writeFileSync(join(root, "src/generated/rule-files.json"), JSON.stringify(files, null, 1) + "\n");
console.log(`bundled ${files.length} rule files into src/generated/rule-files.json`);
