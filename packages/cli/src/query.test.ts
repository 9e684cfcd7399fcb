import { expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { buildOffersQuery } from "./query.js";

it("puts GPU flags under compute and place flags at the top, as the API expects", () => {
  expect(
    buildOffersQuery({ gpu: "H100", count: 2, maxPrice: 5, contract: "ondemand", region: "EU", vendor: "nebius" }),
  ).toEqual({
    region: "EU",
    vendor: "nebius",
    compute: { gpu_type: "H100", gpu_count: 2, max_price_per_gpu_hour: 5, contract_type: "ondemand" },
  });
});

it("sends only the flags given, leaving the rest to the server's defaults", () => {
  expect(buildOffersQuery({ gpu: "H100 | A100" })).toEqual({ compute: { gpu_type: "H100 | A100" } });
});

it("asks for --gpu, naming the flags that need it", () => {
  expect(() => buildOffersQuery({ count: 2, maxPrice: 3 })).toThrow(UsageError);
  expect(() => buildOffersQuery({ count: 2, maxPrice: 3 })).toThrow("(--count, --max-price need it)");
  expect(() => buildOffersQuery({ contract: "spot" })).toThrow("(--contract needs it)");
  expect(() => buildOffersQuery({ region: "EU" })).toThrow(/--gpu H100 .*-f query\.yaml/);
});
