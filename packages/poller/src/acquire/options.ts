import { CdeskInputError } from "@cdesk/client";
import type { OfferStatus, ProcureRequest } from "../client.js";
import { type ResolvedWaitOptions, type WaitOptions, positiveNumber, resolveWaitOptions, timerMs } from "../options.js";
import { byPrice } from "./candidates.js";
import type { CleanupPolicy } from "./cleanup.js";
import type { Offer, OffersQuery } from "./client.js";
import type { AcquireEvent } from "./events.js";

/** What to acquire and how hard to try. Only `query` and `ssh_public_key` are required. */
export interface AcquireOptions
  extends Pick<ProcureRequest, "cloud_init" | "cluster_name">,
    Pick<WaitOptions<OfferStatus>, "intervalMs" | "maxIntervalMs" | "backoffFactor" | "maxConsecutiveErrors" | "signal"> {
  /**
   * The offers to choose from, as for `cdesk.offers.search`: a typed query or a raw YAML string.
   * @default none (required)
   * @example { query: { region: "EU", compute: { gpu_type: "H100", gpu_count: 8 } } }
   */
  query: OffersQuery;
  /**
   * The SSH public key put on the machines, as for `cdesk.offers.procure` (one `authorized_keys` line).
   * @default none (required)
   * @example { ssh_public_key: readFileSync(`${homedir()}/.ssh/id_ed25519.pub`, "utf8") }
   */
  ssh_public_key: string;
  /**
   * Total price cap in USD per hour (`total_price_per_hour`, GPUs and storage): an offer above it,
   * or one whose price is not stated, is never procured.
   * @default undefined (no cap)
   * @example { maxPricePerHour: 30 }
   */
  maxPricePerHour?: number;
  /**
   * Orders the candidates, best first, like an `Array.prototype.sort` comparator.
   * @default cheapest `total_price_per_hour` first, offers without a price last, ties in the server's order
   * @example { rank: (a, b) => (b.vcpu_count ?? 0) - (a.vcpu_count ?? 0) }
   */
  rank?: (a: Offer, b: Offer) => number;
  /**
   * Offers procured at most. A procure call that did not go through (the status shows the offer still
   * `available`) is repeated for the same offer and does not count again.
   * @default 3
   * @example { maxAttempts: 5 }
   */
  maxAttempts?: number;
  /**
   * Limit of the whole acquisition, searches and cleanups included. A procure call in flight is not cut
   * short; cleanup after it gets a further grace period of 60 s.
   * @default 1800000 (30 minutes, the lifetime of an offer)
   * @example { timeoutMs: 45 * 60_000 }
   */
  timeoutMs?: number;
  /**
   * Limit of one offer's provisioning, from its procure answer to `ready`. Past it the offer counts as
   * failed, is cleaned up, and the next one is tried.
   * @default 900000 (15 minutes; provisioning typically takes 1-5 minutes)
   * @example { readyTimeoutMs: 10 * 60_000 }
   */
  readyTimeoutMs?: number;
  /**
   * `"on-failure"`: delete (`force`) the resources of every attempt that did not end ready, and wait
   * until they are gone. `"never"`: keep them (they are billed) and only report them.
   * @default "on-failure"
   * @example { cleanup: "never" }
   */
  cleanup?: CleanupPolicy;
  /**
   * Called with every step: `searched`, `skipped`, `procuring`, `procured`, `progress`, `failed`,
   * `cleaning-up`, `cleaned-up`, `ready`. If it throws (or its promise rejects), the acquisition stops
   * as on an abort, with that error as the cause.
   * @default undefined
   * @example { onEvent: (event) => console.log(event.type) }
   */
  onEvent?: (event: AcquireEvent) => unknown;
}

