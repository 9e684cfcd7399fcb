import { describe, expect, test } from "vitest";
import { call, firstOffer, H100_EU, procure, searchOffers } from "../test/wire.js";
import { createSimulator } from "./index.js";

describe("the lifecycle: search, procure, poll, use, delete", () => {
  test("the offer searched is the one procured, polled and deleted, on the manual clock", async () => {
    const sim = createSimulator({ seed: 7, clock: "manual", provisioningMs: 60_000, deletionMs: 5_000 });
    const search = await searchOffers(sim, H100_EU);
    expect(search.status).toBe(200);
    expect(search.body.offers.map((o: any) => [o.vendor, o.gpu_price_per_hour])).toEqual([
      ["nebius", 2.95],
      ["scaleway", 3.4],
    ]);
    expect(search.body.total_count).toBe(2);
    expect(search.body.filters_applied).toEqual({ region: "EU", gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" });
    const offerId = search.body.offers[0].offer_id;

    const procured = await procure(sim, offerId);
    expect(procured.status).toBe(200);
    expect(procured.body).toMatchObject({ offer_id: offerId, status: "provisioning_in_progress", error: null });
    const [resourceId] = procured.body.resource_ids;

    const status = async () => (await call(sim, "GET", `/offers/${offerId}/status`)).body;
    expect(await status()).toMatchObject({ offer_id: offerId, status: "procured", procurement_status: "provisioning_started", instances: [] });
    sim.advance(15_000);
    expect(await status()).toMatchObject({
      procurement_status: "provisioning_in_progress",
      instances: [{ external_ip: null, ssh_command: null, status: "booting" }],
      resource_ids: [resourceId],
    });
    sim.advance(45_000);
    const ready = await status();
    expect(ready.procurement_status).toBe("ready");
    const [instance] = ready.instances;
    expect(instance.external_ip).toMatch(/^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d+$/);
    expect(instance.ssh_command).toBe(`ssh root@${instance.external_ip}`);

    const listed = await call(sim, "GET", `/resources?offer_id=${offerId}`);
    expect(listed.body.map((r: any) => [r.resource_id, r.status])).toEqual([[resourceId, "running"]]);

    const deletion = await call(sim, "DELETE", `/resources/${resourceId}?force=true`);
    expect(deletion.body).toEqual({ resource_id: resourceId, status: "deleting", message: "Resource deletion initiated" });
    expect((await call(sim, "DELETE", `/resources/${resourceId}?force=true`)).status).toBe(409);
    sim.advance(5_000);
    expect((await call(sim, "GET", `/resources/${resourceId}?force_refresh=true`)).body.status).toBe("deleted");
    expect((await call(sim, "GET", "/resources")).body.map((r: any) => r.status)).toEqual(["deleted"]);
    const again = await call(sim, "DELETE", `/resources/${resourceId}?force=true`);
    expect(again).toMatchObject({ status: 409, body: { detail: `Resource ${resourceId} is already deleted` } });
  });

  test("GET /resources/{id} keeps the 30 s reconciliation cooldown unless force_refresh=true", async () => {
    const sim = createSimulator({ clock: "manual", provisioningMs: 1_000, deletionMs: 1_000 });
    const offerId = await firstOffer(sim);
    const [resourceId] = (await procure(sim, offerId)).body.resource_ids;
    sim.advance(2_000);
    const stale = await call(sim, "GET", `/resources/${resourceId}`);
    expect(stale.body.status).toBe("provisioning");
    const fresh = await call(sim, "GET", `/resources/${resourceId}?force_refresh=true`);
    expect(fresh.body.status).toBe("running");
    expect(Date.parse(fresh.body.last_synced_at) - Date.parse(stale.body.last_synced_at)).toBe(2_000);

    await call(sim, "DELETE", `/resources/${resourceId}`);
    sim.advance(29_000);
    expect((await call(sim, "GET", `/resources/${resourceId}`)).body.status).toBe("deleting");
    sim.advance(1_000);
    expect((await call(sim, "GET", `/resources/${resourceId}`)).body.status).toBe("deleted");
  });

  test("a cluster offer creates one VM per node, named after cluster_name", async () => {
    const sim = createSimulator({ clock: "manual" });
    const search = await searchOffers(sim, "region: EU\ncompute:\n  gpu_type: nvidia-h100-sxm5-80gb\n  gpu_count: 16\n");
    const cluster = search.body.offers[0];
    expect(cluster).toMatchObject({ deployment_type: "cluster", node_count: 2, gpus_per_node: 8, gpu_count: 16 });
    const procured = await procure(sim, cluster.offer_id, { cluster_name: "train" });
    expect(procured.body.resource_ids).toHaveLength(2);
    expect(sim.state.resources.map((r) => r.name)).toEqual(["train-node-1", "train-node-2"]);
  });
});

describe("offers", () => {
  test("every search gives fresh ids that expire 30 minutes after creation; procuring an expired one is 410", async () => {
    const sim = createSimulator({ clock: "manual" });
    const first = await firstOffer(sim);
    const second = await firstOffer(sim);
    expect(second).not.toBe(first);
    const details = await call(sim, "GET", `/offers/${first}`);
    expect(Date.parse(details.body.expires_at) - Date.parse(details.body.created_at)).toBe(30 * 60_000);
    expect(details.body).toMatchObject({ offer_id: first, status: "available", procured_at: null });
    sim.advance(30 * 60_000);
    expect((await call(sim, "GET", `/offers/${first}`)).body.status).toBe("expired");
    expect(await procure(sim, first)).toMatchObject({ status: 410, body: { detail: `Offer ${first} has expired` } });
  });

  test("an unknown offer id is 404, a malformed one 422, and procuring twice 409", async () => {
    const sim = createSimulator({ clock: "manual" });
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect(await call(sim, "GET", `/offers/${unknown}/status`)).toMatchObject({ status: 404, body: { detail: "Offer not found" } });
    expect(await procure(sim, unknown)).toMatchObject({ status: 404 });
    const malformed = await call(sim, "GET", "/offers/not-a-uuid");
    expect(malformed.status).toBe(422);
    expect(malformed.body.detail[0]).toMatchObject({ loc: ["path", "offer_id"], type: "uuid_parsing" });
    const offerId = await firstOffer(sim);
    await procure(sim, offerId);
    expect(await procure(sim, offerId)).toMatchObject({ status: 409, body: { detail: `Offer ${offerId} has already been procured` } });
  });

  test("every offer agrees with the discovery endpoints", async () => {
    const sim = createSimulator({ clock: "manual" });
    const gpus = (await call(sim, "GET", "/available_gpus")).body as Record<string, string[]>;
    const vendors = (await call(sim, "GET", "/available_vendors")).body;
    const regions = (await call(sim, "GET", "/available_regions")).body;
    const contracts = (await call(sim, "GET", "/available_contracts")).body;
    expect(regions).toEqual(["US", "EU", "APAC", "Other"]);
    expect(contracts).toEqual(["ondemand", "spot"]);
    let seen = 0;
    for (const family of Object.keys(gpus)) {
      for (const count of [1, 2, 4, 8, 16, 32]) {
        for (const offer of (await searchOffers(sim, `compute:\n  gpu_type: ${family}\n  gpu_count: ${count}\n`)).body.offers) {
          seen++;
          expect(gpus[offer.gpu_family]).toContain(offer.gpu_type);
          expect(vendors).toContain(offer.vendor);
          expect(regions).toContain(offer.region);
          expect(contracts).toContain(offer.contract_type);
          expect(offer.gpu_count).toBe(offer.node_count * offer.gpus_per_node);
        }
      }
    }
    expect(seen).toBeGreaterThan(100);
  });

  test("the same seed gives the same offers, ids and prices", async () => {
    const run = async (seed: number) => (await searchOffers(createSimulator({ seed, clock: "manual" }), "compute:\n  gpu_type: A100\n")).body.offers;
    const a = await run(3);
    expect(await run(3)).toEqual(a.map((o: any) => ({ ...o, created_at: expect.any(String), expires_at: expect.any(String) })));
    expect((await run(4))[0].offer_id).not.toBe(a[0].offer_id);
  });

  test("your own inventory replaces the generated one", async () => {
    const sim = createSimulator({
      clock: "manual",
      offers: [{ gpu_type: "nvidia-b200-sxm6-180gb", gpu_family: "B200", gpu_count: 8, vendor: "acme", region: "US", gpu_price_per_hour: 6, total_price_per_hour: 48 }],
    });
    expect((await call(sim, "GET", "/available_gpus")).body).toEqual({ B200: ["nvidia-b200-sxm6-180gb"] });
    expect((await searchOffers(sim, "compute:\n  gpu_type: B200\n  gpu_count: 8\n")).body.offers[0].vendor).toBe("acme");
  });
});

describe("failOffer", () => {
  test('"procure": the procure call answers failed and creates nothing', async () => {
    const sim = createSimulator({ clock: "manual" });
    const offerId = await firstOffer(sim);
    sim.failOffer(offerId, "procure");
    const procured = await procure(sim, offerId);
    expect(procured.body).toMatchObject({ offer_id: offerId, status: "failed", procured_at: null, resource_ids: null });
    expect(procured.body.error).toContain("Vendor rejected the request");
    expect((await call(sim, "GET", `/offers/${offerId}/status`)).body).toMatchObject({ status: "failed", procurement_status: "failed" });
    expect(sim.state.resources).toEqual([]);
    expect(() => sim.failOffer(offerId, "capacity")).toThrow(/already procured; call failOffer before procuring it/);
    expect(() => sim.failOffer("00000000-0000-4000-8000-000000000000", "procure")).toThrow(/no offer has the id/);
  });

  test('"capacity": accepted, then failed before any instance, its resources released', async () => {
    const sim = createSimulator({ clock: "manual", provisioningMs: 4_000 });
    sim.failOffer((offer) => offer.vendor === "nebius", "capacity");
    const offerId = await firstOffer(sim);
    const [resourceId] = (await procure(sim, offerId)).body.resource_ids;
    sim.advance(1_000);
    const status = (await call(sim, "GET", `/offers/${offerId}/status`)).body;
    expect(status).toMatchObject({ status: "failed", procurement_status: "failed", instances: [], resource_ids: [resourceId] });
    expect(status.failure_reason).toMatch(/capacity exhausted.*released \(deleted\)/);
    expect((await call(sim, "GET", `/resources/${resourceId}?force_refresh=true`)).body.status).toBe("deleted");
  });

  test('"provisioning": instances boot, then fail; the VM stays failed until deleted', async () => {
    const sim = createSimulator({ clock: "manual", provisioningMs: 4_000, deletionMs: 1_000 });
    const offerId = await firstOffer(sim);
    sim.failOffer(offerId, "provisioning");
    const [resourceId] = (await procure(sim, offerId)).body.resource_ids;
    sim.advance(2_000);
    expect((await call(sim, "GET", `/offers/${offerId}/status`)).body.procurement_status).toBe("provisioning_in_progress");
    sim.advance(2_000);
    const status = (await call(sim, "GET", `/offers/${offerId}/status`)).body;
    expect(status.procurement_status).toBe("failed");
    expect(status.failure_reason).toContain(`${resourceId} left in status failed: delete them`);
    expect((await call(sim, "GET", "/resources")).body[0].status).toBe("failed");
    expect((await call(sim, "DELETE", `/resources/${resourceId}`)).status).toBe(200);
    sim.advance(1_000);
    expect(sim.state.resources[0]!.status).toBe("deleted");
  });
});

test("a persistent volume is a resource of its own and outlives a failed provisioning", async () => {
  const sim = createSimulator({ clock: "manual", provisioningMs: 4_000 });
  const yaml = "region: EU\ncompute:\n  gpu_type: H100\nstorage:\n  - type: block_disk\n    size: 500GB\n    persistent: true\n";
  const offerId = await firstOffer(sim, yaml);
  sim.failOffer(offerId, "provisioning");
  const resourceIds = (await procure(sim, offerId)).body.resource_ids;
  expect(resourceIds).toHaveLength(2);
  sim.advance(4_000);
  const status = (await call(sim, "GET", `/offers/${offerId}/status`)).body;
  expect(status.failure_reason).toContain(`persistent volume(s) ${resourceIds[1]} kept: delete them separately`);
  expect(sim.state.resources.map((r) => [r.resource_type, r.status])).toEqual([
    ["vm", "failed"],
    ["storage", "available"],
  ]);
});

describe("failNext", () => {
  test("the next requests of one operation answer the injected status with Retry-After, then it recovers", async () => {
    const sim = createSimulator({ clock: "manual" });
    const offerId = await firstOffer(sim);
    sim.failNext("GET /offers/{offer_id}/status", { status: 503, times: 2, retryAfter: 1 });
    const first = await call(sim, "GET", `/offers/${offerId}/status`);
    expect(first).toMatchObject({ status: 503, body: { detail: "Service temporarily unavailable" } });
    expect(first.headers.get("retry-after")).toBe("1");
    expect((await call(sim, "GET", `/offers/${offerId}`)).status).toBe(200);
    expect((await call(sim, "GET", `/offers/${offerId}/status`)).status).toBe(503);
    expect((await call(sim, "GET", `/offers/${offerId}/status`)).status).toBe(200);
  });

  test('"reset" clears queued faults; unknown operations and undeclared statuses are refused', async () => {
    const sim = createSimulator({ clock: "manual" });
    sim.failNext("POST /get_offers", { status: 429, times: 5 });
    sim.failNext("reset");
    expect((await searchOffers(sim, H100_EU)).status).toBe(200);
    expect(() => sim.failNext("GET /nowhere" as never)).toThrow(/unknown operation/);
    expect(() => sim.failNext("POST /get_offers", { status: 404 })).toThrow(/404 is not a fault the spec declares/);
    expect(() => sim.failNext("POST /get_offers", { status: 422 })).toThrow(/use 429 or a 5xx/);
  });
});

describe("state, requests and reset", () => {
  test("requests are recorded with the token redacted; reset starts over", async () => {
    const sim = createSimulator({ seed: 2, clock: "manual" });
    const before = await firstOffer(sim);
    expect(sim.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/get_offers", status: 200, body: H100_EU, headers: expect.objectContaining({ authorization: "Bearer [redacted]" }) }),
    ]);
    expect(sim.state.offers.map((o) => o.offer_id)).toContain(before);
    sim.reset();
    expect(sim.requests).toEqual([]);
    expect(sim.state.offers).toEqual([]);
    expect(await firstOffer(sim)).toBe(before);
  });
});

describe("sim.fetch takes what fetch takes", () => {
  test("a Request, headers as Headers or pairs, a non-string body, and an abort signal", async () => {
    const sim = createSimulator({ clock: "manual" });
    const fromRequest = await sim.fetch(new Request(`${sim.url}/available_contracts`, { headers: new Headers({ Authorization: "Bearer r" }) }));
    expect(await fromRequest.json()).toEqual(["ondemand", "spot"]);
    const fromPairs = await sim.fetch(new URL(`${sim.url}/available_regions`), { headers: [["authorization", "Bearer p"]] });
    expect(fromPairs.status).toBe(200);
    const bytes = new TextEncoder().encode("compute:\n  gpu_type: L4\n");
    const search = await sim.fetch(`${sim.url}/get_offers`, { method: "POST", headers: { authorization: "Bearer b" }, body: bytes });
    expect((await search.json()).offers.length).toBeGreaterThan(0);
    const controller = new AbortController();
    controller.abort();
    await expect(sim.fetch(`${sim.url}/available_gpus`, { signal: controller.signal })).rejects.toMatchObject({ name: "AbortError" });
    expect(sim.requests.map((r) => r.path)).toEqual(["/available_contracts", "/available_regions", "/get_offers"]);
  });

  test("a string body without a content type is text/plain, as fetch sends it: procure answers 422 as FastAPI does", async () => {
    const sim = createSimulator({ clock: "manual" });
    const offerId = await firstOffer(sim);
    const reply = await call(sim, "POST", "/procure_offer", { body: JSON.stringify({ offer_id: offerId, ssh_public_key: "k" }) });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({ type: "model_attributes_type", loc: ["body"] });
  });
});
