// checkArticle: prepare the article once, run only the rules whose terms occur, turn each
// rule's findings into a verdict (quotes → attribution), then score. A rule whose terms do not
// occur costs nothing per check: its not_applicable verdict is built once per ruleset and shared.
// Never throws for a rule: a rule that breaks yields status "error" with its message.
import { prepareArticle } from "./article-context";
import type { Finding } from "./kind-api";
import { compiledOf, type LoadedRule } from "./load-ruleset";
import { outcome, score } from "./score";
import { articleSource } from "./article-source";
import { isInQuote } from "./text-adapter";
import type { Article, CheckOptions, CheckResult, Evidence, Verdict, VerdictStatus } from "./types";
import { unwrapSoftBreaks } from "./text/soft-wrap";

type Outcome = { findings: Finding[] } | { skipped: string | null } | { error: string };

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The judging date: the article's publication date when it parses, else `now`. */
export function judgingDate(publishedAt: string | null | undefined, now: Date): { asOf: string; dated: boolean } {
  if (publishedAt) {
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(publishedAt.trim());
    if (m && !Number.isNaN(Date.parse(m[1]!))) return { asOf: m[1]!, dated: true };
    const t = Date.parse(publishedAt);
    if (!Number.isNaN(t)) return { asOf: isoDay(new Date(t)), dated: true };
  }
  return { asOf: isoDay(now), dated: false };
}

/**
 * Why a rule does not apply on `asOf` because of its validity window, or null when it applies.
 * The message of a not_applicable verdict; storage uses it to restore verdicts it did not store.
 */
export function validityNote(rule: { valid_from?: string | null; valid_until?: string | null }, asOf: string): string | null {
  const { valid_from: from, valid_until: until } = rule;
  if (!((from && asOf < from) || (until && asOf > until))) return null;
  return `the fact holds ${from ? `from ${from} ` : ""}${until ? `until ${until}` : ""}`.trim() + `; the article is judged as of ${asOf}`;
}

/**
 * What a ruleset's rules look like when they do not apply, built once per ruleset: each rule's
 * not_applicable verdict (frozen, shared by every check), the rules that must always be looked
 * at (no required terms, or a validity window whose message names the judging date), and the
 * other rules by the first term set they require. A check copies the not_applicable list and
 * runs only the rules whose terms occur, so rules that do not apply cost a copied pointer.
 */
interface Plan {
  na: readonly Verdict[];
  index: Map<LoadedRule, number>;
  always: LoadedRule[];
  /** By term set id (dense): the rules it triggers. */
  bySet: Array<LoadedRule[] | undefined>;
}

const NO_RULES: readonly LoadedRule[] = [];

const plans = new WeakMap<object, Plan>();

function planOf(rs: ReturnType<typeof compiledOf>): Plan {
  let plan = plans.get(rs);
  if (plan) return plan;
  const noEvidence: Evidence[] = Object.freeze([]) as unknown as Evidence[];
  const na = rs.rules.map((r) =>
    Object.freeze({
      rule: r.def.id,
      claim: r.def.claim,
      kind: r.def.kind,
      severity: r.def.severity,
      status: "not_applicable",
      evidence: noEvidence,
    } satisfies Verdict),
  );
  const always: LoadedRule[] = [];
  const bySet: Array<LoadedRule[] | undefined> = new Array(rs.setCount).fill(undefined);
  const add = (set: number, r: LoadedRule) => {
    const list = bySet[set];
    if (list) list.push(r);
    else bySet[set] = [r];
  };
  for (const r of rs.rules) {
    const first = r.compiled.requires[0];
    if (r.def.valid_from || r.def.valid_until) always.push(r);
    else if (first !== undefined) add(first, r);
    // A kind whose findings are hits of its own terms (meta.runsOnAnyTerm: phrase) runs when any of its term sets occurs.
    else if (r.kind.meta.runsOnAnyTerm && r.termSets.length) for (const set of new Set(r.termSets)) add(set, r);
    else always.push(r);
  }
  plan = { na, index: new Map(rs.rules.map((r, i) => [r, i])), always, bySet };
  plans.set(rs, plan);
  return plan;
}

