import { describe, expect, it } from "vitest";
import { renderGpus, renderListing } from "./catalog.js";

it("renders GPU families with their variants", () => {
  expect(renderGpus({ H100: ["nvidia-h100-sxm5-80gb", "nvidia-h100-pcie-80gb"], L40S: ["nvidia-l40s-pcie-48gb"] })).toBe(
    ["FAMILY  VARIANTS", "H100    nvidia-h100-sxm5-80gb, nvidia-h100-pcie-80gb", "L40S    nvidia-l40s-pcie-48gb"].join("\n"),
  );
});

describe("renderListing", () => {
  it("prints a list of names one per line", () => {
    expect(renderListing(["nebius", "hyperstack"])).toBe("nebius\nhyperstack");
  });

  it("prints a list of records as a table with every key as a column", () => {
    expect(
      renderListing([
        { vendor: "nebius", price_per_gb_month: 0.08 },
        { vendor: "nebius", type: "filesystem" },
      ]).split("\n"),
    ).toEqual(["VENDOR  PRICE PER GB MONTH  TYPE", "nebius  0.08                -", "nebius  -                   filesystem"]);
  });

  it("prints an object as key: value lines", () => {
    expect(renderListing({ ondemand: "On demand", spot: { discount: 0.6 } })).toBe(
      'ondemand:  On demand\nspot:      {"discount":0.6}',
    );
  });
});
