/**
 * Waits that used to end wrong: a deletion seen 30 s late, a `Retry-After: 0` burst, an async
 * callback's rejection left unhandled, one request too many at the deadline, a timeout that lost
 * what was bought, and a failure reason printed as `[object Object]`.
 */
import { createCdeskClient } from "@cdesk/client";
import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { OFFER_ID, PROVISIONING_STARTED, READY, RESOURCE_ID, apiError, resource } from "../test/support/fixtures.js";
import { errorOf, fakeOfferStatus, runToEnd, scripted } from "../test/support/scripted-client.js";
import type { ProcureClient, Procurement } from "./client.js";
import { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
import { procureAndWait } from "./procure-and-wait.js";
import { waitForOfferReady } from "./wait-for-offer-ready.js";
import { waitForResourceDeleted } from "./wait-for-resource-deleted.js";

useFakeClock();

const body = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAAC3Nza user@example" };
const accepted: Procurement = { offer_id: OFFER_ID, status: "provisioning_in_progress", resource_ids: [RESOURCE_ID], error: null };

describe("waitForResourceDeleted", () => {
  it("asks with force_refresh=true, so the server's 30 s reconciliation cooldown cannot hide the deletion", async () => {
    const urls: string[] = [];
    const cdesk = createCdeskClient({
      token: "t",
      logLevel: "off",
      fetch: async (url) => (urls.push(url), Response.json(resource("deleted"))),
    });
    expect(await runToEnd(waitForResourceDeleted(cdesk, RESOURCE_ID, { timeoutMs: 10_000 }))).toEqual({ value: resource("deleted") });
    expect(urls).toEqual([`https://supply-api.compute-desk.com/resources/${RESOURCE_ID}?force_refresh=true`]);
  });
});

describe("a server hint never shortens the wait", () => {
  it("a 3 s outage of 503s with Retry-After: 0 is ridden out at the interval, not in a burst", async () => {
    const outage = await apiError(503, { "retry-after": "0" });
    const { cdesk, calls } = fakeOfferStatus([outage, outage, outage, READY]);
    const outcome = await runToEnd(waitForOfferReady(cdesk, OFFER_ID, { intervalMs: 1_000 }));
    expect(outcome).toEqual({ value: READY });
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 2_000, 3_000]);
  });

  it("a date in the past counts as no hint", async () => {
    const outage = await apiError(503, { "retry-after": "Thu, 01 Jan 1970 00:00:00 GMT" });
    const { cdesk, calls } = fakeOfferStatus([outage, READY]);
    await runToEnd(waitForOfferReady(cdesk, OFFER_ID, { intervalMs: 1_000 }));
    expect(calls.map((c) => c.at)).toEqual([0, 1_000]);
  });
});

describe("an async onProgress that rejects", () => {
  it("ends the wait with its error (no unhandled rejection), and nothing more is sent", async () => {
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED, READY]);
    const failure = new Error("could not write the progress file");
    const onProgress = async () => Promise.reject(failure);
    const outcome = await runToEnd(waitForOfferReady(cdesk, OFFER_ID, { intervalMs: 1_000, onProgress }));
    expect(errorOf(outcome)).toBe(failure);
    expect(calls).toHaveLength(1);
  });
});

describe("at the deadline", () => {
  it("a timer that fires a fraction of a millisecond early ends in a timeout, without one more request", async () => {
    const { cdesk, calls } = fakeOfferStatus([PROVISIONING_STARTED]);
    // Date.now() lags the timer by 0.5 ms, as a timer firing early looks from inside the loop.
    const realNow = Date.now;
    let skew = 0;
    vi.spyOn(Date, "now").mockImplementation(() => realNow() - skew);
    const waiting = runToEnd(waitForOfferReady(cdesk, OFFER_ID, { intervalMs: 1_000, timeoutMs: 2_500 }));
    await vi.advanceTimersByTimeAsync(2_000);
    skew = 0.5;
    const error = errorOf(await waiting);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ attempts: 3 });
    expect(calls).toHaveLength(3);
  });
});

describe("procureAndWait keeps what was bought in view", () => {
  function procureThenPoll(statusSteps: Parameters<typeof scripted>[0], procurement = accepted) {
    const status = scripted(statusSteps);
    const cdesk: ProcureClient = { offers: { procure: async () => procurement, status: (id, opts) => status.answer(id, opts?.signal) as never } };
    return runToEnd(procureAndWait(cdesk, body, { intervalMs: 1_000, timeoutMs: 3_000 }));
  }

  it("a WaitTimeoutError carries the procurement and its resource ids", async () => {
    const error = errorOf(await procureThenPoll([PROVISIONING_STARTED]));
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).procurement).toEqual(accepted);
  });

  it("a failed provisioning after the procure carries it too", async () => {
    const error = errorOf(await procureThenPoll([{ ...READY, procurement_status: "failed", failure_reason: "no capacity" }]));
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect((error as ProvisioningFailedError).procurement).toEqual(accepted);
  });

  it.each([
    ["an object with a message", { code: "QUOTA", message: "quota exceeded" }, "Provisioning failed: quota exceeded"],
    ["an object without one", { code: "QUOTA" }, 'Provisioning failed: {"code":"QUOTA"}'],
  ])("a procure answer whose error is %s reads as a sentence, not [object Object]", async (_, error, message) => {
    const refused = { ...accepted, status: "failed", error } as unknown as Procurement;
    const outcome = errorOf(await procureThenPoll([READY], refused));
    expect((outcome as Error).message).toBe(message);
  });
});
