import type { Offer } from "./client.js";
import type { OfferStatus, Procurement } from "../client.js";

/**
 * What became of one resource an attempt created: `deleted` (confirmed gone), `deleting` (the delete
 * was accepted but not yet confirmed when acquire returned), or `kept` (still there and billed: the
 * result's own machines, `cleanup: "never"`, or a delete that failed; see `cleanupError`).
 */
export interface ResourceFate {
  resourceId: string;
  fate: "deleted" | "deleting" | "kept";
  /** Why the delete or the wait for it failed, when it did. */
  cleanupError?: unknown;
}

/**
 * How an attempt ended. `ready`: the result. `failed`: it failed in a way another offer may avoid
 * (410, 409, a `failed` procure answer or provisioning, `readyTimeoutMs`). `stopped`: the acquisition
 * ended during it (abort, `timeoutMs`, a failure no offer fixes). `outcome-unknown`: whether the offer
 * was bought could not be learned in time; check `cdesk.offers.status(offer.offer_id)`.
 */
export type AttemptOutcome = "ready" | "failed" | "stopped" | "outcome-unknown";

/** One offer acquire procured (or tried to), and everything it left behind. */
export interface AcquireAttempt {
  offer: Offer;
  outcome: AttemptOutcome;
  /** Why it did not end `ready`. */
  error: unknown;
  /** The procure answer; `undefined` when none arrived (the purchase may still be confirmed by `status`). */
  procurement: Procurement | undefined;
  /** The last offer status seen. */
  status: OfferStatus | undefined;
  /** Every resource the attempt is known to have created, with its fate. */
  resources: ResourceFate[];
}
