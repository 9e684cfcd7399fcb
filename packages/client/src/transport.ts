/**
 * The one path every request takes, from the methods and from `raw` alike: one openapi-fetch client
 * per cdesk client builds each Request (URL, serialisers, headers) and parses the body; around each
 * of its calls, the operation's row of the generated table says how to encode, retry, time out and
 * check it, and `requestWithRetry` runs the attempts (timeouts, retries, abort, logging, typed errors).
 */
import type { paths } from "@cdesk/types";
import openapiFetch, { type Client } from "openapi-fetch";
import { OPERATIONS } from "./generated/operations.js";
import { createAttemptLog } from "./logger.js";
import type { Operation } from "./operation.js";
import {
  assertSafeTransport,
  checkHeaders,
  checkRetries,
  checkSignal,
  checkTimeout,
  inputComplaint,
  type RequestOptions,
  type ResolvedOptions,
} from "./options.js";
import { requestWithRetry, type Answer, type CallContext, type SendOnce } from "./request-with-retry.js";
import { fail } from "./validate.js";
import { toYamlQuery } from "./yaml-query.js";

/** What openapi-fetch accepts for one request (typed per operation at the public surface). */
export interface SendInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string | null> | Headers;
  signal?: AbortSignal | null;
  [option: string]: unknown;
}

/** Sends one call; `operation` is the table's row when the caller has it (the methods do), else looked up. */
export type Send = (method: string, path: string, init: SendInit, call?: RequestOptions, operation?: Operation) => Promise<Answer>;

/**
 * openapi-fetch has only a default export. Our CommonJS build imports its CommonJS build with
 * Node's interop, where the default is the whole `exports` object: take its `default` then.
 */
const createClient = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

const YAML = "application/yaml";
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;
/** What a path the spec does not have (reached through `raw`) is treated as: never repeated blindly. */
const UNKNOWN_OPERATION: Operation = { retry: "only-if-not-sent", timeoutMs: 60_000, response: null };
const IDEMPOTENT_UNKNOWN: Operation = { ...UNKNOWN_OPERATION, retry: "idempotent" };

/** The table's row for `METHOD /path/template`; a path outside the spec gets the method's default. */
export function operationFor(method: string, path: string): Operation {
  const known = (OPERATIONS as Record<string, Operation>)[`${method} ${path}`];
  if (known) return known;
  return method === "POST" || method === "PATCH" ? UNKNOWN_OPERATION : IDEMPOTENT_UNKNOWN;
}

export function createTransport(options: ResolvedOptions): { send: Send; raw: Client<paths> } {
  const base = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { ...options.headers, Authorization: `Bearer ${options.token}` },
    // The API never redirects, and a followed redirect would carry the body and headers elsewhere.
    redirect: "manual",
  });
  const log = createAttemptLog(options.logger, options.logLevel);
  // Every URL under the checked base URL starts with it and a slash (a bare prefix would let
  // `http://127.0.0.1.evil.example` pass for `http://127.0.0.1`).
  const checkedPrefix = `${options.baseUrl}/`;

  // A per-request `baseUrl` (raw) must not route around the plain-http guard.
  const vet = (request: Request) => {
    const elsewhere = !request.url.startsWith(checkedPrefix) && request.url.startsWith("http:");
    if (elsewhere && !options.allowInsecureHttp && request.headers.has("authorization")) {
      assertSafeTransport(new URL(request.url), false);
    }
  };

  // Not async (one promise less per call): whatever throws here is handed back as a rejection.
  const send: Send = (method, path, init, call, known) => {
    try {
      const operation = known ?? operationFor(method, path);
      const signal = call?.signal ?? init.signal ?? undefined;
      if (signal !== undefined) checkSignal(signal);
      const headers = call?.headers ?? init.headers;
      if (headers !== undefined) checkHeaders(headers, inputComplaint);
      const context: CallContext = {
        target: { method, path },
        operation,
        checkShape: options.validateResponses === "shape",
        maxResponseBytes: options.maxResponseBytes,
        signal,
        fetch: options.fetch ?? globalThis.fetch,
        timeoutMs: call?.timeoutMs !== undefined ? checkTimeout(call.timeoutMs, inputComplaint) : (options.timeoutMs ?? operation.timeoutMs),
        maxRetries: call?.maxRetries === undefined ? options.maxRetries : checkRetries(call.maxRetries, inputComplaint),
        log,
        vet,
      };
      const yaml = operation.encoding === "yaml" && init.body !== undefined;
      const finalInit: SendInit = { ...init, headers: yaml ? withYamlType(headers) : headers, signal };
      if (yaml) finalInit.bodySerializer = serializeQuery;
      const sendOnce: SendOnce = (fetch) => {
        finalInit.fetch = fetch;
        return base.request(method as "get", path as never, finalInit as never) as Promise<Answer>;
      };
      return requestWithRetry(sendOnce, context);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const raw = { ...base } as Record<string, unknown>;
  for (const method of HTTP_METHODS) raw[method] = (path: string, init?: SendInit) => send(method, path, init ?? {});
  raw.request = (method: string, path: string, init?: SendInit) => send(method.toUpperCase(), path, init ?? {});
  return { send, raw: raw as unknown as Client<paths> };
}

/** A YAML operation (`POST /get_offers`) takes YAML, unless the caller set a content type of their own. */
function withYamlType(headers: SendInit["headers"]): SendInit["headers"] {
  if (!(headers instanceof Headers)) return { "Content-Type": YAML, ...headers };
  const copy = new Headers(headers);
  if (!copy.has("content-type")) copy.set("content-type", YAML);
  return copy;
}

/** A query string is sent as-is; a query object goes through the YAML emitter. */
function serializeQuery(body: unknown): string {
  if (typeof body !== "string") return toYamlQuery(body);
  if (body.trim() === "") fail("query", "required", "the YAML query is empty");
  return body;
}
