import { expect, inject, test } from "vitest";
import { cheapestOfferId } from "../src/cheapest-offer.js";

test("picks the cheapest offer of the spec's example answer", async () => {
  expect(await cheapestOfferId(inject("mockUrl"), "test-token", "H100")).toBe("3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11");
});
