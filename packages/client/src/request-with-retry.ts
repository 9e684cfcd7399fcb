/**
 * The attempt loop around one openapi-fetch request. An attempt is the whole request: openapi-fetch
 * builds a fresh Request (so a body is never copied in case a retry follows), sends it through the
 * `fetch` the loop hands it, and reads and parses the body. A body that breaks off or is not the JSON
 * promised is therefore just another failed attempt, retried like a network error. Each attempt has
 * its own timeout, covering the body; the caller's signal ends everything at once, waits included.
 * Every timer and listener is gone when the call settles.
 */
import {
  CdeskAbortError,
  CdeskConnectionError,
  CdeskError,
  CdeskTimeoutError,
  type RequestTarget,
} from "./errors.js";
import type { AttemptLog, AttemptRecord } from "./logger.js";
import type { FetchLike } from "./options.js";
import { apiError, malformedSuccessReason } from "./response-errors.js";
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
  /** Runs on each Request before it is sent; throws (a `CdeskError`) to refuse it. */
  vet?: (request: Request) => void;
}

/** What openapi-fetch resolves to: the parsed body (`data`, or `error` for a status >= 400). */
export interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Sends the request once through `fetch`, reading the body: one openapi-fetch call. */
export type SendOnce = (fetch: (request: Request) => Promise<Response>) => Promise<Answer>;

/** How an attempt ended: exactly one field is set. */
interface Outcome {
  answer?: Answer;
  failure?: AttemptFailure;
  aborted?: true;
  /** Thrown before anything was sent (a query that cannot be serialised, a refused URL): final, as it is. */
  fatal?: unknown;
}

interface Attempt extends Outcome {
  request?: Request;
  response?: Response;
}

/** The log's word for an attempt without a status. */
const OUTCOME_WORD = { timeout: "timeout", network: "network-error", body: "body-error" } as const;

/** Resolves to the first usable answer, or throws the typed error of the last failed attempt. */
export async function requestWithRetry(sendOnce: SendOnce, call: CallContext): Promise<Answer> {
  const { signal, target } = call;
  const attempts = call.maxRetries + 1;
  for (let attempt = 1; ; attempt++) {
    if (signal?.aborted) throw abortError(target, signal);
    const started = Date.now();
    const result = await attemptOnce(sendOnce, call);
    if (result.fatal !== undefined) throw result.fatal;
    // Built only when a line is logged: at the default level a success logs nothing.
    const record = (outcome: number | string, retryInMs?: number): AttemptRecord => ({
      method: target.method,
      url: result.request?.url ?? target.path,
      outcome,
      durationMs: Date.now() - started,
      attempt,
      attempts,
      requestId: result.response?.headers.get("x-request-id"),
      retryInMs,
    });

    if (result.aborted) {
      call.log?.("debug", () => record("aborted"));
      throw abortError(target, signal!);
    }
    const failure = result.failure ?? failureOf(result.answer!, target);
    if (!failure) {
      call.log?.("debug", () => record(result.response!.status));
      return result.answer!;
    }

    const outcome = failure.kind === "status" ? failure.status : OUTCOME_WORD[failure.kind];
    if (attempt === attempts || !isRetryable(target, failure)) {
      call.log?.(failure.kind === "status" && failure.status < 500 ? "info" : "warn", () => record(outcome));
      throw finalError(call, failure, result.answer);
    }
    const delay = retryDelayMs(attempt - 1, parseRetryAfter(result.response?.headers.get("retry-after"), Date.now()));
    call.log?.("info", () => record(outcome, delay));
    await sleep(delay, signal, target);
  }
}

/** A status >= 400, or a 2xx without the JSON body it promised; undefined for a usable answer. */
function failureOf({ data, response }: Answer, target: RequestTarget): AttemptFailure | undefined {
  if (!response.ok) return { kind: "status", status: response.status };
  if (data === undefined && response.status !== 204 && target.method !== "HEAD") {
    return { kind: "body", message: "malformed response: the JSON body is empty" };
  }
  return undefined;
}

function attemptOnce(sendOnce: SendOnce, call: CallContext): Promise<Attempt> {
  const userSignal = call.signal;
  const controller = new AbortController();
  const attempt: Attempt = {};
  let settled = false;
  let malformed: string | undefined;
  return new Promise<Attempt>((resolve) => {
    const settle = (outcome: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      userSignal?.removeEventListener("abort", onAbort);
      resolve(Object.assign(attempt, outcome));
    };
    const timer = setTimeout(() => {
      controller.abort(new CdeskTimeoutError(call.target, call.timeoutMs));
      settle({ failure: { kind: "timeout" } });
    }, call.timeoutMs);
    const onAbort = () => {
      controller.abort(userSignal!.reason);
      settle({ aborted: true });
    };
    userSignal?.addEventListener("abort", onAbort);

    const init = { signal: controller.signal };
    const checkHeaders = (response: Response): Response => {
      attempt.response = response;
      // Checked on the headers, so an HTML page is not read only to fail parsing.
      malformed = response.ok ? malformedSuccessReason(response) : undefined;
      if (!malformed) return response;
      response.body?.cancel().catch(noop);
      throw new Error(malformed);
    };
    const fetchOnce = (request: Request): Promise<Response> => {
      attempt.request = request;
      call.vet?.(request);
      // Called unbound: browsers refuse `fetch` invoked on any `this` but the global.
      const { fetch } = call;
      return fetch(request, init).then(checkHeaders);
    };
    // A fetch that ignores its signal may still answer after the timeout: openapi-fetch reads
    // that answer to the end, and it is dropped.
    sendOnce(fetchOnce).then(
      (answer) => settle({ answer }),
      (error: unknown) => settle(classify(error, attempt.response, malformed)),
    );
  });
}

/** What a rejected openapi-fetch call means for the retry decision. */
function classify(error: unknown, response: Response | undefined, malformed: string | undefined): Outcome {
  if (malformed) return { failure: { kind: "body", message: `malformed response: ${malformed}` } };
  if (error instanceof CdeskError) return { fatal: error };
  if (!response) return { failure: { kind: "network", error } };
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SyntaxError) {
    return { failure: { kind: "body", message: `malformed response: the body is not valid JSON (${message})`, error } };
  }
  return { failure: { kind: "body", message: `reading the response failed: ${message}`, error } };
}

function finalError(call: CallContext, failure: AttemptFailure, answer: Answer | undefined): CdeskError {
  const { target } = call;
  const outcomeUnknown = isOutcomeUnknown(target, failure);
  switch (failure.kind) {
    case "status":
      return apiError(target, answer!.response, answer!.error);
    case "timeout":
      return new CdeskTimeoutError(target, call.timeoutMs, { outcomeUnknown });
    case "body":
      return new CdeskConnectionError(target, failure.message, { cause: failure.error, outcomeUnknown });
    default:
      return new CdeskConnectionError(target, describeNetworkError(failure.error), { cause: failure.error, outcomeUnknown });
  }
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

function abortError(target: RequestTarget, signal: AbortSignal): CdeskAbortError {
  return new CdeskAbortError(`${target.method} ${target.path} was aborted`, { cause: signal.reason });
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `${message} (${code})` : message;
}

function noop(): void {}
