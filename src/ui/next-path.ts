// Where /login may send a user afterwards: a path on this origin, judged the way the browser will
// read it. The WHATWG URL parser drops tabs and newlines and treats "\" as "/", so "/\t/evil.example"
// and "/\evil.example" are other hosts; parsing it ourselves and re-serialising the path means the
// Location header holds exactly what we checked, percent-encoded (no CR/LF can reach it).

/** A same-origin path (+ query and fragment) for `value`, or "/" when it leads anywhere else. */
export function safeNext(value: unknown, requestUrl: string): string {
  if (typeof value !== "string" || !value.startsWith("/")) return "/";
  const base = new URL(requestUrl);
  let target: URL;
  try {
    target = new URL(value, base.origin);
  } catch {
    return "/";
  }
  if (target.origin !== base.origin) return "/";
  const path = target.pathname + target.search + target.hash;
  // "//x" or "/\x" in the serialised path would be read as a host by the next parser.
  return /^\/(?![/\\])/.test(path) ? path : "/";
}
