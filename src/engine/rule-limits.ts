// Resource limits on rule loading, so a hostile or runaway rules folder fails with located
// errors (exit 2 in the CLI) instead of exhausting memory before anything is compiled: file and
// folder size, YAML aliases, and the number of terms (a pack's lists, and all rules together) once
// @references are expanded. The rule count, phrase length and distinct phrases are RULESET_LIMITS
// in load-ruleset.ts.
import type { RuleFileIssue } from "./types";

export const LIMITS = {
  /** Bytes of YAML per file. */
  fileBytes: 256 * 1024,
  /** Bytes of YAML in all files together. */
  totalBytes: 8 * 1024 * 1024,
  /** YAML alias expansions per file (yaml's maxAliasCount). */
  aliases: 100,
  /** Terms in one pack term list, after @references are expanded. */
  terms: 5000,
  /** Terms in all rules together, after @references are expanded. */
  totalTerms: 200_000,
} as const;

type SizedFile = { path: string } & ({ text: string } | { data: unknown });

/** Issues for files or a folder over LIMITS, found before anything is parsed. */
export function sizeIssues(files: SizedFile[]): RuleFileIssue[] {
  const issues: RuleFileIssue[] = [];
  let total = 0;
  for (const f of files) {
    const bytes = "text" in f ? new TextEncoder().encode(f.text).length : 0;
    if (bytes > LIMITS.fileBytes)
      issues.push({
        file: f.path,
        line: 1,
        column: 1,
        rule: null,
        key: null,
        message: `file is ${bytes} bytes; the limit is ${LIMITS.fileBytes}`,
      });
    total += bytes;
    if (total > LIMITS.totalBytes && total - bytes <= LIMITS.totalBytes) {
      issues.push({
        file: f.path,
        line: 1,
        column: 1,
        rule: null,
        key: null,
        message: `the rule files hold more than ${LIMITS.totalBytes} bytes together; this file goes past it`,
      });
    }
  }
  return issues;
}
