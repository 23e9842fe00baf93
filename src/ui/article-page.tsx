// `/articles/:id`: the stored text with every evidence span of the latest run marked in place,
// footnotes that work without JavaScript, the run history sparkline and the re-check form.
import type { RuleSummary } from "../engine";
import type { ArticleRecord } from "../storage/articles";
import type { RunWithVerdicts, StoredRun } from "../storage/queries-runs";
import { articleTitle, Badge, score, SourceLink, Sparkline, when } from "./components";
import { collectNotes, segment, strongest, type Note } from "../lib/highlight";
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
  flash?: string | null;
}

function claimOf(rules: ReadonlyMap<string, RuleSummary>, id: string): string {
  return rules.get(id)?.claim ?? "(rule no longer in the current ruleset)";
}

// The tooltip repeats the footnote, so pointer users get it on hover and everyone gets the list.
function noteTitle(n: Note, rules: ReadonlyMap<string, RuleSummary>): string {
  const e = n.evidence;
  const lines = [`[${n.n}] ${n.rule} (${n.status}${e.attribution === "quote" ? ", inside a quotation" : ""}): ${claimOf(rules, n.rule)}`];
  if (e.found != null || e.expected != null) lines.push(`Found: ${e.found ?? "—"} · Expected: ${e.expected ?? "—"}`);
  if (e.replacements.length) lines.push(`Suggestion: ${e.replacements.join(" / ")}`);
  return lines.join("\n");
}

function Highlighted(props: { text: string; notes: Note[]; rules: ReadonlyMap<string, RuleSummary> }) {
  return (
    <>
      {segment(props.text, props.notes).map((piece) => {
        if (piece.notes.length === 0) return piece.text;
        const title = piece.notes.map((n) => noteTitle(n, props.rules)).join("\n\n");
        return (
          <mark
            class={`t-${strongest(piece.notes)}${piece.focus ? " found" : ""}`}
            title={title}
            id={piece.starts[0] ? `m-${piece.starts[0].n}` : undefined}
            data-rules={[...new Set(piece.notes.map((n) => n.rule))].join(" ")}
          >
            {piece.text}
            {piece.ends.length > 0 && (
              <sup>
                {piece.ends.map((n, i) => (
                  <>
                    {i > 0 && ","}
                    <a href={`#ev-${n.n}`} aria-label={`note ${n.n}`}>
                      {n.n}
                    </a>
                  </>
                ))}
              </sup>
            )}
          </mark>
        );
      })}
    </>
  );
}

function NoteItem(props: { note: Note; rule: RuleSummary | undefined }) {
  const { note: n, rule } = props;
  const e = n.evidence;
  return (
    <li id={`ev-${n.n}`} class={`t-${n.tone}`} value={n.n}>
      <Badge value={n.status} /> <a href={`/rules/${encodeURIComponent(n.rule)}`}>
        <code class="rule">{n.rule}</code>
      </a>
      {e.attribution === "quote" && <span class="muted"> · inside a quotation</span>}
      <div>{rule?.claim ?? "(rule no longer in the current ruleset)"}</div>
      <dl class="facts">
        <dt>Quote</dt>
        <dd>
          “{e.quote}”{" "}
          {n.located ? (
            <a href={`#m-${n.n}`} aria-label={`back to the text of note ${n.n}`}>
              ↩
            </a>
          ) : (
            <span class="muted">(not located: the stored text changed since this run)</span>
          )}
        </dd>
        {(e.found != null || e.expected != null) && (
          <>
            <dt>Found</dt>
            <dd>{e.found ?? "—"}</dd>
            <dt>Expected</dt>
            <dd>{e.expected ?? "—"}</dd>
          </>
        )}
        {e.replacements.length > 0 && (
          <>
            <dt>Suggestion</dt>
            <dd>{e.replacements.join(" / ")}</dd>
          </>
        )}
        {e.message && (
          <>
            <dt>Why</dt>
            <dd>{e.message}</dd>
          </>
        )}
        {rule && rule.sources.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>
              {rule.sources.map((s, i) => (
                <>
                  {i > 0 && " · "}
                  <SourceLink source={s} />
                </>
              ))}
            </dd>
          </>
        )}
      </dl>
    </li>
  );
}

