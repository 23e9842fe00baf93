// Completeness (eslint's checkRuleFiles): every kind module is registered, documented on its
// own page (docs/rules/kinds/<kind>.md) and exercised by some rule example; every rule has ≥2 examples of each verdict its
// kind can give; the CECOT pack encodes every fact id.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KINDS } from "../../src/engine";
import { compiledOf } from "../../src/engine/load-ruleset";
import { packRuleset, ROOT } from "./helpers";

const rules = compiledOf(packRuleset()).rules;
const FACT_IDS = [
  "cecot.country",
  "cecot.name",
  "cecot.location",
  "cecot.capacity",
  "cecot.opened",
  "law.name",
  "transfer.date",
  "transfer.count",
  "release.count",
  "release.date",
  "detention.duration",
  "arrival.airport",
  "swap.us_count",
  "payment.amount",
  "role.bukele",
  "role.maduro",
  "role.trump",
  "role.rubio",
  "role.cabello",
  "role.delcy_rodriguez",
  "role.boasberg",
  "ruling.date",
];

describe("completeness", () => {
  const modules = readdirSync(join(ROOT, "src/engine/kinds"))
    .filter(
      (f) =>
        f.endsWith(".ts") &&
        ![
          "index.ts",
          "shared.ts",
          "role-title.ts",
          "role-title-after.ts",
          "place-mentions.ts",
          "place-statement.ts",
          "quantity-phrase.ts",
          "role-offices.ts",
          "name-expansions.ts",
          "word-class.ts",
        ].includes(f),
    )
    .map((f) => f.replace(/\.ts$/, ""));

  it("every kind module is registered once, sorted", () => {
    expect([...KINDS.keys()]).toEqual([...modules].sort());
  });

  for (const [name, kind] of KINDS) {
    it(`kind ${name} is documented and exercised`, () => {
      expect(kind.meta.description.length).toBeGreaterThan(20);
      const page = join(ROOT, "docs/rules/kinds", `${name}.md`);
      expect(existsSync(page), `docs/rules/kinds/${name}.md is missing`).toBe(true);
      expect(readFileSync(page, "utf8")).toMatch(new RegExp(`^# Rule kind \`${name}\`\n`));
      expect(rules.some((r) => r.def.kind === name && r.def.examples.length > 0)).toBe(true);
    });
  }

  for (const r of rules) {
    it(`${r.def.id} has ≥2 examples of each of ${r.kind.meta.verdicts.join("/")}`, () => {
      for (const status of r.kind.meta.verdicts)
        expect(r.def.examples.filter((e) => e.expect === status).length, status).toBeGreaterThanOrEqual(2);
      expect(r.def.sources.every((s) => s.startsWith("https://"))).toBe(true);
    });
  }

  it("the CECOT pack encodes every fact id", () => {
    const ids = new Set(rules.map((r) => r.def.id));
    for (const id of FACT_IDS) expect(ids.has(id), id).toBe(true);
  });

  it("no two examples of a rule are identical", () => {
    for (const r of rules) expect(new Set(r.def.examples.map((e) => e.text)).size, r.def.id).toBe(r.def.examples.length);
  });
});
