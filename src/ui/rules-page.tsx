// `/rules`: every rule of the current ruleset with how the latest runs judged it.
import type { RuleSummary } from "../engine";
import type { RuleCounts } from "../storage/queries-rules";
import { Badge } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export function validity(r: RuleSummary): string {
  if (!r.valid_from && !r.valid_until) return "always";
  return `${r.valid_from ?? "…"} → ${r.valid_until ?? "…"}`;
}

export function RulesPage(p: { nonce: string; session: Session; version: string; rules: RuleSummary[]; stats: Record<string, RuleCounts> }) {
  return (
    <Layout title="Rules" nonce={p.nonce} session={p.session} section="rules">
      <h1>Rules</h1>
      <p class="muted">
        {p.rules.length} rules · ruleset <code>{p.version.slice(0, 12)}</code> · counts are over each article's latest run
      </p>
      <div class="wrap">
        <table>
          <thead>
            <tr>
              <th>Rule</th>
              <th>Claim</th>
              <th class="opt">Kind</th>
              <th>Severity</th>
              <th>Fail</th>
              <th>Pass</th>
              <th class="opt">Review</th>
              <th class="opt">Valid</th>
            </tr>
          </thead>
          <tbody>
            {p.rules.map((r) => {
              const s = p.stats[r.id];
              return (
                <tr>
                  <td>
                    <a href={`/rules/${encodeURIComponent(r.id)}`}>
                      <code class="rule">{r.id}</code>
                    </a>
                  </td>
                  <td>{r.claim}</td>
                  <td class="opt">{r.kind}</td>
                  <td>{r.severity}</td>
                  <td class="num">{s?.fail ? <Badge value="fail" label={String(s.fail)} /> : "0"}</td>
                  <td class="num">{s?.pass ?? 0}</td>
                  <td class="opt num">{s?.review ?? 0}</td>
                  <td class="opt">{validity(r)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
