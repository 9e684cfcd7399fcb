/**
 * Client options: their defaults (environment variables where `process` exists), and the checks
 * that make a client that cannot work fail at construction rather than at the first request.
 */
import { CdeskConfigError, CdeskInputError } from "./errors.js";
import { SPEC_SERVER_URL } from "./generated/operations.js";
import { LOG_LEVELS, type CdeskLogger, type LogLevel } from "./logger.js";

/** The second argument the client passes to `fetch`: a `RequestInit` whose parts are always set. */
export interface FetchInit extends RequestInit {
  method: string;
  /** Every header of the request, the token's `Authorization` among them: never log them. */
  headers: Headers;
  /** Fires on the attempt's timeout or the caller's signal. */
  signal: AbortSignal;
}

/**
 * The `fetch` the client calls, as `fetch(url, init)` like the global one; `init` also holds the
 * body (a string) when there is one, and `redirect: "manual"`.
 */
export type FetchLike = (url: string, init: FetchInit) => Promise<Response>;

/** Options of `createCdeskClient`; every one is optional. */
export interface CdeskClientOptions {
  /**
   * Bearer token for the Supply API. Sent only over https (or http to a loopback host).
   * @default process.env.CDESK_API_TOKEN
   * @example createCdeskClient({ token: "cd_live_..." })
   */
  token?: string;
  /**
   * Where the API lives.
   * @default process.env.CDESK_BASE_URL ?? "https://supply-api.compute-desk.com"
   * @example createCdeskClient({ baseUrl: "http://127.0.0.1:4010" })
   */
  baseUrl?: string;
  /**
   * Time limit of each attempt in milliseconds (a retry gets a fresh one), for every operation.
   * Unset, each operation has its own: 10 minutes for `POST /procure_offer` (the docs call it
   * long-running: vendor provisioning can take minutes, and a procure cut short has an unknown
   * outcome), 60 s for the others.
   * @default the operation's own (600000 for procure, 60000 otherwise)
   * @example createCdeskClient({ timeoutMs: 10_000 })
   */
  timeoutMs?: number;
  /**
   * How many times a failed request is retried (network errors, timeouts, 408, 429, 5xx);
   * `POST /procure_offer` is retried only when the server cannot have acted.
   * @default 2
   * @example createCdeskClient({ maxRetries: 0 })
   */
  maxRetries?: number;
  /**
   * The fetch implementation, called as `fetch(url, init)` (see `FetchLike`): wrap it to trace,
   * proxy or fake requests.
   * @default globalThis.fetch (looked up at each request, so later stubs are honoured)
   * @example createCdeskClient({ fetch: (url, init) => undiciFetch(url, { ...init, dispatcher }) })
   */
  fetch?: FetchLike;
  /**
   * Headers sent with every request (per-call `headers` override them).
   * @default {}
   * @example createCdeskClient({ headers: { "x-team": "research" } })
   */
  headers?: Record<string, string>;
  /**
   * Receives one line per HTTP attempt at or above `logLevel`.
   * @default console
   * @example createCdeskClient({ logger: pino(), logLevel: "debug" })
   */
  logger?: CdeskLogger;
  /**
   * Least severe line logged: successes are `debug`, retried attempts and 4xx answers `info`,
   * final 5xx, timeouts and network failures `warn`.
   * @default process.env.CDESK_LOG ?? "warn"
   * @example createCdeskClient({ logLevel: "off" })
   */
  logLevel?: LogLevel;
  /**
   * Allow sending the token over plain `http://` to a host that is not loopback. Only for networks
   * you trust: anyone on the path can read the token.
   * @default false
   * @example createCdeskClient({ baseUrl: "http://mock.internal:4010", allowInsecureHttp: true })
   */
  allowInsecureHttp?: boolean;
  /**
   * Check every 2xx body against the shape its type promises (JSON types, required fields, arrays)
   * before returning it; a body that breaks it throws `UnexpectedResponseError`. `"off"` returns
   * bodies unchecked.
   * @default "shape"
   * @example createCdeskClient({ validateResponses: "off" })
   */
  validateResponses?: "shape" | "off";
  /**
   * Largest response body read, in bytes; a larger one throws `UnexpectedResponseError` instead of
   * filling memory. Error bodies are cut to their first 64 KiB whatever this says.
   * @default 16777216 (16 MiB)
   * @example createCdeskClient({ maxResponseBytes: 64 * 1024 * 1024 })
   */
  maxResponseBytes?: number;
}

