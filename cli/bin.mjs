#!/usr/bin/env node
// accuracy-harness CLI entry: registers tsx so Node can load the TypeScript engine directly,
// then hands over to cli/main.ts. (The CLI is the only layer that touches the file system.)
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
