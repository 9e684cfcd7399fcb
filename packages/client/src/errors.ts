/**
 * Every failure the SDK reports is a `CdeskError`. The tree:
 *
 *   CdeskError
 *   ├── CdeskConfigError       bad client options (missing token, token over plain http, ...)
 *   ├── CdeskInputError        a documented constraint broken before anything was sent
 *   ├── CdeskAbortError        your AbortSignal fired (name "AbortError")
 *   ├── CdeskConnectionError   no usable HTTP answer (refused, reset, malformed body)
 *   │   └── CdeskTimeoutError  an attempt took longer than `timeoutMs`
 *   └── CdeskApiError          the API answered with an error status
 *       ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
 *       ├── NotFoundError 404, ConflictError 409, OfferExpiredError 410,
 *       └── UnprocessableEntityError 422, RateLimitError 429, InternalServerError >= 500
 *
 * No error ever holds the request's headers, so the bearer token cannot leak through a message,
 * a log line or `JSON.stringify(error)`.
 */

/** Where a request went; enough to say what failed without repeating the request. */
export interface RequestTarget {
  /** HTTP method, upper case. */
  method: string;
  /** Path template of the operation, e.g. `/offers/{offer_id}/status`. */
  path: string;
}

/** The base class of every error the SDK throws: see the tree above. */
export class CdeskError extends Error {
  override name = "CdeskError";

  /** A plain object for logs and `JSON.stringify`, with the cause's name and message only. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "cause" && value !== undefined) json[key] = value;
    }
    if (this.cause instanceof Error) json.cause = { name: this.cause.name, message: this.cause.message };
    return json;
  }
}

/** The client was configured in a way that cannot work; thrown by `createCdeskClient`. */
export class CdeskConfigError extends CdeskError {
  override name = "CdeskConfigError";
  /** The option at fault, e.g. `"token"`. */
  readonly option: string;

  constructor(option: string, message: string) {
    super(message);
    this.option = option;
  }
}

/** An argument broke a documented rule; nothing was sent. */
export class CdeskInputError extends CdeskError {
  override name = "CdeskInputError";
  /** The argument at fault, as a path: `ssh_public_key`, `compute.gpu_count`, `storage[0].size`. */
  readonly field: string;
  /** The rule it broke, e.g. `uuid`, `required`, `max-bytes`. */
  readonly rule: string;

  constructor(field: string, rule: string, message: string) {
    super(`Invalid ${field}: ${message}`);
    this.field = field;
    this.rule = rule;
  }
}

/** The caller's AbortSignal fired. `cause` is the signal's reason. */
export class CdeskAbortError extends CdeskError {
  override name = "AbortError";

  constructor(message = "The operation was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Appended to the message of a failure after which a procure may or may not have happened. */
const OUTCOME_UNKNOWN_HINT = ". The request may have been processed: check offers.status before procuring again";

/** No usable answer: the connection failed, or the body could not be read as promised. */
export class CdeskConnectionError extends CdeskError {
  override name = "CdeskConnectionError";
  readonly method: string;
  readonly path: string;
  /**
   * True when the server may have acted on a request that is not safe to repeat
   * (`POST /procure_offer`): check `offers.status` before trying again.
   */
  readonly outcomeUnknown: boolean;

  constructor(target: RequestTarget, message: string, options?: { cause?: unknown; outcomeUnknown?: boolean }) {
    const hint = options?.outcomeUnknown ? OUTCOME_UNKNOWN_HINT : "";
    super(`${target.method} ${target.path} failed: ${message}${hint}`, options);
    this.method = target.method;
    this.path = target.path;
    this.outcomeUnknown = options?.outcomeUnknown ?? false;
  }
}

/** An attempt took longer than `timeoutMs`. */
export class CdeskTimeoutError extends CdeskConnectionError {
  override name = "CdeskTimeoutError";
  readonly timeoutMs: number;

  constructor(target: RequestTarget, timeoutMs: number, options?: { outcomeUnknown?: boolean }) {
    super(target, `no answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

export interface ApiErrorInit extends RequestTarget {
  status: number;
  /** The `x-request-id` response header, when the server sent one. */
  requestId: string | undefined;
  /** Parsed JSON body, or a short excerpt of a non-JSON body. */
  body: unknown;
  /** Response headers (never request headers). */
  headers: Record<string, string>;
  /** See `CdeskConnectionError.outcomeUnknown`. */
  outcomeUnknown?: boolean;
}

/** The API answered with a status >= 400. Subclasses name the common statuses. */
export class CdeskApiError extends CdeskError {
  override name = "CdeskApiError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  readonly headers: Record<string, string>;
  readonly outcomeUnknown: boolean;

  constructor(init: ApiErrorInit) {
    super(describeApiError(init));
    this.status = init.status;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.body = init.body;
    this.headers = init.headers;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }
}

export class BadRequestError extends CdeskApiError {
  override name = "BadRequestError";
}
export class AuthenticationError extends CdeskApiError {
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends CdeskApiError {
  override name = "PermissionDeniedError";
}
export class NotFoundError extends CdeskApiError {
  override name = "NotFoundError";
}
export class ConflictError extends CdeskApiError {
  override name = "ConflictError";
}
/** 410: offers expire 30 minutes after creation. Search again for a fresh offer. */
export class OfferExpiredError extends CdeskApiError {
  override name = "OfferExpiredError";
}

/** One invalid field of a 422 answer, as FastAPI reports it. */
export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class UnprocessableEntityError extends CdeskApiError {
  override name = "UnprocessableEntityError";
  /** The invalid fields (empty when the body had no FastAPI `detail` list). */
  readonly detail: ValidationDetail[];

  constructor(init: ApiErrorInit) {
    super(init);
    this.detail = validationDetails(init.body);
  }
}

export class RateLimitError extends CdeskApiError {
  override name = "RateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class InternalServerError extends CdeskApiError {
  override name = "InternalServerError";
}

const API_ERROR_BY_STATUS: Record<number, typeof CdeskApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  410: OfferExpiredError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The error class for an HTTP status. */
export function apiErrorClassFor(status: number): typeof CdeskApiError {
  return API_ERROR_BY_STATUS[status] ?? (status >= 500 ? InternalServerError : CdeskApiError);
}

function validationDetails(body: unknown): ValidationDetail[] {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return [];
  return detail.filter(
    (item): item is ValidationDetail =>
      typeof item === "object" && item !== null && Array.isArray(item.loc) && typeof item.msg === "string",
  );
}

/** One line: what failed, the status, and why (the server's `detail`, or the invalid fields). */
function describeApiError(init: ApiErrorInit): string {
  const head = `${init.method} ${init.path} failed with ${init.status}`;
  const fields = validationDetails(init.body).map((d) => `${d.loc.filter((l) => l !== "body").join(".")}: ${d.msg}`);
  const detail = (init.body as { detail?: unknown } | null)?.detail;
  let why = "";
  if (fields.length > 0) why = fields.join("; ");
  else if (typeof detail === "string") why = detail;
  else if (typeof init.body === "string" && init.body.length > 0) why = init.body;
  const suffix = [why && `: ${oneLine(why)}`, init.requestId && ` (request id ${init.requestId})`].join("");
  return head + suffix + (init.outcomeUnknown ? OUTCOME_UNKNOWN_HINT : "");
}

/** Whitespace folded to single spaces, cut to `max` characters: fit for a one-line message. */
export function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
