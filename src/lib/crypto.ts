// The one home of the project's hashing and signing: SHA-256 content hashes, byte encodings,
// HMAC-SHA256 (verified through crypto.subtle.verify, constant-time in workerd), constant-time
// string comparison and Standard Webhooks keys and signatures. Pure Web Crypto: no I/O.

const encoder = new TextEncoder();

export const utf8 = (s: string): Uint8Array => encoder.encode(s);

/** SHA-256 of a string's UTF-8 bytes. */
export function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", utf8(text));
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"));

/** SHA-256 hex of a string (content hashes of article text, payload-derived delivery keys). */
export async function sha256Hex(text: string): Promise<string> {
  let hex = "";
  for (const b of new Uint8Array(await sha256(text))) hex += HEX[b]!;
  return hex;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Hex → bytes, or null when the string is not hex (a malformed signature, never a throw). */
export function fromHex(s: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})+$/i.test(s)) return null;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(s.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Base64 or base64url, padded or not → bytes, or null when malformed. */
export function fromBase64(s: string): Uint8Array | null {
  const std = s.replace(/-/g, "+").replace(/_/g, "/").replace(/=+$/, "");
  if (!/^[A-Za-z0-9+/]*$/.test(std)) return null;
  try {
    const bin = atob(std + "=".repeat((4 - (std.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

export function toBase64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const keyCache = new Map<string, Promise<CryptoKey>>();

/** HMAC-SHA256 key, imported once per isolate per secret (importKey costs CPU on every request otherwise). */
function hmacKey(secret: string | Uint8Array): Promise<CryptoKey> {
  const id = typeof secret === "string" ? `s:${secret}` : `b:${toBase64(secret)}`;
  let key = keyCache.get(id);
  if (!key) {
    const raw = typeof secret === "string" ? utf8(secret) : secret;
    key = crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keyCache.set(id, key);
  }
  return key;
}

/** Constant-time check that `signature` is HMAC-SHA256(secret, data). A null signature never matches. */
export async function hmacVerify(secret: string | Uint8Array, signature: Uint8Array | null, data: Uint8Array): Promise<boolean> {
  if (!signature) return false;
  return crypto.subtle.verify("HMAC", await hmacKey(secret), signature, data);
}

export async function hmacSign(secret: string | Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), data));
}

/** Constant-time equality of two strings of any length (compares their SHA-256 digests, so the length does not leak). */
export async function timingSafeEqualStrings(a: string, b: string): Promise<boolean> {
  const [da, db] = await Promise.all([crypto.subtle.digest("SHA-256", utf8(a)), crypto.subtle.digest("SHA-256", utf8(b))]);
  return crypto.subtle.timingSafeEqual(da, db);
}

/** The signing key behind a "whsec_<base64>" secret (the prefix is optional, as in the spec's libraries). */
export function standardKey(secret: string): Uint8Array {
  const key = fromBase64(secret.replace(/^whsec_/, ""));
  if (!key?.length) throw new Error("the Standard Webhooks secret must be whsec_ followed by base64");
  return key;
}

/** The Standard Webhooks headers for a body: webhook-id, webhook-timestamp (s), webhook-signature "v1,<base64>". */
export async function signStandardWebhook(secret: string, id: string, body: string, now = new Date()): Promise<Record<string, string>> {
  const timestamp = Math.floor(now.getTime() / 1000).toString();
  const signature = await hmacSign(standardKey(secret), utf8(`${id}.${timestamp}.${body}`));
  return { "webhook-id": id, "webhook-timestamp": timestamp, "webhook-signature": `v1,${toBase64(signature)}` };
}
