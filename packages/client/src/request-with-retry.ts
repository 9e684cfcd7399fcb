/**
 * The attempt loop around one openapi-fetch request. An attempt is the whole request
 * (`attempt.ts`): openapi-fetch builds the URL, headers and body afresh each time, so a body is never
 * copied in case a retry follows, and a body that breaks off or is not the JSON promised is just
 * another failed attempt, retried like a network error. The caller's signal ends everything at
 * once, waits included. Every timer and listener is gone when the call settles.
 */
import { attemptOnce, messageOf, type Attempt } from "./attempt.js";
import type { Answer, CallContext, SendOnce } from "./call-context.js";
import { CdeskConnectionError, CdeskTimeoutError, type CdeskError, type RequestTarget } from "./errors.js";
import type { AttemptRecord } from "./logger.js";
import { apiError, unexpectedShape } from "./response-errors.js";
import { isOutcomeUnknown, isRetryable, retryDelayMs, type AttemptFailure } from "./retry-policy.js";
import { abortableSleep, abortError } from "./sleep.js";
import { parseRetryAfter } from "./transient.js";

/** The log's word for an attempt without a status. */
const OUTCOME_WORD = { timeout: "timeout", network: "network-error", body: "body-error" } as const;

/**
 * Resolves to the first usable answer (or its body: `call.resolveWith`), or throws the typed error
 * of the last failed attempt.
 */
export async function requestWithRetry(sendOnce: SendOnce, call: CallContext): Promise<unknown> {
  const { signal, target } = call;
  const attempts = call.maxRetries + 1;
  for (let number = 1; ; number++) {
    if (signal?.aborted) throw abortError(signal, describe(target));
    const started = Date.now();
    const attempt = await attemptOnce(sendOnce, call);
    const { outcome } = attempt;
    const { log } = call;
    const record = (result: number | string, retryInMs?: number) => attemptRecord(attempt, target, result, started, number, attempts, retryInMs);

    if (outcome.kind === "fatal") throw outcome.error;
    if (outcome.kind === "aborted") {
      log.debug?.(record("aborted"));
      throw abortError(signal!, describe(target));
    }
    const answer = outcome.kind === "answer" ? outcome.answer : undefined;
    const failure = outcome.kind === "answer" ? failureOf(outcome.answer) : outcome.failure;
    if (!failure) {
      const usable = answer!;
      if (call.checkShape && call.operation.response) usable.data = checkedData(usable, call);
      log.debug?.(record(usable.response.status));
      return call.resolveWith === "data" ? usable.data : usable;
    }

    const result = failure.kind === "status" ? failure.status : OUTCOME_WORD[failure.kind];
    if (number === attempts || !isRetryable(call.operation.retry, failure)) {
      log[failure.kind === "status" && failure.status < 500 ? "info" : "warn"]?.(record(result));
      throw finalError(call, failure, answer);
    }
    const delay = retryDelayMs(number - 1, parseRetryAfter(attempt.response?.headers.get("retry-after"), Date.now()));
    log.info?.(record(result, delay));
    await abortableSleep(delay, signal, describe(target));
  }
}

function attemptRecord(
  attempt: Attempt,
  target: RequestTarget,
  outcome: number | string,
  started: number,
  number: number,
  attempts: number,
  retryInMs: number | undefined,
): AttemptRecord {
  return {
    method: target.method,
    url: attempt.request?.url ?? target.path,
    outcome,
    durationMs: Date.now() - started,
    attempt: number,
    attempts,
    requestId: attempt.response?.headers.get("x-request-id"),
    retryInMs,
  };
}

/** A status >= 400, or a 200 whose JSON body is empty; undefined for an answer to look at. */
function failureOf({ data, response }: Answer): AttemptFailure | undefined {
  const { status } = response;
  if (status >= 400) return { kind: "status", status };
  if (data === undefined && status === 200) return { kind: "body", message: "malformed response: the JSON body is empty" };
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

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === "string" ? cause.code : undefined;
  return code ? `${messageOf(error)} (${code})` : messageOf(error);
}
