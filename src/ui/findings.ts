// What an editor acts on, derived from the latest run's verdicts: failures grouped by rule with
// each sentence rewritten by the suggestion, conflicts between values shown as a set (never as a
// failure of one side), things to review, failures inside quotations, and the passes.
import type { Evidence, Severity, VerdictStatus } from "../engine";
import { splitSentences, type Sentence } from "../engine/text/segment";
import type { Note } from "../lib/highlight";

export interface VerdictLike {
  rule: string;
  kind: string;
  status: VerdictStatus;
  severity: Severity;
  evidence: Evidence[];
  message: string | null;
  /** A fail editors dismissed (every span a false alarm). */
  dismissed?: boolean;
}

/** The sentence around a finding, cut where the suggestion changes it. */
export interface Rewrite {
  before: string;
  /** Struck-through text ("" when the suggestion only inserts). */
  old: string;
  /** Inserted text; null when there is no suggestion (only the quote is shown, emphasised). */
  new: string | null;
  after: string;
}

export interface Occurrence {
  note: Note;
  rewrite: Rewrite;
}

export interface FixGroup {
  rule: string;
  severity: Severity;
  /** "fix": the wording contradicts the rule. "conflict": the article disagrees with itself. */
  type: "fix" | "conflict";
  why: string | null;
  occurrences: Occurrence[];
  /** For conflicts: each distinct value and where it is stated. */
  values: { value: string; occurrences: Occurrence[] }[];
}

export interface Findings {
  fixes: FixGroup[];
  /** Fails editors dismissed as false alarms: shown apart, not "to fix". */
  dismissed: FixGroup[];
  review: Occurrence[];
  /** Failures only inside direct quotations: not counted in the score. */
  quoted: Occurrence[];
  passes: Occurrence[];
  /** Verdicts needing attention that point at no span (e.g. a rule error). */
  unplaced: VerdictLike[];
}

const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, major: 1, minor: 2 };
const SENTENCE_MAX = 320;

/** Groups the notes of one run for the article page. */
export function buildFindings(text: string, verdicts: VerdictLike[], notes: Note[]): Findings {
  const sentences = splitSentences(text);
  const byKey = new Map<string, Note>();
  for (const n of notes) byKey.set(noteKey(n.rule, n.evidence), n);
  const occ = (v: VerdictLike, e: Evidence): Occurrence => {
    const note = byKey.get(noteKey(v.rule, e))!;
    return { note, rewrite: rewrite(text, sentences, note) };
  };

  const fixes: FixGroup[] = [];
  const dismissed: FixGroup[] = [];
  const review: Occurrence[] = [];
  const quoted: Occurrence[] = [];
  const passes: Occurrence[] = [];
  const unplaced: VerdictLike[] = [];
  for (const v of verdicts) {
    if (v.status === "not_applicable") continue;
    if (v.evidence.length === 0) {
      if (v.status !== "pass") unplaced.push(v);
      continue;
    }
    const all = v.evidence.map((e) => occ(v, e));
    if (v.status === "pass") passes.push(...all);
    else if (v.status === "review") review.push(...all);
    else {
      const own = all.filter((o) => o.note.evidence.attribution !== "quote");
      quoted.push(...all.filter((o) => o.note.evidence.attribution === "quote"));
      if (own.length === 0) continue;
      const conflict = v.kind === "consistency";
      (v.dismissed ? dismissed : fixes).push({
        rule: v.rule,
        severity: v.severity,
        type: conflict ? "conflict" : "fix",
        why: own.find((o) => o.note.evidence.message)?.note.evidence.message ?? v.message,
        occurrences: own,
        values: conflict ? groupValues(own) : [],
      });
    }
  }
  const first = (g: FixGroup) => Math.min(...g.occurrences.map((o) => o.note.evidence.offset));
  fixes.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || first(a) - first(b));
  const byOffset = (a: Occurrence, b: Occurrence) => a.note.n - b.note.n;
  return { fixes, dismissed, review: review.sort(byOffset), quoted: quoted.sort(byOffset), passes: passes.sort(byOffset), unplaced };
}

export function noteKey(rule: string, e: Evidence): string {
  return `${rule}\u0000${e.offset}\u0000${e.length}`;
}

function groupValues(list: Occurrence[]): FixGroup["values"] {
  const out = new Map<string, Occurrence[]>();
  for (const o of list) {
    const value = o.note.evidence.found ?? o.note.evidence.quote;
    out.set(value, [...(out.get(value) ?? []), o]);
  }
  return [...out].map(([value, occurrences]) => ({ value, occurrences }));
}

/**
 * The smallest edit that applies the first suggestion: either the suggestion replaces the whole
 * quote ("a detention center in El Salvador, known as CECOT") or only the found value inside it
 * ("253 men" with suggestion "252"). The sentence is cut around the changed characters.
 */
export function rewrite(text: string, sentences: Sentence[], note: Note): Rewrite {
  const e = note.evidence;
  const quote = e.quote;
  const suggestion = e.replacements[0];
  let newQuote: string | null = null;
  if (suggestion !== undefined) {
    newQuote = suggestion;
    const at = e.found ? quote.toLowerCase().indexOf(e.found.toLowerCase()) : -1;
    if (at >= 0 && quote.length === quote.toLowerCase().length) {
      const inside = quote.slice(0, at) + suggestion + quote.slice(at + e.found!.length);
      if (editSize(quote, inside) < editSize(quote, suggestion)) newQuote = inside;
    }
  }
  // Where the quote sits: its stored offset when located, else the quote alone.
  const start = note.located ? e.offset : -1;
  const s = start >= 0 ? sentences.find((x) => x.start <= start && start < x.end) : undefined;
  let before = s ? text.slice(s.start, start) : "";
  let after = s ? text.slice(start + quote.length, Math.max(s.end, start + quote.length)) : "";
  if (before.length > SENTENCE_MAX / 2) before = `…${before.slice(-SENTENCE_MAX / 2).replace(/^\S*\s/, "")}`;
  if (after.length > SENTENCE_MAX / 2) after = `${after.slice(0, SENTENCE_MAX / 2).replace(/\s\S*$/, "")}…`;
  if (newQuote === null) return { before, old: quote, new: null, after };
  const [p, q] = commonEnds(quote, newQuote);
  return {
    before: before + quote.slice(0, p),
    old: quote.slice(p, quote.length - q),
    new: newQuote.slice(p, newQuote.length - q),
    after: quote.slice(quote.length - q) + after,
  };
}

/** The quote alone rewritten with its first suggestion (no article text at hand). */
export function rewriteQuote(e: Evidence): Rewrite {
  return rewrite("", [], { n: 0, rule: "", status: "fail", tone: "fail", evidence: e, located: false, focus: null });
}

function editSize(a: string, b: string): number {
  const [p, q] = commonEnds(a, b);
  return a.length + b.length - 2 * (p + q);
}

/** Lengths of the common prefix and suffix, snapped to word boundaries so whole words are struck. */
function commonEnds(a: string, b: string): [number, number] {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  while (p > 0 && isWord(a[p - 1]) && (isWord(a[p]) || isWord(b[p]))) p--;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  while (q > 0 && isWord(a[a.length - q]) && (isWord(a[a.length - q - 1]) || isWord(b[b.length - q - 1]))) q--;
  return [p, q];
}

const isWord = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
