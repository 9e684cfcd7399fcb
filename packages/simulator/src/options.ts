import type { Offer } from "@cdesk/types";
import type { OfferTemplate } from "./inventory.js";

/** Options of {@link createSimulator}. */
export interface SimulatorOptions {
  /**
   * Seeds every random choice (offer and resource ids, prices of the generated inventory, IP
   * addresses, request ids): the same seed and the same requests give the same answers.
   * @default 1
   * @example createSimulator({ seed: 7 })
   */
  seed?: number;
  /**
   * "real" follows the wall clock; "manual" stands still until `sim.advance(ms)`, so tests never
   * wait for provisioning, deletion or offer expiry.
   * @default "real"
   * @example createSimulator({ clock: "manual" })
   */
  clock?: "real" | "manual";
  /**
   * How long provisioning takes, from procurement to `ready`: the first quarter is
   * `provisioning_started`, the rest `provisioning_in_progress`. Short by default, so a demo is quick.
   * @default 3000
   * @example createSimulator({ provisioningMs: 90_000 }) // as slow as a real vendor
   */
  provisioningMs?: number;
  /**
   * How long a deletion takes, from `deleting` to `deleted`.
   * @default 2000
   * @example createSimulator({ deletionMs: 0 })
   */
  deletionMs?: number;
  /**
   * Your own inventory, instead of the generated one: each search gives every matching entry a
   * fresh `offer_id`, `created_at` and `expires_at`.
   * @default a seeded inventory of nebius, scaleway, hyperstack and vastai offers: H100, H200, A100, L40S and L4 in US, EU, APAC and Other, on-demand and spot, single machines and 8-GPU-node clusters
   * @example createSimulator({ offers: [{ gpu_type: "nvidia-h100-sxm5-80gb", gpu_family: "H100", gpu_count: 1, vendor: "nebius", region: "EU", gpu_price_per_hour: 2.95, total_price_per_hour: 2.95 }] })
   */
  offers?: readonly OfferTemplate[];
  /**
   * The only bearer token accepted; others get 401. Without it any non-empty token passes, as
   * FastAPI's HTTPBearer does before the service checks it.
   * @default undefined (any non-empty token)
   * @example createSimulator({ token: "test-token" })
   */
  token?: string;
}

/** The offer fault modes of `sim.failOffer()`. */
export type OfferFailure =
  /** `POST /procure_offer` answers `status: "failed"` with an `error`; nothing is created. */
  | "procure"
  /** Procurement is accepted, then fails while the vendor accepts it (capacity exhausted); its resources are released (deleted). */
  | "capacity"
  /** Instances boot, then provisioning fails; its VMs are left in status `failed` until deleted. */
  | "provisioning";

/** An offer id, or a predicate over the offer (checked when it is procured). */
export type OfferSelector = string | ((offer: Offer) => boolean);

export interface ResolvedOptions {
  seed: number;
  clock: "real" | "manual";
  provisioningMs: number;
  deletionMs: number;
  offers: readonly OfferTemplate[] | undefined;
  token: string | undefined;
}

export function resolveOptions(options: SimulatorOptions = {}): ResolvedOptions {
  const duration = (name: string, value: number | undefined, fallback: number): number => {
    const ms = value ?? fallback;
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`createSimulator: ${name} must be a finite number >= 0, got ${value}`);
    return ms;
  };
  if (options.seed !== undefined && !Number.isInteger(options.seed)) {
    throw new TypeError(`createSimulator: seed must be an integer, got ${String(options.seed)}`);
  }
  if (options.clock !== undefined && options.clock !== "real" && options.clock !== "manual") {
    throw new TypeError(`createSimulator: clock must be "real" or "manual", got ${JSON.stringify(options.clock)}`);
  }
  if (options.token !== undefined && (typeof options.token !== "string" || options.token === "")) {
    throw new TypeError("createSimulator: token must be a non-empty string");
  }
  return {
    seed: options.seed ?? 1,
    clock: options.clock ?? "real",
    provisioningMs: duration("provisioningMs", options.provisioningMs, 3000),
    deletionMs: duration("deletionMs", options.deletionMs, 2000),
    offers: options.offers,
    token: options.token,
  };
}