export function ArticlePage(p: ArticlePageProps) {
  const { article, runs } = p;
  const latest = p.latest?.verdicts ?? [];
  const notes = collectNotes(article.text, latest);
  const failing = latest.filter((v) => v.status === "fail" || v.status === "error" || v.status === "review");
  const title = articleTitle(article);
  const history = [...runs].reverse();
  return (
    <Layout title={title} nonce={p.nonce} session={p.session} section="articles">
      <p>
        <a href="/">← Articles</a>
      </p>
      <h1>{title}</h1>
      {p.flash && <p class="notice" role="status">{p.flash}</p>}
      <ul class="strip">
        <li>
          <b>{score(article.score)}</b>score
        </li>
        <li>
          <b>
            <Badge value={article.outcome} />
          </b>
          outcome
        </li>
        <li>
          <b>{failing.length}</b>rules to look at
        </li>
        <li>
          <b>{runs.length}</b>runs
        </li>
      </ul>
      <dl class="facts">
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
        <dd>{when(article.last_checked_at)}</dd>
        <dt>Exports</dt>
        <dd>
          <a href={`/export/articles/${encodeURIComponent(article.id)}/claimreview.json`}>ClaimReview JSON-LD</a>
        </dd>
      </dl>
      {p.session.role === "write" ? (
        <form method="post" action={`/articles/${encodeURIComponent(article.id)}/recheck`}>
          <input type="hidden" name="csrf" value={p.session.csrf} />
          <button type="submit" class="primary">
            Re-check now
          </button>{" "}
          <span class="muted">scores the stored text against the current rules</span>
        </form>
      ) : (
        <p class="muted">Read-only session: log in with the API token to re-check.</p>
      )}
      <h2>Text</h2>
      <div class="legend" aria-hidden="true">
        <mark class="t-fail">fails a rule</mark>
        <mark class="t-review">needs review</mark>
        <mark class="t-quote">inside a quotation</mark>
        <mark class="t-pass">supports a rule</mark>
      </div>
      <article class="text" lang={article.language ?? undefined}>
        <Highlighted text={article.text} notes={notes} rules={p.rules} />
      </article>
      <h2>Evidence ({notes.length})</h2>
      {notes.length === 0 ? (
        <p class="muted">No rule found evidence in this text.</p>
      ) : (
        <ol class="notes">
          {notes.map((n) => (
            <NoteItem note={n} rule={p.rules.get(n.rule)} />
          ))}
        </ol>
      )}
      {latest.some((v) => v.evidence.length === 0 && v.status !== "not_applicable" && v.status !== "pass") && (
        <>
          <h2>Verdicts without a span</h2>
          <ul>
            {latest
              .filter((v) => v.evidence.length === 0 && v.status !== "not_applicable" && v.status !== "pass")
              .map((v) => (
                <li>
                  <Badge value={v.status} /> <code class="rule">{v.rule}</code> {claimOf(p.rules, v.rule)}
                  {v.message && <span class="muted"> — {v.message}</span>}
                </li>
              ))}
          </ul>
        </>
      )}
      <h2>Run history</h2>
      {history.length > 0 && <Sparkline title="Score over time" points={history.map((r) => ({ label: when(r.created_at), score: r.score }))} />}
      <div class="wrap">
        <table>
          <thead>
            <tr>
              <th>Checked</th>
              <th>Trigger</th>
              <th>Score</th>
              <th>Outcome</th>
              <th class="opt">Failing</th>
              <th class="opt">Ruleset</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td>{when(r.created_at)}</td>
                <td>{r.trigger}</td>
                <td class="num">{score(r.score)}</td>
                <td>
                  <Badge value={r.outcome} />
                </td>
                <td class="opt num">{r.counts.fail}</td>
                <td class="opt">
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
