import { DeadlineExceeded } from "./errors.js";

/** One command's time budget: every request it sends gets `signal`, so none outlives it. */
export interface Deadline {
  /** Fires with a `DeadlineExceeded` reason when the time is up, or with whatever `abort` is given. */
  readonly signal: AbortSignal;
  /** Milliseconds left (at least 1, as a timer option must be positive). */
  remainingMs(): number;
  elapsedMs(): number;
  /** Ends the command's requests now, e.g. on Ctrl-C. */
  abort(reason: Error): void;
  /** Stops the timer; a finished command leaves nothing behind. */
  clear(): void;
}

export function startDeadline(timeoutMs: number, now: () => number = Date.now): Deadline {
  const controller = new AbortController();
  const startedAt = now();
  const timer = setTimeout(() => controller.abort(new DeadlineExceeded(timeoutMs)), timeoutMs);
  return {
    signal: controller.signal,
    remainingMs: () => Math.max(1, startedAt + timeoutMs - now()),
    elapsedMs: () => now() - startedAt,
    abort: (reason) => controller.abort(reason),
    clear: () => clearTimeout(timer),
  };
}
