import { CdeskApiError, CdeskConnectionError } from "@cdesk/client";
import { WaitTimeoutError, type AcquireClient } from "@cdesk/poller";
import { socketErrorCode } from "./explain.js";

/** No connection could be made at all: nothing listens at the address, or the host does not exist. */
const NOTHING_THERE = new Set(["ECONNREFUSED", "ENOTFOUND"]);

/**
 * The API never answered and nothing listens at its address: `cdesk up` stops instead of asking
 * again until its deadline. Not a transient error, so acquire's search ends at once with it.
 */
class UnreachableApiError extends Error {
  override name = "UnreachableApiError";
  constructor(override readonly cause: CdeskConnectionError) {
    super(cause.message, { cause });
  }
}

/** What `cdesk up` learns about the connection while acquire runs. */
export interface ConnectionWatch {
  /** The client for acquire: the same calls, watched. */
  client: AcquireClient;
  /**
   * What ended the acquisition, as the user should hear it: the last connection error when the
   * API could not be reached (the stop above, or the deadline while the last request failed to
   * connect); otherwise `cause` unchanged.
   */
  cause(cause: unknown): unknown;
}

/**
 * Watches every call acquire makes. The client has already retried a refused connection three
 * times; when the API has never answered, a search that still finds nothing there ends the
 * acquisition, since waiting out a 30-minute deadline would not change a wrong address. Once the
 * API has answered, a failure may be a restart, and acquire's own retries apply.
 */
export function watchConnection(cdesk: AcquireClient): ConnectionWatch {
  let answered = false;
  let lastFailure: CdeskConnectionError | undefined;
  const watch = <T>(request: Promise<T>): Promise<T> =>
    request.then(
      (value) => {
        answered = true;
        lastFailure = undefined;
        return value;
      },
      (error: unknown) => {
        if (error instanceof CdeskApiError) {
          answered = true;
          lastFailure = undefined;
        } else if (error instanceof CdeskConnectionError) {
          lastFailure = error;
          if (!answered && NOTHING_THERE.has(socketErrorCode(error) ?? "")) throw new UnreachableApiError(error);
        }
        throw error;
      },
    );
  const client: AcquireClient = {
    offers: {
      search: (query, options) => watch(cdesk.offers.search(query, options)),
      procure: (request, options) => watch(cdesk.offers.procure(request, options)),
      status: (offerId, options) => watch(cdesk.offers.status(offerId, options)),
    },
    resources: {
      list: (query, options) => watch(cdesk.resources.list(query, options)),
      delete: (resourceId, query, options) => watch(cdesk.resources.delete(resourceId, query, options)),
      get: (resourceId, query, options) => watch(cdesk.resources.get(resourceId, query, options)),
    },
  };
  return {
    client,
    cause(cause) {
      if (cause instanceof UnreachableApiError) return cause.cause;
      return cause instanceof WaitTimeoutError && lastFailure ? lastFailure : cause;
    },
  };
}
