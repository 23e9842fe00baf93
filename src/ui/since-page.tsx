// `/since`: what changed since yesterday (or the last N hours) — new failures, regressions and
// fixes — the page a desk opens every morning.
import type { SinceChange, SinceRow } from "../storage/since";
import { ArticleLink, Badge, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface SincePageProps {
  nonce: string;
  session: Session;
  hours: number;
  since: string;
  rows: SinceRow[];
  more: boolean;
}

const SECTIONS: [SinceChange, string, string, string][] = [
  ["new_failure", "New failures", "fail", "First checked in this period, and failing."],
  ["regression", "Regressions", "regression", "Passed before this period, fail now."],
  ["fixed", "Fixed", "fixed", "Failed before this period, pass now."],
];

export function SincePage(p: SincePageProps) {
  return (
    <Layout title="Since yesterday" nonce={p.nonce} session={p.session} section="since">
      <h1>{p.hours === 24 ? "Since yesterday" : `In the last ${p.hours} hours`}</h1>
      <p class="muted">
        Changes since {when(p.since)}. <a href="/since?hours=72">Last 3 days</a> · <a href="/since?hours=168">Last week</a>
      </p>
      <ul class="strip" aria-label="Summary">
        {SECTIONS.map(([change, title]) => (
          <li>
            <a href={`#${change}`}>
              <b>{p.rows.filter((r) => r.change === change).length}</b>
              {title.toLowerCase()}
            </a>
          </li>
        ))}
      </ul>
      {p.more && <p class="notice">Only the 200 most recent changes are listed.</p>}
      {SECTIONS.map(([change, title, badge, help]) => {
        const rows = p.rows.filter((r) => r.change === change);
        return (
          <section aria-labelledby={change}>
            <h2 id={change}>
              {title} ({rows.length})
            </h2>
            <p class="muted small">{help}</p>
            {rows.length === 0 ? (
              <p>None.</p>
            ) : (
              <ul class="queue">
                {rows.map((r) => (
                  <li class={change === "fixed" ? "o-pass" : "o-fail"}>
                    <div>
                      <span class="title">
                        <ArticleLink article={r} />
                      </span>{" "}
                      <Badge value={badge} label={change === "fixed" ? "fixed" : change === "regression" ? "regression" : "new failure"} />
                    </div>
                    <div class="meta">
                      checked {when(r.last_checked_at)}
                      {r.actor ? ` by ${r.actor}` : ""} · was {r.before ?? "not checked"}, now {r.outcome}
                    </div>
                    {r.flags.map((f) => (
                      <p class="flag">
                        {f.quote && (
                          <>
                            <q>{f.quote}</q>:{" "}
                          </>
                        )}
                        {f.reason ?? "contradicts the rule"}{" "}
                        <span class="muted small">
                          (<a href={`/rules/${encodeURIComponent(f.rule)}`}>{f.rule}</a>)
                        </span>
                      </p>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </Layout>
  );
}