/** The last, optional argument of every method. */
export interface RequestOptions {
  /**
   * Aborts the call, including retries and back-off waits; the call rejects with `CdeskAbortError`.
   * @default undefined
   * @example cdesk.offers.get(id, { signal: AbortSignal.timeout(5_000) })
   */
  signal?: AbortSignal;
  /**
   * Time limit of each attempt of this call, in milliseconds.
   * @default the client's `timeoutMs`, else the operation's own
   * @example cdesk.offers.search(query, { timeoutMs: 120_000 })
   */
  timeoutMs?: number;
  /**
   * Retries for this call.
   * @default the client's `maxRetries`
   * @example cdesk.catalog.gpus({ maxRetries: 5 })
   */
  maxRetries?: number;
  /**
   * Extra headers for this call (`null` removes a client header).
   * @default {}
   * @example cdesk.offers.status(id, { headers: { "x-request-id": crypto.randomUUID() } })
   */
  headers?: Record<string, string | null>;
}

export interface ResolvedOptions {
  token: string;
  baseUrl: string;
  /** Undefined: each operation's own default. */
  timeoutMs: number | undefined;
  maxRetries: number;
  fetch: FetchLike | undefined;
  headers: Record<string, string>;
  logger: CdeskLogger;
  logLevel: LogLevel;
  allowInsecureHttp: boolean;
  validateResponses: "shape" | "off";
  maxResponseBytes: number;
}

/** setTimeout's ceiling; a larger delay would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function resolveOptions(options: CdeskClientOptions = {}): ResolvedOptions {
  const env = readEnv;
  const token = options.token ?? env("CDESK_API_TOKEN");
  if (typeof token !== "string" || token.trim() === "") {
    throw new CdeskConfigError("token", "No API token: pass `token` or set CDESK_API_TOKEN");
  }
  // A token with a line break or control character would corrupt the Authorization header, and a
  // header can carry only Latin-1.
  if (/[\u0000-\u001f\u007f\s]|[^\u0000-\u00ff]/.test(token)) {
    throw new CdeskConfigError("token", "The token holds whitespace, control or non-Latin-1 characters");
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? env("CDESK_BASE_URL") ?? SPEC_SERVER_URL, options.allowInsecureHttp);
  const logLevel = options.logLevel ?? (env("CDESK_LOG")?.toLowerCase() as LogLevel | undefined) ?? "warn";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new CdeskConfigError("logLevel", `logLevel (or CDESK_LOG) must be one of ${LOG_LEVELS.join(", ")}, got "${logLevel}"`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new CdeskConfigError("fetch", "fetch must be a function");
  }
  const validateResponses = options.validateResponses ?? "shape";
  if (validateResponses !== "shape" && validateResponses !== "off") {
    throw new CdeskConfigError("validateResponses", `validateResponses must be "shape" or "off", got ${String(validateResponses)}`);
  }
  if (options.headers !== undefined) checkHeaders(options.headers, configComplaint);
  return {
    token,
    baseUrl,
    timeoutMs: options.timeoutMs === undefined ? undefined : checkTimeout(options.timeoutMs, configComplaint),
    maxRetries: checkRetries(options.maxRetries ?? 2, configComplaint),
    fetch: options.fetch,
    headers: options.headers ?? {},
    logger: options.logger ?? console,
    logLevel,
    allowInsecureHttp: options.allowInsecureHttp ?? false,
    validateResponses,
    maxResponseBytes: checkRange("maxResponseBytes", options.maxResponseBytes ?? 16 * 1024 * 1024, 1, Number.MAX_SAFE_INTEGER, configComplaint, true),
  };
}

/**
 * An environment variable, or undefined where there is no environment or it cannot be read (Deno
 * without `--allow-env` throws `NotCapable` on any read of `process.env`).
 */
