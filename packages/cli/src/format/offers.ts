import { usd } from "./money.js";
import { renderDetails, renderTable } from "./table.js";
import { timeLeft } from "./time.js";

/** The fields of an offer (from `offers` or `offer <id>`) the tables show. */
export interface OfferFields {
  offer_id: string;
  gpu_type: string;
  gpu_count: number;
  vendor: string;
  region: string;
  vendor_region?: string | null;
  contract_type?: string | null;
  gpu_price_per_hour?: number | null;
  storage_price_per_hour?: number | null;
  total_price_per_hour?: number | null;
  vcpu_count?: number | null;
  memory_in_gb?: number | null;
  expires_at?: string | null;
}

/**
 * What the offer costs per hour in total. The server's `total_price_per_hour` when it sent one;
 * otherwise the documented formula, GPU price times GPU count, plus any included storage.
 */
export function hourlyTotal(offer: OfferFields): number | null {
  if (typeof offer.total_price_per_hour === "number") return offer.total_price_per_hour;
  if (typeof offer.gpu_price_per_hour !== "number") return null;
  return offer.gpu_price_per_hour * offer.gpu_count + (offer.storage_price_per_hour ?? 0);
}

/** Cheapest first by total hourly cost; offers without a price go last. Does not change its input. */
export function sortByHourlyTotal<T extends OfferFields>(offers: readonly T[]): T[] {
  const key = (offer: T) => hourlyTotal(offer) ?? Number.POSITIVE_INFINITY;
  return [...offers].sort((a, b) => key(a) - key(b));
}

/** The `offers` table: one row per offer, cheapest first, with the time left before each expires. */
export function renderOffersTable(offers: readonly OfferFields[], now: Date): string {
  const rows = sortByHourlyTotal(offers).map((offer) => [
    offer.offer_id,
    `${offer.gpu_count}x ${offer.gpu_type}`,
    offer.vendor,
    where(offer),
    offer.contract_type ?? "-",
    usd(offer.gpu_price_per_hour),
    usd(hourlyTotal(offer)),
    timeLeft(offer.expires_at, now),
  ]);
  return renderTable(
    [
      { header: "OFFER ID" },
      { header: "GPUS" },
      { header: "VENDOR" },
      { header: "REGION" },
      { header: "CONTRACT" },
      { header: "PER GPU/H", align: "right" },
      { header: "TOTAL/H", align: "right" },
      { header: "EXPIRES IN", align: "right" },
    ],
    rows,
  );
}

/** The `offer <id>` view: every field a buyer weighs, one per line. */
export function renderOfferDetails(
  offer: OfferFields & { status?: string | null; procured_at?: string | null },
  now: Date,
): string {
  return renderDetails([
    ["Offer", offer.offer_id],
    ["Status", offer.status],
    ["GPUs", `${offer.gpu_count}x ${offer.gpu_type}`],
    ["Vendor", offer.vendor],
    ["Region", where(offer)],
    ["Contract", offer.contract_type],
    ["vCPUs", offer.vcpu_count],
    ["Memory", typeof offer.memory_in_gb === "number" ? `${offer.memory_in_gb} GB` : null],
    ["Price per GPU", perHour(offer.gpu_price_per_hour)],
    ["Total price", perHour(hourlyTotal(offer))],
    ["Expires in", timeLeft(offer.expires_at, now)],
    ["Procured at", offer.procured_at],
  ]);
}

function where(offer: OfferFields): string {
  return offer.vendor_region ? `${offer.region} (${offer.vendor_region})` : offer.region;
}

function perHour(amount: number | null | undefined): string | null {
  return typeof amount === "number" ? `${usd(amount)}/hour` : null;
}
