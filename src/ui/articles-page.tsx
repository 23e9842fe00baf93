// `/`: the triage queue — failing first, then to review, newest published first — each row with
// the flagged wording and why, plus the filters, the summary strip and pagination.
import type { RuleSummary } from "../engine";
import type { ArticleFilters, ArticleTotals } from "../storage/articles";
import type { TriageGroup, TriageRow } from "../storage/triage";
import { ArticleLink, Badge, Pager, score, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface ArticlesPageProps {
  nonce: string;
  session: Session;
  filters: ArticleFilters;
  rows: TriageRow[];
  summary: ArticleTotals;
  sources: string[];
  rules: RuleSummary[];
  /** Query string of the current filters ("" or "?outcome=fail&…"), without the cursor. */
  query: string;
  /** Set when this is not the first page. */
  cursor: string | null;
  nextCursor: string | null;
}

const GROUP_TITLE: Record<TriageGroup, string> = { 0: "Failing: fix before publishing", 1: "To review", 2: "Passing", 3: "Withdrawn" };
const GROUP_BADGE: Record<TriageGroup, [string, string]> = {
  0: ["fail", "fails"],
  1: ["review", "to review"],
  2: ["pass", "passes"],
  3: ["withdrawn", "withdrawn"],
};

/** Consecutive rows of one group (the query sorts by group first). */
function groups(rows: TriageRow[]): [TriageGroup, TriageRow[]][] {
  const out: [TriageGroup, TriageRow[]][] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last[0] === r.group) last[1].push(r);
    else out.push([r.group, [r]]);
  }
  return out;
}

function QueueRow(props: { a: TriageRow }) {
  const a = props.a;
  const [badge, label] = GROUP_BADGE[a.group];
  const more = a.flagged - a.flags.length;
  return (
    <li class={`o-${badge}`}>
      <div>
        <span class="title">
          <ArticleLink article={a} />
        </span>{" "}
        <Badge value={badge} label={label} />
      </div>
      <div class="meta">
        {a.published_at ? `published ${when(a.published_at).slice(0, 10)}` : "no publication date"} · {a.source} · score {score(a.score)}
      </div>
      {a.flags.map((f) => (
        <p class="flag">
          {f.quote && (
            <>
              <q>{f.quote.length > 160 ? `${f.quote.slice(0, 160).replace(/\s\S*$/, "")}…` : f.quote}</q>:{" "}
            </>
          )}
          {f.reason ?? (f.status === "review" ? "needs a person's judgement" : "contradicts the rule")}{" "}
          <span class="muted small">
            (<a href={`/rules/${encodeURIComponent(f.rule)}`}>{f.rule}</a>)
          </span>
        </p>
      ))}
      {more > 0 && <p class="flag muted small">and {more} more</p>}
    </li>
  );
}

export function ArticlesPage(p: ArticlesPageProps) {
  const f = p.filters;
  const filtered = Boolean(f.outcome || f.rule || f.source || f.q || f.min_score !== undefined || f.max_score !== undefined);
  // A total no counter answers covers the newest articles only: say so, never print a guess as exact.
  const partial = p.summary.partial;
  const atLeast = partial ? "≥ " : "";
  return (
    <Layout title="To check" nonce={p.nonce} session={p.session} section="articles">
      <h1>Articles to check</h1>
      <ul class="strip" aria-label={filtered ? "Summary of the filtered articles" : "Summary"}>
        <li>
          <b>
            {atLeast}
            {p.summary.articles}
          </b>
          articles{filtered ? " (filtered)" : ""}
        </li>
        <li>
          <a href="/?outcome=fail">
            <b>
              {atLeast}
              {p.summary.failing}
            </b>
            failing
          </a>
        </li>
        <li>
          <b>{score(p.summary.meanScore)}</b>mean score
        </li>
      </ul>
      {partial && (
        <p class="muted small">
          Counted over the newest {partial.examined.toLocaleString("en-US")} checked articles{f.outcome ? ` with outcome ${f.outcome}` : ""}
          ; the mean is theirs.
          {f.rule && (
            <>
              {" "}
              <a href={`/rules/${encodeURIComponent(f.rule)}`}>The rule's page</a> counts every active article.
            </>
          )}
        </p>
      )}
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
        <p class="notice">
          {filtered
            ? "No article matches these filters."
            : "No article has been scored yet: POST one to /v1/score or connect a CMS webhook."}
        </p>
      ) : (
        groups(p.rows).map(([group, rows]) => (
          <section aria-labelledby={`g-${group}`}>
            <h2 id={`g-${group}`}>{GROUP_TITLE[group]}</h2>
            <ul class="queue">
              {rows.map((a) => (
                <QueueRow a={a} />
              ))}
            </ul>
          </section>
        ))
      )}
      <Pager
        first={p.cursor ? `/${p.query}` : null}
        next={p.nextCursor ? `/${p.query}${p.query ? "&" : "?"}cursor=${encodeURIComponent(p.nextCursor)}` : null}
      />
    </Layout>
  );
}
