// Markdown to plain text with paragraphs kept, through marked's lexer (CommonMark + GFM tables).
// The text is what a reader sees once the Markdown is rendered: the same shape htmlToText gives
// for the rendered HTML, so "**CECOT** in *Ecuador*" reads "CECOT in Ecuador".
//
// - Paragraphs, headings, list items, table rows and code blocks each become a paragraph ("\n\n").
// - Emphasis, strong, strikethrough, links and code spans are reduced to their text; images and
//   link reference definitions are dropped (as htmlToText drops <img>); character references are decoded.
// - Soft line breaks read as a space (as rendered); hard breaks ("  \n", "\\\n", <br>) as "\n".
// - Table cells are separated by a space, each row its own paragraph (as htmlToText does for <tr>).
// - Code blocks are KEPT, one line per source line: a fact typed in a code block (a data listing, a
//   pasted indented paragraph) is still published, and dropping it would hide its errors.
// - YAML front matter (between "---" lines at the very start) is metadata, not text: returned apart.
import { Lexer, type Token, type Tokens } from "marked";
import { parse as parseYaml } from "yaml";
import { decodeEntities, htmlToText } from "./html";

export interface MarkdownText {
  text: string;
  /** The parsed front matter when the document starts with a YAML map between "---" lines, else null. */
  frontMatter: Record<string, unknown> | null;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Splits off YAML front matter. A block that is not a YAML map of identifier keys (or does not parse) is left as text. */
export function splitFrontMatter(md: string): { body: string; frontMatter: Record<string, unknown> | null } {
  const m = FRONT_MATTER.exec(md);
  if (!m) return { body: md, frontMatter: null };
  let data: unknown;
  try {
    data = parseYaml(m[1]!, { maxAliasCount: 50 });
  } catch {
    return { body: md, frontMatter: null };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { body: md, frontMatter: null };
  // Front matter keys are identifiers: "CECOT is in Ecuador: a report" between two rules is prose.
  if (!Object.keys(data).every((k) => /^[A-Za-z_][\w.-]*$/.test(k))) return { body: md, frontMatter: null };
  return { body: md.slice(m[0].length), frontMatter: data as Record<string, unknown> };
}

// A hard line break inside a paragraph, kept apart from soft breaks until tidy().
const HARD = "\u0001";

export function markdownToText(md: string): MarkdownText {
  const { body, frontMatter } = splitFrontMatter(md);
  const paragraphs: string[] = [];
  blocks(new Lexer({ gfm: true }).lex(body), paragraphs);
  return { text: paragraphs.join("\n\n"), frontMatter };
}

function push(out: string[], s: string): void {
  if (s) out.push(s);
}

function blocks(tokens: readonly Token[], out: string[]): void {
  for (const t of tokens) {
    const tok = t as Tokens.Generic;
    switch (t.type) {
      case "space":
      case "hr":
      case "def":
        break;
      case "paragraph":
      case "heading":
      case "text": // a tight list item's text
        push(out, tidy(inline(tok.tokens ?? [t])));
        break;
      case "blockquote":
        blocks((t as Tokens.Blockquote).tokens, out);
        break;
      case "list":
        for (const item of (t as Tokens.List).items) blocks(item.tokens, out);
        break;
      case "table": {
        const table = t as Tokens.Table;
        for (const row of [table.header, ...table.rows]) push(out, tidy(row.map((cell) => inline(cell.tokens)).join(" ")));
        break;
      }
      case "code":
        push(out, tidy((t as Tokens.Code).text.replace(/\r?\n/g, HARD)));
        break;
      case "html": {
        const html = htmlToText(tok.text as string);
        if (html) out.push(html);
        break;
      }
      default:
        // A token type this walker does not know (an extension's): keep its text rather than lose it.
        if (tok.tokens) blocks(tok.tokens, out);
        else if (typeof tok.text === "string") push(out, tidy(decode(tok.text)));
    }
  }
}

function inline(tokens: readonly Token[]): string {
  let s = "";
  for (const t of tokens) {
    const tok = t as Tokens.Generic;
    switch (t.type) {
      case "text":
        s += tok.tokens ? inline(tok.tokens) : decode(tok.text as string);
        break;
      case "escape":
      case "codespan":
        s += (tok.text as string).replace(/[\u0000\u0001]/g, "");
        break;
      case "link": {
        // An autolink's text is literal (no character references to decode).
        const link = t as Tokens.Link;
        s += link.autolink ? link.text : inline(link.tokens);
        break;
      }
      case "br":
        s += HARD;
        break;
      case "html":
        // Inline markup vanishes; a <br> is a line break.
        if (/^<br\b/i.test(tok.text as string)) s += HARD;
        break;
      case "image":
      case "checkbox":
        break;
      default:
        if (tok.tokens) s += inline(tok.tokens);
        else if (typeof tok.text === "string") s += decode(tok.text);
    }
  }
  return s;
}

function decode(s: string): string {
  return decodeEntities(s.replace(/[\u0000\u0001]/g, ""));
}

/** Whitespace collapsed inside each line (soft breaks become spaces); hard breaks become "\n". */
function tidy(s: string): string {
  return s
    .split(HARD)
    .map((l) => l.replace(/[ \t\n\r\f\u00A0]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}
