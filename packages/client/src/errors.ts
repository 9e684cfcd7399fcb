/**
 * Every failure the SDK reports is a `CdeskError`. The tree:
 *
 *   CdeskError
 *   ├── CdeskConfigError       bad client options (missing token, token over plain http, ...)
 *   ├── CdeskInputError        a documented constraint broken before anything was sent
 *   ├── CdeskAbortError        your AbortSignal fired (name "AbortError")
 *   ├── CdeskConnectionError   no usable HTTP answer (refused, reset, malformed body)
 *   │   └── CdeskTimeoutError  an attempt took longer than `timeoutMs`
 *   ├── UnexpectedResponseError  an answer the spec does not allow (wrong shape, redirect, too large)
 *   └── CdeskApiError          the API answered with an error status
 *       ├── BadRequestError 400, AuthenticationError 401, PermissionDeniedError 403,
 *       ├── NotFoundError 404, ConflictError 409, OfferExpiredError 410,
 *       └── UnprocessableEntityError 422, RateLimitError 429, InternalServerError >= 500
 *
 * No error ever holds the request's headers, so the bearer token cannot leak through a message,
 * a log line or `JSON.stringify(error)`.
 *
 * `instanceof` works across copies of this package (the ESM and the CommonJS build, or two versions
 * in one tree): each class carries a kind under a `Symbol.for` key, and `Symbol.hasInstance` compares
 * kinds along the prototype chain instead of identities.
 */

/** The key under which each error class names its kind; shared by every copy of the package. */
export const ERROR_KIND: unique symbol = Symbol.for("@cdesk/client.error-kind") as never;

type Kinded = { [ERROR_KIND]?: string };

/** Where a request went; enough to say what failed without repeating the request. */
export interface RequestTarget {
  /** HTTP method, upper case. */
  method: string;
  /** Path template of the operation, e.g. `/offers/{offer_id}/status`. */
  path: string;
}

export class CdeskError extends Error {
  static readonly [ERROR_KIND]: string = "CdeskError";
  override name = "CdeskError";

  /** True for an instance of this class from any copy of the package (see the file comment). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const kind = Object.hasOwn(this, ERROR_KIND) ? (this as Kinded)[ERROR_KIND] : undefined;
    // A subclass that names no kind of its own (yours) is matched by identity, as usual.
    if (kind === undefined) return Function.prototype[Symbol.hasInstance].call(this, value);
    for (let proto = value == null ? null : Object.getPrototypeOf(value); proto; proto = Object.getPrototypeOf(proto)) {
      const type = (proto as { constructor?: Kinded }).constructor;
      if (type && Object.hasOwn(type, ERROR_KIND) && type[ERROR_KIND] === kind) return true;
    }
    return false;
  }

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
  static override readonly [ERROR_KIND]: string = "CdeskConfigError";
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
  static override readonly [ERROR_KIND]: string = "CdeskInputError";
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
  static override readonly [ERROR_KIND]: string = "CdeskAbortError";
  override name = "AbortError";

  constructor(message = "The operation was aborted", options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Appended to the message of a failure after which a procure may or may not have happened. */
const OUTCOME_UNKNOWN_HINT = ". The request may have been processed: check offers.status before procuring again";

/** No usable answer: the connection failed, or the body could not be read as promised. */
export class CdeskConnectionError extends CdeskError {
  static override readonly [ERROR_KIND]: string = "CdeskConnectionError";
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
  static override readonly [ERROR_KIND]: string = "CdeskTimeoutError";
  override name = "CdeskTimeoutError";
  readonly timeoutMs: number;

