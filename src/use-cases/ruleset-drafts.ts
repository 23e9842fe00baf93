// Ruleset drafts: a base version plus changed, added or removed rule files, validated exactly as
// `rules lint` validates (the engine's loader: every located issue), with the changed rules'
// examples run; publishing makes a draft's version current, activating rolls back to any
// stored version. Both move the one current pointer in a single D1 transaction.
import {
  type ExampleResult,
  loadRuleset,
  runRuleExamples,
  RuleFileError,
  type RuleFileIssue,
  type Ruleset,
  type RuleSummary,
} from "../engine";
import { parse } from "yaml";
import { getDb, transact } from "../storage/db";
import { newId } from "../storage/ids";
import { type DraftChange, type DraftRow, getDraft, insertDraftStatements, publishDraftStatements } from "../storage/ruleset-drafts";
import { setCurrentStatement } from "../storage/ruleset-versions";
import { storeRuleset } from "../storage/rulesets";
import type { RuleChanges } from "../storage/audits";
import { diffRulesets } from "./audit-diff";
import { type ActiveRules, activeRules, currentRulesetChanged, storedVersion } from "./current-ruleset";

/** Files one draft may change (each at most the engine's per-file byte limit). */
export const MAX_DRAFT_FILES = 200;

type DbEnv = { DB: D1Database };

/** An expected failure; the HTTP adapter maps `kind` to its status. */
export class DraftProblem extends Error {
  constructor(
    readonly kind: "not_found" | "conflict" | "invalid" | "too_large",
    message: string,
    readonly issues: RuleFileIssue[] = [],
  ) {
    super(message);
  }
}

export type FileChange = { path: string; text: string } | { path: string; remove: true };

/** An example's result as JSON: the engine's, without the verdict, with `problem` always present. */
export type ExampleView = Omit<ExampleResult, "verdict" | "problem"> & { problem: string | null };

export interface DraftView {
  id: string;
  status: DraftRow["status"];
  base_version: string;
  version: string;
  created_by: string | null;
  created_at: string;
  published_at: string | null;
  changes: { path: string; removed: boolean; text: string | null }[];
  rule_changes: RuleChanges;
  rules: RuleSummary[];
  /** The examples of every added or edited rule, run against the draft. */
  examples: ExampleView[];
  examples_failed: number;
}

// A path under the rules root: folders and a .yaml/.yml file name, nothing that climbs out.
const PATH = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*\.ya?ml$/;

function checkChanges(files: FileChange[], base: ReadonlyMap<string, string>): RuleFileIssue[] {
  if (files.length > MAX_DRAFT_FILES)
    throw new DraftProblem("too_large", `a draft changes at most ${MAX_DRAFT_FILES} files; this one changes ${files.length}: split it`);
  const issues: RuleFileIssue[] = [];
  const issue = (file: string, message: string) => issues.push({ file, line: null, column: null, rule: null, key: null, message });
  const seen = new Set<string>();
  for (const f of files) {
    if (!PATH.test(f.path) || f.path.split("/").some((part) => part === "." || part === ".."))
      issue(f.path, 'a path relative to the rules root, ending in .yaml or .yml (e.g. "cecot/release.count.yaml")');
    else if (seen.has(f.path)) issue(f.path, "this path appears twice in `files`: send each file once");
    else if ("remove" in f && !base.has(f.path)) issue(f.path, "cannot remove a file the base version does not have");
    seen.add(f.path);
  }
  return issues;
}

