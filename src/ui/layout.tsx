// The dashboard's page shell: head, inline stylesheet (CSP nonce), skip link, navigation, who is
// signed in and the logout form.
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { Session } from "./session";
import { CSS } from "./styles";

export type Section = "articles" | "corrections" | "since" | "rules" | "audits" | null;

export function Layout(props: { title: string; nonce: string; session?: Session | null; section?: Section; children?: Child }) {
  const nav = (href: string, label: string, section: Section) => (
    <li>
      <a href={href} aria-current={props.section === section ? "page" : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="same-origin" />
        <title>{`${props.title} · accuracy harness`}</title>
        <style nonce={props.nonce}>{raw(CSS)}</style>
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href="/">
            accuracy harness
          </a>
          {props.session && (
            <>
              <nav aria-label="Sections">
                <ul>
                  {nav("/", "To check", "articles")}
                  {nav("/corrections", "Corrections", "corrections")}
                  {nav("/since", "Since yesterday", "since")}
                  {nav("/rules", "Rules", "rules")}
                  {nav("/audits", "Audits", "audits")}
                </ul>
              </nav>
              {props.session.name ? (
                // Signed in through Cloudflare Access: Access ends its own session.
                <p class="who">
                  <span class="muted">{props.session.name} · editor</span> <a href="/cdn-cgi/access/logout">Sign out</a>
                </p>
              ) : (
                <form method="post" action="/logout">
                  <span class="muted">shared token · {props.session.role === "write" ? "editor" : "read-only"}</span>
                  <input type="hidden" name="csrf" value={props.session.csrf} />
                  <button type="submit">Log out</button>
                </form>
              )}
            </>
          )}
        </header>
        <main id="main">{props.children}</main>
      </body>
    </html>
  );
}
