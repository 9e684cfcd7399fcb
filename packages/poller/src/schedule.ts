import { waitWithHint } from "@cdesk/client";

/** The largest delay `setTimeout` can hold (2^31 - 1 ms, about 24.8 days); larger values fire at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Jitter only lengthens a wait (by up to this fraction): a wait never shorter than the interval keeps
 * the request count for a provisioning of T ms at most ceil(T / interval) + 1.
 */
export const JITTER_RATIO = 0.1;

export interface ScheduleInput {
  /** Status requests sent so far (>= 1): the first wait follows request 1. */
  requestsSent: number;
  intervalMs: number;
  maxIntervalMs: number;
  backoffFactor: number;
  /** What the server asked for with `Retry-After`: may lengthen the computed wait, never shorten it. */
  retryAfterMs: number | undefined;
  /** Milliseconds left until the deadline. */
  remainingMs: number;
  /** A number in [0, 1) that picks the jitter. */
  random: number;
}

/**
 * The wait before the next status request. Pure: the same input gives the same wait.
 * Never longer than the time left, so the wait settles at the deadline instead of sleeping past it.
 */
export function nextDelayMs(input: ScheduleInput): number {
  const grown = input.intervalMs * input.backoffFactor ** (input.requestsSent - 1);
  const base = Math.min(grown, input.maxIntervalMs);
  const wanted = waitWithHint(base * (1 + JITTER_RATIO * input.random), input.retryAfterMs);
  return Math.max(0, Math.min(wanted, input.remainingMs, MAX_TIMER_MS));
}