/** The base's files with the changes applied, sorted by path. */
function mergeFiles(base: ReadonlyMap<string, string>, changes: DraftChange[]): { path: string; text: string }[] {
  const merged = new Map(base);
  for (const c of changes) {
    if (c.text === null) merged.delete(c.path);
    else merged.set(c.path, c.text);
  }
  return [...merged].map(([path, text]) => ({ path, text })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

function compile(files: { path: string; text: string }[]): Ruleset {
  try {
    return loadRuleset(files);
  } catch (err) {
    if (err instanceof RuleFileError)
      throw new DraftProblem("invalid", `${err.issues.length} rule file problem${err.issues.length === 1 ? "" : "s"}`, err.issues);
    throw err;
  }
}

async function baseOf(env: DbEnv, version: string): Promise<ActiveRules> {
  const base = await storedVersion(env, version).catch((err: unknown) => {
    if (err instanceof RuleFileError) throw new DraftProblem("conflict", `version ${version} no longer loads with this engine`, err.issues);
    throw err;
  });
  if (!base) throw new DraftProblem("not_found", `No ruleset version "${version}" with stored files (GET /v1/rulesets lists them).`);
  return base;
}

function examplesOf(ruleset: Ruleset, base: Ruleset, now: Date): ExampleView[] {
  const before = new Map(base.rules.map((r) => [r.id, r.hash]));
  const out: ExampleView[] = [];
  for (const rule of ruleset.rules) {
    if (before.get(rule.id) === rule.hash) continue;
    for (const r of runRuleExamples(ruleset, rule.id, now))
      out.push({ rule: r.rule, index: r.index, text: r.text, expect: r.expect, got: r.got, ok: r.ok, problem: r.problem ?? null });
  }
  return out;
}

// Compiled drafts by version: a preview's chunks (one queue message each) compile a draft once per isolate.
const compiledDrafts = new Map<string, Ruleset>();

/** A draft's base, its merged files and its compiled ruleset. */
export async function draftRules(
  env: DbEnv,
  draft: DraftRow & { changes: DraftChange[] },
): Promise<{ base: ActiveRules; ruleset: Ruleset }> {
  const base = await baseOf(env, draft.base_version);
  let ruleset = compiledDrafts.get(draft.version);
  if (!ruleset) {
    ruleset = compile(mergeFiles(base.files, draft.changes));
    if (compiledDrafts.size >= 4) compiledDrafts.delete(compiledDrafts.keys().next().value!);
    compiledDrafts.set(draft.version, ruleset);
  }
  return { base, ruleset };
}

function view(draft: DraftRow & { changes: DraftChange[] }, base: Ruleset, ruleset: Ruleset, now: Date): DraftView {
  const examples = examplesOf(ruleset, base, now);
  return {
    id: draft.id,
    status: draft.status,
    base_version: draft.base_version,
    version: draft.version,
    created_by: draft.created_by,
    created_at: draft.created_at,
    published_at: draft.published_at,
    changes: draft.changes.map((c) => ({ path: c.path, removed: c.text === null, text: c.text })),
    rule_changes: diffRulesets(new Map(base.rules.map((r) => [r.id, r.hash])), new Map(ruleset.rules.map((r) => [r.id, r.hash]))),
    rules: ruleset.rules,
    examples,
    examples_failed: examples.filter((e) => !e.ok).length,
  };
}

/**
 * Validates `files` over `base` (default: the current version) and stores the draft. Throws
 * DraftProblem: "invalid" with every located issue, "not_found" for an unknown base.
 */
export async function createDraft(
  env: DbEnv,
  input: { base?: string; files: FileChange[] },
  actor: string | null,
  now = new Date(),
): Promise<DraftView> {
  // activeRules first in any case: it seeds the bundled version, whose files publishing copies.
  const current = await activeRules(env);
  const base = input.base ? await baseOf(env, input.base) : current;
  const pathIssues = checkChanges(input.files, base.files);
  if (pathIssues.length)
    throw new DraftProblem("invalid", `${pathIssues.length} problem${pathIssues.length === 1 ? "" : "s"} with the files`, pathIssues);
  const changes: DraftChange[] = input.files.map((f) => ({ path: f.path, text: "remove" in f ? null : f.text }));
  const ruleset = compile(mergeFiles(base.files, changes));
  // Valid YAML (it compiled): stored parsed too, so isolates compile the published version without parsing YAML.
  for (const c of changes) c.data = c.text === null ? null : JSON.stringify(parse(c.text));
  const db = getDb(env.DB);
  const id = newId("dft", now.getTime());
  await transact(
    db,
    insertDraftStatements(db, { id, baseVersion: base.ruleset.version, version: ruleset.version, createdBy: actor, changes }),
  );
  const row = (await getDraft(db, id))!;
  return view(row, base.ruleset, ruleset, now);
}

export async function showDraft(env: DbEnv, id: string, now = new Date()): Promise<DraftView | null> {
  const draft = await getDraft(getDb(env.DB), id);
  if (!draft) return null;
  const { base, ruleset } = await draftRules(env, draft);
  return view(draft, base.ruleset, ruleset, now);
}

export interface Activation {
  version: string;
  previous_version: string;
  activated_at: string;
  activated_by: string | null;
}

/** Makes an open draft's version current (stores its files and rule summaries in the same transaction). */
export async function publishDraft(
  env: DbEnv,
  id: string,
  actor: string | null,
  now = new Date(),
): Promise<Activation & { draft: string }> {
  const db = getDb(env.DB);
  const draft = await getDraft(db, id);
  if (!draft) throw new DraftProblem("not_found", `No ruleset draft "${id}".`);
  if (draft.status !== "open") throw new DraftProblem("conflict", `Draft ${id} was already published at ${draft.published_at}.`);
  const { ruleset } = await draftRules(env, draft);
  const previous = (await activeRules(env)).ruleset.version;
  const at = now.toISOString();
  try {
    await transact(db, [...publishDraftStatements(db, draft, actor, at), storeRuleset(db, ruleset, at)]);
  } catch (err) {
    const now = await getDraft(db, id);
    if (!now) throw new DraftProblem("not_found", `Draft ${id} was discarded just now.`);
    if (now.status !== "open") throw new DraftProblem("conflict", `Draft ${id} was published by another request just now.`);
    throw err;
  }
  currentRulesetChanged();
  return { draft: id, version: ruleset.version, previous_version: previous, activated_at: at, activated_by: actor };
}

/** Makes any stored version current again (a rollback, or the bundled version after a deploy). */
export async function activateVersion(env: DbEnv, version: string, actor: string | null, now = new Date()): Promise<Activation> {
  const target = await baseOf(env, version);
  const previous = (await activeRules(env)).ruleset.version;
  const db = getDb(env.DB);
  const at = now.toISOString();
  await transact(db, [setCurrentStatement(db, target.ruleset.version, actor, at), storeRuleset(db, target.ruleset, at)]);
  currentRulesetChanged();
  return { version: target.ruleset.version, previous_version: previous, activated_at: at, activated_by: actor };
}
