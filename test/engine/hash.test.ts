// sha256Hex: the engine's own SHA-256 (ruleset versions and rule hashes) against node:crypto,
// across block boundaries, non-ASCII text and lone surrogates (encoded as WTF-8, as always).
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../src/engine/hash";

const wtf8 = (s: string): Buffer => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const d = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i++;
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Buffer.from(out);
};
const reference = (s: string): string => createHash("sha256").update(wtf8(s)).digest("hex");

describe("sha256Hex", () => {
  it("matches the standard test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("matches node:crypto around block boundaries, for ASCII, accents, emoji and lone surrogates", () => {
    const alphabet = ["a", "Z", " ", "é", "ñ", "“", "€", "😀", "中", "\u07ff", "\u0800", "\uffff", "\ud800", "\udc00"];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (const len of [1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      for (const letters of [3, 12, alphabet.length]) {
        let s = "";
        while (s.length < len) s += alphabet[Math.floor(rand() * letters)];
        expect(sha256Hex(s), JSON.stringify(s)).toBe(reference(s));
      }
    }
  });

  it("gives the same digest whatever was hashed before (its buffer is shared between calls)", () => {
    const short = "fnd/1\u0000ghost\u0000post-1\u0000rule\u0000244 Venezuelans";
    const expected = reference(short);
    for (const before of ["x".repeat(100_000), "é".repeat(5_000), "\ud800".repeat(700), "abc"]) {
      expect(sha256Hex(before)).toBe(reference(before));
      expect(sha256Hex(short)).toBe(expected);
    }
  });
});
