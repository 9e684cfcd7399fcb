import { AuthenticationError, OfferExpiredError } from "@cdesk/client";
import type { OfferTemplate } from "@cdesk/simulator";
import { describe, expect, it } from "vitest";
import { useFakeClock } from "../../test/support/fake-clock.js";
import { errorOf } from "../../test/support/scripted-client.js";
import { SSH_KEY, runWithSimulator, simulated } from "../../test/support/simulated.js";
import { ProvisioningFailedError } from "../errors.js";
import { acquire } from "./acquire.js";
import { AcquireError } from "./error.js";
import type { AcquireEvent } from "./events.js";
import type { AcquireOptions } from "./options.js";

useFakeClock();

const h100 = (vendor: string, total: number): OfferTemplate => ({
  gpu_type: "nvidia-h100-sxm5-80gb",
  gpu_family: "H100",
  gpu_count: 8,
  vendor,
  region: "EU",
  gpu_price_per_hour: total / 8,
  total_price_per_hour: total,
});
const OFFERS = [h100("nebius", 23.6), h100("scaleway", 27.2), h100("hyperstack", 29.9)];
const query = { region: "EU", compute: { gpu_type: "H100", gpu_count: 8 } } as const;
const base = { query, ssh_public_key: SSH_KEY, intervalMs: 5_000 } satisfies AcquireOptions;

const procures = (sim: { requests: readonly { method: string; path: string; body: string | undefined }[] }) =>
  sim.requests.filter((r) => r.method === "POST" && r.path === "/procure_offer").map((r) => JSON.parse(r.body ?? "{}").offer_id as string);