export function checkArticle(article: Article, ruleset: Parameters<typeof compiledOf>[0], options: CheckOptions): CheckResult {
  const rs = compiledOf(ruleset);
  const plan = planOf(rs);
  const source = articleSource(article, (date) => judgingDate(date, options.now).dated);
  const text = source.text;
  const { asOf, dated } = judgingDate(source.publishedAt, options.now);

  const results = new Map<string, Outcome>();
  const running = new Set<string>();
  const run = (rule: LoadedRule): Outcome => {
    const cached = results.get(rule.def.id);
    if (cached) return cached;
    if (running.has(rule.def.id)) return { error: "circular reference between rules" };
    running.add(rule.def.id);
    let result: Outcome;
    const outside = validityNote(rule.def, asOf);
    if (outside) {
      result = { skipped: outside };
    } else if (
      !allOccur(ctx, rule.compiled.requires) ||
      (!options.ignoreAnchors && rule.compiled.anchor !== undefined && ctx.hits(rule.compiled.anchor).length === 0)
    ) {
      result = { skipped: null };
    } else {
      try {
        result = { findings: rule.kind.check(ctx, rule.compiled, rule.def) };
      } catch (e) {
        result = { error: `rule ${rule.def.id} failed: ${e instanceof Error ? e.message : String(e)}` };
      }
    }
    running.delete(rule.def.id);
    results.set(rule.def.id, result);
    return result;
  };
  const findingsOf = (id: string): Finding[] => {
    const r = rs.byId.get(id);
    if (!r) return [];
    const o = run(r);
    return "findings" in o ? o.findings : [];
  };
  // Plain text is read with its hard wraps as spaces (same length: offsets, quotes and result.text stay the text as sent).
  const ctx = prepareArticle(article.text !== undefined ? unwrapSoftBreaks(text) : text, asOf, dated, rs, findingsOf);

  // Every rule's verdict, in ruleset order: not_applicable unless one of the rules that could
  // apply (always-looked-at ones, and those whose first required term set occurs) says otherwise.
  const verdicts = plan.na.slice();
  const applicable: Verdict[] = [];
  const judged = new Set<number>();
  const keep = options.keep;
  const judge = (rule: LoadedRule) => {
    const i = plan.index.get(rule)!;
    if (judged.has(i) || keep?.has(rule.def.id)) return;
    judged.add(i);
    const v = toVerdict(rule, run(rule), text, ctx.quotes, plan.na[i]!);
    verdicts[i] = v;
    if (v.status !== "not_applicable") applicable.push(v);
  };
  for (const rule of plan.always) judge(rule);
  for (const set of ctx.hitSets) for (const rule of plan.bySet[set] ?? NO_RULES) judge(rule);
  // Kept verdicts stand in for rules not judged (a rule they read still runs, lazily, through findingsOf).
  for (const [id, v] of keep ?? []) {
    const rule = rs.byId.get(id);
    if (!rule) continue;
    verdicts[plan.index.get(rule)!] = v;
    if (v.status !== "not_applicable") applicable.push(v);
  }

  const counts: Record<VerdictStatus, number> = {
    pass: 0,
    fail: 0,
    not_applicable: verdicts.length - applicable.length,
    review: 0,
    error: 0,
  };
  for (const v of applicable) counts[v.status]++;
  return {
    ruleset: { version: ruleset.version, rules: rs.rules.length },
    score: score(applicable),
    outcome: outcome(applicable),
    counts,
    verdicts,
    as_of: asOf,
    text,
    published_at: source.publishedAt,
    published_at_source: source.publishedAtSource,
  };
}

function allOccur(ctx: ReturnType<typeof prepareArticle>, sets: readonly number[]): boolean {
  for (const set of sets) if (ctx.hits(set).length === 0) return false;
  return true;
}

/**
 * Evidence spans listed per verdict at most. A long claim-dense article can yield thousands of
 * findings for one rule; the verdict lists the first ones (by offset) and its message gives the
 * total, so responses, storage and the editor's page stay bounded.
 */
export const MAX_EVIDENCE = 20;

function toVerdict(rule: LoadedRule, o: Outcome, text: string, quotes: Parameters<typeof isInQuote>[0], na: Verdict): Verdict {
  const base = { rule: rule.def.id, claim: rule.def.claim, kind: rule.def.kind, severity: rule.def.severity };
  if ("error" in o) return { ...base, status: "error", evidence: [], message: o.error };
  if ("skipped" in o) return o.skipped ? { ...base, status: "not_applicable", evidence: [], message: o.skipped } : na;
  if (o.findings.length === 0) return na;
  const seen = new Set<string>();
  const found: Finding[] = [];
  for (const f of o.findings) {
    const k = `${f.start}:${f.end}:${f.status}`;
    if (seen.has(k) || f.end <= f.start) continue;
    seen.add(k);
    found.push(f);
  }
  found.sort(byOffset);
  // Partition by status and attribution without building evidence yet (only the listed spans get a quote).
  const failArticle: Finding[] = [];
  const failQuote: Finding[] = [];
  const review: Finding[] = [];
  const pass: Finding[] = [];
  for (const f of found) {
    if (f.status === "fail") (isInQuote(quotes, f.start, f.end - f.start) ? failQuote : failArticle).push(f);
    else if (f.status === "review") review.push(f);
    else pass.push(f);
  }
  if (failArticle.length) return { ...base, status: "fail", ...listed([...failArticle, ...failQuote], text, quotes) };
  if (review.length) return { ...base, status: "review", ...listed(review, text, quotes, review[0]!.message ?? "needs a human") };
  if (failQuote.length) {
    const l = listed(failQuote, text, quotes, "contradicted only inside a direct quotation: listed, not scored");
    return { ...base, status: "fail", evidence: l.evidence, attribution: "quote", message: l.message };
  }
  if (pass.length) return { ...base, status: "pass", ...listed(pass, text, quotes) };
  return na;
}

function byOffset(a: Finding, b: Finding): number {
  return a.start - b.start || b.end - a.end;
}

/** The first MAX_EVIDENCE findings as evidence; the message says how many there were when more. */
function listed(
  fs: Finding[],
  text: string,
  quotes: Parameters<typeof isInQuote>[0],
  message?: string,
): { evidence: Evidence[]; message?: string } {
  const evidence: Evidence[] = [];
  for (let i = 0; i < fs.length && i < MAX_EVIDENCE; i++) evidence.push(toEvidence(fs[i]!, text, quotes));
  if (fs.length <= MAX_EVIDENCE) return message === undefined ? { evidence } : { evidence, message };
  const total = `${fs.length} spans found; the first ${MAX_EVIDENCE} are listed`;
  return { evidence, message: message === undefined ? total : `${message} (${total})` };
}

function toEvidence(f: Finding, text: string, quotes: Parameters<typeof isInQuote>[0]): Evidence {
  return {
    offset: f.start,
    length: f.end - f.start,
    quote: text.slice(f.start, f.end),
    found: f.found,
    expected: f.expected,
    replacements: f.replacements,
    attribution: isInQuote(quotes, f.start, f.end - f.start) ? "quote" : "article",
    ...(f.message ? { message: f.message } : {}),
  };
}
