import { afterEach, beforeEach, expect, vi } from "vitest";

/**
 * Fake timers and `Date` starting at 0 for every test of the calling suite, with jitter drawn as 0
 * (tests that want jitter mock `Math.random` themselves). After every test, whatever its outcome,
 * no timer may be left: a finished wait must never keep a process alive.
 */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    vi.spyOn(Math, "random").mockReturnValue(0);
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}
