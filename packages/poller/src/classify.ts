import { CdeskApiError, CdeskConnectionError, RateLimitError } from "@cdesk/client";

/**
 * True for failures worth another poll: no usable answer (connection errors and request timeouts),
 * 408, 429 and 5xx. Everything else (401, 403, 404, 409, 410, 422, bad input, aborts, bugs) is fatal:
 * asking again would get the same answer.
 */
export function isTransient(error: unknown): boolean {
  if (error instanceof CdeskConnectionError) return true;
  if (error instanceof CdeskApiError) {
    return error.status === 408 || error.status === 429 || error.status >= 500;
  }
  return false;
}

/**
 * How long the server asked us to wait before asking again, from a 429's `retryAfterMs` or from the
 * `Retry-After` header of any API error (a 503 may carry one too). Seconds or an HTTP date.
 */
export function retryAfterMsOf(error: unknown, nowMs: number): number | undefined {
  if (error instanceof RateLimitError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  if (!(error instanceof CdeskApiError)) return undefined;
  const header = error.headers["retry-after"]?.trim();
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
