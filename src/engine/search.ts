// Binary searches over sorted spans and mentions, shared by the kinds and the attachment layer.
// Hits of one term set come sorted by start and never overlap (leftmost-longest), so their ends
// are sorted too: every question is a binary search plus a look at a neighbour, never a scan.
import type { Hit } from "./kind-api";

/** Index of the first item whose `start` is >= offset (items sorted by start). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { start: number }).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first item whose `end` is > offset (items sorted by end). */
export function firstEndingAfter(items: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { end: number }).end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first mention whose `offset` is >= offset (mentions sorted by offset). */
export function firstMentionAt(items: readonly { offset: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((items[mid] as { offset: number }).offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does one of the (sorted, non-overlapping) hits contain [start, end)? */
export function hitCovers(hits: readonly Hit[], start: number, end: number): boolean {
  // Only the last hit starting at or before `start` can: it has the largest end of those.
  const i = firstStartingAt(hits, start + 1) - 1;
  return i >= 0 && (hits[i] as Hit).end >= end;
}

/** Does a hit of `hits` lie inside [from, to)? */
export function hitWithin(hits: readonly Hit[], from: number, to: number): boolean {
  const k = firstStartingAt(hits, from);
  return k < hits.length && hits[k]!.start < to;
}
