// The default inventory's raw facts: which vendor sells which GPU where, at what base price.
// Consistent with the spec's examples: /available_gpus lists these families and variants, the
// cheapest on-demand H100 in the EU is nebius' at 2.95 USD, then scaleway's at 3.40, and no vendor
// sells eight B200s.

export interface GpuModel {
  family: string;
  vcpuPerGpu: number;
  memoryPerGpu: number;
}

export const GPU_MODELS: Record<string, GpuModel> = {
  "nvidia-h100-sxm5-80gb": { family: "H100", vcpuPerGpu: 16, memoryPerGpu: 200 },
  "nvidia-h100-pcie-80gb": { family: "H100", vcpuPerGpu: 24, memoryPerGpu: 240 },
  "nvidia-h200-sxm5-141gb": { family: "H200", vcpuPerGpu: 16, memoryPerGpu: 200 },
  "nvidia-a100-sxm4-80gb": { family: "A100", vcpuPerGpu: 12, memoryPerGpu: 120 },
  "nvidia-a100-pcie-80gb": { family: "A100", vcpuPerGpu: 12, memoryPerGpu: 110 },
  "nvidia-a100-pcie-40gb": { family: "A100", vcpuPerGpu: 8, memoryPerGpu: 60 },
  "nvidia-l40s-pcie-48gb": { family: "L40S", vcpuPerGpu: 8, memoryPerGpu: 64 },
  "nvidia-l4-pcie-24gb": { family: "L4", vcpuPerGpu: 4, memoryPerGpu: 32 },
};

export interface VendorSite {
  vendor: string;
  vendorRegion: string;
  region: string;
  type: "vm" | "container";
  bootDiskGb: number | null;
  supportsCilium: boolean;
  procureSeconds: number;
  /** Canonical GPU name -> on-demand USD per GPU hour. `anchor` prices are the spec examples' and never vary. */
  gpus: Record<string, number>;
  anchors?: string[];
  spot?: boolean;
  /** Cluster shapes (node count) offered for SXM GPUs here, 8 GPUs per node. */
  clusterNodes?: number[];
  storage: { type: string; storageClass: string; vendorClass: string; pricePerGbMonth: number }[];
}

export const SITES: VendorSite[] = [
  {
    vendor: "nebius",
    vendorRegion: "eu-north1",
    region: "EU",
    type: "vm",
    bootDiskGb: 200,
    supportsCilium: true,
    procureSeconds: 120,
    gpus: { "nvidia-h100-sxm5-80gb": 2.95, "nvidia-h200-sxm5-141gb": 3.5, "nvidia-l40s-pcie-48gb": 1.45 },
    anchors: ["nvidia-h100-sxm5-80gb"],
    spot: true,
    clusterNodes: [2, 4],
    storage: [
      { type: "block_disk", storageClass: "standard", vendorClass: "network_ssd", pricePerGbMonth: 0.08 },
      { type: "filesystem", storageClass: "premium", vendorClass: "shared_fs", pricePerGbMonth: 0.2 },
    ],
  },
  {
    vendor: "nebius",
    vendorRegion: "us-central1",
    region: "US",
    type: "vm",
    bootDiskGb: 200,
    supportsCilium: true,
    procureSeconds: 150,
    gpus: { "nvidia-h100-sxm5-80gb": 3.1, "nvidia-h200-sxm5-141gb": 3.7 },
    clusterNodes: [2],
    storage: [{ type: "block_disk", storageClass: "standard", vendorClass: "network_ssd", pricePerGbMonth: 0.08 }],
  },
  {
    vendor: "scaleway",
    vendorRegion: "fr-par-2",
    region: "EU",
    type: "vm",
    bootDiskGb: 100,
    supportsCilium: false,
    procureSeconds: 180,
    gpus: { "nvidia-h100-pcie-80gb": 3.4, "nvidia-l40s-pcie-48gb": 1.4, "nvidia-l4-pcie-24gb": 0.75 },
    anchors: ["nvidia-h100-pcie-80gb"],
    storage: [
      { type: "block_disk", storageClass: "standard", vendorClass: "b_ssd", pricePerGbMonth: 0.08 },
      { type: "block_disk", storageClass: "performance", vendorClass: "sbs_15k", pricePerGbMonth: 0.12 },
    ],
  },
  {
    vendor: "scaleway",
    vendorRegion: "nl-ams-1",
    region: "EU",
    type: "vm",
    bootDiskGb: 100,
    supportsCilium: false,
    procureSeconds: 180,
    gpus: { "nvidia-l4-pcie-24gb": 0.8 },
    storage: [{ type: "block_disk", storageClass: "standard", vendorClass: "b_ssd", pricePerGbMonth: 0.08 }],
  },
  {
    vendor: "hyperstack",
    vendorRegion: "NORWAY-1",
    region: "EU",
    type: "vm",
    bootDiskGb: null,
    supportsCilium: false,
    procureSeconds: 300,
    gpus: { "nvidia-a100-sxm4-80gb": 1.6, "nvidia-a100-pcie-80gb": 1.35, "nvidia-l40s-pcie-48gb": 1.1 },
    spot: true,
    storage: [{ type: "block_disk", storageClass: "economy", vendorClass: "hdd", pricePerGbMonth: 0.04 }],
  },
  {
    vendor: "hyperstack",
    vendorRegion: "CANADA-1",
    region: "US",
    type: "vm",
    bootDiskGb: null,
    supportsCilium: false,
    procureSeconds: 300,
    gpus: { "nvidia-h100-sxm5-80gb": 2.4, "nvidia-h100-pcie-80gb": 1.9, "nvidia-a100-pcie-80gb": 1.35 },
    spot: true,
    clusterNodes: [2],
    storage: [{ type: "block_disk", storageClass: "standard", vendorClass: "ssd", pricePerGbMonth: 0.07 }],
  },
  {
    vendor: "vastai",
    vendorRegion: "ap-southeast-1",
    region: "APAC",
    type: "container",
    bootDiskGb: 50,
    supportsCilium: false,
    procureSeconds: 60,
    gpus: { "nvidia-a100-pcie-40gb": 1.05, "nvidia-l4-pcie-24gb": 0.45, "nvidia-h100-pcie-80gb": 2.2 },
    spot: true,
    storage: [],
  },
  {
    vendor: "vastai",
    vendorRegion: "sa-east-1",
    region: "Other",
    type: "container",
    bootDiskGb: 50,
    supportsCilium: false,
    procureSeconds: 60,
    gpus: { "nvidia-a100-pcie-40gb": 0.95, "nvidia-l40s-pcie-48gb": 0.9 },
    storage: [],
  },
];
