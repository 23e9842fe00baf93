// `npm start` needs local secrets: copy the committed .dev.vars.example to .dev.vars once, and on
// later starts add any key the example gained since (existing values are never touched).
import { appendFileSync, copyFileSync, existsSync, readFileSync } from "node:fs";

const keysOf = (text) => new Set([...text.matchAll(/^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/gm)].map((m) => m[1]));

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("created .dev.vars from .dev.vars.example (API token: dev-token)");
} else {
  const have = keysOf(readFileSync(".dev.vars", "utf8"));
  const missing = readFileSync(".dev.vars.example", "utf8")
    .split("\n")
    .filter((line) => [...keysOf(line)].some((key) => !have.has(key)));
  if (missing.length) {
    appendFileSync(".dev.vars", `\n# added from .dev.vars.example\n${missing.join("\n")}\n`);
    console.log(`added ${missing.length} new key(s) to .dev.vars from .dev.vars.example`);
  }
}
