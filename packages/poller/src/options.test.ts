import { CdeskInputError } from "@cdesk/client";
import { describe, expect, it } from "vitest";
import { type WaitOptions, resolveWaitOptions } from "./options.js";

describe("resolveWaitOptions", () => {
  it("fills in the documented defaults", () => {
    expect(resolveWaitOptions()).toEqual({
      intervalMs: 15_000,
      maxIntervalMs: 15_000,
      backoffFactor: 1.5,
      timeoutMs: 1_200_000,
      maxConsecutiveErrors: 5,
      signal: undefined,
      onProgress: undefined,
    });
  });

  it("defaults maxIntervalMs to the given intervalMs", () => {
    expect(resolveWaitOptions({ intervalMs: 2_000 }).maxIntervalMs).toBe(2_000);
  });

  it("accepts a fractional interval and maxIntervalMs equal to intervalMs", () => {
    expect(resolveWaitOptions({ intervalMs: 0.5, maxIntervalMs: 0.5, backoffFactor: 1 }).intervalMs).toBe(0.5);
  });

  const invalid: [string, unknown, string, string][] = [
    ["intervalMs", 0, "intervalMs", "positive-finite"],
    ["intervalMs", -1, "intervalMs", "positive-finite"],
    ["intervalMs", Number.NaN, "intervalMs", "positive-finite"],
    ["intervalMs", Number.POSITIVE_INFINITY, "intervalMs", "positive-finite"],
    ["intervalMs", "1000", "intervalMs", "positive-finite"],
    ["maxIntervalMs", 0, "maxIntervalMs", "positive-finite"],
    ["timeoutMs", 0, "timeoutMs", "positive-finite"],
    ["timeoutMs", 2 ** 31, "timeoutMs", "max-timer"],
    ["backoffFactor", 0.5, "backoffFactor", "gte-1"],
    ["backoffFactor", Number.NaN, "backoffFactor", "positive-finite"],
    ["maxConsecutiveErrors", 0, "maxConsecutiveErrors", "positive-finite"],
    ["maxConsecutiveErrors", 2.5, "maxConsecutiveErrors", "integer"],
    ["signal", {}, "signal", "abort-signal"],
    ["onProgress", "log", "onProgress", "function"],
  ];
  it.each(invalid)("rejects %s = %s naming the option and the rule", (name, value, field, rule) => {
    const options = { [name]: value } as WaitOptions;
    expect(() => resolveWaitOptions(options)).toThrow(CdeskInputError);
    expect(() => resolveWaitOptions(options)).toThrow(expect.objectContaining({ field, rule }));
    expect(() => resolveWaitOptions(options)).toThrow(name);
  });

  it("rejects maxIntervalMs below intervalMs", () => {
    expect(() => resolveWaitOptions({ intervalMs: 10_000, maxIntervalMs: 5_000 })).toThrow(
      expect.objectContaining({ field: "maxIntervalMs", rule: "gte-intervalMs" }),
    );
  });

  it("rejects options that are not an object", () => {
    expect(() => resolveWaitOptions(5 as WaitOptions)).toThrow(expect.objectContaining({ field: "options" }));
  });
});
