/** Where the simulator's time comes from. */
export interface Clock {
  now(): number;
  advance(ms: number): void;
  reset(): void;
}

/**
 * "real" follows Date.now(); "manual" stands still at the time it was created until advanced.
 * `advance` moves either forward (on the real clock it adds an offset), so a test can skip
 * provisioning or expiry without waiting.
 */
export function createClock(kind: "real" | "manual"): Clock {
  const start = Date.now();
  let offset = 0;
  return {
    now: () => (kind === "manual" ? start : Date.now()) + offset,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite number >= 0, got ${ms}`);
      offset += ms;
    },
    reset() {
      offset = 0;
    },
  };
}
