import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../../src/engine/text/html";

describe("htmlToText", () => {
  it("keeps paragraphs and drops inline tags", () => {
    const html = `<h1>CECOT</h1><p>The <b>252</b> men were <a href="/x?a=1&amp;b=2">released</a>.</p>\n<p>They   landed\n in <em>Maiquetía</em>.</p>`;
    expect(htmlToText(html)).toBe("CECOT\n\nThe 252 men were released.\n\nThey landed in Maiquetía.");
  });

  it("drops script, style, head and comments", () => {
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body><!-- note --><script>var a = "<p>x</p>";</script><p>Text</p></body></html>`;
    expect(htmlToText(html)).toBe("Text");
  });

  it("turns <br> into a line break and list items into paragraphs", () => {
    expect(htmlToText("<p>One<br>Two<br/>Three</p><ul><li>A</li><li>B</li></ul>")).toBe("One\nTwo\nThree\n\nA\n\nB");
  });

  it("decodes named and numeric entities", () => {
    expect(htmlToText("<p>&ldquo;Hola&rdquo; &ntilde; &#233; &#x1F4D1; &euro;5 &hellip; &#146;</p>")).toBe("“Hola” ñ é 📑 €5 … ’");
    expect(decodeEntities("AT&T &unknown; &amp;")).toBe("AT&T &unknown; &");
  });

  it("does not treat attribute contents or stray < as tags", () => {
    expect(htmlToText(`<p title="a > b">x < y</p>`)).toBe("x < y");
  });
});
