// The README's example, as a test: @cdesk/client on sim.fetch, the manual clock, faults.
import { ConflictError, createCdeskClient, InternalServerError, OfferExpiredError } from "@cdesk/client";
import { afterEach, expect, test, vi } from "vitest";
import { createSimulator } from "../src/index.js";

afterEach(() => {
  vi.useRealTimers();
});

test("search, procure, wait for ready, delete: the client against the simulator, in-process", async () => {
  const sim = createSimulator({ seed: 7, clock: "manual", provisioningMs: 90_000, deletionMs: 5_000 });
  const cdesk = createCdeskClient({ token: "any", baseUrl: sim.url, fetch: sim.fetch, logLevel: "off" });

  const { offers } = await cdesk.offers.search({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5 } });
  const offer = offers[0]!;
  const procured = await cdesk.offers.procure({ offer_id: offer.offer_id, ssh_public_key: "ssh-ed25519 AAAA me@laptop" });
  expect(procured.status).toBe("provisioning_in_progress");

  sim.advance(90_000);
  const status = await cdesk.offers.status(offer.offer_id);
  expect(status.procurement_status).toBe("ready");
  expect(status.instances[0]!.ssh_command).toMatch(/^ssh root@(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);

  const [resourceId] = procured.resource_ids!;
  await cdesk.resources.delete(resourceId!, { force: true });
  await expect(cdesk.resources.delete(resourceId!, { force: true })).rejects.toBeInstanceOf(ConflictError);
  sim.advance(5_000);
  expect((await cdesk.resources.get(resourceId!, { forceRefresh: true })).status).toBe("deleted");
  expect((await cdesk.resources.list()).map((r) => r.status)).toEqual(["deleted"]);

  sim.advance(30 * 60_000);
  const [stale] = (await cdesk.offers.search({ compute: { gpu_type: "L4" } })).offers;
  sim.advance(30 * 60_000);
  await expect(cdesk.offers.procure({ offer_id: stale!.offer_id, ssh_public_key: "ssh-ed25519 AAAA" })).rejects.toBeInstanceOf(OfferExpiredError);
});

test("an injected 503 with Retry-After: the client waits (fake timers) and retries", async () => {
  vi.useFakeTimers();
  const sim = createSimulator({ clock: "manual" });
  const cdesk = createCdeskClient({ token: "any", baseUrl: sim.url, fetch: sim.fetch, logLevel: "off" });
  sim.failNext("GET /available_gpus", { status: 503, times: 1, retryAfter: 1 });
  const gpus = cdesk.catalog.gpus();
  await vi.advanceTimersByTimeAsync(1_000);
  expect(Object.keys(await gpus)).toContain("H100");
  expect(sim.requests.map((r) => r.status)).toEqual([503, 200]);

  sim.failNext("GET /available_gpus", { status: 500, times: 3 });
  const failing = cdesk.catalog.gpus({ maxRetries: 0 });
  await expect(failing).rejects.toBeInstanceOf(InternalServerError);
  await expect(failing).rejects.toMatchObject({ status: 500, requestId: sim.requests.at(-1)!.requestId });
});

test("the README's first example, verbatim", async () => {
  const sim = createSimulator({ seed: 7, clock: "manual" });
  const cdesk = createCdeskClient({ token: "any", baseUrl: sim.url, fetch: sim.fetch }); // no socket

  const { offers } = await cdesk.offers.search({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } });
  const procured = await cdesk.offers.procure({ offer_id: offers[0]!.offer_id, ssh_public_key: "ssh-ed25519 AAAA… me" });

  sim.advance(3_000); // the manual clock: provisioning (3 s by default) is over
  expect((await cdesk.offers.status(offers[0]!.offer_id)).procurement_status).toBe("ready");

  await cdesk.resources.delete(procured.resource_ids![0]!, { force: true });
  sim.advance(2_000);
  expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
});
