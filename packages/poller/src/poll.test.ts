/// <reference types="node" />
import { getEventListeners } from "node:events";
import { CdeskAbortError } from "@cdesk/client";
import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { OFFER_ID, PROVISIONING_STARTED, READY } from "../test/support/fixtures.js";
import { fakeOfferStatus, hangingOfferStatus } from "../test/support/scripted-client.js";
import { waitForOfferReady } from "./wait-for-offer-ready.js";

// Abort handling of the polling loop, seen through waitForOfferReady.

describe("abort (fake time)", () => {
  useFakeClock();

  it("rejects during a sleep with name AbortError at the moment of abort, and sends nothing more", async () => {
    const controller = new AbortController();
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED]);
    const waiting = waitForOfferReady(cdesk, OFFER_ID, {
      intervalMs: 15_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(20_000); // second request at 15 s, now sleeping until 30 s
    const abortedAt = Date.now();
    controller.abort(new Error("user pressed Ctrl-C"));
    const error = await waiting;
    expect(error).toBeInstanceOf(CdeskAbortError);
    expect(error).toMatchObject({ name: "AbortError", cause: new Error("user pressed Ctrl-C") });
    expect(Date.now() - abortedAt).toBe(0); // abort latency in fake time
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(2);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects during a request, aborting the signal passed to the client", async () => {
    const controller = new AbortController();
    const { cdesk, calls } = hangingOfferStatus();
    const waiting = waitForOfferReady(cdesk, OFFER_ID, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toHaveLength(1);
    controller.abort();
    const error = await waiting;
    expect(error).toMatchObject({ name: "AbortError" });
    expect(Date.now()).toBe(5_000);
    expect(calls[0]?.signal?.aborted).toBe(true);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("sends nothing when the signal has already fired", async () => {
    const { cdesk, calls } = fakeOfferStatus([READY]);
    const error = await waitForOfferReady(cdesk, OFFER_ID, {
      signal: AbortSignal.abort(),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(0);
  });

  it("leaves no listener on the caller's signal after a success", async () => {
    const controller = new AbortController();
    const { cdesk } = fakeOfferStatus([PROVISIONING_STARTED, READY]);
    const waiting = waitForOfferReady(cdesk, OFFER_ID, {
      intervalMs: 10,
      signal: controller.signal,
    });
    await vi.advanceTimersByTimeAsync(10);
    await expect(waiting).resolves.toEqual(READY);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("abort (real timers, ordered by events)", () => {
  it("rejects during a 60 s sleep before the event loop turns again", async () => {
    const controller = new AbortController();
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED]);
    const waiting = waitForOfferReady(cdesk, OFFER_ID, {
      intervalMs: 60_000,
      signal: controller.signal,
    }).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve)); // the first request has been answered
    expect(calls).toHaveLength(1);
    controller.abort();
    // Promptly means: settled by the abort itself, not by any timer or I/O that runs after it.
    const nextTurn = new Promise((resolve) => setImmediate(() => resolve("the next turn of the event loop")));
    expect(await Promise.race([waiting.then(() => "the wait"), nextTurn])).toBe("the wait");
    expect(await waiting).toMatchObject({ name: "AbortError" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
