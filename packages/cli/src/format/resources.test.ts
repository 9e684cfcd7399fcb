import { expect, it } from "vitest";
import { renderResourceDetails, renderResourcesTable, type ResourceFields } from "./resources.js";

const vm: ResourceFields = {
  resource_id: "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24",
  resource_type: "vm",
  vendor: "nebius",
  vendor_region: "eu-north1",
  status: "running",
  name: "h100-eu-1",
  status_message: "Instance is running",
  access: { external_ip: "203.0.113.10", internal_ip: "10.0.0.12", ssh_command: "ssh root@203.0.113.10" },
  offer_history: [{ offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11" }],
  pricing_total_hourly: 2.95,
};

it("lists resources with their price and ssh command", () => {
  expect(renderResourcesTable([vm]).split("\n")).toEqual([
    "RESOURCE ID                           TYPE  NAME       VENDOR              STATUS   PRICE/H  SSH",
    "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24  vm    h100-eu-1  nebius (eu-north1)  running    $2.95  ssh root@203.0.113.10",
  ]);
});

it("shows a deleted resource without access details", () => {
  const text = renderResourceDetails({ ...vm, status: "deleted", access: null, valid_to: "2026-11-29T11:01:00Z" });
  expect(text).toContain("Status:       deleted");
  expect(text).toContain("SSH:          -");
  expect(text).toContain("Ended at:     2026-11-29T11:01:00Z");
  expect(text).toContain("From offers:  3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11");
});
