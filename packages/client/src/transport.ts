/**
 * The one path every request takes, from the methods and from `raw` alike: the operation's row of
 * the generated table says how to encode, retry, time out and check it; `requestWithRetry` runs the
 * attempts (timeouts, retries, abort, logging, typed errors), each one a fresh `Request` sent and its
 * body read.
 */
import type { paths } from "@cdesk/types";
import type { Client } from "openapi-fetch";
import { OPERATIONS } from "./generated/operations.js";
import { prepare, readAnswer, requestOf, type SendInit } from "./http.js";
import { createAttemptLog } from "./logger.js";
import type { Operation } from "./operation.js";
import { checkHeaders, checkRetries, checkSignal, checkTimeout, inputComplaint, type RequestOptions, type ResolvedOptions } from "./options.js";
import { requestWithRetry, type Answer, type CallContext } from "./request-with-retry.js";

export type { SendInit } from "./http.js";

/**
 * The openapi-fetch calls `raw` offers, with openapi-fetch's types: `raw.GET("/offers/{offer_id}",
 * { params: { path: { offer_id } } })` resolves to `{ data, error, response }`.
 */
export type RawClient = Pick<Client<paths>, "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE" | "request">;

export type Send = (method: string, path: string, init: SendInit, call?: RequestOptions) => Promise<Answer>;

/** What a path the spec does not have (reached through `raw`) is treated as: never repeated blindly. */
const UNKNOWN_OPERATION: Operation = { retry: "only-if-not-sent", timeoutMs: 60_000, response: null };
const IDEMPOTENT_UNKNOWN: Operation = { ...UNKNOWN_OPERATION, retry: "idempotent" };
const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

/** The table's row for `METHOD /path/template`; a path outside the spec gets the method's default. */
export function operationFor(method: string, path: string): Operation {
  const known = (OPERATIONS as Record<string, Operation>)[`${method} ${path}`];
  if (known) return known;
  return method === "POST" || method === "PATCH" ? UNKNOWN_OPERATION : IDEMPOTENT_UNKNOWN;
}

export function createTransport(options: ResolvedOptions): { send: Send; raw: RawClient } {
  const baseHeaders = { ...options.headers, authorization: `Bearer ${options.token}` };
  const log = createAttemptLog(options.logger, options.logLevel);

  // Not async (one promise less per call): whatever throws here is handed back as a rejection.
  const send: Send = (method, path, init, call) => {
    try {
      const operation = operationFor(method, path);
      const signal = call?.signal ?? init.signal ?? undefined;
      if (signal !== undefined) checkSignal(signal);
      const headers = call?.headers ?? init.headers;
      if (headers !== undefined) checkHeaders(headers, inputComplaint);
      const prepared = prepare(options.baseUrl, baseHeaders, method, path, init, operation.encoding, headers);
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
      };
      return requestWithRetry(
        (fetch, attemptSignal) => fetch(requestOf(prepared, attemptSignal)).then((response) => readAnswer(response, method, prepared.parseAs)),
        context,
      );
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const raw: Record<string, unknown> = {};
  for (const method of HTTP_METHODS) raw[method] = (path: string, init?: SendInit) => send(method, path, init ?? {});
  raw.request = (method: string, path: string, init?: SendInit) => send(method.toUpperCase(), path, init ?? {});
  return { send, raw: raw as RawClient };
}
