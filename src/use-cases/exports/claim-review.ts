// schema.org ClaimReview JSON-LD for each claim an article gets wrong, in the outlet's own words
// (GET /v1/articles/:id/claimreview and the dashboard's link).
import { type RuleSummary } from "../../engine";
import type { Bindings } from "../../env";
import { collectNotes } from "../../lib/highlight";
import { activeRules } from "../current-ruleset";
import { type ArticleRecord, getArticle } from "../../storage/articles";
import type { Db } from "../../storage/db";
import { getLatestRunWithVerdicts, type RunWithVerdicts } from "../../storage/queries-runs";

/** Who publishes the reviews: `CLAIMREVIEW_AUTHOR` / `CLAIMREVIEW_AUTHOR_URL` vars, else a generic name. */
export function reviewAuthor(env: Bindings): { "@type": "Organization"; name: string; url?: string } {
  const vars = env as Partial<Record<"CLAIMREVIEW_AUTHOR" | "CLAIMREVIEW_AUTHOR_URL", string>>;
  const author: { "@type": "Organization"; name: string; url?: string } = {
    "@type": "Organization",
    name: vars.CLAIMREVIEW_AUTHOR || "Accuracy Harness",
  };
  if (vars.CLAIMREVIEW_AUTHOR_URL) author.url = vars.CLAIMREVIEW_AUTHOR_URL;
  return author;
}

function publisherOf(article: ArticleRecord): string {
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, "");
    } catch {
      // not a URL: fall back to the source
    }
  }
  return article.source;
}

/**
 * One schema.org ClaimReview per failing span written in the outlet's own words (spans inside a
 * quotation are someone else's claim, whose author we do not know), less the spans editors
 * labelled false alarms — or, with `confirmedOnly`, only the spans they confirmed. Google's required fields:
 * claimReviewed, reviewRating (+ alternateName), url, author; itemReviewed is recommended.
 * `url` points at the span's footnote on the dashboard page (same numbering as the page).
 */
export function claimReviews(
  article: ArticleRecord,
  run: RunWithVerdicts | null,
  rules: ReadonlyMap<string, RuleSummary>,
  origin: string,
  author: ReturnType<typeof reviewAuthor>,
  opts: { confirmedOnly?: boolean } = {},
) {
  if (!run) return [];
  const notes = collectNotes(article.text, run.verdicts);
  return notes
    .filter(
      (n) =>
        n.status === "fail" &&
        n.evidence.attribution === "article" &&
        (opts.confirmedOnly ? n.evidence.feedback === "confirmed" : n.evidence.feedback !== "false_alarm"),
    )
    .map((n) => {
      const e = n.evidence;
      const rule = rules.get(n.rule);
      const body = [
        rule?.claim,
        e.found != null && e.expected != null ? `The article says “${e.found}”; the fact is “${e.expected}”.` : null,
        e.message,
      ]
        .filter(Boolean)
        .join(" ");
      return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        url: `${origin}/articles/${encodeURIComponent(article.id)}#ev-${n.n}`,
        claimReviewed: e.quote,
        datePublished: run.created_at.slice(0, 10),
        author,
        reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
        ...(body ? { reviewBody: body } : {}),
        itemReviewed: {
          "@type": "Claim",
          author: { "@type": "Organization", name: publisherOf(article) },
          ...(article.published_at ? { datePublished: article.published_at } : {}),
          ...(article.url
            ? { appearance: [{ "@type": "CreativeWork", url: article.url, ...(article.title ? { headline: article.title } : {}) }] }
            : {}),
        },
      };
    });
}

export async function claimReviewResponse(
  db: Db,
  env: Bindings,
  articleId: string,
  origin: string,
  opts: { confirmedOnly?: boolean } = {},
): Promise<Response | null> {
  const article = await getArticle(db, articleId);
  if (!article) return null;
  const run = await getLatestRunWithVerdicts(db, articleId);
  return new Response(JSON.stringify(claimReviews(article, run, (await activeRules(env)).byId, origin, reviewAuthor(env), opts), null, 2), {
    headers: { "content-type": "application/ld+json; charset=UTF-8" },
  });
}
