import { describe, expect, it } from "vitest";
import { EXPIRY_MARGIN_MS, byPrice, expiresAtMs, isExpiring, pricePerHour, selectCandidates } from "./candidates.js";
import type { Offer } from "./client.js";

const NOW = Date.parse("2026-12-01T12:00:00Z");

function offer(id: string, extra: Partial<Offer> = {}): Offer {
  return {
    offer_id: id,
    gpu_type: "nvidia-h100-sxm5-80gb",
    gpu_family: "H100",
    gpu_count: 8,
    vendor: "nebius",
    region: "EU",
    created_at: "2026-12-01T11:50:00Z",
    expires_at: "2026-12-01T12:20:00Z",
    total_price_per_hour: 20,
    ...extra,
  };
}

const rules = { maxPricePerHour: undefined, rank: byPrice, tried: new Set<string>(), nowMs: NOW };

describe("pricePerHour", () => {
  it("is total_price_per_hour, else GPUs times their price plus storage, else unknown", () => {
    expect(pricePerHour(offer("a", { total_price_per_hour: 23.6 }))).toBe(23.6);
    expect(pricePerHour(offer("b", { total_price_per_hour: null, gpu_price_per_hour: 2.5, storage_price_per_hour: 0.4 }))).toBe(20.4);
    expect(pricePerHour(offer("c", { total_price_per_hour: null, gpu_price_per_hour: null }))).toBeUndefined();
  });
});

describe("expiry", () => {
  it("reads expires_at, else created_at plus 30 minutes, and a time without offset as UTC", () => {
    expect(expiresAtMs(offer("a"))).toBe(Date.parse("2026-12-01T12:20:00Z"));
    expect(expiresAtMs(offer("b", { expires_at: null, created_at: "2026-12-01T11:45:00.538090" }))).toBe(
      Date.parse("2026-12-01T12:15:00.538Z"),
    );
    expect(expiresAtMs(offer("c", { expires_at: "soon", created_at: "" }))).toBeUndefined();
  });

  it(`skips an offer with less than ${EXPIRY_MARGIN_MS} ms left, but gives one of unknown expiry its chance`, () => {
    const expiresAt = (ms: number) => offer("x", { expires_at: new Date(NOW + ms).toISOString() });
    expect(isExpiring(expiresAt(EXPIRY_MARGIN_MS - 1), NOW)).toBe(true);
    expect(isExpiring(expiresAt(EXPIRY_MARGIN_MS), NOW)).toBe(false);
    expect(isExpiring(offer("y", { expires_at: null, created_at: "not a time" }), NOW)).toBe(false);
  });
});

describe("selectCandidates", () => {
  it("ranks the cheapest first, unpriced last, ties in the server's order, each offer once", () => {
    const offers = [offer("b", { total_price_per_hour: 30 }), offer("none", { total_price_per_hour: null }), offer("a1"), offer("a2"), offer("b", { total_price_per_hour: 1 })];
    expect(selectCandidates(offers, rules).candidates.map((o) => o.offer_id)).toEqual(["a1", "a2", "b", "none"]);
  });

  it("skips offers above the cap, without a price under a cap, expiring, or tried already, and says why", () => {
    const offers = [
      offer("over", { total_price_per_hour: 30.01 }),
      offer("unpriced", { total_price_per_hour: null }),
      offer("expiring", { expires_at: "2026-12-01T12:00:30Z" }),
      offer("tried"),
      offer("ok", { total_price_per_hour: 30 }),
    ];
    const { candidates, skipped } = selectCandidates(offers, { ...rules, maxPricePerHour: 30, tried: new Set(["tried"]) });
    expect(candidates.map((o) => o.offer_id)).toEqual(["ok"]);
    expect(skipped.map(({ offer, reason }) => [offer.offer_id, reason])).toEqual([
      ["over", "over-price"],
      ["unpriced", "no-price"],
      ["expiring", "expiring"],
      ["tried", "already-tried"],
    ]);
  });

  it("orders by the caller's rank", () => {
    const offers = [offer("small", { vcpu_count: 8 }), offer("big", { vcpu_count: 64 })];
    const rank = (a: Offer, b: Offer) => (b.vcpu_count ?? 0) - (a.vcpu_count ?? 0);
    expect(selectCandidates(offers, { ...rules, rank }).candidates.map((o) => o.offer_id)).toEqual(["big", "small"]);
  });
});
