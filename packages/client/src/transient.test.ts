import { describe, expect, it } from "vitest";
import { CdeskConnectionError, InternalServerError, NotFoundError, RateLimitError, UnexpectedResponseError } from "./index.js";
import { isTransientError, isTransientStatus, parseRetryAfter, retryAfterMsOf, waitWithHint } from "./transient.js";

const target = { method: "GET", path: "/offers/{offer_id}/status" };
const apiInit = (status: number, headers: Record<string, string> = {}) => ({ ...target, status, requestId: undefined, body: undefined, headers });

describe("which failures are worth another try (client retries and poller alike)", () => {
  it.each([408, 429, 500, 502, 503, 504])("%i is transient", (status) => expect(isTransientStatus(status)).toBe(true));
  it.each([400, 401, 404, 409, 410, 422, 501, 505])("%i is not", (status) => expect(isTransientStatus(status)).toBe(false));

  it("connection errors and transient statuses are; other statuses and odd answers are not", () => {
    expect(isTransientError(new CdeskConnectionError(target, "reset"))).toBe(true);
    expect(isTransientError(new InternalServerError(apiInit(503)))).toBe(true);
    expect(isTransientError(new InternalServerError(apiInit(501)))).toBe(false);
    expect(isTransientError(new NotFoundError(apiInit(404)))).toBe(false);
    const odd = new UnexpectedResponseError({ ...target, status: 200, requestId: undefined, pointer: "/instances", expected: "array", body: "{}" });
    expect(isTransientError(odd)).toBe(false);
    expect(isTransientError(new TypeError("bug"))).toBe(false);
  });
});

describe("Retry-After", () => {
  const now = Date.parse("2026-11-29T10:00:00Z");

  it("reads delta-seconds", () => {
    expect(parseRetryAfter("2", now)).toBe(2000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
    expect(parseRetryAfter("1.5", now)).toBe(1500);
  });

  it("reads an HTTP date, a past one as no wait", () => {
    expect(parseRetryAfter("Sun, 29 Nov 2026 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Sun, 29 Nov 2026 09:00:00 GMT", now)).toBe(0);
  });

  it("ignores what it cannot read", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-3", now)).toBeUndefined();
  });

  it("comes from a 429's retryAfterMs or any API error's header", () => {
    expect(retryAfterMsOf(new RateLimitError({ ...apiInit(429), retryAfterMs: 7000 }), now)).toBe(7000);
    expect(retryAfterMsOf(new InternalServerError(apiInit(503, { "retry-after": "30" })), now)).toBe(30_000);
    expect(retryAfterMsOf(new InternalServerError(apiInit(503)), now)).toBeUndefined();
    expect(retryAfterMsOf(new CdeskConnectionError(target, "reset"), now)).toBeUndefined();
  });

  it("may lengthen a scheduled wait up to 60 s, never shorten it", () => {
    expect(waitWithHint(15_000, 0)).toBe(15_000);
    expect(waitWithHint(15_000, 30_000)).toBe(30_000);
    expect(waitWithHint(15_000, 3_600_000)).toBe(60_000);
    expect(waitWithHint(90_000, 3_600_000)).toBe(90_000);
    expect(waitWithHint(500, undefined)).toBe(500);
  });
});
