// CSV primitives shared by the exports: RFC 4180 cells with the formula-injection guard, the
// UTF-8 BOM, the download response and the dated file name.
export type Cell = string | number | null | undefined;

/**
 * RFC 4180 quoting, plus the formula-injection guard (OWASP): a text cell starting with = + - @,
 * also behind spaces or invisible characters some spreadsheets strip first, or starting with any
 * control (NUL, tab, CR …) or format character (zero-width space, BOM, bidi marks), gets a leading
 * apostrophe so it stays text.
 */
const FORMULA_START = /^[\p{Cc}\p{Cf}\p{Zs}]*[=+\-@]|^[\p{Cc}\p{Cf}]/u;

export function csvCell(value: Cell): string {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(cells: Cell[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

// A BOM so spreadsheet apps read UTF-8 ("Maiquetía") correctly.
export const BOM = "\uFEFF";

export function csvResponse(body: ReadableStream<Uint8Array> | string, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=UTF-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
