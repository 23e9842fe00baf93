// Public entry of the pure engine: text, rules and `now` in, verdicts out. No I/O, no Worker or
// Node APIs (ESLint enforces it: eslint.config.js, test/tooling/lint-zones.test.ts). Offsets are UTF-16 code units.
export type * from "./types";
export { loadRuleset, type RuleFile } from "./load-ruleset";
export { RuleFileError, formatIssue } from "./rule-file-errors";
export { checkArticle, judgingDate, validityNote } from "./check-article";
export { reusableRules } from "./reusable-rules";
export { documentPublishedDate } from "./article-source";
export type { DocumentDate } from "./text/document-date";
export { runExamples, runExample, runRuleExamples, type ExampleResult } from "./examples";
export { SEVERITY_WEIGHTS, score, outcome } from "./score";
export { findingId, normaliseQuote, labelVerdicts, applyFeedback, bareEvidence, type ArticleKey, type FeedbackLabels } from "./feedback";
export { KINDS } from "./kinds";
export { ruleSchema, packSchema } from "./rule-schema";
export { evaluateCase, summarise, type LabelledCase, type CaseOutcome, type EvalReport, type Tally } from "./evaluate";
