// Cuts an article's text into pieces at every evidence boundary so each span can be marked in
// place. Offsets are UTF-16 code units (JavaScript string indices), the engine contract's unit.
// Pieces never nest, so overlapping spans cannot produce broken markup; the renderer escapes each piece.
import type { Evidence, VerdictStatus } from "../engine";

/**
 * "conflict": one of several values a consistency rule found disagreeing (no side is marked wrong).
 * "dismissed": a failing span editors labelled a false alarm (not counted, not to correct).
 */
export type Tone = "fail" | "conflict" | "review" | "quote" | "dismissed" | "pass";

export interface Note {
  /** 1-based footnote number, in text order. */
  n: number;
  rule: string;
  status: VerdictStatus;
  tone: Tone;
  evidence: Evidence;
  /** False when the stored offsets do not point at the stored quote (text changed since): listed, not marked. */
  located: boolean;
  /** For failures whose quote is a phrase: where the wrong value itself (`found`) sits, to emphasise it. */
  focus: { offset: number; length: number } | null;
}

export interface Piece {
  text: string;
  /** Notes covering this piece (empty: plain text). */
  notes: Note[];
  /** Notes whose span begins / ends at this piece (anchor and footnote reference placement). */
  starts: Note[];
  ends: Note[];
  /** True when this piece is the found value inside a failing phrase. */
  focus: boolean;
}

// Which style wins where spans overlap: an error in the outlet's own words matters most.
const RANK: Record<Tone, number> = { fail: 5, conflict: 4, review: 3, quote: 2, dismissed: 1, pass: 0 };

export function toneOf(status: VerdictStatus, evidence: Evidence, kind?: string): Tone {
  if (evidence.attribution === "quote") return "quote";
  if (status === "fail" && evidence.feedback === "false_alarm") return "dismissed";
  if (kind === "consistency" && status === "fail") return "conflict";
  if (status === "fail" || status === "error") return "fail";
  if (status === "review") return "review";
  return "pass";
}

export function strongest(notes: Note[]): Tone {
  return notes.reduce<Tone>((best, n) => (RANK[n.tone] > RANK[best] ? n.tone : best), "pass");
}

/** Numbers every evidence span in text order and checks it still points at its quote. */
export function collectNotes(
  text: string,
  verdicts: { rule: string; kind?: string; status: VerdictStatus; evidence: Evidence[] }[],
): Note[] {
  const raw = verdicts.flatMap((v) =>
    v.evidence.map((e) => {
      const located =
        Number.isInteger(e.offset) &&
        Number.isInteger(e.length) &&
        e.offset >= 0 &&
        e.length > 0 &&
        e.offset + e.length <= text.length &&
        text.slice(e.offset, e.offset + e.length) === e.quote;
      const tone = toneOf(v.status, e, v.kind);
      return {
        rule: v.rule,
        status: v.status,
        tone,
        evidence: e,
        located,
        focus: located && (tone === "fail" || tone === "review") ? focusOf(e) : null,
      };
    }),
  );
  raw.sort((a, b) => a.evidence.offset - b.evidence.offset || b.evidence.length - a.evidence.length || a.rule.localeCompare(b.rule));
  return raw.map((r, i) => ({ ...r, n: i + 1 }));
}

// `found` is normalised by the engine, so it is looked up case-insensitively; absent → no focus.
function focusOf(e: Evidence): Note["focus"] {
  if (!e.found || e.found.length >= e.quote.length) return null;
  const lower = e.quote.toLowerCase();
  if (lower.length !== e.quote.length) return null; // lower-casing changed lengths: offsets would drift
  const at = lower.indexOf(e.found.toLowerCase());
  return at < 0 ? null : { offset: e.offset + at, length: e.found.length };
}

/** Splits `text` into pieces at every located span's start and end. */
export function segment(text: string, notes: Note[]): Piece[] {
  const spans = notes.filter((n) => n.located);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.evidence.offset);
    cuts.add(s.evidence.offset + s.evidence.length);
    if (s.focus) {
      cuts.add(s.focus.offset);
      cuts.add(s.focus.offset + s.focus.length);
    }
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const covering = spans.filter((s) => s.evidence.offset <= from && s.evidence.offset + s.evidence.length >= to);
    pieces.push({
      text: text.slice(from, to),
      notes: covering,
      starts: covering.filter((s) => s.evidence.offset === from),
      ends: covering.filter((s) => s.evidence.offset + s.evidence.length === to),
      focus: covering.some((s) => s.focus !== null && s.focus.offset <= from && s.focus.offset + s.focus.length >= to),
    });
  }
  return pieces;
}
