// Home as a triage queue, the corrections page and "since yesterday", against real D1.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../src/storage/db";
import { parseCursor } from "../../src/storage/queries-page";
import { listTriage } from "../../src/storage/triage";
import { evidence, fetchPage, login, storeArticle, verdict, visibleText } from "./fixtures/ui";

const FAIL_TEXT = "CECOT is a prison in Ecuador.";
const wrong = () =>
  verdict("cecot.country", "fail", [
    evidence(FAIL_TEXT, "a prison in Ecuador", {
      found: "Ecuador",
      expected: "El Salvador",
      replacements: ["a prison in El Salvador"],
      message: "places it in Ecuador; it is in El Salvador",
    }),
  ]);
const ok = (text: string) => verdict("cecot.country", "pass", [evidence(text, "CECOT")]);
const ids: Record<string, string> = {};

async function store(key: string, publishedAt: string, failing: boolean, extra: ReturnType<typeof verdict>[] = []) {
  const text = failing ? FAIL_TEXT : "CECOT is in El Salvador.";
  ids[key] = (
    await storeArticle({ externalId: key, title: `Story ${key}`, text, publishedAt, verdicts: [failing ? wrong() : ok(text), ...extra] })
  ).articleId;
}

/** Moves every run of an article (and its check time) back by days, as if checked then. */
async function age(key: string, days: number) {
  const at = new Date(Date.now() - days * 86_400_000).toISOString();
  await env.DB.batch([
    env.DB.prepare("UPDATE runs SET created_at = ? WHERE article_id = ?").bind(at, ids[key]),
    env.DB.prepare(
      "UPDATE articles SET last_checked_at = ?1, failing_since = CASE WHEN failing_since IS NULL THEN NULL ELSE ?1 END WHERE id = ?2",
    ).bind(at, ids[key]),
  ]);
}

beforeAll(async () => {
  await store("pass-new", "2025-07-25", false);
  await store("fail-old", "2025-07-10", true);
  await store("fail-new", "2025-07-15", true);
  await store("review", "2025-07-20", false, [
    verdict("disputed.criminal_records", "review", [
      evidence("CECOT is in El Salvador.", "CECOT is in El Salvador", { message: "figures conflict between sources" }),
    ]),
  ]);
  // Checked three days ago, then again now: a regression and a fix.
  await store("regressed", "2025-07-01", false);
  await age("regressed", 3);
  await store("regressed", "2025-07-01", true);
  await store("fixed", "2025-07-02", true);
  await age("fixed", 3);
  await store("fixed", "2025-07-02", false);
  // Failing for days, unchanged since: not news this morning.
  await store("stale", "2025-06-01", true);
  await age("stale", 3);
});

const cookie = () => login(env.READ_TOKEN);
const order = (html: string) => [...html.matchAll(/Story ([\w-]+)<\/a>/g)].map((m) => m[1]);

describe("home as a triage queue", () => {
  it("puts failing first, then to review, then passing, newest published first in each group", async () => {
    const html = await (await fetchPage("/", { cookie: await cookie() })).text();
    expect(order(html)).toEqual(["fail-new", "fail-old", "regressed", "stale", "review", "pass-new", "fixed"]);
    expect(visibleText(html)).toMatch(/Failing: fix before publishing[\s\S]*To review[\s\S]*Passing/);
  });

  it("shows the flagged wording and a plain-language reason on each row that needs attention", async () => {
    const html = visibleText(await (await fetchPage("/", { cookie: await cookie() })).text());
    expect(html).toContain("a prison in Ecuador: places it in Ecuador; it is in El Salvador (cecot.country)");
    expect(html).toContain("CECOT is in El Salvador: figures conflict between sources (disputed.criminal_records)");
  });

  it("pages through the same order one row at a time", async () => {
    const db = getDb(env.DB);
    const full = (await listTriage(db, {}, { limit: 50 })).items.map((r) => r.external_id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof listTriage>> = await listTriage(
        db,
        {},
        { limit: 2, cursor: cursor ? parseCursor(cursor) : null },
      );
      paged.push(...page.items.map((r) => r.external_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(paged).toEqual(full);
    expect(full).toHaveLength(7);
  });
});

describe("/corrections", () => {
  it("lists the failing articles, longest-failing first, with each correction struck and inserted", async () => {
    const res = await fetchPage("/corrections", { cookie: await cookie() });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(order(html)).toEqual(["stale", "fail-old", "fail-new", "regressed"]);
    expect(html).toContain(
      'a prison in <del><span class="sr">remove: </span>Ecuador</del><ins><span class="sr">insert: </span>El Salvador</ins>',
    );
    expect((await fetchPage("/corrections?cursor=nonsense", { cookie: await cookie() })).status).toBe(400);
  });
});

describe("/audits", () => {
  it("says how many articles fail now, not only how many an audit re-scored", async () => {
    expect(visibleText(await (await fetchPage("/audits", { cookie: await cookie() })).text())).toContain("4 active articles fail now");
  });
});

describe("/since", () => {
  it("lists new failures, regressions and fixes of the last 24 hours, not what has failed for days", async () => {
    const html = await (await fetchPage("/since", { cookie: await cookie() })).text();
    const section = (id: string) =>
      order(html.slice(html.indexOf(`<h2 id="${id}"`), html.indexOf("</section>", html.indexOf(`<h2 id="${id}"`))));
    expect(section("new_failure").sort()).toEqual(["fail-new", "fail-old"]);
    expect(section("regression")).toEqual(["regressed"]);
    expect(section("fixed")).toEqual(["fixed"]);
    expect(html).not.toContain("Story stale");
  });

  it("widens the window on request and refuses a bad one", async () => {
    const week = await (await fetchPage("/since?hours=168", { cookie: await cookie() })).text();
    expect(order(week)).toContain("stale");
    expect((await fetchPage("/since?hours=0", { cookie: await cookie() })).status).toBe(400);
  });
});
