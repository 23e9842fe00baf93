// Hard-wrapped plain text (a PDF's text layer, an e-mail, wire copy at 70 columns) breaks lines in
// the middle of sentences; the segmenter ends a sentence at every line break. A break after a long
// line and before a lower-case word is a wrap, not a line of its own: checkArticle reads it as a
// space (same length, so every offset holds; results and quotes keep the text as sent).

/** Shortest line (trimmed) whose break can be a wrap: headlines, bullets and table rows are shorter or start upper-case. */
const MIN_WRAPPED_LINE = 40;

export function unwrapSoftBreaks(text: string): string {
  if (!text.includes("\n")) return text;
  let out: string[] | null = null;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    const end = i > 0 && text[i - 1] === "\r" ? i - 1 : i;
    const line = text.slice(lineStart, end).trim();
    // (An indented continuation counts: a wrapped bullet's next line starts with spaces.)
    let k = i + 1;
    while (text[k] === " " || text[k] === "\t") k++;
    const next = text[k];
    if (line.length >= MIN_WRAPPED_LINE && next !== undefined && /\p{Ll}/u.test(next)) {
      out ??= text.split("");
      out[i] = " ";
      if (end < i) out[end] = " ";
    }
    lineStart = i + 1;
  }
  return out ? out.join("") : text;
}
