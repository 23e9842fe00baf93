// A bitset of word shapes (first and last code unit, length): tells in one bit test that a token
// is not one of a set's words, before a Set or Map lookup has to hash the token's fresh string.
// Scanners test every token of an article against their start words; most tokens are none.
import type { Token } from "./tokens";

/** 65,536 bits (8 KB): small enough to stay in cache. */
export type WordFilter = Uint32Array;

function shapeOf(first: number, last: number, length: number): number {
  return (Math.imul(first, 0x9e37) ^ Math.imul(last, 0x85eb) ^ Math.imul(length, 0xc2b3)) & 0xffff;
}

export function wordFilter(words: Iterable<string>): WordFilter {
  const bits = new Uint32Array(1 << 11);
  for (const w of words) {
    if (w.length === 0) continue;
    const i = shapeOf(w.charCodeAt(0), w.charCodeAt(w.length - 1), w.length);
    bits[i >>> 5]! |= 1 << (i & 31);
  }
  return bits;
}

/** False when the token (of `folded`) is surely none of the filter's words; true when it may be. */
export function mayBe(filter: WordFilter, folded: string, t: Token): boolean {
  const i = shapeOf(folded.charCodeAt(t.start), folded.charCodeAt(t.end - 1), t.end - t.start);
  return (filter[i >>> 5]! & (1 << (i & 31))) !== 0;
}
