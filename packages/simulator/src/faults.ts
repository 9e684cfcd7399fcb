import { declaresStatus, operationKeys, routeByKey, type OperationKey } from "./routes.js";

/**
 * How an injected fault answers.
 */
export interface FaultOptions {
  /**
   * The status to answer with: 429 or a 5xx, the faults the spec declares on every operation
   * (`RateLimited` and `ServerError`, body `{"detail": ...}`).
   * @default 503
   * @example sim.failNext("POST /procure_offer", { status: 500 })
   */
  status?: number;
  /**
   * How many of the next matching requests fail.
   * @default 1
   * @example sim.failNext("GET /offers/{offer_id}/status", { times: 3 })
   */
  times?: number;
  /**
   * Sent as `Retry-After` (seconds, or an HTTP date as a string); omitted when not given.
   * @default undefined
   * @example sim.failNext("POST /get_offers", { status: 429, retryAfter: 2 })
   */
  retryAfter?: number | string;
}

interface PendingFault {
  status: number;
  remaining: number;
  retryAfter?: number | string;
}

const BODIES: Record<string, string> = {
  "429": "Rate limit exceeded",
  "500": "Internal Server Error",
  "502": "Bad Gateway",
  "503": "Service temporarily unavailable",
  "504": "Gateway Timeout",
};

/** Faults queued per operation, consumed in order. */
export class FaultQueue {
  private readonly pending = new Map<string, PendingFault[]>();

  add(key: OperationKey | string, options: FaultOptions): void {
    const route = routeByKey(key);
    if (!route) throw new TypeError(`failNext: unknown operation "${key}"; use one of: ${operationKeys().join(", ")}`);
    const status = options.status ?? 503;
    const fault = status === 429 || (Number.isInteger(status) && status >= 500 && status <= 599);
    if (!fault || !declaresStatus(route, status)) {
      throw new RangeError(`failNext: ${status} is not a fault the spec declares for ${key}: use 429 or a 5xx`);
    }
    const times = options.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext: times must be an integer >= 1, got ${times}`);
    const queue = this.pending.get(key) ?? [];
    queue.push({ status, remaining: times, ...(options.retryAfter !== undefined ? { retryAfter: options.retryAfter } : {}) });
    this.pending.set(key, queue);
  }

  clear(): void {
    this.pending.clear();
  }

  /** The fault the next request of this operation gets, if one is queued. */
  take(key: string): { status: number; headers: Record<string, string>; message: string } | undefined {
    const queue = this.pending.get(key);
    const fault = queue?.[0];
    if (!fault) return undefined;
    if (--fault.remaining === 0) queue!.shift();
    const headers: Record<string, string> = fault.retryAfter !== undefined ? { "retry-after": String(fault.retryAfter) } : {};
    return { status: fault.status, headers, message: BODIES[String(fault.status)] ?? "Injected failure" };
  }
}
