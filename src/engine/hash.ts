// Pure, synchronous SHA-256 for ruleset versions and per-rule hashes. The engine cannot use
// node:crypto (Worker) or crypto.subtle (async), and a content hash must be the same everywhere.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
  0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
  0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
  0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
  0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
  0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** UTF-8 bytes of `s` into a buffer sized for SHA-256 padding; returns the message length in bytes. */
const encoder: TextEncoder | null = typeof TextEncoder === "function" ? new TextEncoder() : null;

// One buffer reused across calls (the engine is synchronous, so calls never interleave): a finding
// id hashes ~100 bytes for every evidence span of every stored score, and a fresh buffer per call
// cost more than the compression itself. Longer inputs (rule definitions) grow it up to this size.
const SCRATCH_MAX = 64 * 1024;
let scratch = new Uint8Array(1024);

/** A zeroed buffer of at least `size` bytes (the scratch buffer when it fits). */
function bufferOf(size: number): Uint8Array {
  if (size > scratch.length && size <= SCRATCH_MAX) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
  if (size > scratch.length) return new Uint8Array(size);
  scratch.fill(0, 0, size);
  return scratch;
}

function utf8Padded(s: string): { bytes: Uint8Array; length: number } {
  // Well-formed text (no lone surrogate, which TextEncoder would replace by U+FFFD): the native
  // encoder, into a buffer already large enough for the padding (zero-filled).
  if (encoder && (s as { isWellFormed?: () => boolean }).isWellFormed?.() === true) {
    const bytes = bufferOf(((s.length * 3 + 9 + 63) >> 6) << 6);
    return { bytes, length: encoder.encodeInto(s, bytes).written };
  }
  // Exact size first (ASCII is one byte a unit; at most 3 bytes per unit, a surrogate pair makes 4).
  let size = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) size += c < 0x800 ? 1 : 2;
  }
  const bytes = bufferOf(((size + 9 + 63) >> 6) << 6);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      bytes[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x800) {
      bytes[n++] = 0xc0 | (c >> 6);
      bytes[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      bytes[n++] = 0xe0 | (c >> 12);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    } else {
      bytes[n++] = 0xf0 | (c >> 18);
      bytes[n++] = 0x80 | ((c >> 12) & 63);
      bytes[n++] = 0x80 | ((c >> 6) & 63);
      bytes[n++] = 0x80 | (c & 63);
    }
  }
  return { bytes, length: n };
}

const W = new Int32Array(64);
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
const H = new Int32Array(8);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/**
 * SHA-256 of the UTF-8 encoding of `text`, as 64 lowercase hex digits. Int32 arithmetic on
 * locals throughout (no array destructuring or DataView per block), UTF-8 by the native
 * TextEncoder when the text is well-formed: loading a ruleset hashes every rule, and the Worker
 * does that at startup, mostly before the JIT has warmed up.
 */
export function sha256Hex(text: string): string {
  const { bytes, length } = utf8Padded(text);
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer.
  const blocks = (length + 9 + 63) >> 6;
  const end = blocks << 6;
  bytes[length] = 0x80; // the rest is already zero
  const bitLen = length * 8;
  const hi = Math.floor(bitLen / 0x100000000);
  const lo = bitLen >>> 0;
  bytes[end - 8] = hi >>> 24;
  bytes[end - 7] = (hi >>> 16) & 255;
  bytes[end - 6] = (hi >>> 8) & 255;
  bytes[end - 5] = hi & 255;
  bytes[end - 4] = lo >>> 24;
  bytes[end - 3] = (lo >>> 16) & 255;
  bytes[end - 2] = (lo >>> 8) & 255;
  bytes[end - 1] = lo & 255;

  // One call per 64-byte block: a small hot function gets optimised early, which matters for
  // the cold start (the Worker hashes every rule once per isolate, mostly before tier-up).
  H.set(H0);
  for (let off = 0; off < end; off += 64) compress(H, bytes, off);
  let hex = "";
  for (let i = 0; i < 8; i++) {
    const h = H[i]!;
    hex += HEX[(h >>> 24) & 255]! + HEX[(h >>> 16) & 255]! + HEX[(h >>> 8) & 255]! + HEX[h & 255]!;
  }
  return hex;
}

/** JSON with object keys sorted at every level: the canonical form that gets hashed. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}

/** The SHA-256 compression function on the block at bytes[off, off + 64), updating state H. */
function compress(H: Int32Array, bytes: Uint8Array, off: number): void {
  const w = W;
  for (let t = 0; t < 16; t++) {
    const p = off + t * 4;
    w[t] = (bytes[p]! << 24) | (bytes[p + 1]! << 16) | (bytes[p + 2]! << 8) | bytes[p + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const a = w[t - 15]!;
    const b = w[t - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[t] = (w[t - 16]! + s0 + w[t - 7]! + s1) | 0;
  }
  let a = H[0]!,
    b = H[1]!,
    c = H[2]!,
    d = H[3]!,
    e = H[4]!,
    f = H[5]!,
    g = H[6]!,
    h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + w[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}
