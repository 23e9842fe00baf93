// Keyset pagination shared by the list queries: an opaque cursor naming the last row served
// (its sort timestamp + id), so pages stay stable while new rows arrive.

export interface Cursor {
  /** The sort column of the last row served (null sorts last). */
  at: string | null;
  id: string;
}

export interface PageRequest {
  /** 1–100. */
  limit: number;
  cursor?: Cursor | null;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(cursor: Cursor): string {
  return btoa(JSON.stringify([cursor.at, cursor.id]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The cursor inside an opaque token, or null when the token is not one of ours. */
export function parseCursor(token: string): Cursor | null {
  try {
    const value: unknown = JSON.parse(atob(token.replace(/-/g, "+").replace(/_/g, "/")));
    if (!Array.isArray(value) || value.length !== 2) return null;
    const [at, id] = value as unknown[];
    if ((at !== null && typeof at !== "string") || typeof id !== "string" || id === "") return null;
    return { at, id };
  } catch {
    return null;
  }
}

/** Cuts the limit+1 rows a query fetched into a page and the cursor after its last item. */
export function toPage<Row, T>(rows: Row[], limit: number, key: (row: Row) => Cursor, map: (row: Row) => T): Page<T> {
  const more = rows.length > limit;
  const served = more ? rows.slice(0, limit) : rows;
  const last = served[served.length - 1];
  return { items: served.map(map), next_cursor: more && last ? encodeCursor(key(last)) : null };
}
