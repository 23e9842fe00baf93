// GET /v1/corrections: active articles whose latest run fails, oldest failure first, with the
// failing claims, quotes (offsets into the stored text) and suggested replacements.
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { call, callJson, READ } from "./fixtures/api";
import { phraseRule, resetArchive, ruleset, storeArticle } from "./fixtures/audits";

const rules = ruleset(phraseRule("audit.city", "San Salvadr", "San Salvador"), phraseRule("audit.prison", "CECOTT", "CECOT"));
const day = (d: number) => ({ now: new Date(Date.UTC(2026, 10, d)) });

beforeEach(resetArchive);

describe("GET /v1/corrections", () => {
  it("lists failing active articles, oldest failure first, with claims, quotes and replacements", async () => {
    const newer = await storeArticle("newer", "Inmates reached CECOTT on Friday.", rules, day(10));
    const older = await storeArticle("older", "Flights landed in San Salvadr; Nicolás saw CECOTT.", rules, day(5));
    await storeArticle("older", "Flights landed in San Salvadr; Nicolás saw CECOTT.", rules, day(8)); // still failing: keeps its first date
    const fixedLater = await storeArticle("fixed", "It is in San Salvadr.", rules, day(3));
    await storeArticle("fixed", "It is in San Salvador.", rules, day(4));
    const withdrawn = await storeArticle("gone", "CECOTT again.", rules, day(1));
    await env.DB.prepare("UPDATE articles SET status = 'withdrawn' WHERE id = ?").bind(withdrawn.articleId).run();

    const page = await callJson("/v1/corrections", { token: READ, status: 200 });
    expect(page.items.map((i: any) => i.article.id)).toEqual([older.articleId, newer.articleId]);
    expect(page.items.map((i: any) => i.article.id)).not.toContain(fixedLater.articleId);
    const first = page.items[0];
    expect(first.failing_since).toBe(day(5).now.toISOString());
    expect(first.failing.map((f: any) => f.rule)).toEqual(["audit.city", "audit.prison"]);
    const text = "Flights landed in San Salvadr; Nicolás saw CECOTT.";
    for (const f of first.failing) {
      expect(f.claim).toBeNull(); // claims come from the deployed rules; these test rules are not deployed
      for (const q of f.quotes) expect(text.slice(q.offset, q.offset + q.length)).toBe(q.quote);
    }
    expect(first.failing[0].quotes[0]).toMatchObject({ quote: "San Salvadr", replacements: ["San Salvador"] });
    expect(first.failing[1].quotes[0]).toMatchObject({ quote: "CECOTT", replacements: ["CECOT"] });

    const paged = await callJson("/v1/corrections?limit=1", { status: 200 });
    expect(paged.items.map((i: any) => i.article.id)).toEqual([older.articleId]);
    const rest = await callJson(`/v1/corrections?limit=1&cursor=${paged.next_cursor}`, { status: 200 });
    expect(rest).toMatchObject({ items: [{ article: { id: newer.articleId } }], next_cursor: null });
    const byRule = await callJson("/v1/corrections?rule=audit.city", { status: 200 });
    expect(byRule.items.map((i: any) => i.article.id)).toEqual([older.articleId]);
  });

  it("refuses unknown parameters and bad limits with 400 JSON", async () => {
    for (const q of ["limit=500", "sort=new", "cursor=%%%"]) {
      const res = await call(`/v1/corrections?${q}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as any).error.code).toBe("validation_failed");
    }
  });
});
