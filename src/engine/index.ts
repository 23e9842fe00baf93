// Public entry of the pure engine. PLACEHOLDER until the engine lands (issue 2): it honours the
// contract's shape so adapters can be built against it, but judges nothing.
import type { Article, CheckOptions, CheckResult, Ruleset } from "./types";

export type * from "./types";

export interface RuleFile {
  /** Path relative to the rules root, with forward slashes. */
  path: string;
  text: string;
}

export function loadRuleset(files: RuleFile[]): Ruleset {
  return { version: `placeholder-${files.length}`, rules: [] };
}

export function checkArticle(article: Article, ruleset: Ruleset, options: CheckOptions): CheckResult {
  const text = article.text ?? article.html ?? "";
  return {
    ruleset: { version: ruleset.version, rules: ruleset.rules.length },
    score: null,
    outcome: "pass",
    counts: { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 },
    verdicts: [],
    as_of: (article.publishedAt ?? options.now.toISOString()).slice(0, 10),
    text,
  };
}
