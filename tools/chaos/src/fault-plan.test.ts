import { describe, expect, it } from "vitest";
import { FAULT_KINDS, planFault, reachesUpstream, type RequestKey } from "./fault-plan.js";

const key = (index: number, overrides: Partial<RequestKey> = {}): RequestKey => ({
  seed: 7,
  stream: 0,
  index,
  method: "GET",
  path: "/offers/3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11/status",
  ...overrides,
});

const plans = (count: number, overrides: Partial<RequestKey> = {}, faultRate?: number) =>
  Array.from({ length: count }, (_, i) => planFault(key(i, overrides), { faultRate }));

describe("planFault", () => {
  it("gives the same fault for the same request, run after run", () => {
    expect(plans(500)).toEqual(plans(500));
  });

  it("gives another plan for another seed, stream, method or path", () => {
    const base = JSON.stringify(plans(200));
    expect(JSON.stringify(plans(200, { seed: 8 }))).not.toBe(base);
    expect(JSON.stringify(plans(200, { stream: 1 }))).not.toBe(base);
    expect(JSON.stringify(plans(200, { method: "POST" }))).not.toBe(base);
    expect(JSON.stringify(plans(200, { path: "/procure_offer" }))).not.toBe(base);
  });

  it("treats the method case-insensitively", () => {
    expect(plans(200, { method: "get" })).toEqual(plans(200));
  });

  it("injects faults at about the configured rate, of every kind", () => {
    const faults = plans(10_000, {}, 0.3).filter((fault) => fault.kind !== "none");
    expect(faults.length / 10_000).toBeGreaterThan(0.28);
    expect(faults.length / 10_000).toBeLessThan(0.32);
    expect(new Set(faults.map((fault) => fault.kind))).toEqual(new Set(FAULT_KINDS));
  });

  it("injects nothing at rate 0 and always at rate 1", () => {
    expect(plans(1000, {}, 0).every((fault) => fault.kind === "none")).toBe(true);
    expect(plans(1000, {}, 1).every((fault) => fault.kind !== "none")).toBe(true);
  });

  it("asks for a Retry-After of 0 or 1 second only, mostly 0", () => {
    const waits = plans(5000, {}, 1).flatMap((fault) => (fault.kind === "status-429" ? [fault.retryAfterSeconds] : []));
    expect(new Set(waits)).toEqual(new Set([0, 1]));
    expect(waits.filter((s) => s === 1).length).toBeLessThan(waits.length / 2);
  });

  it("rejects a rate outside [0, 1]", () => {
    expect(() => planFault(key(0), { faultRate: 1.5 })).toThrow(/faultRate must be a number in \[0, 1\]/);
    expect(() => planFault(key(0), { faultRate: Number.NaN })).toThrow(RangeError);
    expect(() => planFault(key(0), { retryAfterOneShare: -1 })).toThrow(/retryAfterOneShare/);
  });
});

describe("reachesUpstream", () => {
  it("is false for faults the proxy answers alone, true when the mock acts", () => {
    expect(reachesUpstream({ kind: "none" })).toBe(true);
    expect(reachesUpstream({ kind: "reset-after" })).toBe(true);
    expect(reachesUpstream({ kind: "truncated-json" })).toBe(true);
    expect(reachesUpstream({ kind: "slow" })).toBe(true);
    expect(reachesUpstream({ kind: "status-503" })).toBe(false);
    expect(reachesUpstream({ kind: "status-429", retryAfterSeconds: 0 })).toBe(false);
    expect(reachesUpstream({ kind: "html-error" })).toBe(false);
    expect(reachesUpstream({ kind: "reset-before" })).toBe(false);
  });
});
