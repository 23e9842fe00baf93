// What checkArticle judges: the text (given, or derived from html / markdown) and the publication
// date. Precedence for the date: the caller's `publishedAt` when it parses, else the date the
// document states (HTML metadata, Markdown front matter), else none (judged as of `now`).
import { frontMatterDate, htmlPublishedDate, htmlToText, markdownToText, type DocumentDate } from "./text-adapter";
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
