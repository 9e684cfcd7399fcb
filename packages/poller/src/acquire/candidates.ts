import type { Offer } from "./client.js";

/**
 * An offer with less time than this before it expires is skipped: the procure call has to reach the
 * server before the offer expires, and the client may spend a while on it (a 429 answered with
 * `Retry-After`, a refused connection retried with backoff). One minute covers both, and a clock
 * that differs from the server's by a few seconds.
 */
export const EXPIRY_MARGIN_MS = 60_000;

/** Offers expire 30 minutes after `created_at` (the docs); used when `expires_at` is missing. */
const OFFER_LIFETIME_MS = 30 * 60_000;

/** Why an offer is not procured. */
export type SkipReason = "over-price" | "no-price" | "expiring" | "already-tried";

export interface Selection {
  /** Offers worth procuring, best first. */
  candidates: Offer[];
  skipped: { offer: Offer; reason: SkipReason }[];
}

export interface SelectionRules {
  maxPricePerHour: number | undefined;
  rank: (a: Offer, b: Offer) => number;
  /** Offer ids procured already in this acquisition. */
  tried: ReadonlySet<string>;
  nowMs: number;
}

/**
 * The total hourly price in USD: `total_price_per_hour`, else the GPUs' price times their count plus
 * the storage's. `undefined` when the offer states neither.
 */
export function pricePerHour(offer: Offer): number | undefined {
  if (isPrice(offer.total_price_per_hour)) return offer.total_price_per_hour;
  if (!isPrice(offer.gpu_price_per_hour)) return undefined;
  const storage = isPrice(offer.storage_price_per_hour) ? offer.storage_price_per_hour : 0;
  return offer.gpu_price_per_hour * offer.gpu_count + storage;
}

/** Cheapest total price first; offers without a price last. `Array.prototype.sort` is stable, so ties keep the server's order. */
export function byPrice(a: Offer, b: Offer): number {
  return (pricePerHour(a) ?? Number.POSITIVE_INFINITY) - (pricePerHour(b) ?? Number.POSITIVE_INFINITY) || 0;
}

/** When the offer expires, in ms since the epoch: `expires_at`, else `created_at` + 30 min; `undefined` if neither reads as a time. */
export function expiresAtMs(offer: Offer): number | undefined {
  const expires = timestampMs(offer.expires_at);
  if (expires !== undefined) return expires;
  const created = timestampMs(offer.created_at);
  return created === undefined ? undefined : created + OFFER_LIFETIME_MS;
}

/** True when too little time is left to procure the offer (an offer of unknown expiry gets its chance: a 410 then says so). */
export function isExpiring(offer: Offer, nowMs: number): boolean {
  const expires = expiresAtMs(offer);
  return expires !== undefined && expires - nowMs < EXPIRY_MARGIN_MS;
}

/** Splits a search answer into candidates, ranked, and skipped offers with the reason. Pure. */
export function selectCandidates(offers: readonly Offer[], rules: SelectionRules): Selection {
  const skipped: Selection["skipped"] = [];
  const eligible: Offer[] = [];
  const seen = new Set<string>();
  for (const offer of offers) {
    if (seen.has(offer.offer_id)) continue;
    seen.add(offer.offer_id);
    const reason = skipReason(offer, rules);
    if (reason) skipped.push({ offer, reason });
    else eligible.push(offer);
  }
  return { candidates: eligible.sort(rules.rank), skipped };
}

function skipReason(offer: Offer, rules: SelectionRules): SkipReason | undefined {
  if (rules.tried.has(offer.offer_id)) return "already-tried";
  if (rules.maxPricePerHour !== undefined) {
    const price = pricePerHour(offer);
    // A cap is a promise: an offer whose price cannot be checked against it is never procured.
    if (price === undefined) return "no-price";
    if (price > rules.maxPricePerHour) return "over-price";
  }
  if (isExpiring(offer, rules.nowMs)) return "expiring";
  return undefined;
}

function isPrice(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}

/**
 * A timestamp in ms since the epoch. One without an offset (`2026-12-01T22:07:03.538090`, as a
 * FastAPI service writes `datetime.utcnow()`) is UTC, not local time.
 */
function timestampMs(text: string | null | undefined): number | undefined {
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const hasOffset = /(z|[+-]\d\d:?\d\d)$/i.test(text.trim());
  const withTime = /\d\d:\d\d/.test(text);
  const ms = Date.parse(hasOffset || !withTime ? text : `${text.trim()}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
