/**
 * Turns an HTTP answer that is not a usable success into a typed error: a status >= 400 becomes the
 * `CdeskApiError` subclass for it; a 2xx whose headers show it cannot be the JSON promised is named
 * here, so the attempt loop can fail (and retry) it without reading the body.
 */
import {
  apiErrorClassFor,
  oneLine,
  RateLimitError,
  type CdeskApiError,
  type RequestTarget,
} from "./errors.js";
import { isOutcomeUnknown, parseRetryAfter } from "./retry-policy.js";

/**
 * The typed error for a status >= 400. `body` is what openapi-fetch parsed: JSON when it was JSON,
 * otherwise the text, cut to a short excerpt (an HTML error page can be large); none when empty.
 */
export function apiError(target: RequestTarget, response: Response, body: unknown, now = Date.now()): CdeskApiError {
  const headers = headersRecord(response.headers);
  const init = {
    ...target,
    status: response.status,
    requestId: headers["x-request-id"],
    body: typeof body === "string" ? oneLine(body, 500) || undefined : body,
    headers,
    outcomeUnknown: isOutcomeUnknown(target, { kind: "status", status: response.status }),
  };
  if (response.status === 429) return new RateLimitError({ ...init, retryAfterMs: parseRetryAfter(headers["retry-after"], now) });
  return new (apiErrorClassFor(response.status))(init);
}

/**
 * A 2xx that cannot be the JSON the spec promises. Checked on headers only, before the body is
 * read, so a success costs nothing extra.
 */
export function malformedSuccessReason(response: Response): string | undefined {
  if (response.status === 204) return undefined;
  const type = response.headers.get("content-type");
  if (!type || !/[/+]json\b/i.test(type)) return `expected a JSON body, got content type ${type ?? "(none)"}`;
  if (response.headers.get("content-length") === "0") return "the JSON body is empty";
  return undefined;
}

/** Response headers as a plain object with lower-case keys (what `CdeskApiError.headers` holds). */
export function headersRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, key) => {
    record[key] = value;
  });
  return record;
}

