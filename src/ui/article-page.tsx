// `/articles/:id`, ordered for an editor on deadline: can it be published and why, what to fix
// (each sentence rewritten), what to review, then the marked text, the article's details and runs.
import type { RuleSummary } from "../engine";
import type { ArticleRecord } from "../storage/articles";
import type { RunWithVerdicts, StoredRun } from "../storage/queries-runs";
import { Dismissed, OtherFindings, ToFix } from "./article-findings";
import type { FeedbackRecord } from "../storage/feedback";
import { ArticleText, Legend } from "./article-text";
import { articleTitle, Badge, score, Sparkline, when } from "./components";
import { buildFindings, type Findings } from "./findings";
import { collectNotes } from "../lib/highlight";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface ArticlePageProps {
  nonce: string;
  session: Session;
  article: ArticleRecord;
  latest: RunWithVerdicts | null;
  /** Newest first. */
  runs: StoredRun[];
  rules: ReadonlyMap<string, RuleSummary>;
  /** The label in force per finding (for the feedback controls). */
  labels: ReadonlyMap<string, FeedbackRecord>;
  /** The article in its CMS's editor, when that CMS's edit URL is configured. */
  editUrl?: string | null;
  flash?: string | null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The one-line answer: can it be published, and why. */
export function verdictLine(
  f: Findings,
  latest: RunWithVerdicts | null,
): { tone: "fail" | "review" | "pass" | "none"; icon: string; text: string } {
  if (!latest) return { tone: "none", icon: "–", text: "Not checked yet: no run is stored for this article." };
  const first = f.fixes[0];
  if (first) {
    const why = first.type === "conflict" ? "it gives different values for one fact" : (first.why ?? `it contradicts ${first.rule}`);
    const more = f.fixes.length > 1 ? `, and ${plural(f.fixes.length - 1, "more problem")}` : "";
    // Only minor rules failing (outcome "warn"): still to fix, but said less starkly.
    const lead = f.fixes.every((g) => g.severity === "minor") ? "Fix before publishing (minor)" : "Not ready to publish";
    return { tone: "fail", icon: "✗", text: `${lead}: ${why}${more}.` };
  }
  if (f.review.length + f.unplaced.length > 0) {
    return {
      tone: "review",
      icon: "?",
      text: `Check before publishing: ${plural(f.review.length + f.unplaced.length, "finding")} need${f.review.length + f.unplaced.length === 1 ? "s" : ""} a person's judgement; nothing contradicts a rule.`,
    };
  }
  const checked = f.passes.length;
  return {
    tone: "pass",
    icon: "✓",
    text: `Can be published: no rule fails${checked ? ` (${plural(checked, "statement")} checked and correct)` : ""}.`,
  };
}

export function ArticlePage(p: ArticlePageProps) {
  const { article, runs } = p;
  const verdicts = p.latest?.verdicts ?? [];
  const notes = collectNotes(article.text, verdicts);
  const findings = buildFindings(article.text, verdicts, notes);
  const line = verdictLine(findings, p.latest);
  const title = articleTitle(article);
  const history = [...runs].reverse();
  const id = encodeURIComponent(article.id);
  const fb = { articleId: article.id, session: p.session, labels: p.labels };
  return (
    <Layout title={title} nonce={p.nonce} session={p.session} section="articles">
      <p class="crumb">
        <a href="/">← Articles</a>
      </p>
      <h1>{title}</h1>
      {p.flash && (
        <p class="notice" role="status">
          {p.flash}
        </p>
      )}
      <p class={`verdict v-${line.tone}`}>
        <span class="icon" aria-hidden="true">
          {line.icon}
        </span>{" "}
        {line.text}
      </p>
      <div class="actions">
        {p.editUrl && (
          <a class="button" href={p.editUrl} rel="noopener noreferrer">
            Edit in CMS <span class="sr">(opens the article in {article.source})</span>
          </a>
        )}
        {p.session.role === "write" ? (
          <form method="post" action={`/articles/${id}/recheck`} class="inline">
            <input type="hidden" name="csrf" value={p.session.csrf} />
            <button type="submit" aria-describedby="recheck-help">
              Re-check stored text
            </button>
          </form>
        ) : null}
        <span id="recheck-help" class="muted small">
          {p.session.role === "write"
            ? "Re-check scores the text stored here against the current rules; it does not fetch a new version from the CMS."
            : "Read-only session: log in with an editor token to re-check."}
        </span>
      </div>
      <ToFix f={findings} rules={p.rules} fb={fb} />
      <Dismissed f={findings} rules={p.rules} fb={fb} />
      <OtherFindings f={findings} rules={p.rules} />
      <h2 id="text">Text</h2>
      <Legend />
      <ArticleText text={article.text} notes={notes} rules={p.rules} language={article.language} />
      <h2>About this article</h2>
      <dl class="facts">
        <dt>Score</dt>
        <dd>
          {score(article.score)} · <Badge value={article.outcome} />
        </dd>
        <dt>Source</dt>
        <dd>
          {article.source} · {article.external_id}
          {article.status === "withdrawn" && (
            <>
              {" "}
              <Badge value="withdrawn" />
            </>
          )}
        </dd>
        {article.url && (
          <>
            <dt>URL</dt>
            <dd>
              <a href={/^https?:\/\//i.test(article.url) ? article.url : undefined} rel="noopener noreferrer nofollow">
                {article.url}
              </a>
            </dd>
          </>
        )}
        <dt>Published</dt>
        <dd>{when(article.published_at)}</dd>
        <dt>Last checked</dt>
        <dd>
          {when(article.last_checked_at)}
          {runs[0]?.actor && <> by {runs[0].actor}</>}
        </dd>
        <dt>Exports</dt>
        <dd>
          <a href={`/export/articles/${id}/claimreview.json`}>ClaimReview JSON-LD</a>
        </dd>
      </dl>
      <h2>Run history</h2>
      {history.length > 0 && (
        <Sparkline title="Score over time" points={history.map((r) => ({ label: when(r.created_at), score: r.score }))} />
      )}
      <div class="wrap">
        <table class="cards-sm">
          <thead>
            <tr>
              <th scope="col">Checked</th>
              <th scope="col">Trigger</th>
              <th scope="col">By</th>
              <th scope="col">Score</th>
              <th scope="col">Outcome</th>
              <th scope="col" class="opt">
                Failing
              </th>
              <th scope="col" class="opt">
                Ruleset
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td data-label="Checked">{when(r.created_at)}</td>
                <td data-label="Trigger">{r.trigger}</td>
                <td data-label="By">{r.actor ?? <span class="muted">—</span>}</td>
                <td class="num" data-label="Score">
                  {score(r.score)}
                </td>
                <td data-label="Outcome">
                  <Badge value={r.outcome} />
                </td>
                <td class="opt num" data-label="Failing">
                  {r.counts.fail}
                </td>
                <td class="opt" data-label="Ruleset">
                  <code>{r.ruleset_version.slice(0, 12)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
