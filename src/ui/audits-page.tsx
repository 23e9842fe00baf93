// `/audits`: the audit history as a chart (mean score and failing articles per audit) and a table.
import type { AuditSummary } from "../storage/audits";
import { AuditChart, Badge, score, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export function AuditsPage(p: { nonce: string; session: Session; audits: AuditSummary[]; failingNow: number }) {
  const chronological = [...p.audits].reverse();
  return (
    <Layout title="Audits" nonce={p.nonce} session={p.session} section="audits">
      <h1>Audits</h1>
      <p>
        <a href="/?outcome=fail">
          <b>{p.failingNow}</b> active articles fail now
        </a>
        . <span class="muted">An audit re-scores only articles judged by older rules, so its own “failing” counts the re-scored ones.</span>
      </p>
      {p.audits.length === 0 ? (
        <p class="notice">No audit yet. The nightly cron runs one at 03:00 UTC; start one now with POST /v1/audits.</p>
      ) : (
        <>
          <AuditChart
            points={chronological.map((a) => ({
              id: a.id,
              label: a.started_at.slice(5, 16).replace("T", " "),
              meanScore: a.mean_score,
              failing: a.outcomes.fail,
            }))}
          />
          <div class="wrap">
            <table class="cards-sm">
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="opt">
                    Trigger
                  </th>
                  <th scope="col">Scored</th>
                  <th scope="col" class="opt">
                    Skipped
                  </th>
                  <th scope="col">Mean score</th>
                  <th scope="col">Failing (re-scored)</th>
                  <th scope="col">Regressions</th>
                  <th scope="col">Fixed</th>
                </tr>
              </thead>
              <tbody>
                {p.audits.map((a) => (
                  <tr>
                    <td data-label="Started">
                      <a href={`/audits/${encodeURIComponent(a.id)}`}>{when(a.started_at)}</a>
                    </td>
                    <td data-label="Status">
                      <Badge value={a.status} />
                    </td>
                    <td class="opt" data-label="Trigger">
                      {a.trigger}
                    </td>
                    <td class="num" data-label="Scored">
                      {a.articles.scored}
                    </td>
                    <td class="opt num" data-label="Skipped">
                      {a.articles.skipped}
                    </td>
                    <td class="num" data-label="Mean score">
                      {score(a.mean_score)}
                    </td>
                    <td class="num" data-label="Failing (re-scored)">
                      {a.outcomes.fail}
                    </td>
                    <td class="num" data-label="Regressions">
                      {a.changes.regressions}
                    </td>
                    <td class="num" data-label="Fixed">
                      {a.changes.fixed}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}
