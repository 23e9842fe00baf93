// The dashboard's one stylesheet, inlined with the CSP nonce. Colours meet WCAG AA contrast (4.5:1)
// on their backgrounds; every highlight also differs by shape or icon, never by hue alone.
// Static, trusted CSS (no user data): the only raw() in the dashboard.
export const CSS = `
:root{--fg:#1d2430;--muted:#525b6a;--line:#c9d0da;--bg:#fff;--soft:#f4f6f9;--fail:#a01c12;--fail-bg:#fde2df;--pass:#0f5c26;--pass-bg:#dcf3e3;--warn:#6b4700;--warn-bg:#fff1c2;--quote:#5a3190;--quote-bg:#efe6fa;--conflict:#8a3a00;--conflict-bg:#ffe8d6;--link:#0b57d0}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
:focus-visible{outline:3px solid var(--link);outline-offset:2px}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}
.skip:focus{left:.5rem;z-index:2}
header.top{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.4rem 1rem;border-bottom:1px solid var(--line);background:var(--soft)}
header.top .brand{font-weight:700;color:var(--fg);text-decoration:none}
header.top nav ul{display:flex;gap:.25rem .5rem;flex-wrap:wrap;list-style:none;margin:0;padding:0}
header.top nav a,header.top .brand{display:inline-block;padding:.35rem .3rem;min-height:24px}
header.top nav a[aria-current=page]{font-weight:700;color:var(--fg);text-decoration-thickness:3px}
header.top p.who{margin:0 0 0 auto}
header.top p.who a{display:inline-block;padding:.35rem .3rem}
header.top form{margin-left:auto;display:flex;gap:.5rem;align-items:center}
main{max-width:72rem;margin:0 auto;padding:.75rem 1rem 2rem}
h1{font-size:1.4rem;margin:.2rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
h3{font-size:1rem;margin:0 0 .3rem}
.muted{color:var(--muted)}
.small{font-size:.875rem}
.crumb{margin:0}
.crumb a{display:inline-block;padding:.2rem 0}
.strip{display:flex;flex-wrap:wrap;gap:.75rem;margin:0 0 1rem;padding:0;list-style:none}
.strip li{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem;min-width:7rem}
.strip b{display:block;font-size:1.3rem}
.strip a{display:block}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.875rem;color:var(--muted)}
input,select,button,a.button{font:inherit;padding:.35rem .6rem;min-height:32px;border:1px solid #767f8c;border-radius:4px;background:#fff;color:var(--fg)}
button,a.button{cursor:pointer;background:var(--soft);text-decoration:none;display:inline-block}
button.primary,a.button.primary{background:var(--link);color:#fff;border-color:var(--link)}
form.inline{display:inline}
.actions{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:center;margin:.4rem 0}
.wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.875rem;color:var(--muted);font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:0 .45rem;border-radius:999px;font-size:.875rem;font-weight:600;white-space:nowrap;border:1px solid currentColor}
.b-fail,.b-regression,.b-error{background:var(--fail-bg);color:var(--fail)}
.b-fail::before,.b-regression::before,.b-error::before{content:"✗ " / ""}
.b-pass,.b-fixed,.b-finished{background:var(--pass-bg);color:var(--pass)}
.b-pass::before,.b-fixed::before{content:"✓ " / ""}
.b-warn,.b-review,.b-changed,.b-running{background:var(--warn-bg);color:var(--warn)}
.b-warn::before,.b-review::before{content:"! " / ""}
.b-not_applicable,.b-withdrawn,.b-none{background:var(--soft);color:var(--muted)}
code.rule{font-size:.9em;white-space:nowrap}
.pager{display:flex;gap:1rem;margin:1rem 0}
.pager a{display:inline-block;padding:.3rem 0}
.verdict{font-size:1.1rem;font-weight:600;padding:.5rem .8rem;border-radius:6px;border:2px solid;margin:.4rem 0}
.verdict .icon{font-weight:800}
.v-fail{background:var(--fail-bg);color:var(--fail)}
.v-review{background:var(--warn-bg);color:var(--warn)}
.v-pass{background:var(--pass-bg);color:var(--pass)}
.v-none{background:var(--soft);color:var(--muted)}
ol.fixes{list-style:none;padding:0;margin:0}
li.fix{border:1px solid var(--line);border-left:6px solid var(--fail);border-radius:6px;padding:.6rem .8rem;margin:0 0 .75rem}
li.fix.t-conflict{border-left-color:var(--conflict)}
li.fix:target,li.occ:target,div.occ:target{outline:3px solid var(--link)}
li.fix .icon{color:var(--fail);font-weight:800}
li.fix.t-conflict .icon{color:var(--conflict)}
ol.occs,ul.pair,ul.occ-list{margin:.3rem 0;padding-left:1.2rem}
.occ{margin:.3rem 0}
.occ-foot,.rule-ref{font-size:.875rem;color:var(--muted);margin:.15rem 0}
q.sentence{font-size:1rem}
del{background:var(--fail-bg);color:var(--fail);text-decoration-thickness:2px}
del+ins{margin-left:.25em}
ins{background:var(--pass-bg);color:var(--pass);text-decoration:underline 2px;font-weight:600}
strong.quote-hit{text-decoration:underline 2px}
a.jump,nav.step a{display:inline-block;padding:.15rem 0;min-height:24px}
nav.step{display:flex;gap:1rem;align-items:center;font-size:.875rem;margin-top:.3rem}
details{margin:.75rem 0;border:1px solid var(--line);border-radius:6px;padding:.4rem .8rem}
summary{cursor:pointer;font-weight:600;padding:.2rem 0;min-height:24px}
article.text{white-space:pre-wrap;overflow-wrap:anywhere;line-height:1.9;background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:1rem;font-size:1rem}
mark{border-radius:3px;padding:0 .1em;color:inherit;background:none}
mark.start::before{font-weight:800;font-style:normal;margin-right:.1em}
mark.t-fail{background:var(--fail-bg);text-decoration:underline solid 2px var(--fail)}
mark.t-fail.start::before{content:"✗" / "";color:var(--fail)}
mark.t-conflict{background:var(--conflict-bg);text-decoration:underline double 3px var(--conflict)}
mark.t-conflict.start::before{content:"⇄" / "";color:var(--conflict)}
mark.t-review{background:var(--warn-bg);text-decoration:underline dashed 2px var(--warn)}
mark.t-review.start::before{content:"?" / "";color:var(--warn)}
mark.t-quote{background:var(--quote-bg);text-decoration:underline dotted 2px var(--quote);font-style:italic}
mark.t-quote.start::before{content:"❝" / "";color:var(--quote)}
mark.t-dismissed{background:var(--soft);text-decoration:underline dotted 1px var(--muted)}
mark.t-dismissed.start::before{content:"⊘" / "";color:var(--muted)}
mark.t-pass{text-decoration:underline dotted 1px var(--pass)}
mark.t-pass.start::before{content:"✓" / "";color:var(--pass);font-size:.8em}
mark.found{font-weight:700}
mark sup a{display:inline-block;min-width:24px;min-height:24px;line-height:24px;text-align:center;text-decoration:none;font-size:.8rem;font-weight:700;font-style:normal}
ul.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9rem;margin:.5rem 0;padding:0;list-style:none}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
svg.chart{display:block;margin:0 0 1rem;width:100%;max-width:44rem;height:auto;background:var(--soft);border:1px solid var(--line);border-radius:6px}
svg.chart.spark{max-width:24rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:.75rem}
.card{border:1px solid var(--line);border-radius:6px;padding:.6rem .8rem}
ul.queue{list-style:none;padding:0;margin:0}
ul.queue>li{display:grid;grid-template-columns:minmax(0,1fr) auto;gap:.2rem 1rem;border:1px solid var(--line);border-left:6px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:0 0 .5rem}
ul.queue>li.o-fail{border-left-color:var(--fail)}
ul.queue>li.o-warn,ul.queue>li.o-review{border-left-color:var(--warn)}
ul.queue>li.o-pass{border-left-color:var(--pass)}
ul.queue .title{font-weight:600;font-size:1.05rem}
ul.queue .meta{font-size:.875rem;color:var(--muted);text-align:right;white-space:nowrap}
ul.queue .flag{grid-column:1/-1;margin:0}
ul.queue .flag q{font-style:italic}
.notice{padding:.6rem .8rem;border-radius:6px;background:var(--warn-bg);margin:.5rem 0}
.error{padding:.6rem .8rem;border-radius:6px;background:var(--fail-bg);color:var(--fail);margin:.5rem 0}
form.feedback,div.feedback{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:.4rem 0 0;font-size:.875rem}
form.feedback input[name=note]{flex:1 1 12rem;min-width:8rem}
div.feedback{padding:.3rem .5rem;border-radius:4px;background:var(--soft)}
div.fb-false_alarm{border-left:4px solid var(--muted)}
div.fb-confirmed{border-left:4px solid var(--fail)}
span.noisy{color:var(--fail);font-weight:600}
form.login{max-width:22rem;display:flex;flex-direction:column;gap:.6rem;margin-top:2rem}
.editor{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:1rem;align-items:start}
textarea.yaml{width:100%;min-height:30rem;font:13px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:.5rem;border:1px solid #767f8c;border-radius:4px}
pre.yaml{background:var(--soft);border:1px solid var(--line);border-radius:6px;padding:.5rem;overflow-x:auto;font-size:13px}
ol.issues{margin:.5rem 0;padding-left:1.2rem}
ol.issues li{margin:0 0 .4rem}
@media (max-width:40rem){
main{padding:.5rem .75rem 2rem}
h1{font-size:1.2rem}
th.opt,td.opt{display:none}
header.top{padding:.25rem .5rem}
header.top form,header.top p.who{margin-left:0}
ul.queue>li{grid-template-columns:1fr}
ul.queue .meta{text-align:left;white-space:normal}
.editor{grid-template-columns:1fr}
table.cards-sm thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
table.cards-sm tr{display:block;border:1px solid var(--line);border-radius:6px;margin:0 0 .5rem;padding:.3rem .5rem}
table.cards-sm td{display:block;border:0;padding:.1rem 0;text-align:left}
table.cards-sm td[data-label]::before{content:attr(data-label) ": ";color:var(--muted);font-size:.875rem}
.wrap{overflow-x:visible}
}`;
