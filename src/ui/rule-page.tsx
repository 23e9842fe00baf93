// `/rules/:id`: one rule's definition, its examples, its tally and the articles failing it now.
import type { RuleSummary } from "../engine";
import type { ArticleSummary } from "../storage/articles";
import type { RuleCounts } from "../storage/queries-rules";
import { ArticleLink, Badge, score, SourceLink, when } from "./components";
import { Layout } from "./layout";
import type { RuleExampleView } from "./rule-examples";
import { validity } from "./rules-page";
import type { Session } from "./session";
import type { NoisyThresholds } from "../lib/config";
import type { DismissedQuote } from "../storage/feedback";
import type { RuleFeedback } from "../use-cases/rule-feedback";
import { RuleFeedbackSection } from "./rule-feedback";

export interface RulePageProps {
  nonce: string;
  session: Session;
  rule: RuleSummary;
  examples: RuleExampleView[];
  counts: RuleCounts;
  failing: ArticleSummary[];
  moreFailing: boolean;
  feedback: RuleFeedback;
  dismissed: DismissedQuote[];
  thresholds: NoisyThresholds;
}

export function RulePage(p: RulePageProps) {
  const r = p.rule;
  return (
    <Layout title={r.id} nonce={p.nonce} session={p.session} section="rules">
      <p>
        <a href="/rules">← Rules</a>
      </p>
      <h1>
        <code>{r.id}</code>
      </h1>
      <p>{r.claim}</p>
      {p.session.role === "write" && (
        <p>
          <a class="button" href={`/rules/${encodeURIComponent(r.id)}/edit`}>
            Edit
          </a>{" "}
          <a href="/rulesets">Ruleset versions</a>
        </p>
      )}
      <ul class="strip">
        <li>
          <b>{p.counts.fail}</b>failing
        </li>
        <li>
          <b>{p.counts.pass}</b>passing
        </li>
        <li>
          <b>{p.counts.review}</b>to review
        </li>
        <li>
          <b>{p.counts.not_applicable}</b>not applicable
        </li>
      </ul>
      <dl class="facts">
        <dt>Kind</dt>
        <dd>{r.kind}</dd>
        <dt>Severity</dt>
        <dd>{r.severity}</dd>
        <dt>Valid</dt>
        <dd>{validity(r)}</dd>
        {r.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{r.tags.join(", ")}</dd>
          </>
        )}
        <dt>Sources</dt>
        <dd>
          {r.sources.length === 0
            ? "—"
            : r.sources.map((s, i) => (
                <>
                  {i > 0 && " · "}
                  <SourceLink source={s} />
                </>
              ))}
        </dd>
        <dt>File</dt>
        <dd>
          <code>rules/{r.file}</code> · hash <code>{r.hash.slice(0, 12)}</code>
        </dd>
      </dl>
      <RuleFeedbackSection f={p.feedback} dismissed={p.dismissed} t={p.thresholds} />
      <h2>Examples ({p.examples.length})</h2>
      {p.examples.length === 0 ? (
        <p class="muted">This rule's file has no examples.</p>
      ) : (
        <div class="cards">
          {p.examples.map((e) => (
            <div class="card">
              <Badge value={e.expect} /> <span>{e.text}</span>
              {e.note && <div class="muted">{e.note}</div>}
            </div>
          ))}
        </div>
      )}
      <h2>Failing articles ({p.counts.fail})</h2>
      {p.failing.length === 0 ? (
        <p class="muted">No article fails this rule in its latest run.</p>
      ) : (
        <div class="wrap">
          <table class="cards-sm">
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col" class="opt">
                  Source
                </th>
                <th scope="col">Score</th>
                <th scope="col" class="opt">
                  Last checked
                </th>
              </tr>
            </thead>
            <tbody>
              {p.failing.map((a) => (
                <tr>
                  <td data-label="Title">
                    <ArticleLink article={a} />
                  </td>
                  <td class="opt" data-label="Source">
                    {a.source}
                  </td>
                  <td class="num" data-label="Score">
                    {score(a.score)}
                  </td>
                  <td class="opt" data-label="Last checked">
                    {when(a.last_checked_at)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {p.moreFailing && (
        <p>
          <a href={`/?rule=${encodeURIComponent(r.id)}`}>All failing articles →</a>
        </p>
      )}
    </Layout>
  );
}
