import { describe, expect, it } from "vitest";
import { OPERATIONS } from "./generated/operations.js";
import { isOutcomeUnknown, isRetryable, neverConnected, retryDelayMs } from "./retry-policy.js";
import { networkError } from "../test/support/fake-api.js";
import { REFUSED, RESET, UNRESOLVED } from "../test/support/runtime-errors.js";

// Each operation's retry class, as the generated table has it.
const GET = OPERATIONS["GET /offers/{offer_id}"].retry;
const SEARCH = OPERATIONS["POST /get_offers"].retry;
const PROCURE = OPERATIONS["POST /procure_offer"].retry;
const DELETE = OPERATIONS["DELETE /resources/{resource_id}"].retry;
const BAD_BODY = { kind: "body", message: "reading the response failed: terminated" } as const;

describe("which failures are retried", () => {
  it.each([408, 429, 500, 502, 503, 504])("retries a GET and a search after %i", (status) => {
    expect(isRetryable(GET, { kind: "status", status })).toBe(true);
    expect(isRetryable(SEARCH, { kind: "status", status })).toBe(true);
  });

  it.each([400, 401, 403, 404, 409, 410, 422, 501])("does not retry %i", (status) => {
    expect(isRetryable(GET, { kind: "status", status })).toBe(false);
  });

  it("retries a GET after a timeout or any network error", () => {
    expect(isRetryable(GET, { kind: "timeout" })).toBe(true);
    expect(isRetryable(GET, { kind: "network", error: networkError("ECONNRESET") })).toBe(true);
  });

  it("retries a GET, a search and a DELETE whose body could not be read or parsed", () => {
    for (const target of [GET, SEARCH, DELETE]) expect(isRetryable(target, BAD_BODY)).toBe(true);
  });

  it("retries a procure only on 429 or when the connection was never made", () => {
    expect(isRetryable(PROCURE, { kind: "status", status: 429 })).toBe(true);
    expect(isRetryable(PROCURE, { kind: "network", error: networkError("ECONNREFUSED") })).toBe(true);
    for (const status of [408, 500, 502, 503, 504]) expect(isRetryable(PROCURE, { kind: "status", status })).toBe(false);
    expect(isRetryable(PROCURE, { kind: "timeout" })).toBe(false);
    expect(isRetryable(PROCURE, { kind: "network", error: networkError("ECONNRESET") })).toBe(false);
    expect(isRetryable(PROCURE, { kind: "network", error: new TypeError("Failed to fetch") })).toBe(false);
    expect(isRetryable(PROCURE, BAD_BODY)).toBe(false);
  });
});

describe("when a procure's outcome is unknown", () => {
  it("after a timeout, a 5xx, an unreadable answer, or a connection that may have carried the request", () => {
    expect(isOutcomeUnknown(PROCURE, { kind: "timeout" })).toBe(true);
    expect(isOutcomeUnknown(PROCURE, { kind: "status", status: 503 })).toBe(true);
    expect(isOutcomeUnknown(PROCURE, { kind: "network", error: networkError("ECONNRESET") })).toBe(true);
    expect(isOutcomeUnknown(PROCURE, BAD_BODY)).toBe(true); // the answer came: the server acted
  });

  it("not after a refusal, a 4xx, or for any other operation", () => {
    expect(isOutcomeUnknown(PROCURE, { kind: "network", error: networkError("ECONNREFUSED") })).toBe(false);
    expect(isOutcomeUnknown(PROCURE, { kind: "status", status: 429 })).toBe(false);
    expect(isOutcomeUnknown(GET, { kind: "timeout" })).toBe(false);
    expect(isOutcomeUnknown(SEARCH, { kind: "status", status: 500 })).toBe(false);
  });
});

describe("back-off", () => {
  it("doubles from 0.5 s up to 8 s without jitter", () => {
    const noJitter = () => 0;
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, undefined, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("takes off at most 25 % as jitter", () => {
    expect(retryDelayMs(0, undefined, () => 0.999999)).toBe(375);
    expect(retryDelayMs(4, undefined, () => 0.5)).toBe(7000);
  });

  it("lets Retry-After lengthen the wait up to 60 s, never shorten it", () => {
    expect(retryDelayMs(0, 3000, () => 0)).toBe(3000);
    expect(retryDelayMs(3, 0, () => 0)).toBe(4000);
    expect(retryDelayMs(0, 100, () => 0)).toBe(500);
    expect(retryDelayMs(0, 3_600_000, () => 0)).toBe(60_000);
  });
});

describe("neverConnected", () => {
  it("recognises Node's refused, unresolved and multi-address failures", () => {
    expect(neverConnected(networkError("ECONNREFUSED"))).toBe(true);
    expect(neverConnected(networkError("ENOTFOUND"))).toBe(true);
    const both = new TypeError("fetch failed", {
      cause: Object.assign(new AggregateError([{ code: "ECONNREFUSED" }, { code: "ECONNREFUSED" }]), {}),
    });
    expect(neverConnected(both)).toBe(true);
  });

  it.each(Object.keys(REFUSED) as (keyof typeof REFUSED)[])("recognises a refused connection in %s's own form", (runtime) => {
    expect(neverConnected(REFUSED[runtime])).toBe(true);
    expect(neverConnected(UNRESOLVED[runtime])).toBe(true);
    expect(neverConnected(RESET[runtime])).toBe(false);
  });

  it("is false when the request may have left, or nothing says", () => {
    expect(neverConnected(networkError("ECONNRESET"))).toBe(false);
    expect(neverConnected(new TypeError("Failed to fetch"))).toBe(false);
    expect(neverConnected(undefined)).toBe(false);
  });
});
