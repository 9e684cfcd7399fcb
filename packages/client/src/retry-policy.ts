/**
 * Which failed attempts are tried again, and after how long. Pure functions: no clock, no timers.
 *
 * Everything is retried like a GET (`POST /get_offers` is a query; a DELETE repeated after the
 * server acted gets a 409, which is not retried), except `POST /procure_offer`: it is not
 * idempotent and the API has no idempotency key, so it is repeated only when the server cannot
 * have acted on it: a 429, or a connection that was refused before anything was sent.
 */
import type { RequestTarget } from "./errors.js";

/**
 * Why an attempt produced no usable answer. `body`: the headers came, but the body could not be
 * read (connection cut mid-body) or is not the JSON promised (truncated, HTML, empty).
 */
export type AttemptFailure =
  | { kind: "status"; status: number }
  | { kind: "timeout" }
  | { kind: "network"; error: unknown }
  | { kind: "body"; message: string; error?: unknown };

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const MAX_RETRY_AFTER_MS = 60_000;

export function isProcure(target: RequestTarget): boolean {
  return target.method === "POST" && target.path === "/procure_offer";
}

export function isRetryable(target: RequestTarget, failure: AttemptFailure): boolean {
  if (isProcure(target)) {
    if (failure.kind === "status") return failure.status === 429;
    return failure.kind === "network" && neverConnected(failure.error);
  }
  return failure.kind !== "status" || RETRYABLE_STATUSES.has(failure.status);
}

/** True when a procure may have been carried out although we saw no success. */
export function isOutcomeUnknown(target: RequestTarget, failure: AttemptFailure): boolean {
  if (!isProcure(target)) return false;
  if (failure.kind === "status") return failure.status >= 500;
  return failure.kind !== "network" || !neverConnected(failure.error);
}

/**
 * `min(0.5 s * 2^n, 8 s)` minus up to 25 % jitter, for the n-th retry (0-based); a `Retry-After`
 * answer wins, capped at 60 s.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(retryAfterMs, 0), MAX_RETRY_AFTER_MS);
  const base = Math.min(500 * 2 ** retry, 8_000);
  return Math.round(base * (1 - random() * 0.25));
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

/** Error codes meaning no connection was made, so no byte of the request reached a server. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Node's fetch reports `TypeError("fetch failed")` with the socket error as `cause` (an
 * AggregateError when several addresses were tried). Browsers give no detail, so there this is false.
 */
export function neverConnected(error: unknown): boolean {
  const cause = (error as { cause?: { code?: unknown; errors?: unknown[] } } | null)?.cause;
  if (!cause) return false;
  if (Array.isArray(cause.errors) && cause.errors.length > 0) {
    return cause.errors.every((e) => NOT_CONNECTED.has((e as { code?: string })?.code ?? ""));
  }
  return typeof cause.code === "string" && NOT_CONNECTED.has(cause.code);
}
