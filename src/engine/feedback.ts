// Editors' feedback on findings, pure: the stable id of a failing span (a "finding"), and how
// labels on findings change a result (spans labelled, verdicts dismissed, score and outcome
// recomputed). Storage and the scoring use case call these; nothing here reads or writes.
import { sha256Hex } from "./hash";
import { outcome, score } from "./score";
import type { CheckResult, Evidence, FeedbackLabel, Verdict } from "./types";

/**
 * The article a finding belongs to, by the pair that identifies it in storage (source + the CMS's
 * id, else its URL, else its text's SHA-256: see use-cases/score-article.ts). Known before the
 * article is stored, so a dry run and the stored run give a span the same id.
 */
export interface ArticleKey {
  source: string;
  externalId: string;
}

/** The quoted wording as a finding sees it: Unicode NFC, runs of whitespace as one space, trimmed. */
export function normaliseQuote(quote: string): string {
  return quote.normalize("NFC").replace(/\s+/g, " ").trim();
}

/**
 * `fnd_` + 24 hex of SHA-256 over (article key, rule id, normalised quote). The same wording
 * flagged by the same rule in the same article keeps its id across runs, re-checks, webhooks and
 * audits, wherever it moves in the text; changed wording gets a new id.
 */
export function findingId(article: ArticleKey, rule: string, quote: string): string {
  const material = ["finding/1", article.source, article.externalId, rule, normaliseQuote(quote)].join("\u0000");
  return `fnd_${sha256Hex(material).slice(0, 24)}`;
}

/** Labels in force, by finding id. */
export type FeedbackLabels = ReadonlyMap<string, FeedbackLabel>;

/**
 * Every span gets its `finding` id and `feedback` (the label in force, or null); a fail every
 * listed span of which is a false alarm gets `dismissed: true` (its status stays "fail") and no
 * longer counts in score or outcome.
 */
export function labelVerdicts<V extends Pick<Verdict, "rule" | "status" | "evidence">>(
  verdicts: readonly V[],
  article: ArticleKey,
  labels: FeedbackLabels,
): (V & { dismissed?: true })[] {
  return verdicts.map((v) => {
    // Most verdicts have no span (every rule that did not apply): nothing to label, kept as they are.
    if (v.evidence.length === 0 && !("dismissed" in v)) return v;
    const { dismissed: _stale, ...rest } = v as V & { dismissed?: boolean };
    const evidence: Evidence[] = v.evidence.map((e) => {
      const finding = findingId(article, v.rule, e.quote);
      return { ...e, finding, feedback: labels.get(finding) ?? null };
    });
    const dismissed = v.status === "fail" && evidence.length > 0 && evidence.every((e) => e.feedback === "false_alarm");
    return { ...(rest as V), evidence, ...(dismissed ? { dismissed: true as const } : {}) };
  });
}

/** `result` with labelVerdicts applied and its score and outcome recomputed. */
export function applyFeedback(result: CheckResult, article: ArticleKey, labels: FeedbackLabels): CheckResult {
  const verdicts = labelVerdicts(result.verdicts, article, labels);
  return { ...result, verdicts, score: score(verdicts), outcome: outcome(verdicts) };
}

/** A span as the engine found it (no finding id or label): what storage keeps, so a later label never makes a stored row stale. */
export function bareEvidence(evidence: readonly Evidence[]): Evidence[] {
  return evidence.map(({ finding: _f, feedback: _l, ...e }) => e);
}
