import type { AcquireAttempt, Offer } from "@cdesk/poller";
import { describe, expect, it } from "vitest";
import { attemptsJson, describeAttempt, describeSearch, leftRunning, offerLabel } from "./acquire.js";

const offer = {
  offer_id: "o-1",
  vendor: "nebius",
  gpu_type: "H100",
  gpu_count: 8,
  region: "EU",
  vendor_region: "eu-north1",
  contract_type: "spot",
  total_price_per_hour: 23.6,
} as Offer;

const attempt = (fields: Partial<AcquireAttempt>): AcquireAttempt => ({
  offer,
  outcome: "failed",
  error: new Error("Provisioning failed: no capacity"),
  procurement: undefined,
  status: undefined,
  resources: [],
  ...fields,
});

describe("acquire's attempts as the CLI shows them", () => {
  it("an offer: vendor, GPUs, where, contract, total price per hour", () => {
    expect(offerLabel(offer)).toBe("nebius, 8x H100, EU (eu-north1), spot, $23.60/h");
  });

  it("one line per attempt, with every resource and its fate, and why a cleanup failed", () => {
    const line = describeAttempt(
      attempt({ resources: [{ resourceId: "r1", fate: "deleted" }, { resourceId: "r2", fate: "kept", cleanupError: new Error("503") }] }),
      1,
      (error) => (error as Error).message,
    );
    expect(line).toBe("attempt 1: offer o-1 (nebius, 8x H100, EU (eu-north1), spot, $23.60/h) failed: Provisioning failed: no capacity; resources: r1 deleted, r2 kept (503)");
  });

  it("an attempt whose procure's outcome is unknown found no resource, which is not the same as having none", () => {
    const line = describeAttempt(attempt({ outcome: "outcome-unknown", error: new Error("POST /procure_offer failed: timed out") }), 1, (error) => (error as Error).message);
    expect(line).toMatch(/ outcome unknown: POST \/procure_offer failed: timed out; resources: none found$/);
    expect(describeAttempt(attempt({ error: new Error("409") }), 1, String)).toMatch(/; resources: no resources$/);
  });

  it("what is still billed: kept and not yet confirmed deleted, per offer", () => {
    const attempts = [
      attempt({ resources: [{ resourceId: "r1", fate: "deleted" }] }),
      attempt({ resources: [{ resourceId: "r2", fate: "deleting" }, { resourceId: "r3", fate: "kept" }] }),
    ];
    expect(leftRunning(attempts)).toEqual([{ offerId: "o-1", resourceIds: ["r2", "r3"] }]);
  });

  it("a search, counted by what became of its offers", () => {
    expect(describeSearch(24, 5, new Map([["over-price", 18], ["expiring", 1]]), 30)).toBe(
      "Found 24 offers: 5 to try, 18 above --max-price $30.00/h, 1 expiring within a minute",
    );
  });

  it("errors keep their name and message in JSON (a plain Error would serialise as {})", () => {
    const [json] = JSON.parse(JSON.stringify(attemptsJson([attempt({ resources: [{ resourceId: "r1", fate: "kept", cleanupError: new TypeError("x") }] })])));
    expect(json.error).toEqual({ name: "Error", message: "Provisioning failed: no capacity" });
    expect(json.resources).toEqual([{ resourceId: "r1", fate: "kept", cleanupError: { name: "TypeError", message: "x" } }]);
  });
});
