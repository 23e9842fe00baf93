// Small shared pieces of the dashboard: badges, dates, scores, source links and the inline-SVG charts.
export function Badge(props: { value: string | null | undefined; label?: string }) {
  const v = props.value ?? "none";
  return <span class={`badge b-${v}`}>{props.label ?? (v === "not_applicable" ? "n/a" : v)}</span>;
}

/** "2025-07-19 14:03 UTC" from an ISO timestamp; dates stay as they are. */
export function when(iso: string | null | undefined): string {
  if (!iso) return "—";
  return iso.length > 10 ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : iso;
}

export function score(value: number | null | undefined): string {
  return value == null ? "—" : value.toFixed(1);
}

// Rule sources are URLs or bare "host/path" references; both become links, anything else stays text.
/** An article's display title: its own, or a placeholder naming its external id. */
export function articleTitle(a: { title: string | null; external_id: string }): string {
  return a.title?.trim() || `(untitled ${a.external_id})`;
}

export function ArticleLink(props: { article: { id: string; title: string | null; external_id: string } }) {
  return <a href={`/articles/${encodeURIComponent(props.article.id)}`}>{articleTitle(props.article)}</a>;
}

export function SourceLink(props: { source: string }) {
  const s = props.source;
  const href = /^https?:\/\//i.test(s) ? s : /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(s) ? `https://${s}` : null;
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow">
      {s}
    </a>
  ) : (
    <span>{s}</span>
  );
}

/** Keyset pagination: back to the first page, or on to the next one. */
export function Pager(props: { first: string | null; next: string | null }) {
  if (!props.first && !props.next) return null;
  return (
    <nav class="pager" aria-label="Pages">
      {props.first ? <a href={props.first}>« First page</a> : <span class="muted">First page</span>}
      {props.next ? <a href={props.next}>Next page »</a> : <span class="muted">Last page</span>}
    </nav>
  );
}

interface Point {
  label: string;
  score: number | null;
}

/** Score (0–100) over time as an inline SVG line; points without a score are left out. */
export function Sparkline(props: { points: Point[]; title: string }) {
  const W = 320;
  const H = 80;
  const pad = 8;
  const pts = props.points;
  const x = (i: number) => (pts.length === 1 ? W / 2 : pad + (i * (W - 2 * pad)) / (pts.length - 1));
  const y = (s: number) => H - pad - (s / 100) * (H - 2 * pad);
  const scored = pts.map((p, i) => ({ ...p, i })).filter((p): p is Point & { i: number; score: number } => p.score != null);
  return (
    <svg class="chart spark" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={props.title} width={W} height={H}>
      <title>{props.title}</title>
      <line x1={pad} x2={W - pad} y1={y(100)} y2={y(100)} stroke="#d9dee6" />
      <line x1={pad} x2={W - pad} y1={y(50)} y2={y(50)} stroke="#d9dee6" stroke-dasharray="3 3" />
      <line x1={pad} x2={W - pad} y1={y(0)} y2={y(0)} stroke="#d9dee6" />
      {scored.length > 1 && (
        <polyline fill="none" stroke="#0b57d0" stroke-width="2" points={scored.map((p) => `${x(p.i)},${y(p.score)}`).join(" ")} />
      )}
      {scored.map((p) => (
        <circle cx={x(p.i)} cy={y(p.score)} r="3.5" fill="#0b57d0">
          <title>{`${p.label}: ${p.score.toFixed(1)}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export interface AuditPoint {
  id: string;
  label: string;
  meanScore: number | null;
  failing: number;
}

/** Per audit (oldest left): failing articles as bars (right axis), mean score as a line (left axis, 0–100). */
export function AuditChart(props: { points: AuditPoint[] }) {
  const W = 640;
  const H = 240;
  const left = 40;
  const right = 40;
  const top = 16;
  const bottom = 36;
  const pts = props.points;
  const maxFail = Math.max(1, ...pts.map((p) => p.failing));
  const slot = (W - left - right) / Math.max(1, pts.length);
  const cx = (i: number) => left + slot * (i + 0.5);
  const yScore = (s: number) => top + (1 - s / 100) * (H - top - bottom);
  const yFail = (n: number) => top + (1 - n / maxFail) * (H - top - bottom);
  const scored = pts.map((p, i) => ({ ...p, i })).filter((p): p is AuditPoint & { i: number; meanScore: number } => p.meanScore != null);
  const every = Math.ceil(pts.length / 8); // at most ~8 x labels so they never overlap
  return (
    // No role="img": the bars are links to each audit, and an image must not contain controls.
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} aria-labelledby="audit-chart-title" width={W} height={H}>
      <title id="audit-chart-title">Mean score and failing articles per audit (the table below lists the same figures)</title>
      {[0, 50, 100].map((s) => (
        <>
          <line x1={left} x2={W - right} y1={yScore(s)} y2={yScore(s)} stroke="#d9dee6" />
          <text x={left - 6} y={yScore(s) + 4} text-anchor="end" font-size="11" fill="#5b6473">
            {String(s)}
          </text>
        </>
      ))}
      <text x={W - right + 6} y={yFail(maxFail) + 4} font-size="11" fill="#b42318">
        {String(maxFail)}
      </text>
      <text x={W - right + 6} y={yFail(0) + 4} font-size="11" fill="#b42318">
        0
      </text>
      {pts.map((p, i) => (
        <a href={`/audits/${encodeURIComponent(p.id)}`} aria-label={`Audit ${p.label}: ${p.failing} failing`}>
          <rect x={cx(i) - slot * 0.3} width={slot * 0.6} y={yFail(p.failing)} height={yFail(0) - yFail(p.failing)} fill="#f3b4ad">
            <title>{`${p.label}: ${p.failing} failing, mean score ${p.meanScore == null ? "—" : p.meanScore.toFixed(1)}`}</title>
          </rect>
        </a>
      ))}
      {scored.length > 1 && (
        <polyline fill="none" stroke="#0b57d0" stroke-width="2" points={scored.map((p) => `${cx(p.i)},${yScore(p.meanScore)}`).join(" ")} />
      )}
      {scored.map((p) => (
        <circle cx={cx(p.i)} cy={yScore(p.meanScore)} r="4" fill="#0b57d0">
          <title>{`${p.label}: mean score ${p.meanScore.toFixed(1)}`}</title>
        </circle>
      ))}
      {pts.map((p, i) =>
        i % every === 0 ? (
          <text x={cx(i)} y={H - bottom + 16} text-anchor="middle" font-size="11" fill="#5b6473">
            {p.label}
          </text>
        ) : null,
      )}
      <text x={left} y={H - 6} font-size="11" fill="#0b57d0">
        ● mean score (left axis)
      </text>
      <text x={W - right} y={H - 6} text-anchor="end" font-size="11" fill="#b42318">
        ■ failing among re-scored articles (right axis)
      </text>
    </svg>
  );
}
