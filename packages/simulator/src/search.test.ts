import { describe, expect, test } from "vitest";
import { defaultInventory } from "./inventory.js";
import { createRandom } from "./random.js";
import { parseSizeGb, search } from "./search.js";

const inventory = defaultInventory(createRandom(1));
const find = (query: Parameters<typeof search>[1]) => search(inventory, query).offers;

describe("search filters", () => {
  test("a family matches every variant; a canonical name only its own; `|` several", () => {
    expect(new Set(find({ compute: { gpu_type: "A100" } }).map((o) => o.gpu_type))).toEqual(
      new Set(["nvidia-a100-sxm4-80gb", "nvidia-a100-pcie-80gb", "nvidia-a100-pcie-40gb"]),
    );
    expect(new Set(find({ compute: { gpu_type: "nvidia-a100-pcie-40gb" } }).map((o) => o.gpu_type))).toEqual(new Set(["nvidia-a100-pcie-40gb"]));
    expect(new Set(find({ compute: { gpu_type: "L4 | L40S" } }).map((o) => o.gpu_family))).toEqual(new Set(["L4", "L40S"]));
  });

  test("vendor, region, gpu_count (default 1), price cap and contract type", () => {
    const offers = find({ vendor: "hyperstack", region: "US", compute: { gpu_type: "H100", gpu_count: 2, max_price_per_gpu_hour: 2, contract_type: "spot" } });
    expect(offers.length).toBeGreaterThan(0);
    for (const o of offers) {
      expect(o).toMatchObject({ vendor: "hyperstack", region: "US", gpu_count: 2, contract_type: "spot" });
      expect(o.gpu_price_per_hour).toBeLessThanOrEqual(2);
    }
    expect(find({ compute: { gpu_type: "H100" } }).every((o) => o.gpu_count === 1)).toBe(true);
  });

  test("results are sorted by price, and the spec's example order holds", () => {
    const offers = find({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" } });
    expect(offers.map((o) => [o.vendor, o.gpu_type, o.total_price_per_hour])).toEqual([
      ["nebius", "nvidia-h100-sxm5-80gb", 2.95],
      ["scaleway", "nvidia-h100-pcie-80gb", 3.4],
    ]);
    const all = find({ compute: { gpu_type: "A100" } }).map((o) => o.total_price_per_hour!);
    expect(all).toEqual([...all].sort((a, b) => a - b));
  });

  test("cluster offers: gpu_count is node_count x gpus_per_node", () => {
    const clusters = find({ compute: { gpu_type: "H100", gpu_count: 32 } });
    expect(clusters.map((o) => [o.deployment_type, o.node_count, o.gpus_per_node])).toEqual([["cluster", 4, 8]]);
  });

  test("min_boot_disk_gb excludes vendors that do not report it; supports_cilium and max_procure_time_seconds filter sites", () => {
    expect(find({ compute: { gpu_type: "A100", min_boot_disk_gb: 1 } }).some((o) => o.vendor === "hyperstack")).toBe(false);
    expect(new Set(find({ network: { supports_cilium: true }, compute: { gpu_type: "H100" } }).map((o) => o.vendor))).toEqual(new Set(["nebius"]));
    expect(new Set(find({ max_procure_time_seconds: 90, compute: { gpu_type: "A100" } }).map((o) => o.vendor))).toEqual(new Set(["vastai"]));
  });

  test("B200 x 8 finds nothing, as the spec's no_match example says", () => {
    expect(search(inventory, { compute: { gpu_type: "B200", gpu_count: 8 } })).toEqual({ offers: [], filtersApplied: { gpu_type: "B200", gpu_count: 8 } });
  });
});

describe("storage", () => {
  test("requested volumes are priced in; a site without that storage does not match", () => {
    const [offer] = find({ region: "EU", compute: { gpu_type: "H100" }, storage: [{ type: "block_disk", size: "500GB", persistent: true }] });
    expect(offer!.storage_details).toEqual([
      expect.objectContaining({ size_gb: 500, type: "block_disk", storage_class: "standard", price_per_gb_month: 0.08, monthly_cost: 40, persistent: true }),
    ]);
    expect(offer!.total_price_per_hour).toBeCloseTo(offer!.gpu_price_per_hour! + 40 / 730, 3);
    expect(find({ compute: { gpu_type: "L4" }, storage: [{ type: "filesystem" }] })).toEqual([]);
  });

  test("sizes take decimal and binary units", () => {
    expect([parseSizeGb("2TB"), parseSizeGb("1.5 TiB"), parseSizeGb("512MB")]).toEqual([2000, 1649.2674, 0.512]);
  });
});
