import { createCdeskClient } from "@cdesk/client";
import { createSimulator } from "@cdesk/simulator";
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { rentGpu } from "../src/rent-gpu.js";

const sshKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample test@example";

// Fake time: the poller's 15 s waits and the simulator's 90 s provisioning pass at once.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function setUp() {
  const sim = createSimulator({ seed: 7, provisioningMs: 90_000 }); // the simulator's clock follows the (fake) Date
  const cdesk = createCdeskClient({ token: "test", baseUrl: sim.url, fetch: sim.fetch }); // in-process, no socket
  return { sim, cdesk };
}

/** Lets fake time pass until `promise` settles (at most an hour of it). */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.advanceTimersByTimeAsync(60 * 60_000);
  const result = await outcome;
  if ("error" in result) throw result.error;
  return result.value;
}

test("rents the cheapest H100 offer and returns its ssh command", async () => {
  const { sim, cdesk } = setUp();
  const status = await settle(rentGpu(cdesk, "H100", sshKey));

  expect(status.procurement_status).toBe("ready");
  expect(status.instances[0]?.ssh_command).toMatch(/^ssh /);
  const rented = sim.state.offers.find((offer) => offer.offer_id === status.offer_id);
  const prices = sim.state.offers.map((offer) => offer.total_price_per_hour ?? Number.POSITIVE_INFINITY);
  expect(rented?.total_price_per_hour).toBe(Math.min(...prices));
});

test("when provisioning fails, deletes what it left behind and rents the next cheapest offer", async () => {
  const { sim, cdesk } = setUp();
  const doomed = new Set<string>();
  sim.failOffer((offer) => {
    if (doomed.size === 0) doomed.add(offer.offer_id); // the first offer procured fails
    return doomed.has(offer.offer_id);
  }, "provisioning");

  const status = await settle(rentGpu(cdesk, "H100", sshKey));

  expect(status.procurement_status).toBe("ready");
  const [failedOffer] = doomed;
  expect(failedOffer).toBeDefined();
  expect(status.offer_id).not.toBe(failedOffer);
  const leftBehind = await cdesk.resources.list({ offer_id: failedOffer ?? "" });
  expect(leftBehind.length).toBeGreaterThan(0);
  for (const resource of leftBehind) expect(["deleting", "deleted"]).toContain(resource.status); // not "failed": no longer billed
});
