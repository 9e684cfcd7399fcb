import { abortErrorFrom } from "../aborted.js";

/**
 * How long cleanup may go on after the acquisition was told to stop (abort, `timeoutMs`, a failure
 * no offer fixes): enough to send the deletes and usually to see them confirmed, short enough that
 * Ctrl-C still ends the program soon. Resources not confirmed deleted by then are reported `deleting`.
 */
export const CLEANUP_GRACE_MS = 60_000;

/** Why the acquisition was told to stop: the user's abort, `timeoutMs`, a failing `onEvent`, or a failure no offer fixes. */
export type StopReason =
  | { kind: "aborted"; error: unknown }
  | { kind: "timeout" }
  | { kind: "listener"; error: unknown }
  /** A failure no offer fixes ended it; only the grace period of cleanup starts. */
  | { kind: "failed"; error: unknown };

/** The signals every step of one acquisition runs under, and why they fired. */
export interface Stopper {
  /** Fires on abort, on `timeoutMs`, or when the listener fails: searches, waits and sleeps use it. */
  readonly signal: AbortSignal;
  /** Fires on abort or a listener failure, not on the deadline: a purchase is never cut short by a timer. */
  readonly procureSignal: AbortSignal;
  /** Fires `CLEANUP_GRACE_MS` after `signal`: cleanup uses it, so it outlives the stop by a bounded time. */
  readonly cleanupSignal: AbortSignal;
  /** Why `signal` fired; `undefined` while the acquisition runs. */
  reason(): StopReason | undefined;
  stop(reason: StopReason): void;
  /** Clears every timer and listener; call it when the acquisition returns. */
  dispose(): void;
}

export function createStopper(userSignal: AbortSignal | undefined, timeoutMs: number, graceMs = CLEANUP_GRACE_MS): Stopper {
  const run = new AbortController();
  const procure = new AbortController();
  const cleanup = new AbortController();
  let why: StopReason | undefined;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (reason: StopReason) => {
    if (why) return;
    why = reason;
    clearTimeout(deadlineTimer);
    userSignal?.removeEventListener("abort", onUserAbort);
    if (reason.kind !== "timeout") procure.abort(reasonOf(reason));
    run.abort(reasonOf(reason));
    graceTimer = setTimeout(() => cleanup.abort(new Error("The cleanup grace period passed")), graceMs);
  };
  const onUserAbort = () => stop({ kind: "aborted", error: abortErrorFrom(userSignal as AbortSignal) });
  const deadlineTimer = setTimeout(() => stop({ kind: "timeout" }), timeoutMs);
  if (userSignal?.aborted) onUserAbort();
  else userSignal?.addEventListener("abort", onUserAbort, { once: true });

  return {
    signal: run.signal,
    procureSignal: procure.signal,
    cleanupSignal: cleanup.signal,
    reason: () => why,
    stop,
    dispose() {
      clearTimeout(deadlineTimer);
      clearTimeout(graceTimer);
      userSignal?.removeEventListener("abort", onUserAbort);
    },
  };
}

function reasonOf(reason: StopReason): unknown {
  return reason.kind === "timeout" ? new Error("The acquisition's timeoutMs passed") : reason.error;
}
