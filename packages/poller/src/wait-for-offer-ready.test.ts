import { CdeskConnectionError, CdeskInputError } from "@cdesk/client";
import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import {
  FAILED,
  OFFER_ID,
  PROVISIONING_IN_PROGRESS,
  PROVISIONING_STARTED,
  READY,
  
  apiError,
  offerStatus,
} from "../test/support/fixtures.js";
import { type Step, errorOf, fakeOfferStatus, runToEnd } from "../test/support/scripted-client.js";
import type { OfferStatus } from "./client.js";
import { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
import type { WaitOptions } from "./options.js";
import { waitForOfferReady } from "./wait-for-offer-ready.js";

useFakeClock();

function wait(steps: Step<OfferStatus>[], options: WaitOptions<OfferStatus> = {}) {
  const { cdesk, calls } = fakeOfferStatus(steps);
  return { outcome: runToEnd(waitForOfferReady(cdesk, OFFER_ID, { intervalMs: 1_000, ...options })), calls };
}

describe("waitForOfferReady: terminal states", () => {
  it("polls at once, then every intervalMs, and resolves with the ready status", async () => {
    const { outcome, calls } = wait([PROVISIONING_STARTED, PROVISIONING_IN_PROGRESS, READY]);
    expect(await outcome).toEqual({ value: READY });
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 2_000]);
    expect(calls.every((c) => c.id === OFFER_ID && c.signal instanceof AbortSignal)).toBe(true);
  });

  it("sends no request after the terminal state", async () => {
    const { outcome, calls } = wait([READY, READY]);
    await outcome;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
  });

  it("rejects with ProvisioningFailedError carrying failure_reason and the last status", async () => {
    const { outcome, calls } = wait([PROVISIONING_STARTED, FAILED]);
    const error = errorOf(await outcome);
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({ failureReason: FAILED.failure_reason, status: FAILED, name: "ProvisioningFailedError" });
    expect(calls).toHaveLength(2);
  });

  it("treats an expired offer as failed", async () => {
    const expired = offerStatus("available", { status: "expired" });
    const error = errorOf(await wait([expired]).outcome);
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect((error as ProvisioningFailedError).failureReason).toMatch(/expired/);
  });

  it("keeps waiting through status strings it does not know", async () => {
    const steps = ["pending", "provisioning", "allocating_gpu", "provisioning_in_progress", "ready"].map((s) => offerStatus(s));
    const { outcome, calls } = wait(steps);
    expect(await outcome).toMatchObject({ value: { procurement_status: "ready" } });
    expect(calls).toHaveLength(5);
  });
});

describe("waitForOfferReady: errors while polling", () => {
  it("rides out transient errors and resets the count after a success", async () => {
    const transient = new CdeskConnectionError({ method: "GET", path: "/offers/{offer_id}/status" }, "ECONNRESET");
    const steps = [transient, await apiError(503), PROVISIONING_STARTED, await apiError(429), transient, READY];
    const { outcome, calls } = wait(steps, { maxConsecutiveErrors: 3 });
    expect(await outcome).toEqual({ value: READY });
    expect(calls).toHaveLength(6);
  });

  it("fails with the last transient error after maxConsecutiveErrors in a row", async () => {
    const steps = [PROVISIONING_STARTED, await apiError(500), await apiError(502), await apiError(503), READY];
    const { outcome, calls } = wait(steps, { maxConsecutiveErrors: 3 });
    expect(errorOf(await outcome)).toMatchObject({ status: 503 });
    expect(calls).toHaveLength(4);
  });

  it("waits what Retry-After asks instead of intervalMs", async () => {
    const { outcome, calls } = wait([await apiError(429, { "retry-after": "7" }), READY]);
    await outcome;
    expect(calls.map((c) => c.at)).toEqual([0, 7_000]);
  });

  it.each([401, 403, 404, 410, 422])("ends at once on a %i with the client's error", async (status) => {
    const { outcome, calls } = wait([PROVISIONING_STARTED, await apiError(status), READY]);
    expect(errorOf(await outcome)).toMatchObject({ status });
    expect(calls).toHaveLength(2);
  });

  it("ends at once on the client's input error (nothing was sent)", async () => {
    const { outcome, calls } = wait([new CdeskInputError("offerId", "uuid", "must be a UUID"), READY]);
    expect(errorOf(await outcome)).toBeInstanceOf(CdeskInputError);
    expect(calls).toHaveLength(1);
  });

  it("rejects bad options before any request", async () => {
    const { outcome, calls } = wait([READY], { intervalMs: 10_000, maxIntervalMs: 1_000 });
    expect(errorOf(await outcome)).toMatchObject({ field: "maxIntervalMs" });
    expect(calls).toHaveLength(0);
  });
});

