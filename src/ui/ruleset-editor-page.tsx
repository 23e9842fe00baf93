// The rule editor (`/rules/:id/edit`: the rule file's YAML in a textarea, its located errors beside
// it) and a draft's page (`/rulesets/drafts/:id`: its examples' results, the impact preview table,
// Publish and Discard). Plain forms with the session's CSRF token; every value is escaped by JSX.
import type { RuleFileIssue } from "../engine";
import type { DraftView, ExampleView } from "../use-cases/ruleset-drafts";
import type { PreviewView } from "../use-cases/ruleset-preview";
import { Badge, score, when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

const Csrf = (p: { session: Session }) => <input type="hidden" name="csrf" value={p.session.csrf} />;

const at = (i: RuleFileIssue) => (i.line === null ? i.file : `${i.file}:${i.line}:${i.column ?? 1}`);

export function RuleEditorPage(p: {
  nonce: string;
  session: Session;
  ruleId: string;
  path: string;
  text: string;
  issues: RuleFileIssue[];
  base: string;
}) {
  return (
    <Layout title={`Edit ${p.ruleId}`} nonce={p.nonce} session={p.session} section="rules">
      <p>
        <a href={`/rules/${encodeURIComponent(p.ruleId)}`}>← {p.ruleId}</a>
      </p>
      <h1>
        Edit <code>{p.ruleId}</code>
      </h1>
      <p class="muted">
        Saving makes a draft over version <code>{p.base}</code>: nothing changes for articles until the draft is published.
      </p>
      <form method="post" action={`/rules/${encodeURIComponent(p.ruleId)}/drafts`} class="editor">
        <div>
          <label for="yaml">
            <code>rules/{p.path}</code>
          </label>
          <textarea id="yaml" name="text" class="yaml" spellcheck={false} aria-describedby={p.issues.length ? "issues" : undefined}>
            {p.text}
          </textarea>
          <Csrf session={p.session} />
          <input type="hidden" name="base" value={p.base} />
          <p>
            <button type="submit" class="primary">
              Save draft and run examples
            </button>
          </p>
        </div>
        <div id="issues" role={p.issues.length ? "alert" : undefined}>
          <h2>Problems ({p.issues.length})</h2>
          {p.issues.length === 0 ? (
            <p class="muted">None found yet: saving checks the file as `rules lint` does.</p>
          ) : (
            <ol class="issues error">
              {p.issues.map((i) => (
                <li>
                  <code>{at(i)}</code>
                  {i.rule && (
                    <>
                      {" "}
                      [<code>{i.rule}</code>]
                    </>
                  )}
                  {i.key && (
                    <>
                      {" "}
                      (<code>{i.key}</code>)
                    </>
                  )}{" "}
                  {i.message}
                </li>
              ))}
            </ol>
          )}
        </div>
      </form>
    </Layout>
  );
}

function Examples(p: { examples: ExampleView[] }) {
  if (!p.examples.length) return <p class="muted">No rule was added or edited, so no example ran.</p>;
  return (
    <table class="cards-sm">
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Example</th>
          <th scope="col">Expected</th>
          <th scope="col">Got</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {p.examples.map((e) => (
          <tr>
            <td data-label="Rule">
              <code>{e.rule}</code>
            </td>
            <td data-label="Example">{e.text}</td>
            <td data-label="Expected">
              <Badge value={e.expect} />
            </td>
            <td data-label="Got">
              <Badge value={e.got} />
            </td>
            <td data-label="Result">{e.ok ? "✓ as expected" : `✗ ${e.problem ?? "unexpected"}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHANGE_LABEL = { new_failure: "✗ new failure", fixed: "✓ fixed", changed: "↔ changed" } as const;

function PreviewTable(p: { preview: PreviewView }) {
  const v = p.preview;
  return (
    <section aria-labelledby="preview">
      <h2 id="preview">Preview over the {v.articles.total} newest articles</h2>
      <ul class="strip">
        <li>
          <b>{v.summary.articles_changed}</b>articles change
        </li>
        <li>
          <b>{v.summary.new_failures}</b>new failures
        </li>
        <li>
          <b>{v.summary.fixed}</b>fixed
        </li>
        <li>
          <b>{v.summary.changed}</b>other changes
        </li>
      </ul>
      {v.status === "running" && (
        <p class="notice">
          Still running on the queue: {v.articles.scored} of {v.articles.total} articles scored. <a href="">Reload</a> to see more.
        </p>
      )}
      {v.articles.failed > 0 && <p class="error">{v.articles.failed} articles could not be scored.</p>}
      {v.items.length === 0 ? (
        <p class="muted">No verdict would change on these articles.</p>
      ) : (
        <table class="cards-sm">
          <thead>
            <tr>
              <th scope="col">Article</th>
              <th scope="col">Outcome</th>
              <th scope="col">Rule</th>
              <th scope="col">Change</th>
              <th scope="col">Quotes</th>
            </tr>
          </thead>
          <tbody>
            {v.items.flatMap((a) =>
              a.rules.map((r, i) => (
                <tr>
                  <td data-label="Article">
                    {i === 0 ? <a href={`/articles/${encodeURIComponent(a.article_id)}`}>{a.title ?? a.article_id}</a> : ""}
                  </td>
                  <td data-label="Outcome">
                    {i === 0 && (
                      <>
                        <Badge value={a.outcome.before} /> → <Badge value={a.outcome.after} /> ({score(a.score.before)} →{" "}
                        {score(a.score.after)})
                      </>
                    )}
                  </td>
                  <td data-label="Rule">
                    <code>{r.rule}</code>
                  </td>
                  <td data-label="Change">
                    {CHANGE_LABEL[r.change]}: <Badge value={r.from} /> → <Badge value={r.to} />
                  </td>
                  <td data-label="Quotes">{r.quotes.map((q) => `“${q}”`).join(" · ") || "—"}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DraftPage(p: { nonce: string; session: Session; draft: DraftView; preview: PreviewView | null; ruleId: string | null }) {
  const d = p.draft;
  const action = (what: string) => `/rulesets/drafts/${encodeURIComponent(d.id)}/${what}`;
  return (
    <Layout title={`Draft ${d.id}`} nonce={p.nonce} session={p.session} section="rules">
      <p>
        <a href="/rules">← Rules</a> · <a href="/rulesets">Ruleset versions</a>
      </p>
      <h1>Draft {d.version}</h1>
      <dl class="facts">
        <dt>Status</dt>
        <dd>{d.status === "open" ? "open: not published" : `published ${when(d.published_at)}`}</dd>
        <dt>Base</dt>
        <dd>
          <code>{d.base_version}</code>
        </dd>
        <dt>Rules</dt>
        <dd>
          {["edited", "added", "removed"].map((k) => {
            const ids = d.rule_changes[k as "edited"];
            return ids.length ? `${k}: ${ids.join(", ")}. ` : "";
          })}
          {Object.values(d.rule_changes).every((l) => l.length === 0) && "no rule changes"}
        </dd>
        <dt>By</dt>
        <dd>
          {d.created_by ?? "—"} · {when(d.created_at)}
        </dd>
      </dl>
      <h2>
        Examples ({d.examples.length - d.examples_failed} of {d.examples.length} as expected)
      </h2>
      <Examples examples={d.examples} />
      {d.status === "open" && (
        <div class="actions">
          <form method="post" action={action("preview")} class="inline">
            <Csrf session={p.session} />
            <label for="limit">Articles</label> <input id="limit" name="limit" type="number" min="1" max="5000" value="50" />{" "}
            <button type="submit">Preview</button>
          </form>{" "}
          <form method="post" action={action("publish")} class="inline">
            <Csrf session={p.session} />
            <button type="submit" class="primary">
              Publish
            </button>
          </form>{" "}
          <form method="post" action={action("discard")} class="inline">
            <Csrf session={p.session} />
            <button type="submit">Discard</button>
          </form>
          {p.ruleId && (
            <>
              {" "}
              <a class="button" href={`/rules/${encodeURIComponent(p.ruleId)}/edit?draft=${encodeURIComponent(d.id)}`}>
                Edit again
              </a>
            </>
          )}
        </div>
      )}
      {p.preview && <PreviewTable preview={p.preview} />}
      <h2>Changed files</h2>
      {d.changes.map((c) =>
        c.text === null ? (
          <p>
            <code>rules/{c.path}</code> (removed)
          </p>
        ) : (
          <details>
            <summary>
              <code>rules/{c.path}</code>
            </summary>
            <pre class="yaml">{c.text}</pre>
          </details>
        ),
      )}
    </Layout>
  );
}
