/**
 * Which failed attempts are tried again, and after how long. Pure functions: no clock, no timers.
 *
 * The operation's retry class (from the generated table) decides: an `idempotent` one is retried
 * after any transient failure; an `only-if-not-sent` one (`POST /procure_offer`: not idempotent, and
 * the API has no idempotency key) only when the server cannot have acted on it: a 429, or a
 * connection that was refused before anything was sent.
 */
import type { RetryClass } from "./operation.js";
import { isTransientStatus, waitWithHint } from "./transient.js";

/**
 * Why an attempt produced no usable answer. `body`: the headers came, but the body could not be
 * read (connection cut mid-body) or is not the JSON promised (truncated, HTML, empty).
 */
export type AttemptFailure =
  | { kind: "status"; status: number }
  | { kind: "timeout" }
  | { kind: "network"; error: unknown }
  | { kind: "body"; message: string; error?: unknown };

export function isRetryable(retry: RetryClass, failure: AttemptFailure): boolean {
  if (retry === "only-if-not-sent") {
    if (failure.kind === "status") return failure.status === 429;
    return failure.kind === "network" && neverConnected(failure.error);
  }
  return failure.kind !== "status" || isTransientStatus(failure.status);
}

/** True when a request that is not safe to repeat may have been carried out although we saw no success. */
export function isOutcomeUnknown(retry: RetryClass, failure: AttemptFailure): boolean {
  if (retry !== "only-if-not-sent") return false;
  if (failure.kind === "status") return failure.status >= 500;
  return failure.kind !== "network" || !neverConnected(failure.error);
}

/**
 * `min(0.5 s * 2^n, 8 s)` minus up to 25 % jitter, for the n-th retry (0-based); a `Retry-After`
 * may lengthen it (up to 60 s), never shorten it.
 */
export function retryDelayMs(retry: number, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const base = Math.min(500 * 2 ** retry, 8_000);
  return waitWithHint(Math.round(base * (1 - random() * 0.25)), retryAfterMs);
}

/** Error codes meaning no connection was made, so no byte of the request reached a server. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);
/** Deno's only sign: the error of its HTTP client's connect phase, in the cause's message. */
const DENO_NOT_CONNECTED = /client error \(Connect\)/;

/**
 * True when the request certainly never reached a server, in each runtime's own words:
 * - Node: `TypeError("fetch failed")` with the socket error as `cause` (an AggregateError of them
 *   when several addresses were tried), `cause.code` `ECONNREFUSED`;
 * - Bun: `code: "ECONNREFUSED"` on the TypeError itself;
 * - Deno: only a message, `... client error (Connect): tcp connect error: Connection refused`.
 * Browsers give no detail, so there this is false.
 */
export function neverConnected(error: unknown): boolean {
  const failure = error as { code?: unknown; cause?: { code?: unknown; errors?: unknown[]; message?: unknown } } | null;
  if (!failure) return false;
  if (typeof failure.code === "string") return NOT_CONNECTED.has(failure.code);
  const cause = failure.cause;
  if (!cause) return false;
  if (Array.isArray(cause.errors) && cause.errors.length > 0) {
    return cause.errors.every((e) => NOT_CONNECTED.has((e as { code?: string })?.code ?? ""));
  }
  if (typeof cause.code === "string") return NOT_CONNECTED.has(cause.code);
  return typeof cause.message === "string" && DENO_NOT_CONNECTED.test(cause.message);
}
