import type { Offer } from "@cdesk/types";
import { GPU_MODELS, SITES, type VendorSite } from "./catalog-data.js";
import { schemas } from "./generated/operations.js";
import type { Random } from "./random.js";
import { validate } from "./validate.js";

/** An offer as the inventory holds it: everything but the id and times each search gives it. */
export type OfferTemplate = Omit<Offer, "offer_id" | "created_at" | "expires_at">;

/** A storage product a vendor sells in one of its regions. */
export interface StorageProduct {
  vendor: string;
  vendor_region: string;
  region: string;
  type: string;
  storage_class: string;
  vendor_class: string;
  price_per_gb_month: number;
}

/** What a search can match: the offer and the facts filters read that the offer does not show. */
export interface Listing {
  template: OfferTemplate;
  supportsCilium: boolean;
  procureSeconds: number;
}

export interface Inventory {
  listings: Listing[];
  storage: StorageProduct[];
}

const SET_BY_SEARCH = ["offer_id", "created_at", "expires_at"];
const SPOT_FACTOR = 0.55;
const CLUSTER_FACTOR = 1.05;
const CLUSTER_INFINIBAND_GBPS = 3200;

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The default inventory: every site's GPUs in single-machine shapes, spot and cluster offers, seeded prices. */
export function defaultInventory(random: Random): Inventory {
  const listings: Listing[] = [];
  for (const site of SITES) {
    for (const [gpuType, basePrice] of Object.entries(site.gpus)) {
      const jitter = site.anchors?.includes(gpuType) ? 1 : 1 + (random.next() - 0.5) * 0.1;
      const price = round2(basePrice * jitter);
      const counts = gpuType.includes("pcie") ? [1, 2, 4] : [1, 2, 4, 8];
      for (const count of counts) {
        listings.push(single(site, gpuType, count, price, "ondemand"));
        if (site.spot) listings.push(single(site, gpuType, count, round2(price * SPOT_FACTOR), "spot"));
      }
      if (gpuType.includes("sxm")) {
        for (const nodes of site.clusterNodes ?? []) listings.push(cluster(site, gpuType, nodes, round2(price * CLUSTER_FACTOR)));
      }
    }
  }
  const storage = SITES.flatMap((site) =>
    site.storage.map((s) => ({
      vendor: site.vendor,
      vendor_region: site.vendorRegion,
      region: site.region,
      type: s.type,
      storage_class: s.storageClass,
      vendor_class: s.vendorClass,
      price_per_gb_month: s.pricePerGbMonth,
    })),
  );
  return { listings, storage };
}

/**
 * An inventory of the caller's own offers; storage and capabilities are unknown, so none. Each
 * offer is checked against the spec's GetOffersSummary (without the fields each search sets), so a
 * typo fails here, naming the field, rather than as a non-conforming answer later.
 */
export function customInventory(offers: readonly OfferTemplate[]): Inventory {
  if (!Array.isArray(offers)) throw new TypeError("createSimulator: offers must be an array of offers");
  const summary = schemas.GetOffersSummary!;
  const template = { ...summary, required: summary.required?.filter((name) => !SET_BY_SEARCH.includes(name)) };
  offers.forEach((offer, i) => {
    const checked = validate(template, offer, ["offers", i]);
    if (!checked.ok) {
      const [issue] = checked.issues;
      throw new TypeError(`createSimulator: ${issue!.loc.join(".").replace(/\.(\d+)/g, "[$1]")}: ${issue!.msg}`);
    }
  });
  return {
    listings: offers.map((offer) => ({ template: structuredClone(offer), supportsCilium: false, procureSeconds: 60 })),
    storage: [],
  };
}

function base(site: VendorSite, gpuType: string, gpuCount: number, price: number, contract: string): OfferTemplate {
  const model = GPU_MODELS[gpuType]!;
  return {
    gpu_type: gpuType,
    gpu_family: model.family,
    gpu_count: gpuCount,
    vendor: site.vendor,
    region: site.region,
    gpu_price_per_hour: price,
    boot_disk_in_gb: site.bootDiskGb,
    vendor_region: site.vendorRegion,
    contract_type: contract,
    type: site.type,
    vcpu_count: model.vcpuPerGpu * gpuCount,
    memory_in_gb: model.memoryPerGpu * gpuCount,
    storage_details: [],
    storage_price_per_hour: 0,
    total_price_per_hour: round2(price * gpuCount),
    deployment_type: "single",
    node_count: 1,
    gpus_per_node: gpuCount,
    infiniband_bandwidth_gbps: null,
    cluster_storage_gb: null,
  };
}

function single(site: VendorSite, gpuType: string, count: number, price: number, contract: string): Listing {
  return { template: base(site, gpuType, count, price, contract), supportsCilium: site.supportsCilium, procureSeconds: site.procureSeconds };
}

function cluster(site: VendorSite, gpuType: string, nodes: number, price: number): Listing {
  const perNode = 8;
  const template = base(site, gpuType, nodes * perNode, price, "ondemand");
  Object.assign(template, {
    deployment_type: "cluster",
    node_count: nodes,
    gpus_per_node: perNode,
    infiniband_bandwidth_gbps: CLUSTER_INFINIBAND_GBPS,
    cluster_storage_gb: nodes * 5000,
  });
  return { template, supportsCilium: site.supportsCilium, procureSeconds: site.procureSeconds * 2 };
}

/** GET /available_gpus: family -> canonical names, as the inventory sells them. */
export function availableGpus(inventory: Inventory): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { template } of inventory.listings) {
    const variants = (out[template.gpu_family] ??= []);
    if (!variants.includes(template.gpu_type)) variants.push(template.gpu_type);
  }
  return out;
}

/** The distinct values of one field over the inventory, in first-seen order. */
export function distinct(inventory: Inventory, field: "vendor" | "region" | "contract_type"): string[] {
  const seen: string[] = [];
  for (const { template } of inventory.listings) {
    const value = template[field];
    if (typeof value === "string" && !seen.includes(value)) seen.push(value);
  }
  return seen;
}
