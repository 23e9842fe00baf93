// The dashboard's page shell: head, inline stylesheet (CSP nonce), navigation and the logout form.
import type { Child } from "hono/jsx";
import { raw } from "hono/html";
import type { Session } from "./session";

// Static, trusted CSS (no user data): the only raw() in the dashboard.
const CSS = `
:root{--fg:#1d2430;--muted:#5b6473;--line:#d9dee6;--bg:#fff;--soft:#f4f6f9;--fail:#b42318;--fail-bg:#fde2df;--pass:#1a7f37;--pass-bg:#dcf3e3;--warn:#9a6700;--warn-bg:#fff1c2;--quote:#6b3fa0;--quote-bg:#efe6fa;--link:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.6rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.top .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.top nav{display:flex;gap:.8rem;flex-wrap:wrap}
header.top nav a[aria-current=page]{font-weight:700;color:var(--fg)}
header.top form{margin-left:auto;display:flex;gap:.5rem;align-items:center}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.4rem;margin:.2rem 0 .8rem;overflow-wrap:anywhere}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
.muted{color:var(--muted)}
.strip{display:flex;flex-wrap:wrap;gap:.75rem;margin:0 0 1rem;padding:0;list-style:none}
.strip li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:7rem}
.strip b{display:block;font-size:1.3rem}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:var(--muted)}
input,select,button{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:4px;background:#fff;color:var(--fg)}
button{cursor:pointer;background:var(--soft)}
button.primary{background:var(--link);color:#fff;border-color:var(--link)}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.8rem;color:var(--muted);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.8rem;font-weight:600;white-space:nowrap}
.b-fail,.b-regression,.b-error{background:var(--fail-bg);color:var(--fail)}
.b-pass,.b-fixed,.b-finished{background:var(--pass-bg);color:var(--pass)}
.b-warn,.b-review,.b-changed,.b-running{background:var(--warn-bg);color:var(--warn)}
.b-not_applicable,.b-withdrawn,.b-none{background:var(--soft);color:var(--muted)}
code.rule{font-size:.85em;white-space:nowrap}
.pager{display:flex;gap:1rem;margin:1rem 0}
article.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.7;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:1rem;font-size:1rem}
mark{border-radius:3px;padding:0 .1em;color:inherit}
mark.t-fail{background:var(--fail-bg);box-shadow:inset 0 -2px var(--fail)}
mark.t-review{background:var(--warn-bg);box-shadow:inset 0 -2px var(--warn)}
mark.t-quote{background:var(--quote-bg);box-shadow:inset 0 -2px var(--quote);font-style:italic}
mark.t-pass{background:var(--pass-bg);box-shadow:inset 0 -2px var(--pass)}
mark.found{font-weight:700;box-shadow:inset 0 -3px var(--fail)}
mark sup a{text-decoration:none;font-size:.7em;font-weight:700;margin-left:.1em}
.legend{display:flex;flex-wrap:wrap;gap:.75rem;font-size:.85rem;margin:.5rem 0}
ol.notes{padding-left:1.5rem}
ol.notes li{margin:.5rem 0;padding:.4rem .6rem;border-left:4px solid var(--line)}
ol.notes li.t-fail{border-color:var(--fail)}
ol.notes li.t-review{border-color:var(--warn)}
ol.notes li.t-quote{border-color:var(--quote)}
ol.notes li.t-pass{border-color:var(--pass)}
ol.notes li:target{background:var(--soft)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
svg.chart{display:block;margin:0 0 1rem;width:100%;max-width:44rem;height:auto;background:var(--soft);border:1px solid var(--line);border-radius:6px}
svg.chart.spark{max-width:24rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.75rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
.notice{padding:.6rem .8rem;border-radius:6px;background:var(--warn-bg);margin:.5rem 0}
.error{padding:.6rem .8rem;border-radius:6px;background:var(--fail-bg);color:var(--fail);margin:.5rem 0}
form.login{max-width:22rem;display:flex;flex-direction:column;gap:.6rem;margin-top:2rem}
@media (max-width:40rem){main{padding:.6rem}th.opt,td.opt{display:none}header.top form{margin-left:0}}
`;

export type Section = "articles" | "rules" | "audits" | null;

export function Layout(props: { title: string; nonce: string; session?: Session | null; section?: Section; children?: Child }) {
  const nav = (href: string, label: string, section: Section) => (
    <a href={href} aria-current={props.section === section ? "page" : undefined}>
      {label}
    </a>
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
        <header class="top">
          <a class="brand" href="/">
            accuracy harness
          </a>
          {props.session && (
            <>
              <nav aria-label="Sections">
                {nav("/", "Articles", "articles")}
                {nav("/rules", "Rules", "rules")}
                {nav("/audits", "Audits", "audits")}
              </nav>
              <form method="post" action="/logout">
                <span class="muted">{props.session.role === "write" ? "editor" : "read-only"}</span>
                <input type="hidden" name="csrf" value={props.session.csrf} />
                <button type="submit">Log out</button>
              </form>
            </>
          )}
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}
