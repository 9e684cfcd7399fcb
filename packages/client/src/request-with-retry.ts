/**
 * The attempt loop around one openapi-fetch request. An attempt is the whole request: openapi-fetch
 * builds a fresh Request (so a body is never copied in case a retry follows), sends it through the
 * `fetch` the loop hands it, and reads and parses the body. A body that breaks off or is not the JSON
 * promised is therefore just another failed attempt, retried like a network error. Each attempt has
 * its own timeout, covering the body; the caller's signal ends everything at once, waits included.
 * Every timer and listener is gone when the call settles.
 */
import { CdeskConnectionError, CdeskError, CdeskInputError, CdeskTimeoutError, type RequestTarget } from "./errors.js";
import type { AttemptLog, AttemptRecord } from "./logger.js";
import type { Operation } from "./operation.js";
import type { FetchLike } from "./options.js";
import { apiError, checkAnswerHeaders, unexpectedShape } from "./response-errors.js";
import { isOutcomeUnknown, isRetryable, retryDelayMs, type AttemptFailure } from "./retry-policy.js";
import { abortableSleep, abortError } from "./sleep.js";
import { parseRetryAfter } from "./transient.js";

/** Everything one call needs; created per call, so per-call options never touch the client. */
export interface CallContext {
  target: RequestTarget;
  /** The operation's row of the generated table: retry class, response shape. */
  operation: Pick<Operation, "retry" | "response" | "listKeys">;
  /** Check 2xx bodies against `operation.response`. */
  checkShape: boolean;
  /** Largest body read, in bytes. */
  maxResponseBytes: number;
  /** The caller's signal, if any: aborts the current attempt, or the wait before the next. */
  signal: AbortSignal | undefined;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  log: AttemptLog | undefined;
}

/** An attempt's answer, as openapi-fetch shapes it: the parsed body (`data`, or `error` for a status >= 400). */
export interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Sends the request once through `fetch` with the attempt's signal, reading the body. */
export type SendOnce = (fetch: (request: Request) => Promise<Response>, signal: AbortSignal) => Promise<Answer>;

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
    if (signal?.aborted) throw abortError(signal, describe(target));
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
      throw abortError(signal!, describe(target));
    }
    const failure = result.failure ?? failureOf(result.answer!);
    if (!failure) {
      const answer = result.answer!;
      if (call.checkShape && call.operation.response) answer.data = checkedData(answer, call);
      call.log?.("debug", () => record(answer.response.status));
      return answer;
    }

    const outcome = failure.kind === "status" ? failure.status : OUTCOME_WORD[failure.kind];
    if (attempt === attempts || !isRetryable(call.operation.retry, failure)) {
      call.log?.(failure.kind === "status" && failure.status < 500 ? "info" : "warn", () => record(outcome));
      throw finalError(call, failure, result.answer);
    }
    const delay = retryDelayMs(attempt - 1, parseRetryAfter(result.response?.headers.get("retry-after"), Date.now()));
    call.log?.("info", () => record(outcome, delay));
    await abortableSleep(delay, signal, describe(target));
  }
}

/** A status >= 400, or a 200 whose JSON body is empty; undefined for an answer to look at. */
function failureOf({ data, response }: Answer): AttemptFailure | undefined {
  if (!response.ok) return { kind: "status", status: response.status };
  if (data === undefined && response.status === 200) return { kind: "body", message: "malformed response: the JSON body is empty" };
  return undefined;
}

/**
 * The body as the type promises it, or `UnexpectedResponseError`. A list the spec leaves open
 * (`listKeys`) may come wrapped in an object: it is unwrapped first.
 */
function checkedData({ data, response }: Answer, call: CallContext): unknown {
  const { listKeys, response: rule } = call.operation;
  let body = data;
  if (listKeys && body !== null && typeof body === "object" && !Array.isArray(body)) {
    const key = listKeys.find((k) => Array.isArray((body as Record<string, unknown>)[k]));
    if (key !== undefined) body = (body as Record<string, unknown>)[key];
  }
  const error = unexpectedShape(call.target, response, body, rule!, call.operation.retry);
  if (error) throw error;
  return body;
}

function attemptOnce(sendOnce: SendOnce, call: CallContext): Promise<Attempt> {
  const userSignal = call.signal;
  const controller = new AbortController();
  const attempt: Attempt = {};
  let settled = false;
  let malformed: string | undefined;
  let refused: CdeskError | undefined;
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
    const checkHeaders = (response: Response): Response | Promise<Response> => {
      attempt.response = response;
      // Checked on the headers, so an HTML page is not read only to fail parsing.
      const verdict = checkAnswerHeaders(response, call);
      if (typeof verdict === "string") malformed = verdict;
      else if (verdict instanceof CdeskError) refused = verdict;
      else return verdict;
      response.body?.cancel().catch(noop);
      throw refused ?? new Error(malformed);
    };
    const fetchOnce = (request: Request): Promise<Response> => {
      attempt.request = request;
      // Called unbound: browsers refuse `fetch` invoked on any `this` but the global.
      const { fetch } = call;
      return fetch(request, init).then(checkHeaders);
    };
    // A fetch that ignores its signal may still answer after the timeout: that answer is read to
    // the end, and dropped.
    let sent: Promise<Answer>;
    try {
      sent = sendOnce(fetchOnce, controller.signal);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (answer) => settle({ answer }),
      (error: unknown) => settle(classify(error, attempt, malformed, refused)),
    );
  });
}

/** What a rejected openapi-fetch call means for the retry decision. */
function classify(error: unknown, attempt: Attempt, malformed: string | undefined, refused: CdeskError | undefined): Outcome {
  if (refused) return { fatal: refused };
  if (malformed) return { failure: { kind: "body", message: `malformed response: ${malformed}` } };
  if (error instanceof CdeskError) return { fatal: error };
  // Thrown while building the request (a header value with a line break, a bigint in a raw body):
  // nothing was sent, so it is the caller's input, final as it is.
  if (!attempt.request) return { fatal: new CdeskInputError("request", "buildable", `cannot be sent: ${messageOf(error)}`) };
  const { response } = attempt;
  if (!response) return { failure: { kind: "network", error } };
  const message = messageOf(error);
  if (error instanceof SyntaxError) {
    return { failure: { kind: "body", message: `malformed response: the body is not valid JSON (${message})`, error } };
  }
  return { failure: { kind: "body", message: `reading the response failed: ${message}`, error } };
}

function finalError(call: CallContext, failure: AttemptFailure, answer: Answer | undefined): CdeskError {
  const { target } = call;
  const outcomeUnknown = isOutcomeUnknown(call.operation.retry, failure);
  switch (failure.kind) {
    case "status":
      return apiError(target, answer!.response, answer!.error, call.operation.retry);
    case "timeout":
      return new CdeskTimeoutError(target, call.timeoutMs, { outcomeUnknown });
    case "body":
      return new CdeskConnectionError(target, failure.message, { cause: failure.error, outcomeUnknown });
    default:
      return new CdeskConnectionError(target, describeNetworkError(failure.error), { cause: failure.error, outcomeUnknown });
  }
}

function describe(target: RequestTarget): string {
  return `${target.method} ${target.path}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `${message} (${code})` : message;
}

function noop(): void {}