describe("acquire on the simulator", () => {
  it("tries the next offer when the first fails provisioning, and deletes the first one's resources", async () => {
    const { sim, cdesk } = simulated({ offers: OFFERS });
    sim.failOffer((offer) => offer.vendor === "nebius", "provisioning");
    const events: AcquireEvent["type"][] = [];
    const outcome = await runWithSimulator(sim, acquire(cdesk, { ...base, maxPricePerHour: 30, onEvent: (e) => events.push(e.type) }));

    if (!("value" in outcome)) throw outcome.error;
    const { offer, status, attempts } = outcome.value;
    expect(offer.vendor).toBe("scaleway");
    expect(status.procurement_status).toBe("ready");
    expect(status.instances[0]?.ssh_command).toMatch(/^ssh /);
    expect(procures(sim)).toEqual(attempts.map((a) => a.offer.offer_id));
    expect(procures(sim)).toHaveLength(2);
    const [failed, ready] = attempts;
    expect(failed).toMatchObject({ outcome: "failed", error: expect.any(ProvisioningFailedError) });
    expect(failed?.resources.length).toBeGreaterThan(0);
    expect(failed?.resources.every((r) => r.fate === "deleted")).toBe(true);
    expect(ready?.resources.every((r) => r.fate === "kept")).toBe(true);
    for (const { resourceId, fate } of attempts.flatMap((a) => a.resources)) {
      const inSim = sim.state.resources.find((r) => r.resource_id === resourceId);
      expect(inSim?.status === "deleted", resourceId).toBe(fate === "deleted");
    }
    expect(events).toEqual([
      "searched", "procuring", "procured", ...events.slice(3, events.indexOf("failed")), "failed", "cleaning-up", "cleaned-up",
      "procuring", "procured", ...events.slice(events.lastIndexOf("procured") + 1, -1), "ready",
    ]);
  });

  it("procures nothing when every offer is above maxPricePerHour", async () => {
    const { sim, cdesk } = simulated({ offers: OFFERS });
    const skipped: string[] = [];
    const onEvent = (e: AcquireEvent) => e.type === "skipped" && skipped.push(e.reason);
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, maxPricePerHour: 20, onEvent })));
    expect(error).toBeInstanceOf(AcquireError);
    expect(error).toMatchObject({ attempts: [], message: expect.stringMatching(/^No offer to procure: the search found 3 offer\(s\), 3 skipped \(maxPricePerHour 20\)/) });
    expect(skipped).toEqual(["over-price", "over-price", "over-price"]);
    expect(procures(sim)).toEqual([]);
  });

  it("moves on when the chosen offer expired between search and procure (410)", async () => {
    const { sim, cdesk } = simulated({ offers: [OFFERS[0] as OfferTemplate] });
    let expired = false;
    // The server's clock runs ahead of ours: by its clock the offer is gone when the procure arrives.
    const onEvent = (e: AcquireEvent) => {
      if (e.type === "procuring" && !expired) {
        expired = true;
        sim.advance(30 * 60_000);
      }
    };
    const outcome = await runWithSimulator(sim, acquire(cdesk, { ...base, onEvent }));
    if (!("value" in outcome)) throw outcome.error;
    const [first, second] = outcome.value.attempts;
    expect(first).toMatchObject({ outcome: "failed", error: expect.any(OfferExpiredError), resources: [] });
    expect(second?.outcome).toBe("ready");
    expect(outcome.value.offer.offer_id).toBe(second?.offer.offer_id);
    expect(sim.requests.filter((r) => r.path === "/get_offers")).toHaveLength(2);
    expect(procures(sim)).toHaveLength(2);
  });

  it("carries on with an offer whose procure timed out but went through, and never procures again", async () => {
    let cut = false;
    const { sim, cdesk } = simulated({ offers: OFFERS }, (simFetch) => async (url, init) => {
      const answer = await simFetch(url, init);
      if (cut || new URL(url).pathname !== "/procure_offer") return answer;
      cut = true;
      // The server procured; its answer never arrives, so the client's timeoutMs passes.
      return new Promise((_resolve, reject) => init.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
    });
    const events: AcquireEvent[] = [];
    const outcome = await runWithSimulator(sim, acquire(cdesk, { ...base, onEvent: (e) => events.push(e) }));

    if (!("value" in outcome)) throw outcome.error;
    expect(procures(sim)).toEqual([outcome.value.offer.offer_id]);
    expect(outcome.value).toMatchObject({ procurement: undefined, status: { procurement_status: "ready" } });
    const [only] = outcome.value.attempts;
    expect(only?.resources.map((r) => r.resourceId).sort()).toEqual(sim.state.resources.map((r) => r.resource_id).sort());
    expect(events.find((e) => e.type === "procured")).toMatchObject({ procurement: undefined, resourceIds: expect.arrayContaining([expect.any(String)]) });
  });

  it.each(["on-failure", "never"] as const)("on an abort during provisioning, cleanup %s deletes or reports that attempt's resources", async (cleanup) => {
    const { sim, cdesk } = simulated({ offers: OFFERS });
    const controller = new AbortController();
    const onEvent = (e: AcquireEvent) => e.type === "progress" && controller.abort(new Error("Ctrl-C"));
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, cleanup, signal: controller.signal, onEvent })));

    expect(error).toBeInstanceOf(AcquireError);
    expect((error as AcquireError).cause).toMatchObject({ name: "AbortError", cause: { message: "Ctrl-C" } });
    const [attempt] = (error as AcquireError).attempts;
    expect(attempt?.outcome).toBe("stopped");
    // The key (like any request body) is in no message and no serialised error.
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(SSH_KEY.split(" ")[1]);
    const simIds = sim.state.resources.map((r) => r.resource_id).sort();
    expect(attempt?.resources.map((r) => r.resourceId).sort()).toEqual(simIds);
    expect(simIds.length).toBeGreaterThan(0);
    const expected = cleanup === "on-failure" ? "deleted" : "kept";
    expect(attempt?.resources.every((r) => r.fate === expected)).toBe(true);
    expect(sim.state.resources.every((r) => (r.status === "deleted") === (cleanup === "on-failure"))).toBe(true);
    expect(procures(sim)).toHaveLength(1);
  });

  it("stops at once on a 401, having procured nothing", async () => {
    const { sim, cdesk } = simulated({ offers: OFFERS, token: "another-token" });
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, base)));
    expect(error).toBeInstanceOf(AcquireError);
    expect((error as AcquireError).cause).toBeInstanceOf(AuthenticationError);
    expect(sim.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["POST /get_offers 401"]);
  });

  it("sends nothing when the signal fired already", async () => {
    const { sim, cdesk } = simulated({ offers: OFFERS });
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, signal: AbortSignal.abort() })));
    expect(error).toMatchObject({ name: "AcquireError", attempts: [], cause: { name: "AbortError" } });
    expect(sim.requests).toEqual([]);
  });

  it("rejects bad options with CdeskInputError before any request", async () => {
    const { sim, cdesk } = simulated({ offers: OFFERS });
    await expect(acquire(cdesk, { ...base, maxAttempts: 0 })).rejects.toMatchObject({ name: "CdeskInputError", field: "maxAttempts" });
    expect(sim.requests).toEqual([]);
  });
});