function readEnv(name: string): string | undefined {
  try {
    const value = (globalThis as { process?: { env?: Record<string, unknown> } }).process?.env?.[name];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What a header name may be (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A header value may not hold CR, LF or NUL, nor anything outside Latin-1. */
const BAD_HEADER_VALUE = /[\r\n\u0000]|[^\u0000-\u00ff]/;

/** Headers that `fetch` would refuse, refused here first, naming the header but never its value. */
export function checkHeaders(headers: Record<string, string | null> | Headers, complain: Complaint): void {
  if (headers instanceof Headers) return; // a Headers object has checked itself
  if (typeof headers !== "object" || headers === null) throw complain("headers", "headers must be an object of names to values");
  for (const name in headers) {
    const value = headers[name];
    if (!HEADER_NAME.test(name)) throw complain("headers", `header name ${JSON.stringify(name.slice(0, 40))} is not a valid HTTP token`);
    if (value === null || value === undefined) continue;
    if (typeof value !== "string") throw complain("headers", `header ${name} must be a string`);
    if (BAD_HEADER_VALUE.test(value)) throw complain("headers", `header ${name} holds a line break, NUL or a non-Latin-1 character`);
  }
}

/** Methods fetch refuses to send (RFC 9110 defines them; browsers and undici forbid them). */
const FORBIDDEN_METHODS = new Set(["CONNECT", "TRACE", "TRACK"]);

/** A raw call's method, refused here when fetch would refuse it: not a token, forbidden, or a GET or HEAD with a body. */
export function checkMethod(method: unknown, body: unknown): void {
  if (typeof method !== "string" || !HEADER_NAME.test(method) || FORBIDDEN_METHODS.has(method)) {
    throw new CdeskInputError("method", "method", `${String(method).slice(0, 40)} is not a method fetch can send`);
  }
  if (body !== undefined && (method === "GET" || method === "HEAD")) {
    throw new CdeskInputError("body", "no-body", `a ${method} request cannot have a body`);
  }
}

/** A per-call signal must be a real AbortSignal: anything else would fail only later, in a timer. */
export function checkSignal(signal: unknown): void {
  const candidate = signal as AbortSignal | null;
  if (
    typeof candidate !== "object" ||
    candidate === null ||
    typeof candidate.aborted !== "boolean" ||
    typeof candidate.addEventListener !== "function" ||
    typeof candidate.removeEventListener !== "function"
  ) {
    throw new CdeskInputError("signal", "abort-signal", "must be an AbortSignal");
  }
}

/** Builds the error for a bad numeric setting: config at construction, input per call. */
export type Complaint = (option: string, message: string) => Error;

const configComplaint: Complaint = (option, message) => new CdeskConfigError(option, message);

/** Per-call overrides are input: a bad one is a `CdeskInputError`, and nothing is sent. */
export const inputComplaint: Complaint = (option, message) => new CdeskInputError(option, "range", message);

export function checkTimeout(value: unknown, complain: Complaint): number {
  return checkRange("timeoutMs", value, 1, MAX_TIMEOUT_MS, complain);
}

export function checkRetries(value: unknown, complain: Complaint): number {
  return checkRange("maxRetries", value, 0, 20, complain, true);
}

function checkRange(option: string, value: unknown, min: number, max: number, complain: Complaint, integer = false): number {
  if (typeof value !== "number" || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw complain(option, `${option} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

function checkBaseUrl(baseUrl: string, allowInsecureHttp = false): string {
  const url = parseHttpUrl(baseUrl, configComplaint, " (option baseUrl or CDESK_BASE_URL)");
  // Every request's path and query are appended to it.
  if (url.search || url.hash) throw configComplaint("baseUrl", "baseUrl must not hold a query or fragment");
  assertSafeTransport(url, allowInsecureHttp);
  return baseUrl.replace(/\/+$/, "");
}

/**
 * The URL of a raw call sent elsewhere than the client's `baseUrl` (its own `baseUrl` option),
 * refused as fetch would refuse it, and kept to the client's plain-http rule while it carries the token.
 */
export function checkRequestUrl(text: string, allowInsecureHttp: boolean, carriesToken: boolean): void {
  const url = parseHttpUrl(text, inputComplaint, "");
  if (carriesToken) assertSafeTransport(url, allowInsecureHttp);
}

/** An absolute http(s) URL without user name or password, named in a complaint without them. */
function parseHttpUrl(text: string, complain: Complaint, source: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    const shown = text.replace(/\/\/[^/?#]*@/, "//***@");
    throw complain("baseUrl", `baseUrl is not an absolute URL: "${shown}"${source}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw complain("baseUrl", `baseUrl must use https (or http), got ${url.protocol}`);
  }
  // Credentials in the URL would be sent (and logged) with every request; the token is the only credential.
  if (url.username || url.password) throw complain("baseUrl", "baseUrl must not hold a user name or password");
  return url;
}

/** The token must never cross a network in clear text; loopback never leaves the machine. */
export function assertSafeTransport(url: URL, allowInsecureHttp: boolean): void {
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new CdeskConfigError(
      "baseUrl",
      `Refusing to send the token over plain http to ${url.host}: use https, or allowInsecureHttp: true on a trusted network`,
    );
  }
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === "localhost" ||
    hostname.endsWith(".localhost") ||
    hostname === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname)
  );
}
