// The engine's public contract: what checkArticle takes and returns. The HTTP API, webhooks,
// audits, the dashboard and the CLI all speak these types; change them only on purpose.
//
// Offsets everywhere are UTF-16 code units (JavaScript string indices) into CheckResult.text: the
// article text as given, or the text derived from its HTML or Markdown, so
// `text.slice(offset, offset + length) === quote` always holds.

export type Severity = "critical" | "major" | "minor";
export type VerdictStatus = "pass" | "fail" | "not_applicable" | "review" | "error";
export type Outcome = "pass" | "warn" | "fail";
/** Where a piece of evidence sits: in the outlet's own words, or inside a direct quotation. */
export type Attribution = "article" | "quote";

export interface Article {
  /**
   * Plain text. When only HTML or Markdown is available pass `html` or `markdown` instead; offsets
   * then point into the text derived from it (returned as `CheckResult.text`). One of the three is
   * used, in this order: text, html, markdown.
   */
  text?: string;
  html?: string;
  /** CommonMark + GFM tables; YAML front matter is metadata, not text. */
  markdown?: string;
  title?: string;
  /**
   * ISO 8601 date or date-time; the article is judged as of this date. When absent (or null) the
   * date the document states is used (HTML metadata, Markdown front matter), else `options.now`.
   */
  publishedAt?: string | null;
  /** BCP 47 hint ("en", "es"); rules match both languages regardless. */
  language?: string;
}

/** Where the publication date came from: the caller's `publishedAt`, the document itself, or none (judged as of `now`). */
export type PublishedAtSource = "caller" | "document" | null;

export interface CheckOptions {
  /** The judging date when the article has no publication date. Passed in: the engine never reads the clock. */
  now: Date;
  /** Judge every rule even when the article does not mention its pack's story (rule examples test one rule alone). */
  ignoreAnchors?: boolean;
  /**
   * Verdicts to take as they are instead of judging those rules (an audit's unchanged rules, see
   * reusableRules): the result is what a full check gives when they are what those rules would say.
   */
  keep?: ReadonlyMap<string, Verdict>;
}

/** One rule as shown to callers (API `GET /v1/rules`, the dashboard, audit diffs). */
export interface RuleSummary {
  id: string;
  claim: string;
  kind: string;
  severity: Severity;
  sources: string[];
  tags: string[];
  valid_from: string | null;
  valid_until: string | null;
  /** Content hash of this rule's definition: audits use it to name edited rules. */
  hash: string;
  /** The file the rule came from, relative to the rules root (e.g. "cecot/cecot.country.yaml"). */
  file: string;
}

export interface Evidence {
  offset: number;
  length: number;
  /** Exactly text.slice(offset, offset + length). */
  quote: string;
  /** The value the article states (normalised: "Ecuador", "244", "2025-07-19", "Migrant Resource Center"). */
  found: string | null;
  /** The value the rule expects ("El Salvador", "252", "2025-07-18"). */
  expected: string | null;
  /** Suggested corrections for the quoted span, best first. */
  replacements: string[];
  attribution: Attribution;
  /** Short human explanation, e.g. "places CECOT in Ecuador; CECOT is in El Salvador". */
  message?: string;
}

export interface Verdict {
  rule: string;
  claim: string;
  kind: string;
  severity: Severity;
  status: VerdictStatus;
  /** For fail: the contradicting spans. For pass: the supporting spans. Empty for not_applicable. At most 20, in text order. */
  evidence: Evidence[];
  /**
   * Set when status is "error" (the rule threw) or "review" (why a human should look), and when
   * more spans were found than the 20 listed in `evidence` (the total is given here).
   */
  message?: string;
  /**
   * Added by the engine (optional): "quote" on a fail whose evidence lies only inside direct
   * quotations — listed as a fail but not counted in `score` or `outcome`. Absent otherwise.
   */
  attribution?: Attribution;
}

export interface CheckResult {
  ruleset: { version: string; rules: number };
  /** 0–100, one decimal; severity-weighted share of applicable rules that pass; null when none applies. */
  score: number | null;
  outcome: Outcome;
  counts: Record<VerdictStatus, number>;
  verdicts: Verdict[];
  /** The judging date actually used (YYYY-MM-DD). */
  as_of: string;
  /** The text the offsets point into (equals article.text, or the text derived from article.html / article.markdown). */
  text: string;
  /**
   * The publication date used, as given (the caller's `publishedAt`, else the document's), or null.
   * Always set by checkArticle; optional only so results stored before it existed still type-check.
   */
  published_at?: string | null;
  published_at_source?: PublishedAtSource;
}

/** A loaded, validated, compiled ruleset. Opaque beyond these fields. */
export interface Ruleset {
  /** Content hash of all rule definitions (stable across file order). */
  version: string;
  rules: RuleSummary[];
}

/** A rule-file problem, located precisely enough to fix it. */
export interface RuleFileIssue {
  file: string;
  line: number | null;
  column: number | null;
  rule: string | null;
  /** Dotted key path inside the rule, e.g. "examples.2.expect". */
  key: string | null;
  message: string;
}
