// Time-sortable ids ("run_01kx7c3q9n…"): lexical order == creation order, which keyset
// pagination and "newest first" rely on. Crockford base32 time prefix + 80 random bits.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

function encodeTime(ms: number): string {
  let out = "";
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[ms % 32] + out;
    ms = Math.floor(ms / 32);
  }
  return out;
}

export function newId(prefix: "art" | "run" | "dlv" | "aud" | "tok" | "fbk" | "dft" | "pvw", now = Date.now()): string {
  const random = crypto.getRandomValues(new Uint8Array(10));
  let tail = "";
  for (const byte of random) tail += ALPHABET[byte % 32];
  return `${prefix}_${encodeTime(now)}${tail}`;
}
