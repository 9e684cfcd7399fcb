import { expect, test } from "vitest";
import { createSimulator } from "./index.js";

test("bad options fail at creation, naming the option", () => {
  expect(() => createSimulator({ seed: 1.5 })).toThrow(/seed must be an integer/);
  expect(() => createSimulator({ clock: "fast" as never })).toThrow(/clock must be "real" or "manual"/);
  expect(() => createSimulator({ provisioningMs: -1 })).toThrow(/provisioningMs must be a finite number >= 0/);
  expect(() => createSimulator({ token: "" })).toThrow(/token must be a non-empty string/);
});

test("your own offers are checked against the spec's offer schema", () => {
  const offer = { gpu_type: "nvidia-l4-pcie-24gb", gpu_family: "L4", gpu_count: 1, vendor: "acme", region: "EU" };
  expect(() => createSimulator({ offers: [offer] })).not.toThrow();
  expect(() => createSimulator({ offers: [offer, { ...offer, gpu_count: "one" as never }] })).toThrow(
    "createSimulator: offers[1].gpu_count: Input should be a valid integer, unable to parse string as an integer",
  );
  const { vendor: _, ...withoutVendor } = offer;
  expect(() => createSimulator({ offers: [withoutVendor as never] })).toThrow("createSimulator: offers[0].vendor: Field required");
});
