import {
  CdeskAbortError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskInputError,
  CdeskTimeoutError,
  RateLimitError,
} from "@cdesk/client";
import { describe, expect, it } from "vitest";
import { apiError } from "../test/support/fixtures.js";
import { isTransient, retryAfterMsOf } from "./classify.js";

const target = { method: "GET", path: "/offers/{offer_id}/status" };

const cases: [string, unknown, boolean][] = [
  ["connection error", new CdeskConnectionError(target, "ECONNRESET"), true],
  ["request timeout", new CdeskTimeoutError(target, 30_000), true],
  ["408", await apiError(408), true],
  ["429", await apiError(429), true],
  ["500", await apiError(500), true],
  ["503", await apiError(503), true],
  ["400", await apiError(400), false],
  ["401", await apiError(401), false],
  ["403", await apiError(403), false],
  ["404", await apiError(404), false],
  ["409", await apiError(409), false],
  ["410", await apiError(410), false],
  ["422", await apiError(422), false],
  ["input error", new CdeskInputError("offerId", "uuid", "must be a UUID"), false],
  ["config error", new CdeskConfigError("token", "missing"), false],
  ["abort", new CdeskAbortError(), false],
  ["a bug", new TypeError("x is not a function"), false],
];

describe("isTransient", () => {
  it.each(cases)("%s -> transient %s", (_name, error, expected) => {
    expect(isTransient(error)).toBe(expected);
  });
});

describe("retryAfterMsOf", () => {
  it("uses RateLimitError.retryAfterMs as the client parsed it", () => {
    const error = new RateLimitError({ ...target, status: 429, requestId: undefined, body: null, headers: {}, retryAfterMs: 7_000 });
    expect(retryAfterMsOf(error, 0)).toBe(7_000);
  });

  it("reads a Retry-After header in seconds on any API error", async () => {
    expect(retryAfterMsOf(await apiError(503, { "retry-after": "30" }), 0)).toBe(30_000);
    expect(retryAfterMsOf(await apiError(429, { "retry-after": "1.5" }), 0)).toBe(1_500);
  });

  it("reads a Retry-After HTTP date relative to now, never negative", async () => {
    const now = Date.parse("2026-11-29T10:00:00Z");
    expect(retryAfterMsOf(await apiError(503, { "retry-after": "Sun, 29 Nov 2026 10:00:20 GMT" }), now)).toBe(20_000);
    expect(retryAfterMsOf(await apiError(503, { "retry-after": "Sun, 29 Nov 2026 09:00:00 GMT" }), now)).toBe(0);
  });

  it("ignores a missing or unreadable header and non-API errors", async () => {
    expect(retryAfterMsOf(await apiError(503), 0)).toBeUndefined();
    expect(retryAfterMsOf(await apiError(503, { "retry-after": "soon" }), 0)).toBeUndefined();
    expect(retryAfterMsOf(new CdeskConnectionError(target, "reset"), 0)).toBeUndefined();
  });
});
