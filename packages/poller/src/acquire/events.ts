import type { OfferStatus, Procurement } from "../client.js";
import type { SkipReason } from "./candidates.js";
import type { Offer } from "./client.js";
import type { ResourceFate } from "./record.js";

/**
 * What `acquire` reports while it works, in order. `attempt` is the 1-based number of the offer
 * procured (at most `maxAttempts`).
 */
export type AcquireEvent =
  /** A search answered: `offers` came back, `candidates` of them are worth procuring. */
  | { type: "searched"; offers: number; candidates: number }
  /** An offer will not be procured, and why. */
  | { type: "skipped"; offer: Offer; reason: SkipReason }
  /** The procure call for this offer is about to be sent. */
  | { type: "procuring"; offer: Offer; attempt: number }
  /** The offer is bought: the procure answer, or (when that answer was lost) the status that proved it. */
  | { type: "procured"; offer: Offer; attempt: number; procurement: Procurement | undefined; resourceIds: string[] }
  /** A status answer while the offer provisions, or while acquire learns whether a procure went through. */
  | { type: "progress"; offer: Offer; attempt: number; status: OfferStatus }
  /** The attempt failed; `error` says why. Another offer follows unless the acquisition stops. */
  | { type: "failed"; offer: Offer; attempt: number; error: unknown }
  /** Deleting the attempt's resources (`force`) and waiting until they are gone. */
  | { type: "cleaning-up"; offer: Offer; attempt: number; resourceIds: string[] }
  /** Cleanup finished (or ran out of time): every resource with its fate. */
  | { type: "cleaned-up"; offer: Offer; attempt: number; resources: ResourceFate[] }
  /** The offer is ready: `status.instances[].ssh_command` is set. */
  | { type: "ready"; offer: Offer; attempt: number; status: OfferStatus };

/**
 * Calls the user's `onEvent`. A listener that throws (or returns a promise that rejects) stops the
 * acquisition through `stop`, as an abort would: what was procured is still cleaned up and reported.
 * Later events still reach it, but its later failures are ignored, so they cannot replace the first.
 */
export function eventEmitter(
  onEvent: ((event: AcquireEvent) => unknown) | undefined,
  stop: (reason: unknown) => void,
): (event: AcquireEvent) => void {
  if (!onEvent) return () => {};
  let failed = false;
  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    stop(error);
  };
  return (event) => {
    try {
      const returned = onEvent(event);
      if (isThenable(returned)) returned.then(undefined, fail);
    } catch (error) {
      fail(error);
    }
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === "function";
}
