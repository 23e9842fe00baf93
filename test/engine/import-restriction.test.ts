// The engine is pure: no file in src/engine imports from outside src/engine (other than the
// yaml, zod and markdown-it packages) or touches Worker/Node globals or the clock.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers";

const ENGINE = join(ROOT, "src/engine");
const ALLOWED_PACKAGES = new Set(["markdown-it", "yaml", "zod"]);
const FORBIDDEN = [
  /\bprocess\./, /\brequire\(/, /\bfetch\(/, /\bcrypto\./, /\bcaches\b/, /\bDate\.now\(/, /\bnew Date\(\)/,
  /\bconsole\./, /\bsetTimeout\(/, /\bBuffer\b/, /\b__dirname\b/, /\bimport\.meta\b/, /\bglobalThis\b/, /\bnavigator\./,
];

function walk(d: string): string[] {
  return readdirSync(d).flatMap((e) => {
    const p = join(d, e);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith(".ts") ? [p] : [];
  });
}

describe("src/engine import restriction", () => {
  for (const file of walk(ENGINE)) {
    const rel = file.slice(ROOT.length + 1);
    it(rel, () => {
      const src = readFileSync(file, "utf8");
      const code = src.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      for (const m of code.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*["']([^"']+)["']/g)) {
        const spec = m[1]!;
        if (spec.startsWith(".")) expect(resolve(dirname(file), spec).startsWith(ENGINE), `${rel} imports ${spec}`).toBe(true);
        else expect(ALLOWED_PACKAGES.has(spec), `${rel} imports package ${spec}`).toBe(true);
      }
      expect(code).not.toMatch(/\bimport\(/);
      for (const re of FORBIDDEN) expect(re.test(code), `${rel} uses ${re}`).toBe(false);
    });
  }
});
