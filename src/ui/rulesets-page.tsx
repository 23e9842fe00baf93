// `/rulesets`: every stored ruleset version, the current one marked, with Activate (rollback) for editors.
import { when } from "./components";
import { Layout } from "./layout";
import type { Session } from "./session";

export interface VersionView {
  version: string;
  rules: number;
  first_seen_at: string;
  current: boolean;
  bundled: boolean;
  activatable: boolean;
}

export function RulesetsPage(p: {
  nonce: string;
  session: Session;
  versions: VersionView[];
  activated: { at: string | null; by: string | null };
  flash: string | null;
}) {
  return (
    <Layout title="Ruleset versions" nonce={p.nonce} session={p.session} section="rules">
      <p>
        <a href="/rules">← Rules</a>
      </p>
      <h1>Ruleset versions</h1>
      {p.flash && (
        <p class="notice" role="status">
          {p.flash}
        </p>
      )}
      <p class="muted">
        Every isolate judges with the current version within seconds of a change.{" "}
        {p.activated.at
          ? `Made current ${when(p.activated.at)} by ${p.activated.by ?? "—"}.`
          : "The bundled rules/ are current (never changed at runtime)."}
      </p>
      <table class="cards-sm">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Rules</th>
            <th scope="col">First stored</th>
            <th scope="col">State</th>
            {p.session.role === "write" && <th scope="col">Rollback</th>}
          </tr>
        </thead>
        <tbody>
          {p.versions.map((v) => (
            <tr>
              <td data-label="Version">
                <code>{v.version}</code>
              </td>
              <td data-label="Rules" class="num">
                {v.rules}
              </td>
              <td data-label="First stored">{when(v.first_seen_at)}</td>
              <td data-label="State">
                {[v.current && "current", v.bundled && "bundled with this deployment"].filter(Boolean).join(", ") || "—"}
              </td>
              {p.session.role === "write" && (
                <td data-label="Rollback">
                  {v.current ? (
                    "—"
                  ) : v.activatable ? (
                    <form method="post" action={`/rulesets/${v.version}/activate`} class="inline">
                      <input type="hidden" name="csrf" value={p.session.csrf} />
                      <button type="submit">Activate</button>
                    </form>
                  ) : (
                    <span class="muted">no stored files</span>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
