// "Edit in CMS" links: CMS_EDIT_URLS maps an article source to its editor's URL template, e.g.
// {"ghost":"https://news.example/ghost/#/editor/post/{external_id}"}. Unknown source → no link.
import type { Bindings } from "../env";

/** The editor URL for this article, or null (no template for its source, or a bad template). */
export function cmsEditUrl(env: Pick<Bindings, "CMS_EDIT_URLS">, article: { source: string; external_id: string }): string | null {
  if (!env.CMS_EDIT_URLS) return null;
  let templates: unknown;
  try {
    templates = JSON.parse(env.CMS_EDIT_URLS);
  } catch {
    return null;
  }
  const template = templates && typeof templates === "object" ? (templates as Record<string, unknown>)[article.source] : undefined;
  if (typeof template !== "string" || !/^https:\/\//i.test(template) || !template.includes("{external_id}")) return null;
  return template.replaceAll("{external_id}", encodeURIComponent(article.external_id));
}
