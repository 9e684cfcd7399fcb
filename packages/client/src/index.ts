/**
 * @cdesk/client: the typed client of the Compute Desk Supply API.
 *
 * ```ts
 * import { createCdeskClient } from "@cdesk/client";
 * const cdesk = createCdeskClient(); // token from CDESK_API_TOKEN
 * const { offers } = await cdesk.offers.search({ region: "EU", compute: { gpu_type: "H100" } });
 * ```
 */
export { createCdeskClient, type CdeskClient } from "./client.js";
export type { RawClient } from "./transport.js";
export type { CdeskClientOptions, FetchInit, FetchLike, RequestOptions } from "./options.js";
export type { CdeskLogger, LogLevel } from "./logger.js";
export {
  AuthenticationError,
  BadRequestError,
  CdeskAbortError,
  CdeskApiError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskError,
  CdeskInputError,
  CdeskTimeoutError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
  RateLimitError,
  UnexpectedResponseError,
  UnprocessableEntityError,
  ERROR_KIND,
  type ApiErrorInit,
  type UnexpectedResponseInit,
  type RequestTarget,
  type ValidationDetail,
} from "./errors.js";
export { toYamlQuery } from "./yaml-query.js";
// The rules @cdesk/poller shares with the client's own retries (one implementation of each).
export { isTransientError, isTransientStatus, retryAfterMsOf, parseRetryAfter, waitWithHint } from "./transient.js";
export { abortableSleep } from "./sleep.js";
export { checkSignal } from "./options.js";
export { parseApiTime } from "./time.js";
