// What webhook providers share around signature checks: required headers, timestamp windows and
// the 401 they raise. The byte and HMAC primitives live in src/lib/crypto.ts.
import { ApiError } from "../errors";

/** The one way a webhook is refused for authentication: 401 with a message that says what to fix. */
export function unauthorized(message: string): ApiError {
  return new ApiError(401, "unauthorized", message);
}

export function requireHeader(headers: Headers, name: string): string {
  const value = headers.get(name);
  if (!value) throw unauthorized(`Missing ${name} header.`);
  return value;
}

/** Refuses timestamps outside ±toleranceMs of now: stale deliveries are replays, future ones are forged or skewed. */
export function assertFresh(timestampMs: number, nowMs: number, toleranceMs: number, header: string): void {
  if (!Number.isSafeInteger(timestampMs)) throw unauthorized(`Malformed timestamp in ${header}.`);
  const age = nowMs - timestampMs;
  if (age > toleranceMs)
    throw unauthorized(
      `Stale ${header}: signed ${Math.round(age / 1000)} s ago, more than the ${toleranceMs / 1000} s allowed (replayed delivery?).`,
    );
  if (-age > toleranceMs)
    throw unauthorized(
      `${header} is ${Math.round(-age / 1000)} s in the future, more than the ${toleranceMs / 1000} s allowed (check the sender's clock).`,
    );
}
