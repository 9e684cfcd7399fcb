import { describe, expect, it } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { RESOURCE_ID, apiError, resource } from "../test/support/fixtures.js";
import { type Step, errorOf, fakeResourceGet, runToEnd } from "../test/support/scripted-client.js";
import type { Resource } from "./client.js";
import { WaitTimeoutError } from "./errors.js";
import { waitForResourceDeleted } from "./wait-for-resource-deleted.js";

useFakeClock();

function waitDeleted(steps: Step<Resource>[], timeoutMs = 60_000) {
  const { cdesk, calls } = fakeResourceGet(steps);
  return { outcome: runToEnd(waitForResourceDeleted(cdesk, RESOURCE_ID, { intervalMs: 1_000, timeoutMs })), calls };
}

describe("waitForResourceDeleted", () => {
  it("resolves with the resource once it goes from deleting to deleted", async () => {
    const { outcome, calls } = waitDeleted([resource("running"), resource("deleting"), resource("deleted")]);
    expect(await outcome).toEqual({ value: resource("deleted") });
    expect(calls.map((c) => c.at)).toEqual([0, 1_000, 2_000]);
    expect(calls[0]?.id).toBe(RESOURCE_ID);
  });

  it("resolves undefined when the resource is gone (404)", async () => {
    const { outcome, calls } = waitDeleted([resource("deleting"), await apiError(404), resource("running")]);
    expect(await outcome).toEqual({ value: undefined });
    expect(calls).toHaveLength(2);
  });

  it("keeps waiting through unknown statuses and transient errors", async () => {
    const { outcome, calls } = waitDeleted([resource("terminating"), await apiError(502), resource(null), resource("deleted")]);
    expect(await outcome).toEqual({ value: resource("deleted") });
    expect(calls).toHaveLength(4);
  });

  it("ends at once on a 403", async () => {
    const { outcome, calls } = waitDeleted([resource("deleting"), await apiError(403)]);
    expect(errorOf(await outcome)).toMatchObject({ status: 403 });
    expect(calls).toHaveLength(2);
  });

  it("times out with the last resource seen", async () => {
    const { outcome } = waitDeleted([resource("deleting")], 3_500);
    const error = errorOf(await outcome);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect(error).toMatchObject({ lastStatus: resource("deleting"), attempts: 4, elapsedMs: 3_500 });
  });
});