/** `AcquireOptions` checked, with every default filled in. */
export interface ResolvedAcquireOptions {
  query: OffersQuery;
  request: Omit<ProcureRequest, "offer_id">;
  maxPricePerHour: number | undefined;
  rank: (a: Offer, b: Offer) => number;
  maxAttempts: number;
  timeoutMs: number;
  readyTimeoutMs: number;
  cleanup: CleanupPolicy;
  onEvent: ((event: AcquireEvent) => unknown) | undefined;
  wait: ResolvedWaitOptions<OfferStatus>;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_ACQUIRE_TIMEOUT_MS = 30 * 60_000;
export const DEFAULT_READY_TIMEOUT_MS = 15 * 60_000;

const KNOWN_OPTIONS = new Set<string>([
  "query", "ssh_public_key", "cloud_init", "cluster_name", "maxPricePerHour", "rank", "maxAttempts", "timeoutMs",
  "readyTimeoutMs", "cleanup", "onEvent", "intervalMs", "maxIntervalMs", "backoffFactor", "maxConsecutiveErrors", "signal",
] satisfies (keyof AcquireOptions)[]);
const CLEANUP_POLICIES: readonly string[] = ["on-failure", "never"] satisfies CleanupPolicy[];

/**
 * Checks every option and fills in the defaults; throws `CdeskInputError` naming the option and the
 * rule. An unknown option is an error too: a misspelt `maxPricePerHour` must not mean "no cap".
 * The procure fields' own rules (key format, `cloud_init` size) are the client's, checked when it procures.
 */
export function resolveAcquireOptions(options: AcquireOptions): ResolvedAcquireOptions {
  if (typeof options !== "object" || options === null) throw new CdeskInputError("options", "object", "must be an object");
  for (const key of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(key)) throw new CdeskInputError(key, "unknown-option", "is not an option of acquire");
  }
  const { query, ssh_public_key, cloud_init, cluster_name, rank, cleanup = "on-failure", onEvent } = options;
  if (!isQuery(query)) throw new CdeskInputError("query", "required", "must be a query object or a non-empty YAML string");
  if (typeof ssh_public_key !== "string" || ssh_public_key.trim() === "") {
    throw new CdeskInputError("ssh_public_key", "required", "must be a non-empty string");
  }
  for (const [name, value] of [["cloud_init", cloud_init], ["cluster_name", cluster_name]] as const) {
    if (value !== undefined && value !== null && typeof value !== "string") {
      throw new CdeskInputError(name, "string", "must be a string when given");
    }
  }
  const maxPricePerHour =
    options.maxPricePerHour === undefined ? undefined : positiveNumber("maxPricePerHour", options.maxPricePerHour, 0);
  if (rank !== undefined && typeof rank !== "function") throw new CdeskInputError("rank", "function", "must be a function");
  if (onEvent !== undefined && typeof onEvent !== "function") throw new CdeskInputError("onEvent", "function", "must be a function");
  if (!CLEANUP_POLICIES.includes(cleanup)) {
    throw new CdeskInputError("cleanup", "one-of", `must be "on-failure" or "never", got ${JSON.stringify(cleanup)}`);
  }
  const maxAttempts = positiveNumber("maxAttempts", options.maxAttempts, DEFAULT_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts)) throw new CdeskInputError("maxAttempts", "integer", `must be a whole number, got ${maxAttempts}`);
  const { intervalMs, maxIntervalMs, backoffFactor, maxConsecutiveErrors, signal } = options;
  return {
    query,
    request: { ssh_public_key, ...(cloud_init != null && { cloud_init }), ...(cluster_name != null && { cluster_name }) },
    maxPricePerHour,
    rank: rank ?? byPrice,
    maxAttempts,
    timeoutMs: timerMs("timeoutMs", options.timeoutMs, DEFAULT_ACQUIRE_TIMEOUT_MS),
    readyTimeoutMs: timerMs("readyTimeoutMs", options.readyTimeoutMs, DEFAULT_READY_TIMEOUT_MS),
    cleanup,
    onEvent,
    wait: resolveWaitOptions<OfferStatus>({ intervalMs, maxIntervalMs, backoffFactor, maxConsecutiveErrors, signal }),
  };
}

function isQuery(query: unknown): query is OffersQuery {
  if (typeof query === "string") return query.trim() !== "";
  return typeof query === "object" && query !== null && !Array.isArray(query);
}
