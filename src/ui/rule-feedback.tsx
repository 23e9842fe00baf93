// Editors' feedback on a rule, for `/rules` (a precision cell) and `/rules/:id` (precision, the
// noisy mark and the wordings dismissed as false alarms, so a rule owner sees what it gets wrong).
import type { NoisyThresholds } from "../lib/config";
import type { DismissedQuote } from "../storage/feedback";
import type { RuleFeedback } from "../use-cases/rule-feedback";
import { when } from "./components";

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** "80% (4 confirmed, 1 false alarm)", with the noisy mark; "—" without labels. */
export function PrecisionCell(props: { f: RuleFeedback }) {
  const { f } = props;
  if (f.precision === null) return <span class="muted">—</span>;
  return (
    <span>
      {pct(f.precision)}{" "}
      <span class="muted small">
        ({f.confirmed} confirmed, {f.false_alarm} false {f.false_alarm === 1 ? "alarm" : "alarms"})
      </span>
      {f.noisy && (
        <>
          {" "}
          <span class="noisy">⚠ noisy</span>
        </>
      )}
    </span>
  );
}

export function RuleFeedbackSection(props: { f: RuleFeedback; dismissed: DismissedQuote[]; t: NoisyThresholds }) {
  const { f, dismissed, t } = props;
  return (
    <section aria-labelledby="feedback">
      <h2 id="feedback">Editors' feedback</h2>
      <ul class="strip">
        <li>
          <b>{f.precision === null ? "—" : pct(f.precision)}</b>precision
        </li>
        <li>
          <b>{f.confirmed}</b>confirmed
        </li>
        <li>
          <b>{f.false_alarm}</b>false alarms
        </li>
      </ul>
      {f.noisy && (
        <p class="error">
          ⚠ Noisy: editors judged {pct(1 - (f.precision ?? 0))} of the findings they labelled wrong. Read the wordings below before trusting
          its alerts.
        </p>
      )}
      <p class="muted">
        Precision = confirmed / (confirmed + false alarms), from the labels in force. A rule is marked noisy under {pct(t.precision)} once
        it has {t.minLabels} labels.
      </p>
      <h3>Wordings dismissed as false alarms ({dismissed.length})</h3>
      {dismissed.length === 0 ? (
        <p class="muted">No finding of this rule has been dismissed.</p>
      ) : (
        <ul>
          {dismissed.map((d) => (
            <li>
              <q>{d.quote}</q> · {d.articles === 1 ? "1 article" : `${d.articles} articles`} · latest{" "}
              <a href={`/articles/${encodeURIComponent(d.article_id)}`}>by {d.actor}</a> on {when(d.at)}
              {d.note && <span class="muted"> — “{d.note}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
