import { CdeskConnectionError, OfferExpiredError } from "@cdesk/client";
import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { OFFER_ID, PROVISIONING_STARTED, READY, RESOURCE_ID, apiError } from "../test/support/fixtures.js";
import type { RequestOptions } from "@cdesk/client";
import { type Step, errorOf, runToEnd, scripted } from "../test/support/scripted-client.js";
import type { OfferStatus, ProcureClient, Procurement } from "./client.js";
import { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
import { procureAndWait } from "./procure-and-wait.js";

useFakeClock();

const body = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAAC3Nza user@example" };
const accepted: Procurement = { offer_id: OFFER_ID, status: "provisioning_in_progress", resource_ids: [RESOURCE_ID], error: null };
const refused: Procurement = { offer_id: OFFER_ID, status: "failed", resource_ids: null, error: "Vendor rejected the request: quota exceeded" };

function procureThenPoll(
  procureSteps: Step<Procurement>[],
  statusSteps: Step<OfferStatus>[],
  timeoutMs = 60_000,
  signal?: AbortSignal,
) {
  const procured = scripted(procureSteps);
  const status = scripted(statusSteps);
  const procure = vi.fn((given: typeof body, opts?: RequestOptions) => procured.answer(given.offer_id, opts?.signal));
  const cdesk: ProcureClient = { offers: { procure, status: (id, opts) => status.answer(id, opts?.signal) } };
  const outcome = runToEnd(procureAndWait(cdesk, body, { intervalMs: 1_000, timeoutMs, signal }));
  return { outcome, procure, procured, statusCalls: status.calls };
}

describe("procureAndWait", () => {
  it("procures, then resolves with the procure answer and the ready status", async () => {
    const { outcome, procure, procured, statusCalls } = procureThenPoll([accepted], [PROVISIONING_STARTED, READY]);
    expect(await outcome).toEqual({ value: { procurement: accepted, status: READY } });
    expect(procure).toHaveBeenCalledWith(body, { signal: undefined });
    expect(procured.calls).toHaveLength(1);
    expect(statusCalls.map((c) => c.id)).toEqual([OFFER_ID, OFFER_ID]);
  });

  it("fails at once with the procure answer's error when it says failed, without polling", async () => {
    const { outcome, statusCalls } = procureThenPoll([refused], [READY]);
    const error = errorOf(await outcome);
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({ failureReason: refused.error, procurement: refused, status: undefined });
    expect(statusCalls).toHaveLength(0);
  });

  it("passes on the procure call's errors unchanged and never procures twice", async () => {
    const expired = new OfferExpiredError({ method: "POST", path: "/procure_offer", status: 410, requestId: undefined, body: null, headers: {} });
    const unknown = new CdeskConnectionError({ method: "POST", path: "/procure_offer" }, "socket hang up", { outcomeUnknown: true });
    for (const failure of [expired, unknown]) {
      const { outcome, procure, statusCalls } = procureThenPoll([failure], [READY]);
      expect(errorOf(await outcome)).toBe(failure);
      expect(procure).toHaveBeenCalledTimes(1);
      expect(statusCalls).toHaveLength(0);
    }
  });

  it("counts timeoutMs from the procure call", async () => {
    const slowProcure = () => new Promise<Procurement>((resolve) => setTimeout(() => resolve(accepted), 2_000));
    const { outcome, statusCalls } = procureThenPoll([slowProcure], [PROVISIONING_STARTED], 4_500);
    const error = errorOf(await outcome);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ elapsedMs: 4_500, attempts: 3 });
    expect(statusCalls.map((c) => c.at)).toEqual([2_000, 3_000, 4_000]);
  });

  it("never cuts the procure call short at the deadline, and then reports the timeout", async () => {
    const slowProcure = () => new Promise<Procurement>((resolve) => setTimeout(() => resolve(accepted), 10_000));
    const { outcome, procured, statusCalls } = procureThenPoll([slowProcure], [READY], 4_500);
    const error = errorOf(await outcome);
    expect(error).toMatchObject({ name: "WaitTimeoutError", elapsedMs: 10_000, attempts: 0 });
    expect(procured.calls[0]?.signal?.aborted).toBeFalsy();
    expect(statusCalls).toHaveLength(0);
  });

  it("passes the caller's signal to the procure call, and sends nothing when it already fired", async () => {
    const controller = new AbortController();
    const { outcome, procure } = procureThenPoll([accepted], [READY], 60_000, controller.signal);
    await outcome;
    expect(procure).toHaveBeenCalledWith(body, { signal: controller.signal });
    const aborted = procureThenPoll([accepted], [READY], 60_000, AbortSignal.abort());
    expect(errorOf(await aborted.outcome)).toMatchObject({ name: "AbortError" });
    expect(aborted.procure).not.toHaveBeenCalled();
  });

  it("ends at once on a fatal status error after procuring", async () => {
    const { outcome } = procureThenPoll([accepted], [await apiError(401)]);
    expect(errorOf(await outcome)).toMatchObject({ status: 401 });
  });
});
