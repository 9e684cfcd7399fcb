import type { OffersQuery } from "@cdesk/types";
import type { Inventory, Listing, OfferTemplate, StorageProduct } from "./inventory.js";

const HOURS_PER_MONTH = 730;
const DEFAULT_VOLUME_GB = 100;
const UNIT_GB: Record<string, number> = { k: 1e-6, m: 1e-3, g: 1, t: 1e3, p: 1e6 };
const UNIT_GIB: Record<string, number> = { k: 2 ** 10 / 1e9, m: 2 ** 20 / 1e9, g: 2 ** 30 / 1e9, t: 2 ** 40 / 1e9, p: 2 ** 50 / 1e9 };

export interface SearchResult {
  offers: OfferTemplate[];
  filtersApplied: Record<string, unknown>;
}

/**
 * The offers that meet every requirement of a (validated) query, cheapest first, with the
 * requested storage priced in; a site without the storage asked for does not match.
 */
export function search(inventory: Inventory, query: OffersQuery): SearchResult {
  const compute = query.compute;
  const wantedGpus = compute?.gpu_type.split("|").map((s) => s.trim().toLowerCase()).filter(Boolean);
  const offers: OfferTemplate[] = [];
  for (const listing of inventory.listings) {
    const t = listing.template;
    if (query.vendor !== undefined && t.vendor.toLowerCase() !== query.vendor.toLowerCase()) continue;
    if (query.region !== undefined && t.region.toLowerCase() !== query.region.toLowerCase()) continue;
    if (query.max_procure_time_seconds !== undefined && listing.procureSeconds > query.max_procure_time_seconds) continue;
    if (query.network?.supports_cilium === true && !listing.supportsCilium) continue;
    if (compute && !computeMatches(listing, compute, wantedGpus!)) continue;
    const withStorage = priceStorage(listing, query.storage ?? [], inventory.storage);
    if (withStorage) offers.push(withStorage);
  }
  offers.sort((a, b) => (a.total_price_per_hour ?? Infinity) - (b.total_price_per_hour ?? Infinity));
  return { offers, filtersApplied: filtersApplied(query) };
}

function computeMatches(listing: Listing, compute: NonNullable<OffersQuery["compute"]>, wantedGpus: string[]): boolean {
  const t = listing.template;
  if (!wantedGpus.includes(t.gpu_family.toLowerCase()) && !wantedGpus.includes(t.gpu_type.toLowerCase())) return false;
  if (t.gpu_count !== (compute.gpu_count ?? 1)) return false;
  if (compute.type !== undefined && (t.type ?? "vm") !== compute.type) return false;
  if (compute.max_price_per_gpu_hour !== undefined && !((t.gpu_price_per_hour ?? Infinity) <= compute.max_price_per_gpu_hour)) return false;
  if (compute.contract_type !== undefined && t.contract_type !== compute.contract_type) return false;
  if (compute.min_boot_disk_gb !== undefined && !(t.boot_disk_in_gb != null && t.boot_disk_in_gb >= compute.min_boot_disk_gb)) return false;
  return true;
}

function priceStorage(listing: Listing, volumes: NonNullable<OffersQuery["storage"]>, products: StorageProduct[]): OfferTemplate | undefined {
  const t = listing.template;
  if (volumes.length === 0) return structuredClone(t);
  const details = [];
  for (const [i, volume] of volumes.entries()) {
    const storageClass = volume.class ?? "standard";
    const product = products.find(
      (p) => p.vendor === t.vendor && p.vendor_region === t.vendor_region && p.type === volume.type && p.storage_class === storageClass,
    );
    if (!product) return undefined;
    const sizeGb = volume.size === undefined ? DEFAULT_VOLUME_GB : parseSizeGb(volume.size);
    const monthly = round4(sizeGb * product.price_per_gb_month);
    details.push({
      name: `volume-${i + 1}`,
      size_gb: sizeGb,
      type: product.type,
      storage_class: product.storage_class,
      vendor_class: product.vendor_class,
      vendor_region: product.vendor_region,
      price_per_gb_month: product.price_per_gb_month,
      monthly_cost: monthly,
      hourly_cost: round4(monthly / HOURS_PER_MONTH),
      persistent: volume.persistent ?? false,
    });
  }
  const storageHourly = round4(details.reduce((sum, d) => sum + d.hourly_cost, 0));
  return {
    ...structuredClone(t),
    storage_details: details,
    storage_price_per_hour: storageHourly,
    total_price_per_hour: round4((t.gpu_price_per_hour ?? 0) * t.gpu_count + storageHourly),
  };
}

/** "500GB", "2TB", "1.5 TiB" -> gigabytes (the pattern was checked by validation). */
export function parseSizeGb(size: string): number {
  const m = /^([0-9]+(?:\.[0-9]+)?) ?([KMGTPkmgtp])([Ii]?)[Bb]$/.exec(size)!;
  const table = m[3] ? UNIT_GIB : UNIT_GB;
  return round4(Number(m[1]) * table[m[2]!.toLowerCase()]!);
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

function filtersApplied(query: OffersQuery): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (query.vendor !== undefined) out.vendor = query.vendor;
  if (query.region !== undefined) out.region = query.region;
  if (query.max_procure_time_seconds !== undefined) out.max_procure_time_seconds = query.max_procure_time_seconds;
  if (query.compute) {
    out.gpu_type = query.compute.gpu_type;
    out.gpu_count = query.compute.gpu_count ?? 1;
    for (const key of ["type", "max_price_per_gpu_hour", "contract_type", "min_boot_disk_gb"] as const) {
      if (query.compute[key] !== undefined) out[key] = query.compute[key];
    }
  }
  if (query.network?.supports_cilium !== undefined) out.supports_cilium = query.network.supports_cilium;
  if (query.storage?.length) out.storage = query.storage;
  return out;
}
