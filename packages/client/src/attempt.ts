/**
 * One attempt of a call: openapi-fetch builds the request, `fetch` sends it with the attempt's own
 * signal, the answer's headers are checked, and openapi-fetch reads and parses the body. It ends at
 * the first of: the answer read, a failure, its timeout (which covers the body), the caller's signal.
 * Whatever ends it, its timer and listener are gone; a fetch that ignores its signal and answers
 * late has that answer read to the end and dropped.
 */
import type { Answer, CallContext, SendOnce } from "./call-context.js";
import { CdeskError, CdeskInputError, CdeskTimeoutError } from "./errors.js";
import type { FetchInit } from "./options.js";
import type { PendingRequest } from "./pending-request.js";
import { checkAnswerHeaders } from "./response-errors.js";
import type { AttemptFailure } from "./retry-policy.js";

/** How an attempt ended. */
export type Outcome =
  | { kind: "answer"; answer: Answer }
  | { kind: "failure"; failure: AttemptFailure }
  | { kind: "aborted" }
  /** Refused before anything was sent (an argument that cannot be serialised, a refused URL), or an answer the spec does not allow: final as it is. */
  | { kind: "fatal"; error: unknown };

export interface Attempt {
  outcome: Outcome;
  /** What was sent, once openapi-fetch built it. */
  request: PendingRequest | undefined;
  /** The answer's head, once it came. */
  response: Response | undefined;
}

const TIMED_OUT: Outcome = { kind: "failure", failure: { kind: "timeout" } };
const ABORTED: Outcome = { kind: "aborted" };

export function attemptOnce(sendOnce: SendOnce, call: CallContext): Promise<Attempt> {
  const callerSignal = call.signal;
  const controller = new AbortController();
  const attempt: Attempt = { outcome: undefined as never, request: undefined, response: undefined };
  /** Why an answer was not read (set on its headers): ends the attempt instead of the read's error. */
  let unread: Outcome | undefined;
  return new Promise<Attempt>((resolve) => {
    const end = (outcome: Outcome) => {
      if (attempt.outcome) return;
      attempt.outcome = outcome;
      clearTimeout(timer);
      callerSignal?.removeEventListener("abort", onAbort);
      resolve(attempt);
    };
    const timer = setTimeout(() => {
      controller.abort(new CdeskTimeoutError(call.target, call.timeoutMs));
      end(TIMED_OUT);
    }, call.timeoutMs);
    const onAbort = () => {
      controller.abort(callerSignal!.reason);
      end(ABORTED);
    };
    callerSignal?.addEventListener("abort", onAbort);

    // Checked on the headers, so an HTML page is not read only to fail parsing.
    const readable = (response: Response): Response | Promise<Response> => {
      attempt.response = response;
      const verdict = checkAnswerHeaders(response, call);
      // Not `instanceof Response`: a custom fetch may answer with another copy's Response class.
      if (typeof verdict !== "string" && !(verdict instanceof Error)) return verdict;
      unread =
        typeof verdict === "string"
          ? { kind: "failure", failure: { kind: "body", message: `malformed response: ${verdict}` } }
          : { kind: "fatal", error: verdict };
      response.body?.cancel().catch(noop);
      throw typeof verdict === "string" ? new Error(verdict) : verdict;
    };
    const send = (request: PendingRequest): Promise<Response> => {
      attempt.request = request;
      call.vet(request);
      const init = request.init as FetchInit;
      init.signal = controller.signal;
      // Called unbound: browsers refuse `fetch` invoked on any `this` but the global.
      const { fetch } = call;
      return fetch(request.url, init).then(readable);
    };
    let sent: Promise<Answer>;
    try {
      sent = sendOnce(send);
    } catch (error) {
      sent = Promise.reject(error);
    }
    sent.then(
      (answer) => end({ kind: "answer", answer }),
      (error: unknown) => end(unread ?? classify(error, attempt)),
    );
  });
}

/** What a rejected openapi-fetch call means for the retry decision. */
function classify(error: unknown, attempt: Attempt): Outcome {
  if (error instanceof CdeskError) return { kind: "fatal", error };
  // Thrown while building the request (a header value with a line break, a bigint in a raw body):
  // nothing was sent, so it is the caller's input, final as it is.
  if (!attempt.request) return { kind: "fatal", error: new CdeskInputError("request", "buildable", `cannot be sent: ${messageOf(error)}`) };
  if (!attempt.response) return { kind: "failure", failure: { kind: "network", error } };
  const message =
    error instanceof SyntaxError
      ? `malformed response: the body is not valid JSON (${messageOf(error)})`
      : `reading the response failed: ${messageOf(error)}`;
  return { kind: "failure", failure: { kind: "body", message, error } };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function noop(): void {}