  constructor(target: RequestTarget, timeoutMs: number, options?: { outcomeUnknown?: boolean }) {
    super(target, `no answer within ${timeoutMs} ms`, options);
    this.timeoutMs = timeoutMs;
  }
}

/** What `UnexpectedResponseError` says about the answer. */
export interface UnexpectedResponseInit extends RequestTarget {
  status: number;
  requestId: string | undefined;
  /** JSON pointer of the first value that breaks the spec (`""`: the whole body). */
  pointer: string;
  /** What the spec promises there, e.g. `array`, `a required field`, `no redirect`. */
  expected: string;
  /** The start of the body as received, for the record. */
  body: string | undefined;
  /** Where a redirect pointed (the API never redirects, so it was not followed). */
  location?: string | undefined;
  outcomeUnknown?: boolean;
}

/**
 * The server answered, but not as the spec allows: a 2xx body of the wrong shape (a missing required
 * field, `null` or nothing where an object is due), a redirect, or a body over `maxResponseBytes`.
 * Not retried: asking again would get the same answer. Turn `validateResponses` off to receive such
 * bodies unchecked.
 */
export class UnexpectedResponseError extends CdeskError {
  static override readonly [ERROR_KIND]: string = "UnexpectedResponseError";
  override name = "UnexpectedResponseError";
  readonly status: number;
  readonly requestId: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly pointer: string;
  readonly expected: string;
  readonly body: string | undefined;
  readonly location: string | undefined;
  /** See `CdeskConnectionError.outcomeUnknown`: a procure that answered oddly may still have bought. */
  readonly outcomeUnknown: boolean;

  constructor(init: UnexpectedResponseInit) {
    const where = init.pointer === "" ? "the body" : `the body at ${init.pointer}`;
    const what = init.location !== undefined ? `a redirect to ${init.location}` : `${where}: expected ${init.expected}`;
    const id = init.requestId ? ` (request id ${init.requestId})` : "";
    super(`${init.method} ${init.path} answered ${init.status} with ${what}${id}${init.outcomeUnknown ? OUTCOME_UNKNOWN_HINT : ""}`);
    this.status = init.status;
    this.requestId = init.requestId;
    this.method = init.method;
    this.path = init.path;
    this.pointer = init.pointer;
    this.expected = init.expected;
    this.body = init.body;
    this.location = init.location;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
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
  static override readonly [ERROR_KIND]: string = "CdeskApiError";
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
  static override readonly [ERROR_KIND]: string = "BadRequestError";
  override name = "BadRequestError";
}
export class AuthenticationError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "AuthenticationError";
  override name = "AuthenticationError";
}
export class PermissionDeniedError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "PermissionDeniedError";
  override name = "PermissionDeniedError";
}
export class NotFoundError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "NotFoundError";
  override name = "NotFoundError";
}
export class ConflictError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "ConflictError";
  override name = "ConflictError";
}
/** 410: offers expire 30 minutes after creation. Search again for a fresh offer. */
export class OfferExpiredError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "OfferExpiredError";
  override name = "OfferExpiredError";
}

/** One invalid field of a 422 answer, as FastAPI reports it. */
export interface ValidationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
}

export class UnprocessableEntityError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "UnprocessableEntityError";
  override name = "UnprocessableEntityError";
  /** The invalid fields (empty when the body had no FastAPI `detail` list). */
  readonly detail: ValidationDetail[];

  constructor(init: ApiErrorInit) {
    super(init);
    this.detail = validationDetails(init.body);
  }
}

export class RateLimitError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "RateLimitError";
  override name = "RateLimitError";
  /** How long the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfterMs: number | undefined;

  constructor(init: ApiErrorInit & { retryAfterMs?: number | undefined }) {
    super(init);
    this.retryAfterMs = init.retryAfterMs;
  }
}

export class InternalServerError extends CdeskApiError {
  static override readonly [ERROR_KIND]: string = "InternalServerError";
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
  const fields = validationDetails(init.body).map((d) => {
    // FastAPI prefixes body fields with "body"; a loc of only ["body"] is about the body as a whole.
    const field = d.loc.filter((l, i) => !(i === 0 && l === "body")).join(".");
    return field ? `${field}: ${d.msg}` : d.msg;
  });
  const detail = (init.body as { detail?: unknown } | null)?.detail;
  let why = "";
  if (fields.length > 0) why = fields.join("; ");
  else if (typeof detail === "string") why = detail;
  else if (typeof init.body === "string" && init.body.length > 0) why = init.body;
  const suffix = [why && `: ${oneLine(why)}`, init.requestId && ` (request id ${init.requestId})`].join("");
  return head + suffix + (init.outcomeUnknown ? OUTCOME_UNKNOWN_HINT : "");
}

/**
 * Whitespace folded to single spaces, cut to `max` characters: fit for a one-line message. Only the
 * start of `text` is looked at, so a huge body costs no more than a small one.
 */
export function oneLine(text: string, max = 300): string {
  const flat = text.slice(0, max * 4).replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}
