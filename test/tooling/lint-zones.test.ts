// The import zones in eslint.config.js hold: a file placed (virtually) in one layer that imports
// a layer it may not is an error, and the same file importing what it may is clean. The engine's
// purity (no I/O, clock or platform globals; packages yaml, zod and markdown-it only) is checked the same way.
import { join } from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const eslint = new ESLint({ cwd: ROOT });

/** Rule ids ESLint reports for `code` as if it were the file at `path` (which need not exist). */
async function lintAs(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const ZONE = "import-x/no-restricted-paths";

describe("eslint import zones", { timeout: 60_000 }, () => {
  it.each([
    ["src/http/zone-fixture.ts", 'import { uiRoutes } from "../ui/routes";\nexport const x = uiRoutes;\n'],
    ["src/http/webhooks/zone-fixture.ts", 'import { notify } from "../../jobs/notify";\nexport const x = notify;\n'],
    ["src/jobs/zone-fixture.ts", 'import { api } from "../http/app";\nexport const x = api;\n'],
    ["src/ui/zone-fixture.tsx", 'import { scoreRoutes } from "../http/score";\nexport const x = scoreRoutes;\n'],
    ["src/engine/zone-fixture.ts", 'import { getDb } from "../storage/db";\nexport const x = getDb;\n'],
    ["src/engine/kinds/zone-fixture.ts", 'import { sha256Hex } from "../../lib/crypto";\nexport const x = sha256Hex;\n'],
    ["src/storage/zone-fixture.ts", 'import { scoreArticle } from "../use-cases/score-article";\nexport const x = scoreArticle;\n'],
    ["src/lib/zone-fixture.ts", 'import { getDb } from "../storage/db";\nexport const x = getDb;\n'],
    ["src/use-cases/zone-fixture.ts", 'import { notify } from "../jobs/notify";\nexport const x = notify;\n'],
    ["cli/zone-fixture.ts", 'import { getDb } from "../src/storage/db";\nexport const x = getDb;\n'],
  ])("%s may not import that layer", async (path, code) => {
    expect(await lintAs(path, code)).toContain(ZONE);
  });

  it.each([
    [
      "src/http/zone-fixture.ts",
      'import { scoreArticle } from "../use-cases/score-article";\nimport { getDb } from "../storage/db";\nexport const x = [scoreArticle, getDb];\n',
    ],
    ["src/ui/zone-fixture.ts", 'import { sha256Hex } from "../lib/crypto";\nexport const x = sha256Hex;\n'],
    ["src/engine/zone-fixture.ts", 'import { score } from "./score";\nexport const x = score;\n'],
    ["src/app.ts", 'import { uiRoutes } from "./ui/routes";\nimport { api } from "./http/app";\nexport const x = [uiRoutes, api];\n'],
  ])("%s may import that", async (path, code) => {
    expect(await lintAs(path, code)).toEqual([]);
  });

  it.each([
    ['import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n', "no-restricted-imports"],
    ['import { Hono } from "hono";\nexport const x = Hono;\n', "no-restricted-imports"],
    ['export const x = () => fetch("https://example.com");\n', "no-restricted-globals"],
    ["export const x = () => console.log(1);\n", "no-restricted-globals"],
    ["export const x = () => new Date();\n", "no-restricted-syntax"],
    ["export const x = () => Date.now();\n", "no-restricted-syntax"],
    ['export const x = () => import("./score");\n', "no-restricted-syntax"],
  ])("the engine stays pure: %j is refused", async (code, rule) => {
    expect(await lintAs("src/engine/zone-fixture.ts", code)).toContain(rule);
  });

  it("the engine may use yaml, zod, markdown-it and explicit dates", async () => {
    const code =
      'import { parse } from "yaml";\nimport { z } from "zod";\nimport MarkdownIt from "markdown-it";\nexport const x = [parse, z, MarkdownIt, new Date(0), new Date("2025-07-18")];\n';
    expect(await lintAs("src/engine/zone-fixture.ts", code)).toEqual([]);
  });

  it("only storage runs drizzle queries; others may import its types", async () => {
    expect(await lintAs("src/jobs/zone-fixture.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n')).toContain(
      "@typescript-eslint/no-restricted-imports",
    );
    expect(
      await lintAs(
        "src/jobs/zone-fixture.ts",
        'import type { BatchItem } from "drizzle-orm/batch";\nexport type X = BatchItem<"sqlite">;\n',
      ),
    ).toEqual([]);
    expect(await lintAs("src/storage/zone-fixture.ts", 'import { eq } from "drizzle-orm";\nexport const x = eq;\n')).toEqual([]);
  });

  it("storage may import engine types, not engine code", async () => {
    expect(await lintAs("src/storage/zone-fixture.ts", 'import type { Outcome } from "../engine";\nexport type X = Outcome;\n')).toEqual(
      [],
    );
    expect(
      await lintAs("src/storage/zone-fixture.ts", 'import { checkArticle } from "../engine";\nexport const x = checkArticle;\n'),
    ).toContain("@typescript-eslint/no-restricted-imports");
  });
});
