/**
 * Turns an HTTP answer that is not a usable success into a typed error: a status >= 400 becomes the
 * `CdeskApiError` subclass for it; a redirect, an oversized body or a 2xx of the wrong shape becomes
 * `UnexpectedResponseError`; a 2xx whose headers show it cannot be the JSON promised is named here,
 * so the attempt loop can fail (and retry) it without reading the body.
 */
import {
  apiErrorClassFor,
  oneLine,
  RateLimitError,
  UnexpectedResponseError,
  type CdeskApiError,
  type RequestTarget,
} from "./errors.js";
import type { RetryClass } from "./operation.js";
import { findMismatch, type ShapeRule } from "./response-shape.js";
import { isOutcomeUnknown } from "./retry-policy.js";
import { parseRetryAfter } from "./transient.js";

/** How much of an error body is kept: enough for any FastAPI `detail`, never the whole of a huge page. */
export const ERROR_BODY_BYTES = 64 * 1024;
const EXCERPT_CHARS = 500;

/**
 * The typed error for a status >= 400. `body` is what openapi-fetch parsed: JSON when it was JSON,
 * otherwise the text, cut to a short excerpt (an HTML error page can be large); none when empty.
 */
export function apiError(target: RequestTarget, response: Response, body: unknown, retry: RetryClass, now = Date.now()): CdeskApiError {
  const headers = headersRecord(response.headers);
  const init = {
    ...target,
    status: response.status,
    requestId: headers["x-request-id"],
    body: typeof body === "string" ? oneLine(body, EXCERPT_CHARS) || undefined : body,
    headers,
    outcomeUnknown: isOutcomeUnknown(retry, { kind: "status", status: response.status }),
  };
  if (response.status === 429) return new RateLimitError({ ...init, retryAfterMs: parseRetryAfter(headers["retry-after"], now) });
  return new (apiErrorClassFor(response.status))(init);
}

interface AnswerLimits {
  target: RequestTarget;
  operation: { retry: RetryClass };
  maxResponseBytes: number;
}

/**
 * What to do with an answer, from its headers alone: read it (the response, or a stand-in that
 * reads at most the allowed bytes), fail the attempt (a reason string: retried like a network
 * error), or end the call (`UnexpectedResponseError`: a redirect, or a body declared too large).
 */
export function checkAnswerHeaders(
  response: Response,
  limits: AnswerLimits,
): Response | Promise<Response> | string | UnexpectedResponseError {
  // Read once: every getter of an undici Response checks its receiver first.
  const { status, headers } = response;
  // The API never redirects: following one would re-send the body and headers elsewhere. (A browser
  // shows a redirect not followed as status 0, type "opaqueredirect".)
  if ((status >= 300 && status < 400) || (status === 0 && response.type === "opaqueredirect")) {
    const location = headers.get("location") ?? undefined;
    return unexpected(limits, response, { pointer: "", expected: "no redirect", location: location && withoutCredentials(location) });
  }
  if (status === 204) return response;
  // A 50 MB error page is neither read whole nor held by the error: its start is enough.
  if (status < 200 || status >= 300) return response.body ? readUpTo(response, ERROR_BODY_BYTES) : response;
  const type = headers.get("content-type");
  if (!type || !/[/+]json\b/i.test(type)) return `expected a JSON body, got content type ${type ?? "(none)"}`;
  const declared = Number(headers.get("content-length") ?? Number.NaN);
  if (declared === 0) return "the JSON body is empty";
  if (declared > limits.maxResponseBytes) return tooLarge(limits, response);
  // A declared length is enforced by fetch itself; only an open-ended body needs counting.
  return Number.isNaN(declared) && response.body ? readUpTo(response, limits.maxResponseBytes, () => tooLarge(limits, response)) : response;
}

/** `UnexpectedResponseError` for a 2xx body that breaks its shape rule, or undefined when it fits. */
export function unexpectedShape(
  target: RequestTarget,
  response: Response,
  body: unknown,
  rule: ShapeRule,
  retry: RetryClass,
): UnexpectedResponseError | undefined {
  const mismatch = findMismatch(body, rule);
  if (!mismatch) return undefined;
  return unexpected({ target, operation: { retry } }, response, { ...mismatch, body: excerptOfValue(body) });
}

function unexpected(
  { target, operation }: Pick<AnswerLimits, "target" | "operation">,
  response: Response,
  found: { pointer: string; expected: string; location?: string | undefined; body?: string | undefined },
): UnexpectedResponseError {
  return new UnexpectedResponseError({
    ...target,
    ...found,
    body: found.body,
    status: response.status,
    requestId: response.headers.get("x-request-id") ?? undefined,
    outcomeUnknown: operation.retry === "only-if-not-sent",
  });
}

function tooLarge(limits: AnswerLimits, response: Response): UnexpectedResponseError {
  return unexpected(limits, response, { pointer: "", expected: `a body of at most ${limits.maxResponseBytes} bytes (maxResponseBytes)` });
}

/**
 * The response with its body read into memory, at most `limit` bytes of it: past the limit it fails
 * with `tooLarge`, or without one keeps the first `limit` bytes (of an error page, only an excerpt
 * is wanted).
 */
async function readUpTo(response: Response, limit: number, tooLarge?: () => Error): Promise<Response> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    chunks.push(read.value);
    size += read.value.byteLength;
    if (size <= limit) continue;
    reader.cancel().catch(() => {});
    if (tooLarge) throw tooLarge();
    break;
  }
  const body = new Blob(chunks as BlobPart[]).slice(0, limit);
  return new Response(body.size === 0 ? null : body, response);
}

/** The start of a parsed body (JSON, so it serialises) as JSON text, for `UnexpectedResponseError.body`. */
function excerptOfValue(body: unknown): string | undefined {
  return body === undefined ? undefined : oneLine(JSON.stringify(body), 200);
}

/** A URL as it may be shown: any user name and password replaced. */
export function withoutCredentials(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, "$1***@");
}

/** Response headers as a plain object with lower-case keys (what `CdeskApiError.headers` holds). */
export function headersRecord(headers: Headers): Record<string, string> {
  return Object.fromEntries(headers);
}
