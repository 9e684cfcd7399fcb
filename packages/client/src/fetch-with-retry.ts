/**
 * The `fetch` openapi-fetch calls: the attempt loop. Each attempt gets its own timeout; the
 * caller's signal (the Request's) ends everything at once, waits included. Timers and listeners
 * are removed as soon as an attempt is over; for the answer handed back, once its body is read
 * (`call.release`), so a body that stalls is covered by the attempt's timeout too.
 */
import {
  CdeskAbortError,
  CdeskConnectionError,
  CdeskTimeoutError,
  type CdeskError,
  type RequestTarget,
} from "./errors.js";
import type { AttemptLog, AttemptRecord } from "./logger.js";
import type { FetchLike } from "./options.js";
import { malformedResponse, malformedSuccessReason } from "./response-errors.js";
import {
  isOutcomeUnknown,
  isRetryable,
  parseRetryAfter,
  retryDelayMs,
  type AttemptFailure,
} from "./retry-policy.js";

/** Everything one call needs; created per call, so per-call options never touch the client. */
export interface CallContext {
  target: RequestTarget;
  /** The caller's signal, if any: aborts the current attempt, or the wait before the next. */
  signal: AbortSignal | undefined;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  log: AttemptLog | undefined;
  /** Set when the answer is handed back: ends its attempt (timer, listener) once the body is read. */
  release?: () => void;
  /** Set when the current attempt's timer fired (also while its body was being read). */
  timedOut?: boolean;
}

interface Attempt {
  response?: Response;
  failure?: AttemptFailure;
  aborted?: true;
  release: () => void;
}

export async function fetchWithRetry(request: Request, call: CallContext): Promise<Response> {
  const { signal } = call;
  const attempts = call.maxRetries + 1;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(call.target, signal);
    const last = attempt === attempts;
    // A body can be sent once: every attempt but the last sends a copy.
    const input = !last && request.body !== null ? request.clone() : request;
    const started = Date.now();
    const result = await attemptOnce(input, signal, call);
    const { response } = result;
    const record = (outcome: number | string, retryInMs?: number): AttemptRecord => ({
      method: call.target.method,
      url: request.url,
      outcome,
      durationMs: Date.now() - started,
      attempt,
      attempts,
      requestId: response?.headers.get("x-request-id"),
      retryInMs,
    });

    if (result.aborted) {
      result.release();
      call.log?.("debug", () => record("aborted"));
      throw abortError(call.target, signal!);
    }
    const failure = result.failure ?? (response!.ok ? undefined : { kind: "status", status: response!.status });
    if (!failure) {
      call.log?.("debug", () => record(response!.status));
      const malformed = malformedSuccessReason(response!);
      if (malformed) {
        result.release();
        discard(response);
        throw malformedResponse(call.target, malformed);
      }
      call.release = result.release;
      return response!;
    }

    const outcome = failure.kind === "status" ? failure.status : failure.kind === "timeout" ? "timeout" : "network-error";
    if (last || !isRetryable(call.target, failure)) {
      call.log?.(failure.kind === "status" && failure.status < 500 ? "info" : "warn", () => record(outcome));
      if (response) {
        call.release = result.release;
        return response;
      }
      result.release();
      throw connectionError(call, failure);
    }

    const retryAfterMs = parseRetryAfter(response?.headers.get("retry-after"), Date.now());
    const delay = retryDelayMs(attempt - 1, retryAfterMs);
    call.log?.("info", () => record(outcome, delay));
    result.release();
    discard(response);
    await sleep(delay, signal, call.target);
  }
}

function attemptOnce(input: Request, userSignal: AbortSignal | undefined, call: CallContext): Promise<Attempt> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: () => void = noop;
  const release = () => {
    clearTimeout(timer);
    userSignal?.removeEventListener("abort", onAbort);
  };
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const settle = (attempt: Omit<Attempt, "release">) => {
      if (!settled) resolve({ ...attempt, release });
      settled = true;
    };
    call.timedOut = false;
    timer = setTimeout(() => {
      call.timedOut = true;
      controller.abort(new CdeskTimeoutError(call.target, call.timeoutMs));
      settle({ failure: { kind: "timeout" } });
    }, call.timeoutMs);
    onAbort = () => {
      controller.abort(userSignal!.reason);
      settle({ aborted: true });
    };
    userSignal?.addEventListener("abort", onAbort);
    // Called unbound: browsers refuse `fetch` invoked on any `this` but the global.
    const { fetch } = call;
    let pending: Promise<Response>;
    try {
      pending = fetch(input, { signal: controller.signal });
    } catch (error) {
      pending = Promise.reject(error);
    }
    // A fetch that ignores its signal may still answer after the timeout: free that answer.
    pending.then(
      (response) => (settled ? discard(response) : settle({ response })),
      (error: unknown) => settle({ failure: { kind: "network", error } }),
    );
  });
}

/** Waits `ms`, or rejects with `CdeskAbortError` the moment the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined, target: RequestTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(target, signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export function abortError(target: RequestTarget, signal: AbortSignal): CdeskAbortError {
  return new CdeskAbortError(`${target.method} ${target.path} was aborted`, { cause: signal.reason });
}

function connectionError(call: CallContext, failure: AttemptFailure): CdeskError {
  const outcomeUnknown = isOutcomeUnknown(call.target, failure);
  if (failure.kind === "timeout") return new CdeskTimeoutError(call.target, call.timeoutMs, { outcomeUnknown });
  const error = failure.kind === "network" ? failure.error : undefined;
  return new CdeskConnectionError(call.target, describeNetworkError(error), { cause: error, outcomeUnknown });
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `${message} (${code})` : message;
}

function discard(response: Response | undefined): void {
  response?.body?.cancel().catch(noop);
}

function noop(): void {}
