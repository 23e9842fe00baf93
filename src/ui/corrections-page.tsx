// `/corrections`: the corrections desk's queue (the same rows as GET /v1/corrections) — active
// articles failing now, oldest failure first, each wrong wording with its suggested correction.
import type { RuleSummary } from "../engine";
import type { CorrectionRow } from "../storage/corrections";
import { RewriteLine } from "./article-findings";
import { ArticleLink, Pager, score, when } from "./components";
import { rewriteQuote } from "./findings";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface CorrectionsPageProps {
  nonce: string;
  session: Session;
  rows: CorrectionRow[];
  rules: ReadonlyMap<string, RuleSummary>;
  rule: string | null;
  cursor: string | null;
  nextCursor: string | null;
}

export function CorrectionsPage(p: CorrectionsPageProps) {
  const q = p.rule ? `?rule=${encodeURIComponent(p.rule)}` : "";
  return (
    <Layout title="Corrections" nonce={p.nonce} session={p.session} section="corrections">
      <h1>Corrections queue</h1>
      <p class="muted">
        Published articles that fail a rule now, the longest-failing first. Each line shows the wording to correct and the suggested
        correction.
      </p>
      {p.rule && (
        <p>
          Only rule <a href={`/rules/${encodeURIComponent(p.rule)}`}>{p.rule}</a> · <a href="/corrections">Show all</a>
        </p>
      )}
      {p.rows.length === 0 ? (
        <p class="notice">Nothing to correct: no active article fails a rule.</p>
      ) : (
        <ul class="queue">
          {p.rows.map((r) => (
            <li class="o-fail">
              <div>
                <span class="title">
                  <ArticleLink article={{ id: r.article.id, title: r.article.title, external_id: r.article.id }} />
                </span>
              </div>
              <div class="meta">
                failing since {when(r.failing_since).slice(0, 10)} · score {score(r.score)}
              </div>
              {r.failing.map((v) =>
                v.evidence
                  .filter((e) => e.attribution !== "quote")
                  .slice(0, 3)
                  .map((e) => (
                    <p class="flag">
                      <RewriteLine r={rewriteQuote(e)} /> {e.message ?? v.message ?? p.rules.get(v.rule)?.claim ?? ""}{" "}
                      <span class="muted small">
                        (<a href={`/rules/${encodeURIComponent(v.rule)}`}>{v.rule}</a>)
                      </span>
                    </p>
                  )),
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager
        first={p.cursor ? `/corrections${q}` : null}
        next={p.nextCursor ? `/corrections${q}${q ? "&" : "?"}cursor=${encodeURIComponent(p.nextCursor)}` : null}
      />
    </Layout>
  );
}