describe("waitForOfferReady: timeout", () => {
  it("gives up at timeoutMs with the last status, elapsed time and attempts; every request before the deadline", async () => {
    const { outcome, calls } = wait([PROVISIONING_STARTED, PROVISIONING_IN_PROGRESS], { intervalMs: 15_000, timeoutMs: 60_000 });
    const error = errorOf(await outcome);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: PROVISIONING_IN_PROGRESS, elapsedMs: 60_000, attempts: 4 });
    expect(calls.map((c) => c.at)).toEqual([0, 15_000, 30_000, 45_000]);
    expect(Date.now()).toBe(60_000);
  });

  it("cancels a request still running at the deadline", async () => {
    const slow = () => new Promise<OfferStatus>((resolve) => setTimeout(() => resolve(READY), 50_000));
    const { outcome, calls } = wait([PROVISIONING_STARTED, slow], { intervalMs: 15_000, timeoutMs: 30_000 });
    const error = errorOf(await outcome);
    expect(error).toMatchObject({ name: "WaitTimeoutError", elapsedMs: 30_000, attempts: 2, lastStatus: PROVISIONING_STARTED });
    expect(calls[1]?.signal?.aborted).toBe(true);
    await vi.runAllTimersAsync(); // the fake slow answer's own timer
  });

  it("reports no last status when every request failed", async () => {
    const { outcome } = wait([await apiError(503)], { timeoutMs: 2_500, maxConsecutiveErrors: 100 });
    expect(errorOf(await outcome)).toMatchObject({ lastStatus: undefined, attempts: 3 });
  });
});

describe("waitForOfferReady: progress", () => {
  it("reports every observation with its attempt number and elapsed time", async () => {
    const seen: unknown[] = [];
    const steps = [PROVISIONING_STARTED, await apiError(503), PROVISIONING_IN_PROGRESS, READY];
    await wait(steps, { onProgress: (o) => seen.push(o) }).outcome;
    expect(seen).toEqual([
      { status: PROVISIONING_STARTED, attempt: 1, elapsedMs: 0 },
      { status: PROVISIONING_IN_PROGRESS, attempt: 3, elapsedMs: 2_000 },
      { status: READY, attempt: 4, elapsedMs: 3_000 },
    ]);
  });

  it("ends the wait with the error onProgress throws, and polls no more", async () => {
    const boom = new Error("spinner broke");
    const onProgress = vi.fn((o: { attempt: number }) => {
      if (o.attempt === 2) throw boom;
    });
    const { outcome, calls } = wait([PROVISIONING_STARTED], { onProgress });
    expect(errorOf(await outcome)).toBe(boom);
    expect(calls).toHaveLength(2);
  });
});

describe("waitForOfferReady: request counts", () => {
  // A provisioning that becomes ready T ms after the start, polled every I ms (with the largest jitter):
  // at most ceil(T / I) + 1 status requests.
  const table: [number, number][] = [
    [0, 15_000],
    [1, 15_000],
    [14_999, 15_000],
    [15_000, 15_000],
    [60_000, 15_000],
    [75_001, 15_000],
    [180_000, 15_000],
    [299_999, 15_000],
    [300_000, 10_000],
    [1_000, 7],
  ];
  it.each(table)("ready after %i ms at interval %i ms", async (readyAfterMs, intervalMs) => {
    for (const random of [0, 0.5, 0.999_999]) {
      vi.setSystemTime(0);
      vi.mocked(Math.random).mockReturnValue(random);
      const becomesReady = () => (Date.now() >= readyAfterMs ? READY : PROVISIONING_IN_PROGRESS);
      const { outcome, calls } = wait([becomesReady], { intervalMs });
      expect(await outcome).toEqual({ value: READY });
      expect(calls.length).toBeLessThanOrEqual(Math.ceil(readyAfterMs / intervalMs) + 1);
    }
  });

  it("uses growing intervals up to maxIntervalMs", async () => {
    const { outcome, calls } = wait([PROVISIONING_STARTED, PROVISIONING_STARTED, PROVISIONING_STARTED, PROVISIONING_STARTED, READY], {
      intervalMs: 1_000,
      maxIntervalMs: 3_000,
      backoffFactor: 2,
    });
    await outcome;
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 3_000, 6_000, 9_000]);
  });
});
