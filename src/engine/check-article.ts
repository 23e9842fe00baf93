// checkArticle: prepare the article once, run only the rules whose terms occur, turn each
// rule's findings into a verdict (quotes → attribution), then score. Never throws for a rule:
// a rule that breaks yields status "error" with its message.
import { prepareArticle } from "./article-context";
import type { Finding } from "./kind-api";
import { compiledOf, type LoadedRule } from "./load-ruleset";
import { outcome, score } from "./score";
import { htmlToText, isInQuote } from "./text-adapter";
import type { Article, CheckOptions, CheckResult, Evidence, Verdict, VerdictStatus } from "./types";

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

export function checkArticle(article: Article, ruleset: Parameters<typeof compiledOf>[0], options: CheckOptions): CheckResult {
  const rs = compiledOf(ruleset);
  const text = article.text ?? (article.html !== undefined ? htmlToText(article.html) : "");
  const { asOf, dated } = judgingDate(article.publishedAt, options.now);

  const results = new Map<string, Outcome>();
  const running = new Set<string>();
  const run = (rule: LoadedRule): Outcome => {
    const cached = results.get(rule.def.id);
    if (cached) return cached;
    if (running.has(rule.def.id)) return { error: "circular reference between rules" };
    running.add(rule.def.id);
    let result: Outcome;
    const { valid_from: from, valid_until: until } = rule.def;
    if ((from && asOf < from) || (until && asOf > until)) {
      result = { skipped: `the fact holds ${from ? `from ${from} ` : ""}${until ? `until ${until}` : ""}`.trim() + `; the article is judged as of ${asOf}` };
    } else if (!rule.compiled.requires.every((set) => ctx.hits(set).length > 0) || (!options.ignoreAnchors && rule.compiled.anchor !== undefined && ctx.hits(rule.compiled.anchor).length === 0)) {
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
  const ctx = prepareArticle(text, asOf, dated, rs, findingsOf);

  const verdicts: Verdict[] = rs.rules.map((rule) => toVerdict(rule, run(rule), text, ctx.quotes));
  const counts: Record<VerdictStatus, number> = { pass: 0, fail: 0, not_applicable: 0, review: 0, error: 0 };
  for (const v of verdicts) counts[v.status]++;
  return {
    ruleset: { version: ruleset.version, rules: rs.rules.length },
    score: score(verdicts),
    outcome: outcome(verdicts),
    counts,
    verdicts,
    as_of: asOf,
    text,
  };
}

/**
 * Evidence spans listed per verdict at most. A long claim-dense article can yield thousands of
 * findings for one rule; the verdict lists the first ones (by offset) and its message gives the
 * total, so responses, storage and the editor's page stay bounded.
 */
export const MAX_EVIDENCE = 20;

function toVerdict(rule: LoadedRule, o: Outcome, text: string, quotes: Parameters<typeof isInQuote>[0]): Verdict {
  const base = { rule: rule.def.id, claim: rule.def.claim, kind: rule.def.kind, severity: rule.def.severity };
  if ("error" in o) return { ...base, status: "error", evidence: [], message: o.error };
  if ("skipped" in o) return { ...base, status: "not_applicable", evidence: [], ...(o.skipped ? { message: o.skipped } : {}) };
  const seen = new Set<string>();
  const found = o.findings
    .filter((f) => {
      const k = `${f.start}:${f.end}:${f.status}`;
      if (seen.has(k) || f.end <= f.start) return false;
      seen.add(k);
      return true;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
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
  const listed = (fs: Finding[], message?: string): { evidence: Evidence[]; message?: string } => {
    const evidence = fs.slice(0, MAX_EVIDENCE).map((f) => toEvidence(f, text, quotes));
    if (fs.length <= MAX_EVIDENCE) return message === undefined ? { evidence } : { evidence, message };
    const total = `${fs.length} spans found; the first ${MAX_EVIDENCE} are listed`;
    return { evidence, message: message === undefined ? total : `${message} (${total})` };
  };
  if (failArticle.length) return { ...base, status: "fail", ...listed([...failArticle, ...failQuote]) };
  if (review.length) return { ...base, status: "review", ...listed(review, review[0]!.message ?? "needs a human") };
  if (failQuote.length) {
    const l = listed(failQuote, "contradicted only inside a direct quotation: listed, not scored");
    return { ...base, status: "fail", evidence: l.evidence, attribution: "quote", message: l.message };
  }
  if (pass.length) return { ...base, status: "pass", ...listed(pass) };
  return { ...base, status: "not_applicable", evidence: [] };
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
