import { abortErrorFrom } from "./aborted.js";

/** What `boundedRequest` resolves with when the deadline came first. */
export const DEADLINE_PASSED: unique symbol = Symbol("deadline passed");

/**
 * Runs one request so that it ends with the wait: it settles as soon as the caller's signal fires
 * (rejecting with an `AbortError`) or `remainingMs` pass (resolving `DEADLINE_PASSED`), even if the
 * request itself is slow to notice the signal it was given. Leaves no timer or listener behind.
 */
export function boundedRequest<T>(
  run: (signal: AbortSignal) => Promise<T>,
  callerSignal: AbortSignal | undefined,
  remainingMs: number,
): Promise<T | typeof DEADLINE_PASSED> {
  if (callerSignal?.aborted) return Promise.reject(abortErrorFrom(callerSignal));
  const controller = new AbortController();
  return new Promise((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      settle();
      const signal = callerSignal as AbortSignal;
      controller.abort(signal.reason);
      reject(abortErrorFrom(signal));
    };
    const timer = setTimeout(() => {
      settle();
      controller.abort(new Error("The wait's deadline passed"));
      resolve(DEADLINE_PASSED);
    }, remainingMs);
    callerSignal?.addEventListener("abort", onAbort, { once: true });
    // Once settled, the request's late answer or error is ignored (and never left unhandled).
    Promise.resolve()
      .then(() => run(controller.signal))
      .then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
  });
}
