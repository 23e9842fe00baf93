// `npm start` needs local secrets: copy the committed .dev.vars.example to .dev.vars once.
import { copyFileSync, existsSync } from "node:fs";

if (!existsSync(".dev.vars")) {
  copyFileSync(".dev.vars.example", ".dev.vars");
  console.log("created .dev.vars from .dev.vars.example (API token: dev-token)");
}
