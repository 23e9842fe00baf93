// The publication date a document states about itself: HTML metadata (Open Graph, JSON-LD, other
// metas, a <time> marked as the publication time) or Markdown front matter. Only ISO 8601 dates
// and date-times (and compact YYYYMMDD) are read: a free-form date is not guessed at. Never throws.
import { daysInMonth } from "./calendar";

export interface DocumentDate {
  /** The date or date-time as written, normalised to ISO 8601 ("2025-06-10", "2025-06-10T08:00:00-04:00"). */
  value: string;
  /** Where it was read, e.g. `meta property="article:published_time"`, `JSON-LD datePublished`, `front matter date`. */
  from: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)? ?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** `s` as an ISO 8601 date or date-time when it is one (of a real calendar day), else null. */
export function isoDateOf(s: unknown): string | null {
  if (s instanceof Date) return Number.isNaN(s.getTime()) ? null : s.toISOString();
  if (typeof s !== "string") return null;
  let v = s.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(v);
  if (compact) v = `${compact[1]}-${compact[2]}-${compact[3]}`;
  const m = ISO.exec(v);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return v;
}

/** Front matter keys, best first. (`published: true` is Jekyll's draft flag: only dates count.) */
const FRONT_MATTER_KEYS = ["published_at", "publishedAt", "published", "publishDate", "publish_date", "pubDate", "date"];

export function frontMatterDate(frontMatter: Record<string, unknown> | null): DocumentDate | null {
  if (!frontMatter) return null;
  for (const key of FRONT_MATTER_KEYS) {
    const value = isoDateOf(frontMatter[key]);
    if (value) return { value, from: `front matter ${key}` };
  }
  return null;
}

/** <meta> names and properties that state the publication date, after article:published_time. */
const OTHER_METAS = new Set([
  "datepublished",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "date",
  "dc.date",
  "dc.date.issued",
  "dcterms.issued",
  "dcterms.date",
  "citation_publication_date",
  "citation_date",
  "parsely-pub-date",
  "sailthru.date",
  "og:published_time",
  "og:article:published_time",
]);

const ATTR = /([A-Za-z_:][\w:.-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const inner = tag.replace(/^<\w+/, "").replace(/\/?>$/, "");
  for (const m of inner.matchAll(ATTR)) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/**
 * The publication date in an HTML document, best source first: `<meta property="article:published_time">`,
 * JSON-LD `datePublished` of an article, other metas (`itemprop="datePublished"`, `name="date"`,
 * `pubdate`, Dublin Core, citation), then `<time datetime>` marked as the publication time
 * (`pubdate`, `itemprop="datePublished"`, or class "published" inside a <header>) when all such
 * marks agree on the day.
 */
export function htmlPublishedDate(html: string): DocumentDate | null {
  let og: DocumentDate | null = null;
  let other: DocumentDate | null = null;
  const times = new Set<string>();
  let time: DocumentDate | null = null;
  let inHeader = 0;
  for (const m of html.matchAll(/<(\/?header|meta|time)\b[^>]{0,4000}>/gi)) {
    const tag = m[1]!.toLowerCase();
    if (tag === "header" || tag === "/header") {
      inHeader = Math.max(0, inHeader + (tag === "header" ? 1 : -1));
      continue;
    }
    const attrs = attributes(m[0]);
    if (tag === "meta") {
      const key = (attrs.get("property") ?? attrs.get("name") ?? attrs.get("itemprop") ?? "").toLowerCase();
      const value = isoDateOf(attrs.get("content"));
      if (!value) continue;
      if (key === "article:published_time") og ??= { value, from: 'meta property="article:published_time"' };
      else if (OTHER_METAS.has(key))
        other ??= { value, from: `meta ${attrs.has("property") ? "property" : attrs.has("name") ? "name" : "itemprop"}="${key}"` };
    } else {
      const cls = ` ${(attrs.get("class") ?? "").toLowerCase()} `;
      // Marked by its semantics anywhere, or by a theme's class inside a <header> (WordPress's "entry-date published").
      const marked =
        attrs.has("pubdate") ||
        attrs.get("itemprop")?.toLowerCase() === "datepublished" ||
        (inHeader > 0 && / (published|pubdate) /.test(cls));
      if (!marked || /updated|modified/.test(cls)) continue;
      const value = isoDateOf(attrs.get("datetime"));
      if (!value) continue;
      times.add(value.slice(0, 10));
      time ??= { value, from: "time datetime (marked as the publication time)" };
    }
  }
  if (og) return og;
  const ld = jsonLdDate(html);
  if (ld) return ld;
  if (other) return other;
  return times.size === 1 ? time : null;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|LiveBlogPosting)$/;

/** `datePublished` of the first article-typed object in the page's JSON-LD blocks. */
function jsonLdDate(html: string): DocumentDate | null {
  if (!/ld\+json/i.test(html)) return null;
  // indexOf, not a lazy regex: an unclosed <script> must not make the scan quadratic.
  const lower = html.toLowerCase();
  for (let i = lower.indexOf("<script"); i >= 0;) {
    const start = i;
    const open = lower.indexOf(">", i);
    const close = open < 0 ? -1 : lower.indexOf("</script", open);
    if (close < 0) break;
    i = lower.indexOf("<script", close);
    if (!/type\s*=\s*["']?application\/ld\+json/.test(lower.slice(start, open))) continue;
    const raw = html
      .slice(open + 1, close)
      .trim()
      .replace(/^<!--|-->$/g, "")
      .replace(/^\s*\/?\/?\s*<!\[CDATA\[|\]\]>\s*$/g, "");
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const value = findArticleDate(data, 0);
    if (value) return { value, from: "JSON-LD datePublished" };
  }
  return null;
}

function findArticleDate(node: unknown, depth: number): string | null {
  if (depth > 6 || node === null || typeof node !== "object") return null;
  if (Array.isArray(node)) {
    for (const n of node.slice(0, 100)) {
      const v = findArticleDate(n, depth + 1);
      if (v) return v;
    }
    return null;
  }
  const o = node as Record<string, unknown>;
  const types = ([] as unknown[]).concat(o["@type"] ?? []);
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t))) {
    const v = isoDateOf(o.datePublished);
    if (v) return v;
  }
  return findArticleDate(o["@graph"], depth + 1) ?? findArticleDate(o.mainEntity, depth + 1);
}
