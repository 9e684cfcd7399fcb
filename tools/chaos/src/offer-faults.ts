/**
 * Which offers the simulator makes fail, in acquire mode: a pure function of the seed and the
 * offer id, so a run replays from its seed. Each failure kind gets its own share of offers.
 */
import type { OfferFailure } from "@cdesk/simulator";
import { drawsFor } from "./fault-plan.js";

export interface OfferFaultShares {
  /** Instances boot, then provisioning fails (the VMs stay `failed` until deleted). */
  provisioning: number;
  /** Accepted, then capacity runs out (the vendor releases what it created). */
  capacity: number;
  /** The procure call answers `failed`. */
  procure: number;
}

/** One offer in ten fails, as the three kinds the simulator knows. */
export const DEFAULT_OFFER_FAULT_SHARES: OfferFaultShares = { provisioning: 0.05, capacity: 0.03, procure: 0.02 };

/** The failure an offer gets, or `undefined` for an offer that provisions well. */
export function offerFailureFor(seed: number, offerId: string, shares: OfferFaultShares = DEFAULT_OFFER_FAULT_SHARES): OfferFailure | undefined {
  let draw = drawsFor(`${seed}\u0000${offerId}`)();
  for (const kind of ["provisioning", "capacity", "procure"] as const) {
    if (draw < shares[kind]) return kind;
    draw -= shares[kind];
  }
  return undefined;
}
