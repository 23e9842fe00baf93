// What checkArticle judges: the text (given, or derived from html / markdown) and the publication
// date. Precedence for the date: the caller's `publishedAt` when it parses, else the date the
// document states (HTML metadata, Markdown front matter), else none (judged as of `now`).
import { frontMatterDate, htmlPublishedDate, htmlToText, markdownToText, splitFrontMatter, type DocumentDate } from "./text-adapter";
import type { Article, PublishedAtSource } from "./types";

export interface ArticleSource {
  text: string;
  publishedAt: string | null;
  publishedAtSource: PublishedAtSource;
}

export function articleSource(article: Article, parses: (date: string) => boolean): ArticleSource {
  let text: string;
  let documentDate: () => DocumentDate | null = () => null;
  if (article.text !== undefined) text = article.text;
  else if (article.html !== undefined) {
    const html = article.html;
    text = htmlToText(html);
    documentDate = () => htmlPublishedDate(html);
  } else if (article.markdown !== undefined) {
    const md = markdownToText(article.markdown);
    text = md.text;
    documentDate = () => frontMatterDate(md.frontMatter);
  } else text = "";
  if (article.publishedAt && parses(article.publishedAt)) return { text, publishedAt: article.publishedAt, publishedAtSource: "caller" };
  // Read only when the caller gives no date: the caller always wins.
  const found = documentDate();
  return found ? { text, publishedAt: found.value, publishedAtSource: "document" } : { text, publishedAt: null, publishedAtSource: null };
}

/**
 * The publication date the article's own document states (HTML metadata, Markdown front matter),
 * or null; plain text states none. For callers with a fallback date of their own (the CLI's
 * --published-at) that must not override the document's.
 */
export function documentPublishedDate(article: Article): DocumentDate | null {
  if (article.text !== undefined) return null;
  if (article.html !== undefined) return htmlPublishedDate(article.html);
  if (article.markdown !== undefined) return frontMatterDate(splitFrontMatter(article.markdown).frontMatter);
  return null;
}
