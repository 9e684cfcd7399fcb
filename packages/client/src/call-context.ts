/**
 * What one call carries through its attempts: created per call by the transport, so per-call
 * options never touch the client.
 */
import type { RequestTarget } from "./errors.js";
import type { AttemptLog } from "./logger.js";
import type { Operation } from "./operation.js";
import type { FetchLike } from "./options.js";
import type { PendingRequest } from "./pending-request.js";

export interface CallContext {
  target: RequestTarget;
  /** The operation's row of the generated table: retry class, response shape. */
  operation: Pick<Operation, "retry" | "response" | "listKeys">;
  /** Check 2xx bodies against `operation.response`. */
  checkShape: boolean;
  /** Largest body read, in bytes. */
  maxResponseBytes: number;
  /** The caller's signal, if any: aborts the current attempt, or the wait before the next. */
  signal: AbortSignal | undefined;
  fetch: FetchLike;
  timeoutMs: number;
  maxRetries: number;
  log: AttemptLog;
  /** Runs on each request before it is sent; throws (a `CdeskError`) to refuse it. */
  vet: (request: PendingRequest) => void;
  /** What the call resolves to: the body (the methods), or openapi-fetch's `{ data, response }` (`raw`). */
  resolveWith: "data" | "answer";
}

/** What openapi-fetch resolves to: the parsed body (`data`, or `error` for a status >= 400). */
export interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Sends the request once through `fetch` (which adds the attempt's signal), reading the body: one openapi-fetch call. */
export type SendOnce = (fetch: (request: PendingRequest) => Promise<Response>) => Promise<Answer>;
