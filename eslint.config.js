// ESLint (flat config): typescript-eslint's recommended rules plus the import zones that keep the
// layers one-way (docs/architecture.md):
//   engine     → nothing outside src/engine, no package but yaml, zod and markdown-it, no I/O, clock or platform globals
//   lib        → engine, env (types): pure helpers shared by every adapter
//   storage    → engine (types only), lib
//   use-cases  → engine, lib, storage, rules, env
//   http, jobs, ui → engine, lib, storage, use-cases, rules, env — never each other
//   app.ts, index.ts → anything (they compose the adapters)
//   cli        → engine only (the Node adapter: files in, reports out)
// test/tooling/lint-zones.test.ts proves a cross-layer import fails.
import js from "@eslint/js";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const SRC = "./src";
const layer = (name) => `${SRC}/${name}`;

/** A zone: files in `target` may import from src only what `allowed` names (folders or files under src). */
function zone(target, allowed) {
  return {
    target: layer(target),
    from: SRC,
    except: [target, ...allowed].map((p) => `./${p}`),
    message: `src/${target} may import only from ${[target, ...allowed].map((p) => `src/${p}`).join(", ")} (see eslint.config.js).`,
  };
}

const ADAPTER_DEPS = ["engine", "lib", "storage", "use-cases", "rules.ts", "env.ts", "generated"];

export default tseslint.config(
  { ignores: ["node_modules/", ".bench-peer/", "dist/", ".wrangler/", "src/generated/", "worker-configuration.d.ts", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".mjs", ".json", ".d.ts"] })],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            zone("engine", []),
            zone("lib", ["engine", "env.ts"]),
            zone("storage", ["engine", "lib"]),
            zone("use-cases", ["engine", "lib", "storage", "rules.ts", "env.ts"]),
            zone("http", [...ADAPTER_DEPS]),
            zone("jobs", [...ADAPTER_DEPS]),
            zone("ui", [...ADAPTER_DEPS]),
            // rules.ts and env.ts sit under the adapters, beside the engine.
            {
              target: `${SRC}/rules.ts`,
              from: SRC,
              except: ["./rules.ts", "./engine", "./generated"],
              message: "src/rules.ts may import only the engine and the generated bundle.",
            },
            { target: `${SRC}/env.ts`, from: SRC, except: ["./env.ts"], message: "src/env.ts declares types only." },
            {
              target: "./cli",
              from: SRC,
              except: ["./engine"],
              message: "cli/ runs the pure engine only (the Worker's adapters need workerd).",
            },
          ],
        },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `catch {}` is how the code says "not JSON / not up yet: fall through".
      "no-empty": ["error", { allowEmptyCatch: true }],
    },
  },
  {
    // Storage reads the engine's types (Outcome, Evidence …) but never runs engine code.
    files: ["src/storage/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/engine", "**/engine/**"], allowTypeImports: true, message: "storage may import engine types only." }] },
      ],
    },
  },
  {
    // The engine is pure: no I/O, no clock, no platform globals (the CLI, the Worker and the tests
    // run the same code), and no package but yaml, zod and markdown-it (src/engine/text/markdown.ts).
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(?!\\.|yaml$|zod$|markdown-it$)", message: "src/engine imports only its own files, yaml, zod and markdown-it." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "process",
          "require",
          "fetch",
          "crypto",
          "caches",
          "console",
          "setTimeout",
          "setInterval",
          "Buffer",
          "__dirname",
          "globalThis",
          "navigator",
        ].map((name) => ({ name, message: "src/engine is pure: I/O and platform APIs belong to the adapters." })),
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "src/engine takes `now` as an argument: no clock." },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: "src/engine takes `now` as an argument: no clock.",
        },
        { selector: "ImportExpression", message: "src/engine loads nothing at run time." },
        { selector: "MetaProperty[meta.name='import']", message: "src/engine does not know where its files are." },
      ],
    },
  },
  {
    // Every query lives in src/storage: elsewhere drizzle is a source of types (BatchItem), not of query builders.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/storage/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["drizzle-orm", "drizzle-orm/*"],
              allowTypeImports: true,
              message: "queries live in src/storage; import a storage function instead.",
            },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and the CLI: plain Node globals.
    files: ["**/*.mjs", "cli/**", "scripts/**", "bench/**"],
    languageOptions: {
      globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly", Buffer: "readonly" },
    },
  },
  {
    // Tests and benchmarks may reach into any layer (they exercise it), read JSON loosely and keep terse parsers.
    files: ["test/**", "bench/**"],
    rules: {
      "import-x/no-restricted-paths": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-expressions": "off",
    },
  },
);
