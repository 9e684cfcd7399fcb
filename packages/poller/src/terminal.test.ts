import { describe, expect, it } from "vitest";
import { offerFailureReason, offerVerdict, resourceVerdict } from "./terminal.js";

describe("offerVerdict", () => {
  const cases: [string, string | undefined, string][] = [
    ["available", "available", "pending"],
    ["provisioning_started", "procured", "pending"],
    ["provisioning_in_progress", "procured", "pending"],
    ["pending", "procured", "pending"],
    ["provisioning", "procured", "pending"],
    ["warming_up_gpus", "procured", "pending"],
    ["", undefined, "pending"],
    ["ready", "procured", "ready"],
    ["READY", "procured", "ready"],
    ["ready", "expired", "ready"],
    ["failed", "failed", "failed"],
    ["failed", "procured", "failed"],
    ["provisioning_in_progress", "failed", "failed"],
    ["available", "expired", "failed"],
  ];
  it.each(cases)("procurement_status %j with offer status %j is %s", (procurement_status, status, verdict) => {
    expect(offerVerdict({ procurement_status, status })).toBe(verdict);
  });
});

describe("offerFailureReason", () => {
  it("is the server's failure_reason when given", () => {
    expect(offerFailureReason({ procurement_status: "failed", failure_reason: "no H100 left" })).toBe("no H100 left");
  });

  it("says the offer expired, or describes the state when no reason was given", () => {
    expect(offerFailureReason({ procurement_status: "available", status: "expired" })).toMatch(/expired/);
    expect(offerFailureReason({ procurement_status: "failed", status: "failed" })).toMatch(/procurement_status is failed/);
  });
});

describe("resourceVerdict", () => {
  it.each([
    ["deleted", "ready"],
    ["DELETED", "ready"],
    ["deleting", "pending"],
    ["running", "pending"],
    ["terminating", "pending"],
    [null, "pending"],
  ])("status %j is %s", (status, verdict) => {
    expect(resourceVerdict({ status })).toBe(verdict);
  });
});
