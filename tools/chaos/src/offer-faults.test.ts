import { expect, it } from "vitest";
import { DEFAULT_OFFER_FAULT_SHARES, offerFailureFor } from "./offer-faults.js";

const ids = Array.from({ length: 20_000 }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);

it("gives each failure kind about its share of offers, the same on every call", () => {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const kind = offerFailureFor(11, id) ?? "ok";
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  for (const [kind, share] of Object.entries(DEFAULT_OFFER_FAULT_SHARES)) {
    expect((counts[kind] ?? 0) / ids.length, kind).toBeCloseTo(share, 2);
  }
  expect(ids.map((id) => offerFailureFor(11, id))).toEqual(ids.map((id) => offerFailureFor(11, id)));
  expect(ids.filter((id) => offerFailureFor(11, id) !== offerFailureFor(12, id)).length).toBeGreaterThan(0);
});
