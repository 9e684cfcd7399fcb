/**
 * The one path every request takes, from the methods and from `raw` alike: `requestWithRetry` runs
 * the attempts (timeouts, retries, abort, logging, typed errors), each one an openapi-fetch request
 * that builds the Request, sends it and parses the body.
 */
import type { paths } from "@cdesk/types";
import openapiFetch, { type Client } from "openapi-fetch";
import { createAttemptLog } from "./logger.js";
import { assertSafeTransport, checkRetries, checkTimeout, inputComplaint, type RequestOptions, type ResolvedOptions } from "./options.js";
import { requestWithRetry, type CallContext, type SendOnce } from "./request-with-retry.js";
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

export interface SendResult {
  data: unknown;
  response: Response;
}

export type Send = (method: string, path: string, init: SendInit, call?: RequestOptions) => Promise<SendResult>;

/**
 * openapi-fetch has only a default export. Our CommonJS build imports its CommonJS build with
 * Node's interop, where the default is the whole `exports` object: take its `default` then.
 */
const createClient = (openapiFetch as unknown as { default?: typeof openapiFetch }).default ?? openapiFetch;

const QUERY_PATH = "/get_offers";
const YAML = "application/yaml";
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

export function createTransport(options: ResolvedOptions): { send: Send; raw: Client<paths> } {
  const base = createClient<paths>({
    baseUrl: options.baseUrl,
    headers: { ...options.headers, Authorization: `Bearer ${options.token}` },
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
  const send: Send = (method, path, init, call) => {
    try {
      const context: CallContext = {
        target: { method, path },
        signal: call?.signal ?? init.signal ?? undefined,
        fetch: options.fetch ?? globalThis.fetch,
        timeoutMs: call?.timeoutMs === undefined ? options.timeoutMs : checkTimeout(call.timeoutMs, inputComplaint),
        maxRetries: call?.maxRetries === undefined ? options.maxRetries : checkRetries(call.maxRetries, inputComplaint),
        log,
        vet,
      };
      const query = path === QUERY_PATH && init.body !== undefined;
      const headers = call?.headers ?? init.headers;
      const finalInit: SendInit = { ...init, headers: query ? withYamlType(headers) : headers, signal: context.signal };
      if (query) finalInit.bodySerializer = serializeQuery;
      const sendOnce: SendOnce = (fetch) => {
        finalInit.fetch = fetch;
        return base.request(method as "get", path as never, finalInit as never);
      };
      return requestWithRetry(sendOnce, context) as Promise<SendResult>;
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const raw = { ...base } as Record<string, unknown>;
  for (const method of HTTP_METHODS) raw[method] = (path: string, init?: SendInit) => send(method, path, init ?? {});
  raw.request = (method: string, path: string, init?: SendInit) => send(method.toUpperCase(), path, init ?? {});
  return { send, raw: raw as unknown as Client<paths> };
}

/** `POST /get_offers` takes YAML, unless the caller set a content type of their own. */
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
