import { abortableSleep, isTransientError, retryAfterMsOf } from "@cdesk/client";
import { abortErrorFrom } from "./aborted.js";
import { DEADLINE_PASSED, boundedRequest } from "./bounded-request.js";
import { WaitTimeoutError } from "./errors.js";
import type { ResolvedWaitOptions } from "./options.js";
import { nextDelayMs } from "./schedule.js";
import type { Verdict } from "./terminal.js";

/** What to poll and how to read it. */
export interface PollTarget<S> {
  /** One status request; must pass `signal` on to the client. */
  fetch(signal: AbortSignal): Promise<S>;
  verdict(status: S): Verdict;
}

/**
 * The one polling loop. Yields every status received, the terminal one last, then ends.
 * Throws a fatal error at once, the last transient error after `maxConsecutiveErrors` in a row,
 * `WaitTimeoutError` at the deadline, and an `AbortError` when the signal fires.
 * While the consumer holds a yielded value no timer is pending, so `break` leaves nothing behind.
 */
export async function* poll<S>(
  target: PollTarget<S>,
  options: ResolvedWaitOptions<S>,
  startedAt = Date.now(),
): AsyncGenerator<S, void, undefined> {
  const { signal, onProgress, timeoutMs } = options;
  const deadline = startedAt + timeoutMs;
  let requestsSent = 0;
  let consecutiveErrors = 0;
  let lastStatus: S | undefined;
  const timeout = () =>
    new WaitTimeoutError<S>({ lastStatus, elapsedMs: Date.now() - startedAt, attempts: requestsSent, timeoutMs });

  while (true) {
    if (signal?.aborted) throw abortErrorFrom(signal);
    if (Date.now() >= deadline) throw timeout();
    requestsSent += 1;
    const outcome: { status: S | typeof DEADLINE_PASSED } | { error: unknown } = await boundedRequest(
      (s) => target.fetch(s),
      signal,
      deadline - Date.now(),
    ).then(
      (status) => ({ status }),
      (error: unknown) => ({ error }),
    );
    let retryAfterMs: number | undefined;
    if ("error" in outcome) {
      consecutiveErrors += 1;
      if (!isTransientError(outcome.error) || consecutiveErrors >= options.maxConsecutiveErrors) throw outcome.error;
      retryAfterMs = retryAfterMsOf(outcome.error, Date.now());
    } else {
      const { status } = outcome;
      if (status === DEADLINE_PASSED) throw timeout();
      consecutiveErrors = 0;
      lastStatus = status;
      // Awaited: a callback that rejects ends the wait with its error, like one that throws.
      await onProgress?.({ status, attempt: requestsSent, elapsedMs: Date.now() - startedAt });
      yield status;
      if (target.verdict(status) !== "pending") return;
    }
    const remainingMs = deadline - Date.now();
    const delay = nextDelayMs({
      requestsSent,
      intervalMs: options.intervalMs,
      maxIntervalMs: options.maxIntervalMs,
      backoffFactor: options.backoffFactor,
      retryAfterMs,
      remainingMs,
      random: Math.random(),
    });
    await abortableSleep(delay, signal);
    // A wait cut to the deadline ends the poll, whatever the clock says: a timer may fire a
    // fraction of a millisecond early, and a request sent then would only be cancelled.
    if (delay >= remainingMs) throw timeout();
  }
}
