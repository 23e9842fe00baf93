// `/`: the articles table with its filters, summary strip and pagination.
import type { RuleSummary } from "../engine";
import type { ArticleFilters, ArticleSummary, ArticleTotals } from "../storage/articles";
import { ArticleLink, Badge, Pager, score, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface ArticlesPageProps {
  nonce: string;
  session: Session;
  filters: ArticleFilters;
  rows: ArticleSummary[];
  summary: ArticleTotals;
  sources: string[];
  rules: RuleSummary[];
  /** Query string of the current filters ("" or "?outcome=fail&…"), without the cursor. */
  query: string;
  /** Set when this is not the first page. */
  cursor: string | null;
  nextCursor: string | null;
}

export function ArticlesPage(p: ArticlesPageProps) {
  const f = p.filters;
  const filtered = Boolean(f.outcome || f.rule || f.source || f.q);
  return (
    <Layout title="Articles" nonce={p.nonce} session={p.session} section="articles">
      <h1>Articles</h1>
      <ul class="strip" aria-label={filtered ? "Summary of the filtered articles" : "Summary"}>
        <li>
          <b>{p.summary.articles}</b>articles{filtered ? " (filtered)" : ""}
        </li>
        <li>
          <b>{p.summary.failing}</b>failing
        </li>
        <li>
          <b>{score(p.summary.meanScore)}</b>mean score
        </li>
      </ul>
      <form class="filters" method="get" action="/" role="search">
        <label>
          Title contains
          <input type="search" name="q" value={f.q ?? ""} maxlength={200} />
        </label>
        <label>
          Outcome
          <select name="outcome">
            <option value="">any</option>
            {(["fail", "warn", "pass"] as const).map((o) => (
              <option value={o} selected={f.outcome === o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          Failing rule
          <select name="rule">
            <option value="">any</option>
            {p.rules.map((r) => (
              <option value={r.id} selected={f.rule === r.id}>
                {r.id}
              </option>
            ))}
          </select>
        </label>
        <label>
          Source
          <select name="source">
            <option value="">any</option>
            {p.sources.map((s) => (
              <option value={s} selected={f.source === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="primary">
          Filter
        </button>
        {filtered && <a href="/">Clear</a>}
        <a href={`/export/articles.csv${p.query}`} download>
          Download CSV
        </a>
      </form>
      {p.rows.length === 0 ? (
        <p class="notice">{filtered ? "No article matches these filters." : "No article has been scored yet: POST one to /v1/score or connect a CMS webhook."}</p>
      ) : (
        <div class="wrap">
          <table>
            <thead>
              <tr>
                <th>Title</th>
                <th class="opt">Source</th>
                <th>Score</th>
                <th>Outcome</th>
                <th>Failing rules</th>
                <th class="opt">Last checked</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((a) => (
                <tr>
                  <td>
                    <ArticleLink article={a} />
                    {a.status === "withdrawn" && (
                      <>
                        {" "}
                        <Badge value="withdrawn" />
                      </>
                    )}
                  </td>
                  <td class="opt">{a.source}</td>
                  <td class="num">{score(a.score)}</td>
                  <td>
                    <Badge value={a.outcome} />
                  </td>
                  <td>
                    {a.failed_rules.map((r, i) => (
                      <>
                        {i > 0 && " "}
                        <a href={`/rules/${encodeURIComponent(r)}`}>
                          <code class="rule">{r}</code>
                        </a>
                      </>
                    ))}
                  </td>
                  <td class="opt">{when(a.last_checked_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        first={p.cursor ? `/${p.query}` : null}
        next={p.nextCursor ? `/${p.query}${p.query ? "&" : "?"}cursor=${encodeURIComponent(p.nextCursor)}` : null}
      />
    </Layout>
  );
}
