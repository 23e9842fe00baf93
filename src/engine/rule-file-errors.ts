// Rule file problems located in the YAML: parsing with positions, zod issues → RuleFileIssue, and RuleFileError that carries them.
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { KINDS } from "./kinds";
import type { RuleFile } from "./load-ruleset";
import { LIMITS } from "./rule-limits";
import type { RuleFileIssue } from "./types";

export class RuleFileError extends Error {
  constructor(readonly issues: RuleFileIssue[]) {
    super(`${issues.length} rule file problem${issues.length === 1 ? "" : "s"}:\n${issues.map(formatIssue).join("\n")}`);
    this.name = "RuleFileError";
  }
}

/** "cecot/x.yaml:12:3 [rule x] (examples.2.expect) message" — the CLI and lint print this. */
export function formatIssue(i: RuleFileIssue): string {
  const at = i.line !== null ? `${i.file}:${i.line}:${i.column ?? 1}` : i.file;
  return `${at}${i.rule ? ` [${i.rule}]` : ""}${i.key ? ` (${i.key})` : ""} ${i.message}`;
}

export type Path = Array<string | number>;

export class Located {
  readonly lc = new LineCounter();
  /** The parsed YAML document; absent for pre-parsed `data` files (no positions to report). */
  readonly doc: Document | null;
  readonly errors: { pos: [number, number]; message: string }[];
  readonly value: unknown;
  constructor(
    readonly file: string,
    source: RuleFile,
  ) {
    if ("text" in source) {
      this.doc = parseDocument(source.text, { lineCounter: this.lc, uniqueKeys: true, prettyErrors: false });
      this.errors = [...this.doc.errors];
      let value: unknown = null;
      if (!this.errors.length) {
        try {
          // yaml throws past maxAliasCount: an alias bomb is a located error, not a crash.
          value = this.doc.toJS({ maxAliasCount: LIMITS.aliases });
        } catch (e) {
          this.errors.push({ pos: [0, 0], message: `${(e as Error).message} (at most ${LIMITS.aliases} alias expansions per file)` });
        }
      }
      this.value = value;
    } else {
      this.doc = null;
      this.errors = [];
      this.value = source.data;
    }
  }
  at(path: Path, keyOf?: string): { line: number | null; column: number | null } {
    if (!this.doc) return { line: null, column: null };
    let node: unknown = path.length ? this.doc.getIn(path, true) : this.doc.contents;
    if (keyOf !== undefined) {
      const parent = path.length ? this.doc.getIn(path, true) : this.doc.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === keyOf);
        if (pair) node = pair.key;
      }
    }
    // Fall back to the nearest ancestor that exists (a missing key is reported on its parent).
    for (let n = path.length; (node === undefined || node === null) && n > 0; n--) {
      node = n - 1 > 0 ? this.doc.getIn(path.slice(0, n - 1), true) : this.doc.contents;
    }
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (!range) return { line: null, column: null };
    const pos = this.lc.linePos(range[0]);
    return { line: pos.line, column: pos.col };
  }
}

export function yamlPos(loc: Located, offset: number): { line: number; column: number } {
  const p = loc.lc.linePos(offset);
  return { line: p.line, column: p.col };
}

export const toPath = (key: string): Path =>
  key
    .split(".")
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export function zodIssues(loc: Located, error: z.ZodError, ruleId: string | null, out: RuleFileIssue[]): void {
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        out.push({
          file: loc.file,
          ...loc.at(path, key),
          rule: ruleId,
          key: [...path, key].join("."),
          message: `unknown key "${key}" (check the spelling; see rules/schema.json for the allowed keys)`,
        });
      }
      continue;
    }
    let message = issue.message;
    if (issue.code === "invalid_union" && path.join(".") === "kind") message = `unknown kind; use one of: ${[...KINDS.keys()].join(", ")}`;
    if (issue.code === "invalid_union" && path.length === 0) message = `"kind" must be one of: ${[...KINDS.keys()].join(", ")}`;
    if (issue.code === "invalid_value" && "values" in issue) message = `${issue.message}`;
    const key = path.length === 0 && issue.code === "invalid_union" ? "kind" : path.join(".") || null;
    out.push({ file: loc.file, ...loc.at(key ? toPath(key) : []), rule: ruleId, key, message });
  }
}
