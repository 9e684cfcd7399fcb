import { CdeskAbortError } from "@cdesk/client";

/** The error a wait rejects with when its signal fires; `cause` is the signal's reason. */
export function abortErrorFrom(signal: AbortSignal): CdeskAbortError {
  return new CdeskAbortError("The wait was aborted", { cause: signal.reason });
}

/**
 * Resolves after `ms`, or rejects with an `AbortError` as soon as `signal` fires. Either way it leaves
 * no timer and no listener behind, so a finished wait never keeps a process alive.
 */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortErrorFrom(signal));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortErrorFrom(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
