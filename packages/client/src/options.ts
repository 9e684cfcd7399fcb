/**
 * Client options: their defaults (environment variables where `process` exists), and the checks
 * that make a client that cannot work fail at construction rather than at the first request.
 */
import { CdeskConfigError, CdeskInputError } from "./errors.js";
import { SPEC_SERVER_URL } from "./generated/request-constraints.js";
import { LOG_LEVELS, type CdeskLogger, type LogLevel } from "./logger.js";

/** The `fetch` the client calls: `fetch(request, { signal })`, like the global one. */
export type FetchLike = (input: Request, init?: { signal?: AbortSignal }) => Promise<Response>;

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
   * Time limit of each attempt in milliseconds (a retry gets a fresh one).
   * @default 60000
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
   * The fetch implementation, called as `fetch(request, { signal })`.
   * @default globalThis.fetch (looked up at each request, so later stubs are honoured)
   * @example createCdeskClient({ fetch: (request, init) => undiciFetch(request, { ...init, dispatcher }) })
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
   * @default the client's `timeoutMs`
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
  timeoutMs: number;
  maxRetries: number;
  fetch: FetchLike | undefined;
  headers: Record<string, string>;
  logger: CdeskLogger;
  logLevel: LogLevel;
  allowInsecureHttp: boolean;
}

/** setTimeout's ceiling; a larger delay would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function resolveOptions(options: CdeskClientOptions = {}): ResolvedOptions {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env ?? {};
  const token = options.token ?? env.CDESK_API_TOKEN;
  if (typeof token !== "string" || token.trim() === "") {
    throw new CdeskConfigError(
      "token",
      "No API token: pass the `token` option or set the CDESK_API_TOKEN environment variable",
    );
  }
  // A token with a line break or control character would corrupt the Authorization header.
  if (/[\u0000-\u001f\u007f\s]/.test(token)) {
    throw new CdeskConfigError("token", "The token contains whitespace or control characters; check how it was copied");
  }
  const baseUrl = checkBaseUrl(options.baseUrl ?? env.CDESK_BASE_URL ?? SPEC_SERVER_URL, options.allowInsecureHttp);
  const logLevel = options.logLevel ?? (env.CDESK_LOG?.toLowerCase() as LogLevel | undefined) ?? "warn";
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new CdeskConfigError("logLevel", `Log level must be one of ${LOG_LEVELS.join(", ")} (option logLevel or CDESK_LOG), got "${logLevel}"`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new CdeskConfigError("fetch", "The fetch option must be a function");
  }
  return {
    token,
    baseUrl,
    timeoutMs: checkTimeout(options.timeoutMs ?? 60_000, configComplaint),
    maxRetries: checkRetries(options.maxRetries ?? 2, configComplaint),
    fetch: options.fetch,
    headers: options.headers ?? {},
    logger: options.logger ?? console,
    logLevel,
    allowInsecureHttp: options.allowInsecureHttp ?? false,
  };
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
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new CdeskConfigError("baseUrl", `baseUrl is not an absolute URL: "${baseUrl}" (option baseUrl or CDESK_BASE_URL)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CdeskConfigError("baseUrl", `baseUrl must use https (or http), got ${url.protocol}`);
  }
  assertSafeTransport(url, allowInsecureHttp);
  return baseUrl.replace(/\/+$/, "");
}

/** The token must never cross a network in clear text; loopback never leaves the machine. */
export function assertSafeTransport(url: URL, allowInsecureHttp: boolean): void {
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new CdeskConfigError(
      "baseUrl",
      `Refusing to send the API token over plain http to ${url.host}: use https, or set allowInsecureHttp: true if this network is trusted`,
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
