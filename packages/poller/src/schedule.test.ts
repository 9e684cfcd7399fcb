import { describe, expect, it } from "vitest";
import { JITTER_RATIO, MAX_TIMER_MS, type ScheduleInput, nextDelayMs } from "./schedule.js";

const base: ScheduleInput = {
  requestsSent: 1,
  intervalMs: 15_000,
  maxIntervalMs: 15_000,
  backoffFactor: 1.5,
  retryAfterMs: undefined,
  remainingMs: 20 * 60_000,
  random: 0,
};

describe("nextDelayMs", () => {
  it("waits intervalMs after the first request when jitter draws 0", () => {
    expect(nextDelayMs(base)).toBe(15_000);
  });

  it("keeps every jittered wait between the interval and 10% more", () => {
    for (const random of [0, 0.25, 0.5, 0.75, 0.999_999]) {
      const delay = nextDelayMs({ ...base, random });
      expect(delay).toBeGreaterThanOrEqual(15_000);
      expect(delay).toBeLessThan(15_000 * (1 + JITTER_RATIO));
    }
    expect(nextDelayMs({ ...base, random: 0.5 })).toBe(15_750);
  });

  it("stays at intervalMs when maxIntervalMs is left at its default (= intervalMs)", () => {
    const delays = [1, 2, 3, 10].map((requestsSent) => nextDelayMs({ ...base, requestsSent }));
    expect(delays).toEqual([15_000, 15_000, 15_000, 15_000]);
  });

  it("grows by backoffFactor per request up to maxIntervalMs", () => {
    const growing = { ...base, intervalMs: 1_000, maxIntervalMs: 5_000, backoffFactor: 2 };
    const delays = [1, 2, 3, 4, 5, 50].map((requestsSent) => nextDelayMs({ ...growing, requestsSent }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 5_000, 5_000, 5_000]);
  });

  it("lets Retry-After lengthen the wait (up to 60 s), never shorten it below the interval", () => {
    expect(nextDelayMs({ ...base, retryAfterMs: 60_000, random: 0.9 })).toBe(60_000);
    expect(nextDelayMs({ ...base, retryAfterMs: 3_600_000 })).toBe(60_000);
    expect(nextDelayMs({ ...base, retryAfterMs: 2_000 })).toBe(15_000);
    expect(nextDelayMs({ ...base, retryAfterMs: 0 })).toBe(15_000);
  });

  it("never waits past the deadline, even for Retry-After", () => {
    expect(nextDelayMs({ ...base, remainingMs: 4_000 })).toBe(4_000);
    expect(nextDelayMs({ ...base, retryAfterMs: 120_000, remainingMs: 30_000 })).toBe(30_000);
    expect(nextDelayMs({ ...base, remainingMs: -5 })).toBe(0);
  });

  it("never asks setTimeout for more than it can hold", () => {
    const huge = { ...base, intervalMs: 1e12, maxIntervalMs: 1e12, remainingMs: 1e13 };
    expect(nextDelayMs(huge)).toBe(MAX_TIMER_MS);
  });
});
