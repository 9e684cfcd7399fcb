import { CdeskInputError } from "@cdesk/client";
import { MAX_TIMER_MS } from "./schedule.js";

/** One status seen while waiting, as passed to `onProgress`. */
export interface PollObservation<S> {
  /** The status body just received. */
  status: S;
  /** 1-based number of the status request that returned it (failed requests count too). */
  attempt: number;
  /** Milliseconds since the wait started. */
  elapsedMs: number;
}

/** Options of every wait (`waitForOfferReady`, `pollOfferStatus`, `procureAndWait`, `waitForResourceDeleted`). */
export interface WaitOptions<S = unknown> {
  /**
   * Wait between two status requests, before jitter (each wait is this plus up to 10% more, so many
   * clients do not poll in lockstep). The first request is sent at once.
   * @default 15000 (the documented polling cadence)
   * @example { intervalMs: 5_000 }
   */
  intervalMs?: number;
  /**
   * Largest wait between two requests (before jitter) when `backoffFactor` makes the wait grow.
   * Must be >= `intervalMs`.
   * @default intervalMs (no growth)
   * @example { intervalMs: 5_000, maxIntervalMs: 30_000 }
   */
  maxIntervalMs?: number;
  /**
   * Each wait is the previous one times this factor, up to `maxIntervalMs`. Must be >= 1.
   * @default 1.5
   * @example { intervalMs: 2_000, maxIntervalMs: 15_000, backoffFactor: 2 }
   */
  backoffFactor?: number;
  /**
   * Give up with a `WaitTimeoutError` after this many milliseconds. Every request is sent before this
   * deadline, and a request still running at the deadline is cancelled.
   * @default 1200000 (20 minutes; provisioning typically takes 1-5 minutes)
   * @example { timeoutMs: 10 * 60_000 }
   */
  timeoutMs?: number;
  /**
   * Transient failures (connection errors, timeouts, 429, 5xx) in a row after which the wait fails with
   * the last one. A successful request resets the count. Other errors end the wait at once.
   * @default 5
   * @example { maxConsecutiveErrors: 10 }
   */
  maxConsecutiveErrors?: number;
  /**
   * Cancels the wait: during a request or between two, it rejects with an error named `AbortError`.
   * @default undefined
   * @example { signal: AbortSignal.timeout(60_000) }
   */
  signal?: AbortSignal;
  /**
   * Called with every status received. If it throws (or returns a promise that rejects), the wait
   * ends with that error; a returned promise is awaited before the next request.
   * @default undefined
   * @example { onProgress: ({ status, attempt, elapsedMs }) => console.log(attempt, elapsedMs, status) }
   */
  onProgress?: (observation: PollObservation<S>) => unknown;
}

/** `WaitOptions` with every default filled in. */
export interface ResolvedWaitOptions<S> {
  intervalMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
  timeoutMs: number;
  maxConsecutiveErrors: number;
  signal: AbortSignal | undefined;
  onProgress: ((observation: PollObservation<S>) => unknown) | undefined;
}

export const DEFAULT_INTERVAL_MS = 15_000;
export const DEFAULT_BACKOFF_FACTOR = 1.5;
export const DEFAULT_TIMEOUT_MS = 20 * 60_000;
export const DEFAULT_MAX_CONSECUTIVE_ERRORS = 5;

/** Fills in the defaults and checks every rule; throws `CdeskInputError` naming the option and the rule. */
export function resolveWaitOptions<S>(options: WaitOptions<S> = {}): ResolvedWaitOptions<S> {
  if (typeof options !== "object" || options === null) {
    throw new CdeskInputError("options", "object", "must be an object when given");
  }
  const intervalMs = positiveNumber("intervalMs", options.intervalMs, DEFAULT_INTERVAL_MS);
  const maxIntervalMs = positiveNumber("maxIntervalMs", options.maxIntervalMs, intervalMs);
  if (maxIntervalMs < intervalMs) {
    throw new CdeskInputError(
      "maxIntervalMs",
      "gte-intervalMs",
      `must be >= intervalMs (${intervalMs}), got ${maxIntervalMs}`,
    );
  }
  const backoffFactor = positiveNumber("backoffFactor", options.backoffFactor, DEFAULT_BACKOFF_FACTOR);
  if (backoffFactor < 1) {
    throw new CdeskInputError("backoffFactor", "gte-1", `must be >= 1 (1 keeps the interval fixed), got ${backoffFactor}`);
  }
  const timeoutMs = timerMs("timeoutMs", options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const maxConsecutiveErrors = positiveNumber(
    "maxConsecutiveErrors",
    options.maxConsecutiveErrors,
    DEFAULT_MAX_CONSECUTIVE_ERRORS,
  );
  if (!Number.isInteger(maxConsecutiveErrors)) {
    throw new CdeskInputError("maxConsecutiveErrors", "integer", `must be a whole number, got ${maxConsecutiveErrors}`);
  }
  const { signal, onProgress } = options;
  if (signal !== undefined && !isAbortSignal(signal)) {
    throw new CdeskInputError("signal", "abort-signal", "must be an AbortSignal");
  }
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new CdeskInputError("onProgress", "function", "must be a function");
  }
  return { intervalMs, maxIntervalMs, backoffFactor, timeoutMs, maxConsecutiveErrors, signal, onProgress };
}

/** A positive duration a timer can hold (at most 2^31 - 1 ms). */
export function timerMs(name: string, value: unknown, fallback: number): number {
  const ms = positiveNumber(name, value, fallback);
  if (ms > MAX_TIMER_MS) {
    throw new CdeskInputError(name, "max-timer", `must be at most ${MAX_TIMER_MS} (what a timer can hold), got ${ms}`);
  }
  return ms;
}

export function positiveNumber(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new CdeskInputError(name, "positive-finite", `must be a positive finite number, got ${String(value)}`);
  }
  return value;
}

function isAbortSignal(value: unknown): value is AbortSignal {
  const candidate = value as AbortSignal | null;
  return (
    typeof candidate === "object" &&
    candidate !== null &&
    typeof candidate.aborted === "boolean" &&
    typeof candidate.addEventListener === "function"
  );
}
