import { CdeskInputError } from "@cdesk/client";
import { describe, expect, it } from "vitest";
import { byPrice } from "./candidates.js";
import { type AcquireOptions, resolveAcquireOptions } from "./options.js";

const base: AcquireOptions = { query: { region: "EU", compute: { gpu_type: "H100" } }, ssh_public_key: "ssh-ed25519 AAAA me@laptop" };

describe("resolveAcquireOptions", () => {
  it("fills in the documented defaults", () => {
    const resolved = resolveAcquireOptions(base);
    expect(resolved).toMatchObject({
      request: { ssh_public_key: base.ssh_public_key },
      maxPricePerHour: undefined,
      rank: byPrice,
      maxAttempts: 3,
      timeoutMs: 30 * 60_000,
      readyTimeoutMs: 15 * 60_000,
      cleanup: "on-failure",
      wait: { intervalMs: 15_000, maxIntervalMs: 15_000, backoffFactor: 1.5, maxConsecutiveErrors: 5 },
    });
  });

  it("passes cloud_init and cluster_name on to procure, and accepts a YAML query", () => {
    const resolved = resolveAcquireOptions({ ...base, query: "region: EU\n", cloud_init: "#cloud-config\n", cluster_name: "train" });
    expect(resolved.query).toBe("region: EU\n");
    expect(resolved.request).toEqual({ ssh_public_key: base.ssh_public_key, cloud_init: "#cloud-config\n", cluster_name: "train" });
  });

  const invalid: [string, Record<string, unknown>, string, string][] = [
    ["a missing query", { query: undefined }, "query", "required"],
    ["an empty YAML query", { query: "  " }, "query", "required"],
    ["an array query", { query: [] }, "query", "required"],
    ["a missing key", { ssh_public_key: undefined }, "ssh_public_key", "required"],
    ["a blank key", { ssh_public_key: " " }, "ssh_public_key", "required"],
    ["a numeric cloud_init", { cloud_init: 1 }, "cloud_init", "string"],
    ["a zero price cap", { maxPricePerHour: 0 }, "maxPricePerHour", "positive-finite"],
    ["a price cap as text", { maxPricePerHour: "30" }, "maxPricePerHour", "positive-finite"],
    ["a fractional maxAttempts", { maxAttempts: 1.5 }, "maxAttempts", "integer"],
    ["a zero maxAttempts", { maxAttempts: 0 }, "maxAttempts", "positive-finite"],
    ["a huge timeoutMs", { timeoutMs: 2 ** 31 }, "timeoutMs", "max-timer"],
    ["a negative readyTimeoutMs", { readyTimeoutMs: -1 }, "readyTimeoutMs", "positive-finite"],
    ["an unknown cleanup", { cleanup: "always" }, "cleanup", "one-of"],
    ["a rank that is not a function", { rank: "price" }, "rank", "function"],
    ["an onEvent that is not a function", { onEvent: {} }, "onEvent", "function"],
    ["a wait option out of range", { intervalMs: 0 }, "intervalMs", "positive-finite"],
    ["a signal that is not one", { signal: {} }, "signal", "abort-signal"],
    ["a misspelt option", { maxPrice: 30 }, "maxPrice", "unknown-option"],
    ["onProgress, which acquire replaces with onEvent", { onProgress: () => {} }, "onProgress", "unknown-option"],
  ];
  it.each(invalid)("rejects %s with CdeskInputError naming the option and rule", (_, patch, field, rule) => {
    const attempt = () => resolveAcquireOptions({ ...base, ...patch } as AcquireOptions);
    expect(attempt).toThrow(CdeskInputError);
    expect(attempt).toThrow(expect.objectContaining({ field, rule }));
  });

  it("rejects options that are not an object", () => {
    expect(() => resolveAcquireOptions(null as unknown as AcquireOptions)).toThrow(expect.objectContaining({ field: "options" }));
  });
});
