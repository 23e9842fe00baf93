// The ruleset's matcher also carries the gazetteer's phrases (one pass per article): the
// countries an article context reports must be exactly the gazetteer's own.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { prepareArticle } from "../../../src/engine/article-context";
import { compiledOf } from "../../../src/engine/load-ruleset";
import { findCountryMentions } from "../../../src/engine/text-adapter";
import { packRuleset, ROOT } from "../helpers";

describe("countries from the shared matcher pass", () => {
  const rs = compiledOf(packRuleset());
  const texts = [
    ...readdirSync(join(ROOT, "seeds"))
      .filter((f) => f.endsWith(".txt"))
      .map((f) => readFileSync(join(ROOT, "seeds", f), "utf8")),
    "CECOT, a prison in Ecuador. The U.S.-based group met in El Salvador's capital; ecuatorianos y salvadoreños. Jordan Peterson spoke in Spanish. South Sudan, not Sudan.",
  ];
  it("equal the gazetteer's own pass on the same text", () => {
    for (const text of texts) {
      const ctx = prepareArticle(text, "2025-07-22", true, rs, () => []);
      expect(ctx.countries()).toEqual(findCountryMentions(text));
    }
  });
});
