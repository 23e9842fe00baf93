// Hard-wrapped plain text (a PDF's text layer, an e-mail, wire copy at 70 columns) breaks lines in
// the middle of sentences; the segmenter ends a sentence at every line break. A break after a long
// line and before a lower-case word is a wrap, not a line of its own: checkArticle reads it as a
// space (same length, so every offset holds; results and quotes keep the text as sent).

/** Shortest line (trimmed) whose break can be a wrap: headlines, bullets and table rows are shorter or start upper-case. */
const MIN_WRAPPED_LINE = 40;

const COLUMNS = /\S(?: {2,}|\t)\S/;

/** Lines at most this long may be a hard-wrapped text's lines (e-mail and PDF columns are 60–100 wide). */
const MAX_COLUMN = 100;

/**
 * The column a hard-wrapped text is wrapped at, or Infinity when it is not one: at least five lines
 * of 60 to MAX_COLUMN characters, most of its long lines.
 */
function wrapColumn(text: string): number {
  let wrapped = 0;
  let long = 0;
  let width = 0;
  for (let from = 0; from < text.length;) {
    let to = text.indexOf("\n", from);
    if (to < 0) to = text.length;
    const n = text.slice(from, to).trim().length;
    if (n >= 60) {
      long++;
      if (n <= MAX_COLUMN) {
        wrapped++;
        width = Math.max(width, n);
      }
    }
    from = to + 1;
  }
  return wrapped >= 5 && wrapped * 10 >= long * 6 ? width : Infinity;
}

export function unwrapSoftBreaks(text: string): string {
  if (!text.includes("\n")) return text;
  // In a hard-wrapped text, a line that fills the column and ends mid-phrase wraps even before an
  // upper-case word ("invoked the Alien Enemies\nAct of 1789", "the\nCentro Especial de …").
  const column = wrapColumn(text);
  let out: string[] | null = null;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    const end = i > 0 && text[i - 1] === "\r" ? i - 1 : i;
    const line = text.slice(lineStart, end).trim();
    // (An indented continuation counts: a wrapped bullet's next line starts with spaces.)
    let k = i + 1;
    while (text[k] === " " || text[k] === "\t") k++;
    const next = text[k];
    const lower = next !== undefined && /\p{Ll}/u.test(next);
    // (Not a table's row: columns are set apart by runs of spaces.)
    const filled =
      line.length >= column - 15 && /[\p{L}\p{N},]$/u.test(line) && next !== undefined && /\p{Lu}/u.test(next) && !COLUMNS.test(line);
    if (line.length >= MIN_WRAPPED_LINE && (lower || filled)) {
      out ??= text.split("");
      out[i] = " ";
      if (end < i) out[end] = " ";
    }
    lineStart = i + 1;
  }
  return out ? out.join("") : text;
}
