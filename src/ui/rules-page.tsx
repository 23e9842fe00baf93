// `/rules`: every rule of the current ruleset with how the latest runs judged it and its precision
// from editors' feedback (noisy rules marked).
import type { RuleSummary } from "../engine";
import type { RuleCounts } from "../storage/queries-rules";
import { ruleFeedbackOf, type RuleFeedback } from "../use-cases/rule-feedback";
import type { NoisyThresholds } from "../lib/config";
import { PrecisionCell } from "./rule-feedback";
import { Badge } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export function validity(r: RuleSummary): string {
  if (!r.valid_from && !r.valid_until) return "always";
  return `${r.valid_from ?? "…"} → ${r.valid_until ?? "…"}`;
}

export function RulesPage(p: {
  nonce: string;
  session: Session;
  version: string;
  rules: RuleSummary[];
  stats: Record<string, RuleCounts>;
  feedback: ReadonlyMap<string, RuleFeedback>;
  thresholds: NoisyThresholds;
}) {
  return (
    <Layout title="Rules" nonce={p.nonce} session={p.session} section="rules">
      <h1>Rules</h1>
      <p class="muted">
        {p.rules.length} rules · ruleset <code>{p.version.slice(0, 12)}</code> · counts are over each article's latest run
      </p>
      <div class="wrap">
        <table class="cards-sm">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Claim</th>
              <th scope="col" class="opt">
                Kind
              </th>
              <th scope="col">Severity</th>
              <th scope="col">Fail</th>
              <th scope="col">Pass</th>
              <th scope="col">Precision</th>
              <th scope="col" class="opt">
                Review
              </th>
              <th scope="col" class="opt">
                Valid
              </th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => {
              const s = p.stats[r.id];
              return (
                <tr>
                  <td data-label="Rule">
                    <a href={`/rules/${encodeURIComponent(r.id)}`}>
                      <code class="rule">{r.id}</code>
                    </a>
                  </td>
                  <td data-label="Claim">{r.claim}</td>
                  <td class="opt" data-label="Kind">
                    {r.kind}
                  </td>
                  <td data-label="Severity">{r.severity}</td>
                  <td class="num" data-label="Fail">
                    {s?.fail ? <Badge value="fail" label={String(s.fail)} /> : "0"}
                  </td>
                  <td class="num" data-label="Pass">
                    {s?.pass ?? 0}
                  </td>
                  <td data-label="Precision">
                    <PrecisionCell f={p.feedback.get(r.id) ?? ruleFeedbackOf(undefined, p.thresholds)} />
                  </td>
                  <td class="opt num" data-label="Review">
                    {s?.review ?? 0}
                  </td>
                  <td class="opt" data-label="Valid">
                    {validity(r)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
