// The dashboard's article-list filters, read from the query string (the same schema as the API's).
import { type ArticleFilters } from "../storage/articles";
import { type Cursor } from "../storage/queries-page";
import { articleListQuery } from "../use-cases/query-schemas";
import type { Ctx } from "./middleware";

/** The list filters from the query string; empty form fields are ignored. */
export function listQuery(c: Ctx): {
  filters: ArticleFilters;
  query: string;
  cursor: Cursor | null;
  cursorToken: string | null;
  error: string | null;
} {
  const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v.trim() !== ""));
  const parsed = articleListQuery.safeParse(raw);
  if (!parsed.success) {
    return {
      filters: {},
      query: "",
      cursor: null,
      cursorToken: null,
      error: parsed.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; "),
    };
  }
  const { limit: _limit, cursor, ...filters } = parsed.data;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return { filters, query: qs ? `?${qs}` : "", cursor: cursor ?? null, cursorToken: raw.cursor ?? null, error: null };
}
