// Markdown to plain text with paragraphs kept, through markdown-it's token stream (CommonMark +
// GFM tables and strikethrough). The text is what a reader sees once the Markdown is rendered: the
// same shape htmlToText gives for the rendered HTML, so "**CECOT** in *Ecuador*" reads "CECOT in Ecuador".
//
// - Paragraphs, headings, list items, table rows and code blocks each become a paragraph ("\n\n").
// - Emphasis, strong, strikethrough, links and code spans are reduced to their text; images and
//   link reference definitions are dropped (as htmlToText drops <img>); character references are decoded.
// - Soft line breaks read as a space (as rendered); hard breaks ("  \n", "\\\n", <br>) as "\n".
// - Table cells are separated by a space, each row its own paragraph (as htmlToText does for <tr>).
// - Code blocks are KEPT, one line per source line: a fact typed in a code block (a data listing, a
//   pasted indented paragraph) is still published, and dropping it would hide its errors.
// - YAML front matter (between "---" lines at the very start) is metadata, not text: returned apart.
import MarkdownIt, { type Token } from "markdown-it";
import { parse as parseYaml } from "yaml";
import { htmlToText } from "./html";

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

// HTML blocks are recognised (and reduced by htmlToText) rather than read as literal text.
// maxNesting: past it markdown-it drops the rest of the document; flatten() keeps every document
// well under it (≤ 16 container markers a line, ≤ 128 columns of indentation ≈ 64 list levels).
const parser = new MarkdownIt("default", { html: true, linkify: false, typographer: false, maxNesting: 256 });

export function markdownToText(md: string): MarkdownText {
  const { body, frontMatter } = splitFrontMatter(md);
  const paragraphs: string[] = [];
  try {
    blocks(parser.parse(flatten(body), {}), paragraphs);
  } catch {
    // Should some input still defeat the parser, judge the document as plain text rather than fail the request.
    return {
      text: body
        .split(/\n[ \t]*\n/)
        .map((p) => tidy(p.replace(/\n/g, " ")))
        .filter(Boolean)
        .join("\n\n"),
      frontMatter,
    };
  }
  return { text: paragraphs.join("\n\n"), frontMatter };
}

/** Nesting the parser handles: deeper quotes, lists and emphasis only restate markup, never text. */
const MAX_DEPTH = 16;
// A line's container markers: ">", "-", "*", "+", "1." / "1)" before a space.
const CONTAINERS = /^(?:[ \t]*(?:>|(?:[-*+]|\d{1,9}[.)])(?=[ \t])))+/gm;
const MARKER = />|[-*+]|\d{1,9}[.)]/g;

/**
 * Caps nesting before parsing, so the parser never reaches its maxNesting (where it would drop the
 * rest of the document and hide its text from the rules) nor recurses deeply. Ordinary documents
 * are returned unchanged.
 */
function flatten(md: string): string {
  return md
    .replace(CONTAINERS, (prefix) => {
      const markers = prefix.match(MARKER) ?? [];
      if (markers.length <= MAX_DEPTH && prefix.length <= 8 * MAX_DEPTH) return prefix;
      return `${markers.slice(0, MAX_DEPTH).join(" ")} `;
    })
    .replace(/^[ \t]{129,}/gm, " ".repeat(128))
    .replace(/([*_~])\1{32,}/g, (run) => run.slice(0, 32));
}

function push(out: string[], s: string): void {
  if (s) out.push(s);
}

function blocks(tokens: readonly Token[], out: string[]): void {
  let row: string[] | null = null;
  for (const t of tokens) {
    switch (t.type) {
      case "inline":
        // A paragraph's or heading's content, a tight list item's text, or one table cell.
        if (row) row.push(inline(t.children ?? []));
        else push(out, tidy(inline(t.children ?? [])));
        break;
      case "tr_open":
        row = [];
        break;
      case "tr_close":
        push(out, tidy((row ?? []).join(" ")));
        row = null;
        break;
      case "fence":
      case "code_block":
        push(out, tidy(t.content.replace(/\r?\n/g, HARD)));
        break;
      case "html_block":
        push(out, htmlToText(t.content));
        break;
    }
  }
}

function inline(tokens: readonly Token[]): string {
  let s = "";
  for (const t of tokens) {
    switch (t.type) {
      case "text":
      case "text_special":
      case "code_inline":
        s += t.content.replaceAll(HARD, "");
        break;
      case "softbreak":
        s += " ";
        break;
      case "hardbreak":
        s += HARD;
        break;
      case "html_inline":
        // Inline markup vanishes; a <br> is a line break.
        if (/^<br\b/i.test(t.content)) s += HARD;
        break;
      case "image":
        break;
      default:
        // Emphasis, strong, strikethrough and link open/close tokens carry no text; an extension's
        // token with children keeps them.
        if (t.children) s += inline(t.children);
    }
  }
  return s;
}

/** Whitespace collapsed inside each line (soft breaks become spaces); hard breaks become "\n". */
function tidy(s: string): string {
  return s
    .split(HARD)
    .map((l) => l.replace(/[ \t\n\r\f\u00A0]+/g, " ").trim())
    .filter((l) => l.length > 0)
    .join("\n");
}
