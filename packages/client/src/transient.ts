/**
 * Which failures are worth asking again, for the client's retries and @cdesk/poller's polling alike.
 */
import { CdeskApiError, CdeskConnectionError, RateLimitError } from "./errors.js";

/** 408, 429 and the 5xx that mean "try later" (500, 502, 503, 504); not 501 or 505, which will not change. */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * True for an error worth another try of an idempotent request: no usable answer (connection
 * errors, timeouts) or a transient status. Input errors, aborts, other statuses and answers the spec
 * does not allow (`UnexpectedResponseError`) are final.
 */
export function isTransientError(error: unknown): boolean {
  if (error instanceof CdeskConnectionError) return true;
  return error instanceof CdeskApiError && isTransientStatus(error.status);
}

/** How long the server asked to wait, from a 429's `retryAfterMs` or any API error's `Retry-After`. */
export function retryAfterMsOf(error: unknown, now: number): number | undefined {
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  return error instanceof CdeskApiError ? parseRetryAfter(error.headers["retry-after"], now) : undefined;
}

/** `Retry-After` in milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date always names its day and month; Date.parse alone would read "-3" as a year.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The longest wait a `Retry-After` may ask for (a larger one is a server bug, not a plan). */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * The wait before trying again: the schedule's wait, lengthened (never shortened) by the server's
 * hint, which counts up to `MAX_RETRY_AFTER_MS`. A `Retry-After: 0` or a date in the past therefore
 * keeps the schedule's pace instead of turning a short outage into a burst of requests.
 */
export function waitWithHint(scheduledMs: number, retryAfterMs: number | undefined): number {
  return retryAfterMs === undefined ? scheduledMs : Math.max(scheduledMs, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS));
}
