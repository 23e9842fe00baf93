// The stored article text with every located evidence span marked in place. Each mark carries a
// shape (CSS icon) and hidden text naming what it is, so nothing depends on colour or hover.
import type { RuleSummary } from "../engine";
import { segment, strongest, type Note, type Tone } from "../lib/highlight";

/** What each highlight means, in words (screen readers, the legend, the lists). */
export const TONE_LABEL: Record<Tone, string> = {
  fail: "wrong",
  conflict: "conflicting value",
  review: "to review",
  quote: "inside a quotation",
  dismissed: "dismissed as a false alarm",
  pass: "checked, correct",
};

export function ArticleText(props: { text: string; notes: Note[]; rules: ReadonlyMap<string, RuleSummary>; language?: string | null }) {
  return (
    <article class="text" lang={props.language ?? undefined} aria-label="Article text with findings marked">
      {segment(props.text, props.notes).map((piece) => {
        if (piece.notes.length === 0) return piece.text;
        const tone = strongest(piece.notes);
        return (
          <mark
            class={`t-${tone}${piece.focus ? " found" : ""}${piece.starts.length > 0 ? " start" : ""}`}
            id={piece.starts[0] ? `m-${piece.starts[0].n}` : undefined}
            data-rules={[...new Set(piece.notes.map((n) => n.rule))].join(" ")}
          >
            {piece.starts.length > 0 && <span class="sr">{`[${TONE_LABEL[tone]}: `}</span>}
            {piece.text}
            {piece.ends.length > 0 && <span class="sr">]</span>}
            {piece.ends.length > 0 && (
              <sup>
                {piece.ends.map((n) => (
                  <a href={`#ev-${n.n}`} aria-label={`finding ${n.n}: ${TONE_LABEL[n.tone]}, ${n.rule}`}>
                    {n.n}
                  </a>
                ))}
              </sup>
            )}
          </mark>
        );
      })}
    </article>
  );
}

export function Legend() {
  return (
    <ul class="legend" aria-label="What the marks in the text mean">
      {(["fail", "conflict", "review", "quote", "dismissed", "pass"] as const).map((t) => (
        <li>
          <mark class={`t-${t} start`}>{TONE_LABEL[t]}</mark>
        </li>
      ))}
    </ul>
  );
}
