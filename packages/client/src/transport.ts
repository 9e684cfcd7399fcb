/**
 * The one path every request takes, from the methods and from `raw` alike: one openapi-fetch client
 * per cdesk client builds each request (URL, serialisers, headers) and parses the body; around each
 * of its calls, the operation's row of the generated table says how to encode, retry, time out and
 * check it, and `requestWithRetry` runs the attempts (timeouts, retries, abort, logging, typed errors).
 */
import type { paths } from "@cdesk/types";
import openapiFetch, { createQuerySerializer, type Client } from "openapi-fetch";
import { OPERATIONS } from "./generated/operations.js";
import { createAttemptLog } from "./logger.js";
import { targetOf, type Operation } from "./operation.js";
import {
  checkHeaders,
  checkMethod,
  checkRequestUrl,
  checkRetries,
  checkSignal,
  checkTimeout,
  inputComplaint,
  type RequestOptions,
  type ResolvedOptions,
} from "./options.js";
import { compilePathSerializer } from "./path-serializer.js";
import { PendingRequest } from "./pending-request.js";
import type { Answer, CallContext, SendOnce } from "./call-context.js";
import { requestWithRetry } from "./request-with-retry.js";
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

/**
 * `cdesk.raw`: openapi-fetch's client with the cdesk transport underneath. Without `use` and
 * `eject`: openapi-fetch middleware would receive a `PendingRequest`, not a `Request` (wrap the
 * client's `fetch` option instead).
 */
export type RawClient = Omit<Client<paths>, "use" | "eject">;

/** Sends a method's call, its operation's row at hand, and resolves to the body. */
export type Send = (operation: Operation, method: string, path: string, init: SendInit, call: RequestOptions | undefined) => Promise<unknown>;

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

export function createTransport(options: ResolvedOptions): { send: Send; raw: RawClient } {
  const base = createClient<paths>({
    baseUrl: options.baseUrl,
    Request: PendingRequest as unknown as typeof Request,
    // openapi-fetch's own serializer, built once instead of at every request.
    querySerializer: createQuerySerializer(),
    pathSerializer: compilePathSerializer(options.baseUrl, Object.keys(OPERATIONS).map((key) => targetOf(key).path)),
    headers: { ...options.headers, Authorization: `Bearer ${options.token}` },
    // The API never redirects, and a followed redirect would carry the body and headers elsewhere.
    redirect: "manual",
  });
  const log = createAttemptLog(options.logger, options.logLevel);
  // Every URL under the checked base URL starts with it and a slash (a bare prefix would let
  // `http://127.0.0.1.evil.example` pass for `http://127.0.0.1`).
  const checkedPrefix = `${options.baseUrl}/`;

  // A per-request `baseUrl` (raw) is checked as the client's was: fetch would refuse it unparsable
  // or with credentials, and it must not route around the plain-http guard.
  const vet = (request: PendingRequest) => {
    if (!request.url.startsWith(checkedPrefix)) {
      checkRequestUrl(request.url, options.allowInsecureHttp, request.init.headers.has("authorization"));
    }
  };

  /**
   * Every call, from the methods (`known` is their operation's row) and from `raw` (looked up).
   * Not async (one promise less per call): whatever throws here is handed back as a rejection.
   */
  const start = (
    method: string,
    path: string,
    init: SendInit,
    call: RequestOptions | undefined,
    known: Operation | undefined,
    resolveWith: CallContext["resolveWith"],
  ): Promise<unknown> => {
    try {
      // The methods' requests are well-formed by construction; a raw one is checked as fetch would.
      if (known === undefined) checkMethod(method, init.body);
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
        resolveWith,
      };
      const yaml = operation.encoding === "yaml" && init.body !== undefined;
      // Not `{ ...init, headers, ... }`: on Node 20 each property added after a spread costs about
      // a microsecond (V8 gives the copy a map of its own), Object.assign a fraction of that.
      const finalInit: SendInit = Object.assign({}, init, {
        headers: yaml ? withYamlType(headers) : headers,
        // The attempt gives fetch its own signal, which follows the caller's.
        signal: undefined,
        bodySerializer: yaml ? serializeQuery : init.bodySerializer,
        fetch: undefined,
      });
      const sendOnce: SendOnce = (fetch) => {
        finalInit.fetch = fetch;
        return base.request(method as "get", path as never, finalInit as never) as Promise<Answer>;
      };
      return requestWithRetry(sendOnce, context);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const send: Send = (operation, method, path, init, call) => start(method, path, init, call, operation, "data");
  const raw: Record<string, unknown> = {
    request: (method: unknown, path: string, init?: SendInit) =>
      start(typeof method === "string" ? method.toUpperCase() : (method as string), path, init ?? {}, undefined, undefined, "answer"),
  };
  for (const method of HTTP_METHODS) {
    raw[method] = (path: string, init?: SendInit) => start(method, path, init ?? {}, undefined, undefined, "answer");
  }
  return { send, raw: raw as unknown as RawClient };
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
