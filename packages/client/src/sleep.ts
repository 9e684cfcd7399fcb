import { CdeskAbortError } from "./errors.js";

/**
 * Resolves after `ms`, or rejects with `CdeskAbortError` ("`what` was aborted", the signal's reason
 * as `cause`) as soon as `signal` fires, at once if it already has. Either way it leaves no timer and
 * no listener behind, so a finished wait never keeps a process alive. Shared by the client's retry
 * waits and @cdesk/poller's polling waits.
 */
export function abortableSleep(ms: number, signal: AbortSignal | undefined, what = "The wait"): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal, what));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!, what));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The error for a fired signal: "`what` was aborted", with the signal's reason as `cause`. */
export function abortError(signal: AbortSignal, what: string): CdeskAbortError {
  return new CdeskAbortError(`${what} was aborted`, { cause: signal.reason });
}
