// `/login`: the token form, and the small message page used for 403/404 inside the dashboard.
import type { Child } from "hono/jsx";
import { Layout } from "./layout";
import type { Session } from "./session";

export function LoginPage(p: { nonce: string; next: string; error?: string | null }) {
  return (
    <Layout title="Log in" nonce={p.nonce}>
      <h1>Log in</h1>
      <p class="muted">The dashboard is private. Use the API token (editor) or the read token (read-only).</p>
      {p.error && (
        <p class="error" role="alert">
          {p.error}
        </p>
      )}
      <form class="login" method="post" action="/login">
        <label for="token">Token</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required autofocus />
        <input type="hidden" name="next" value={p.next} />
        <button type="submit" class="primary">
          Log in
        </button>
      </form>
    </Layout>
  );
}

export function MessagePage(p: { nonce: string; session?: Session | null; title: string; children?: Child }) {
  return (
    <Layout title={p.title} nonce={p.nonce} session={p.session}>
      <h1>{p.title}</h1>
      <div>{p.children}</div>
      <p>
        <a href="/">← Articles</a>
      </p>
    </Layout>
  );
}
