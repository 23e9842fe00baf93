// Hostile or broken input on the webhook routes: nothing to score, rich text nested thousands deep,
// invalid UTF-8 and lone surrogates. Each is refused with the JSON error shape, or made safe, and
// never overwrites a stored article's text.
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { consume, count } from "./fixtures/webhooks/consume";
import { lifecycles } from "./fixtures/webhooks/lifecycle";
import { deliver, PROVIDERS, type ProviderName, send, sign } from "./fixtures/webhooks/sign";

const AT = Date.parse("2025-07-21T10:00:00Z");

/** The provider's publish payload with its body field emptied, and the field name the 422 must give. */
const EMPTY: Record<ProviderName, [(p: any) => void, string]> = {
  ghost: [(p) => ((p.post.current.html = null), (p.post.current.plaintext = null)), "post.current.html"],
  sanity: [(p) => delete p.body, "body"],
  contentful: [(p) => delete p.fields.body, "fields.body"],
  strapi: [(p) => delete p.entry.content, "entry.content"],
  wordpress: [(p) => (p.post.post_content = "<p> </p>"), "post.post_content"],
  standard: [(p) => delete p.data.text, "data.text"],
};

async function errorOf(res: Response) {
  return { status: res.status, ...((await res.json()) as { error: { code: string; message: string } }) };
}

describe.each(PROVIDERS)("%s: a publish with nothing to score", (provider) => {
  it("→ 422 naming the missing field; the stored text stays", async () => {
    const id = `${provider}-empty`;
    const ev = lifecycles[provider].publish(id, AT, "Stored text that must survive.");
    const ok = await send(provider, ev.payload, ev.o);
    expect(ok.status).toBe(202);
    await consume({ type: "delivery", deliveryId: ((await ok.json()) as { delivery_id: string }).delivery_id });

    const [empty, field] = EMPTY[provider];
    const later = lifecycles[provider].publish(id, AT + 60_000, "ignored");
    empty(later.payload);
    const deliveries = await count("deliveries");
    const refused = await errorOf(await send(provider, later.payload, later.o));
    expect(refused).toMatchObject({ status: 422, error: { code: "validation_failed", message: expect.stringContaining(field) } });
    expect(await count("deliveries")).toBe(deliveries);
    const externalId = provider === "strapi" ? `article:${id}` : id;
    const row = await env.DB.prepare("SELECT text FROM articles WHERE source = ? AND external_id = ?")
      .bind(provider, externalId)
      .first<{ text: string }>();
    expect(row!.text).toContain("Stored text that must survive.");
  });
});

/** `depth` nested nodes around one text leaf, built as a string (no recursion on our side either). */
function nested(open: string, close: string, leaf: string, depth: number): string {
  return open.repeat(depth) + leaf + close.repeat(depth);
}

describe("payload trees are walked without recursion, with a depth cap", () => {
  it("contentful Rich Text nested 5,000 deep → 422, not a 500", async () => {
    const doc = nested('{"nodeType":"paragraph","content":[', "]}", '{"nodeType":"text","value":"deep"}', 5000);
    const body = `{"sys":{"id":"cf-deep","type":"Entry","publishedAt":"2025-07-21T10:00:00Z"},"fields":{"body":{"en-US":{"nodeType":"document","content":[${doc}]}}}}`;
    const refused = await errorOf(await deliver("contentful", body, await sign("contentful", body)));
    expect(refused).toMatchObject({
      status: 422,
      error: { code: "validation_failed", message: expect.stringMatching(/fields\.body.*deeper than \d+/) },
    });
  });

  it("strapi blocks nested 5,000 deep → 422; 20 deep is fine", async () => {
    const deep = nested('{"type":"list","children":[', "]}", '{"type":"text","text":"deep"}', 5000);
    const body = `{"event":"entry.publish","model":"article","entry":{"id":1,"documentId":"strapi-deep","content":[${deep}]}}`;
    expect(await errorOf(await deliver("strapi", body, await sign("strapi", body)))).toMatchObject({
      status: 422,
      error: { message: expect.stringContaining("entry.content") },
    });
    const ok = `{"event":"entry.publish","model":"article","entry":{"id":1,"documentId":"strapi-20","content":[${nested('{"type":"list","children":[', "]}", '{"type":"text","text":"Twenty deep."}', 20)}]}}`;
    expect((await deliver("strapi", ok, await sign("strapi", ok))).status).toBe(202);
  });

  it("hostile node shapes (null, numbers, arrays as nodes) are skipped, not a 500", async () => {
    const body = `{"event":"entry.publish","model":"article","entry":{"id":1,"documentId":"strapi-odd","content":[null,7,[1],{"type":"paragraph","children":[null,{"type":"text","text":"Odd but fine."}]}]}}`;
    expect((await deliver("strapi", body, await sign("strapi", body))).status).toBe(202);
  });
});

describe("text encoding", () => {
  it("a body that is not valid UTF-8 → 400 invalid_json, nothing stored", async () => {
    const json = new TextEncoder().encode(
      '{"event":"entry.publish","model":"article","entry":{"id":1,"documentId":"strapi-latin1","content":"Maiqueti? airport"}}',
    );
    json[json.indexOf(0x3f)] = 0xed; // a lone Latin-1 "í" byte
    const deliveries = await count("deliveries");
    const res = await exports.default.fetch("https://harness.test/v1/webhooks/strapi", {
      method: "POST",
      headers: await sign("strapi", ""),
      body: json,
    });
    expect(await errorOf(res)).toMatchObject({ status: 400, error: { code: "invalid_json", message: expect.stringContaining("UTF-8") } });
    expect(await count("deliveries")).toBe(deliveries);
  });

  it("two distinct ids with lone surrogates are both refused (422), never merged into one article", async () => {
    for (const id of ["\\ud800", "\\ud801"]) {
      const body = `{"type":"article.published","data":{"id":"cecot-${id}","text":"Some text."}}`;
      expect(await errorOf(await deliver("standard", body, await sign("standard", body)))).toMatchObject({
        status: 422,
        error: { message: expect.stringContaining("surrogate") },
      });
    }
  });

  it("a lone surrogate in the text becomes U+FFFD in place, so stored offsets keep their length", async () => {
    const body = '{"type":"article.published","data":{"id":"std-surrogate","text":"Before \\udc00 after: 252 Venezuelans."}}';
    const res = await deliver("standard", body, await sign("standard", body));
    expect(res.status).toBe(202);
    await consume({ type: "delivery", deliveryId: ((await res.json()) as { delivery_id: string }).delivery_id });
    const row = await env.DB.prepare("SELECT text FROM articles WHERE source = 'standard' AND external_id = 'std-surrogate'").first<{
      text: string;
    }>();
    expect(row!.text).toBe("Before \uFFFD after: 252 Venezuelans.");
  });
});
