import { CdeskInputError } from "@cdesk/client";
import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { FAILED, OFFER_ID, PROVISIONING_IN_PROGRESS, PROVISIONING_STARTED, READY } from "../test/support/fixtures.js";
import type { OfferStatus } from "./client.js";
import { fakeOfferStatus } from "../test/support/scripted-client.js";
import { pollOfferStatus } from "./poll-offer-status.js";

useFakeClock();

/** Collects what a for-await loop sees, advancing fake time as the poller sleeps. */
async function collect(iterable: AsyncIterable<OfferStatus>, stopAfter = Number.POSITIVE_INFINITY) {
  const seen: string[] = [];
  const iterator = iterable[Symbol.asyncIterator]();
  while (seen.length < stopAfter) {
    const next = iterator.next();
    await vi.advanceTimersByTimeAsync(0);
    while (vi.getTimerCount() > 0 && !(await isSettled(next))) await vi.advanceTimersToNextTimerAsync();
    const result = await next;
    if (result.done) return seen;
    seen.push(result.value.procurement_status);
  }
  await iterator.return?.();
  return seen;
}

async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol();
  return (await Promise.race([promise, Promise.resolve(marker)])) !== marker;
}

describe("pollOfferStatus", () => {
  it("yields every status, the ready one last, then ends", async () => {
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED, PROVISIONING_IN_PROGRESS, READY]);
    expect(await collect(pollOfferStatus(cdesk, OFFER_ID, { intervalMs: 1_000 }))).toEqual([
      "provisioning_started",
      "provisioning_in_progress",
      "ready",
    ]);
    expect(calls).toHaveLength(3);
  });

  it("yields a failed status last without throwing", async () => {
    const { cdesk } = fakeOfferStatus([PROVISIONING_STARTED, FAILED]);
    expect(await collect(pollOfferStatus(cdesk, OFFER_ID, { intervalMs: 1_000 }))).toEqual(["provisioning_started", "failed"]);
  });

  it("stops polling and leaves no timer when the loop breaks early", async () => {
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED]);
    for await (const status of pollOfferStatus(cdesk, OFFER_ID, { intervalMs: 1_000 })) {
      expect(status).toEqual(PROVISIONING_STARTED);
      break;
    }
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it("stops after a chosen number of observations", async () => {
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED]);
    expect(await collect(pollOfferStatus(cdesk, OFFER_ID, { intervalMs: 1_000 }), 3)).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(3);
  });

  it("checks options when called, before any request", () => {
    const { cdesk, calls } = fakeOfferStatus([READY]);
    expect(() => pollOfferStatus(cdesk, OFFER_ID, { timeoutMs: -1 })).toThrow(CdeskInputError);
    expect(calls).toHaveLength(0);
  });
});
