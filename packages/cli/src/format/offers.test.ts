import { describe, expect, it } from "vitest";
import { hourlyTotal, renderOfferDetails, renderOffersTable, sortByHourlyTotal, type OfferFields } from "./offers.js";

const now = new Date("2026-11-29T10:10:00Z");

const nebius: OfferFields = {
  offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11",
  gpu_type: "nvidia-h100-sxm5-80gb",
  gpu_count: 1,
  vendor: "nebius",
  region: "EU",
  vendor_region: "eu-north1",
  contract_type: "ondemand",
  gpu_price_per_hour: 2.95,
  total_price_per_hour: 2.95,
  expires_at: "2026-11-29T10:30:00Z",
};

const eightA100: OfferFields = {
  offer_id: "8a2d4e6f-1c3b-4a5d-9e7f-0b1c2d3e4f52",
  gpu_type: "nvidia-a100-sxm4-80gb",
  gpu_count: 8,
  vendor: "hyperstack",
  region: "US",
  gpu_price_per_hour: 1.5,
  storage_price_per_hour: 0.05,
  expires_at: "2026-11-29T10:05:00Z",
};

describe("hourlyTotal", () => {
  it("uses the server's total when it sent one", () => {
    expect(hourlyTotal(nebius)).toBe(2.95);
  });

  it("otherwise multiplies the GPU price by the GPU count and adds storage", () => {
    expect(hourlyTotal(eightA100)).toBeCloseTo(12.05);
  });

  it("is null when there is no price at all", () => {
    expect(hourlyTotal({ ...eightA100, gpu_price_per_hour: null })).toBeNull();
  });
});

it("sorts by total hourly cost, not by price per GPU, and puts unpriced offers last", () => {
  const unpriced = { ...nebius, offer_id: "unpriced", total_price_per_hour: null, gpu_price_per_hour: null };
  expect(sortByHourlyTotal([unpriced, eightA100, nebius]).map((o) => o.offer_id)).toEqual([
    nebius.offer_id,
    eightA100.offer_id,
    "unpriced",
  ]);
});

it("renders the offers table cheapest first with the time left", () => {
  expect(renderOffersTable([eightA100, nebius], now).split("\n")).toEqual([
    "OFFER ID                              GPUS                      VENDOR      REGION          CONTRACT  PER GPU/H  TOTAL/H  EXPIRES IN",
    "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11  1x nvidia-h100-sxm5-80gb  nebius      EU (eu-north1)  ondemand      $2.95    $2.95     20m 00s",
    "8a2d4e6f-1c3b-4a5d-9e7f-0b1c2d3e4f52  8x nvidia-a100-sxm4-80gb  hyperstack  US              -             $1.50   $12.05     expired",
  ]);
});

it("renders one offer's details", () => {
  const details = renderOfferDetails({ ...nebius, status: "available", vcpu_count: 16, memory_in_gb: 200 }, now);
  expect(details).toContain("Status:         available");
  expect(details).toContain("Memory:         200 GB");
  expect(details).toContain("Total price:    $2.95/hour");
  expect(details).toContain("Expires in:     20m 00s");
  expect(details).toContain("Procured at:    -");
});
