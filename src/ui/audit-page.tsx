// `/audits/:id`: one audit's summary, the rules it saw change, and every article whose verdicts changed.
import type { ChangedArticle } from "../storage/audit-changes";
import type { AuditSummary } from "../storage/audits";
import { Badge, Pager, score, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

const CAUSES: Record<string, string> = {
  rule_added: "rule added",
  rule_edited: "rule edited",
  rule_removed: "rule removed",
  text_changed: "text changed",
  as_of: "judging date moved",
};

export interface AuditPageProps {
  nonce: string;
  session: Session;
  audit: AuditSummary;
  changes: ChangedArticle[];
  cursor: string | null;
  nextCursor: string | null;
}

export function AuditPage(p: AuditPageProps) {
  const a = p.audit;
  const rules = a.rule_changes;
  const self = `/audits/${encodeURIComponent(a.id)}`;
  return (
    <Layout title={`Audit ${when(a.started_at)}`} nonce={p.nonce} session={p.session} section="audits">
      <p>
        <a href="/audits">← Audits</a>
      </p>
      <h1>Audit {when(a.started_at)}</h1>
      <ul class="strip">
        <li>
          <b>
            <Badge value={a.status} />
          </b>
          {a.finished_at ? `finished ${when(a.finished_at)}` : `${a.batches.accounted}/${a.batches.total} batches`}
        </li>
        <li>
          <b>{a.articles.scored}</b>scored of {a.articles.due}
        </li>
        <li>
          <b>{a.articles.skipped}</b>skipped
        </li>
        <li>
          <b>{score(a.mean_score)}</b>mean score
        </li>
        <li>
          <b>{a.outcomes.fail}</b>failing
        </li>
        <li>
          <b>{a.changes.regressions}</b>regressions
        </li>
        <li>
          <b>{a.changes.fixed}</b>fixed
        </li>
      </ul>
      <p>
        <a href={`/export/audits/${encodeURIComponent(a.id)}.csv`} download>
          Download changes as CSV
        </a>
      </p>
      {rules && rules.added.length + rules.removed.length + rules.edited.length > 0 && (
        <>
          <h2>Rule changes since the previous audit</h2>
          <dl class="facts">
            {(["added", "edited", "removed"] as const).map((k) =>
              rules[k].length ? (
                <>
                  <dt>{k}</dt>
                  <dd>
                    {rules[k].map((id, i) => (
                      <>
                        {i > 0 && " "}
                        <code class="rule">{id}</code>
                      </>
                    ))}
                  </dd>
                </>
              ) : null,
            )}
          </dl>
        </>
      )}
      <h2>Changed articles ({a.changes.regressions + a.changes.fixed + a.changes.changed})</h2>
      {p.changes.length === 0 ? (
        <p class="muted">No article's verdicts changed in this audit.</p>
      ) : (
        <div class="wrap">
          <table class="cards-sm">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Change</th>
                <th scope="col">Outcome</th>
                <th scope="col">Rules</th>
              </tr>
            </thead>
            <tbody>
              {p.changes.map((c) => (
                <tr>
                  <td data-label="Article">
                    <a href={`/articles/${encodeURIComponent(c.article_id)}`}>{c.title?.trim() || c.article_id}</a>
                  </td>
                  <td data-label="Change">
                    <Badge value={c.change} />
                  </td>
                  <td data-label="Outcome">
                    <Badge value={c.previous_outcome} /> → <Badge value={c.outcome} />
                  </td>
                  <td data-label="Rules">
                    {c.rules.map((r) => (
                      <div>
                        <code class="rule">{r.rule}</code> <Badge value={r.from} /> → <Badge value={r.to} />
                        {r.quotes.length > 0 && <span class="muted"> “{r.quotes.join("”, “")}”</span>}
                        <span class="muted"> ({CAUSES[r.cause] ?? r.cause})</span>
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager first={p.cursor ? self : null} next={p.nextCursor ? `${self}?cursor=${encodeURIComponent(p.nextCursor)}` : null} />
    </Layout>
  );
}
