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
export type { CdeskClientOptions, FetchLike, RequestOptions } from "./options.js";
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
  UnprocessableEntityError,
  type ApiErrorInit,
  type RequestTarget,
  type ValidationDetail,
} from "./errors.js";
export { toYamlQuery } from "./yaml-query.js";
