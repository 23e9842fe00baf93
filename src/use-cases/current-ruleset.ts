// The ruleset requests, webhooks, jobs and pages judge with: the version the `current` pointer in
// D1 names, compiled once per isolate and cached by version; the bundled ruleset while no version
// is marked current. Each isolate re-reads the pointer (one tiny query) at most every
// CURRENT_CHECK_MS, so a publish anywhere reaches every isolate within that window, without a
// redeploy. The first check also seeds the bundled version's files (idempotent, race-safe).
import { loadRuleset, RuleFileError, type Ruleset, type RuleSummary } from "../engine";
import { bundledRuleFiles, bundledRuleset } from "../rules";
import { getDb, transact } from "../storage/db";
import { loadVersionFiles, readCurrentPointer, storeVersionStatements } from "../storage/ruleset-versions";

/** How often an isolate re-reads the current pointer (docs/rules/runtime.md, docs/performance.md). */
export const CURRENT_CHECK_MS = 2000;
// Compiled versions kept per isolate: the current one, the bundled one, and a rollback or two.
const MAX_COMPILED = 4;

/** A compiled ruleset with what adapters read beside it. */
export interface ActiveRules {
  ruleset: Ruleset;
  byId: ReadonlyMap<string, RuleSummary>;
  /** path → YAML text of every rule file of the version. */
  files: ReadonlyMap<string, string>;
}

export type DbEnv = { DB: D1Database };

export function activeFrom(ruleset: Ruleset, files: Iterable<{ path: string; text: string }>): ActiveRules {
  return { ruleset, byId: new Map(ruleset.rules.map((r) => [r.id, r])), files: new Map([...files].map((f) => [f.path, f.text])) };
}

const bundled = activeFrom(bundledRuleset(), bundledRuleFiles);

/** The per-isolate cache (exported as a class so tests can run a second "isolate" with its own clock). */
export class RulesetCache {
  private checkedAt = -Infinity;
  /** Bumped by invalidate(): a pointer read that started before it must not count as fresh. */
  private generation = 0;
  private active: ActiveRules = bundled;
  private refreshing: Promise<void> | null = null;
  private readonly compiled = new Map<string, ActiveRules>();

  constructor(
    private readonly clock: () => number = () => Date.now(),
    readonly intervalMs: number = CURRENT_CHECK_MS,
  ) {}

  async current(env: DbEnv): Promise<ActiveRules> {
    if (this.clock() - this.checkedAt >= this.intervalMs) {
      // Concurrent requests in one isolate share one pointer read.
      this.refreshing ??= this.refresh(env).finally(() => (this.refreshing = null));
      await this.refreshing;
    }
    return this.active;
  }

  /** Forget the last check: this isolate just moved the pointer, so its next request reads it. */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.generation++;
  }

  private async refresh(env: DbEnv): Promise<void> {
    const db = getDb(env.DB);
    const started = this.clock();
    const generation = this.generation;
    try {
      const pointer = await readCurrentPointer(db, bundled.ruleset.version);
      // The same query says whether the bundled version is stored yet (it stays stored: cheap to re-ask).
      if (!pointer.seeded) {
        const files = bundledRuleFiles.map((f) => ({ path: f.path, text: f.text, data: JSON.stringify(f.data) }));
        await transact(db, storeVersionStatements(db, bundled.ruleset, files, new Date().toISOString()));
      }
      this.active = await this.load(env, pointer.current ?? bundled.ruleset.version);
    } catch (err) {
      // D1 unreachable: keep judging with what this isolate has, and try again after the interval.
      console.error("current ruleset: could not read the current version; keeping", this.active.ruleset.version, err);
    }
    if (generation === this.generation) this.checkedAt = started;
  }

  private async load(env: DbEnv, version: string): Promise<ActiveRules> {
    try {
      const found = await this.version(env, version);
      if (found) return found;
      console.error(`current ruleset: version ${version} has no stored files; judging with the bundled ruleset`);
    } catch (err) {
      // Valid when published; an engine upgrade may have made it invalid. Never stop judging.
      if (!(err instanceof RuleFileError)) throw err;
      console.error(`current ruleset: version ${version} no longer loads; judging with the bundled ruleset\n${err.message}`);
    }
    return bundled;
  }

  /** A stored version, compiled (cached); null when it has no stored files. Throws RuleFileError when it no longer loads. */
  async version(env: DbEnv, version: string): Promise<ActiveRules | null> {
    if (version === bundled.ruleset.version) return bundled;
    const hit = this.compiled.get(version);
    if (hit) return hit;
    const files = await loadVersionFiles(getDb(env.DB), version);
    if (!files.length) return null;
    // Pre-parsed data compiles without parsing YAML (~5× faster: docs/rules/runtime.md); texts are the fallback.
    const parsed = files.every((f) => f.data != null);
    const active = activeFrom(
      loadRuleset(files.map((f) => (parsed ? { path: f.path, data: JSON.parse(f.data!) as unknown } : { path: f.path, text: f.text }))),
      files,
    );
    if (this.compiled.size >= MAX_COMPILED) this.compiled.delete(this.compiled.keys().next().value!);
    this.compiled.set(version, active);
    return active;
  }
}

const isolate = new RulesetCache();

/** The current ruleset with its rules by id and file texts. */
export function activeRules(env: DbEnv): Promise<ActiveRules> {
  return isolate.current(env);
}

export async function currentRuleset(env: DbEnv): Promise<Ruleset> {
  return (await isolate.current(env)).ruleset;
}

/** A stored version by its hash (compiled once per isolate); null when none is stored with its files. */
export function storedVersion(env: DbEnv, version: string): Promise<ActiveRules | null> {
  return isolate.version(env, version);
}

/** After this isolate published or activated a version: its next request reads the pointer. */
export function currentRulesetChanged(): void {
  isolate.invalidate();
}

/** The bundled ruleset with its files (the default version, and what seeds D1). */
export function bundledRules(): ActiveRules {
  return bundled;
}
