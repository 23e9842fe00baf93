// Text from request bodies: UTF-8 decoded fatally (a stray Latin-1 byte is an error, never a silent
// U+FFFD), and lone UTF-16 surrogates (legal in JSON "\ud800" escapes, but not storable as UTF-8)
// found before any offset is computed: ids with one are refused, prose gets U+FFFD in place (same
// length, so offsets into the stored text stay right).
const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The bytes as a string, or null when they are not valid UTF-8. */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

export function hasLoneSurrogate(s: string): boolean {
  // The native check (ES2024) scans a long article several times faster than the regex.
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? !native.call(s) : LONE_SURROGATE.test(s);
}

export function replaceLoneSurrogates<T extends string | null | undefined>(s: T): T {
  return (typeof s === "string" && hasLoneSurrogate(s) ? s.replace(LONE_SURROGATES, "\uFFFD") : s) as T;
}
