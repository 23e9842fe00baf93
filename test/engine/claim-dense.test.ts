// Long, claim-dense articles: every check must stay (near) linear in the text, because the public
// endpoint accepts 1 MiB bodies. Each input below was quadratic once (seconds at 64 KB, minutes at
// 1 MiB); a regression shows up as a timeout here, and the verdicts must stay the small ones.
import { describe, expect, it } from "vitest";
import { checkArticle } from "../../src/engine";
import { packRuleset } from "./helpers";

const MIB = 1024 * 1024;
const NOW = new Date("2026-11-23T12:00:00Z");
const ruleset = packRuleset();
const fill = (unit: string, size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const check = (text: string) => checkArticle({ text, publishedAt: "2025-07-22" }, ruleset, { now: NOW });
const verdict = (r: ReturnType<typeof check>, rule: string) => r.verdicts.find((v) => v.rule === rule)!;

// Generous: the whole 1 MiB check takes about a second in Node; quadratic code took minutes.
const TIMEOUT = 20_000;

describe("claim-dense articles", () => {
  it("1 MiB of one repeated claim: one pass verdict, evidence capped, total in the message", { timeout: TIMEOUT }, () => {
    const r = check(fill("CECOT in El Salvador. ", MIB));
    expect(r.counts).toEqual({ pass: 1, fail: 0, not_applicable: 23, review: 0, error: 0 });
    const v = verdict(r, "cecot.country");
    expect(v.status).toBe("pass");
    expect(v.evidence).toHaveLength(20);
    expect(v.message).toMatch(/^\d+ spans found; the first 20 are listed$/);
    expect(Number(v.message!.split(" ")[0])).toBeGreaterThan(40_000);
    // The listed spans are the first ones, in order, and quote the text exactly.
    expect(v.evidence[0]!.offset).toBe(0);
    for (const e of v.evidence) expect(e.quote).toBe(r.text.slice(e.offset, e.offset + e.length));
    expect(v.evidence.map((e) => e.offset)).toEqual([...v.evidence.map((e) => e.offset)].sort((a, b) => a - b));
  });

  it("1 MiB mixing numbers, dates, names, titles and places: same verdicts as one copy", { timeout: TIMEOUT }, () => {
    const unit =
      "CECOT, a prison in Ecuador, held 252 Venezuelans released on July 18, 2025. " +
      "Former President Donald Trump met Senator Marco Rubio. " +
      "The Center for Migrant Care (CECOT) freed 253 men after 125 days for $6 million. " +
      "Los 252 venezolanos liberados del CECOT, el Centro de Confinamiento del Terrorismo, llegaron a Maiquetía el 18 de julio de 2025.\n";
    const one = check(unit);
    const big = check(fill(unit, MIB));
    expect(big.counts).toEqual(one.counts);
    for (const v of big.verdicts) {
      expect(v.status, v.rule).toBe(verdict(one, v.rule).status);
      expect(v.evidence.length, v.rule).toBeLessThanOrEqual(20);
    }
    expect(verdict(big, "cecot.country").status).toBe("fail");
    expect(verdict(big, "role.trump").status).toBe("fail");
    expect(verdict(big, "cecot.name").status).toBe("fail");
    // Consistency lists each distinct value once, not once per mention.
    const c = verdict(big, "consistency.release_count");
    expect(c.status).toBe("fail");
    expect(c.evidence[0]!.message!.length).toBeLessThan(200);
  });

  // Shapes that were quadratic through one specific path each; 256 KiB is plenty to time out.
  const shapes: Record<string, string> = {
    "a sentence that never ends (places scanned per subject)": "CECOT in El Salvador, ",
    "titles and names (role: every title hit per name)": "President Trump, President Trump, Senator Rubio, Minister Cabello ",
    "counts near their nouns (near / ignore_after scans)": "252 released 252 released 252 released Venezuelans CECOT ",
    "a chain of capitalised words (name expansions)": "CECOT the CECOT the Terrorism Confinement Center the ",
    "straight apostrophes that never close (quotes)": "CECOT released 'a 'b 'c 'd ",
    "a digit list (number separators)": `Venezuelans released from CECOT in El Salvador ${"1,2,3,4,5,6,7,8,9,0,".repeat(300)}. `,
    "dates in one long sentence (dates × numbers)":
      "Venezuelans released from CECOT in El Salvador, July 18, 2025, July 2025, 18 de julio, in 2025, ",
  };
  for (const [name, unit] of Object.entries(shapes)) {
    it(`256 KiB: ${name}`, { timeout: TIMEOUT }, () => {
      const r = check(fill(unit, 256 * 1024));
      expect(r.counts.error).toBe(0);
      for (const v of r.verdicts) expect(v.evidence.length).toBeLessThanOrEqual(20);
    });
  }

  it("256 KiB of HTML with bare ampersands (entity decoding)", { timeout: TIMEOUT }, () => {
    const r = checkArticle({ html: `<p>${fill("CECOT & El Salvador ", 256 * 1024)}</p>`, publishedAt: null }, ruleset, { now: NOW });
    expect(r.text.startsWith("CECOT & El Salvador")).toBe(true);
    expect(r.counts.error).toBe(0);
  });
});
