import { describe, expect, it } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { errorOf } from "../test/support/scripted-client.js";
import { SSH_KEY, runWithSimulator, simulated } from "../test/support/simulated.js";
import { ProvisioningFailedError } from "./errors.js";
import { procureAndWait } from "./procure-and-wait.js";

useFakeClock();

const query = { region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } } as const;

async function firstOffer(cdesk: ReturnType<typeof simulated>["cdesk"]) {
  const { offers } = await cdesk.offers.search(query);
  if (!offers[0]) throw new Error("the simulator found no offer");
  return offers[0];
}

describe("procureAndWait on the simulator", () => {
  it("procures, then follows the status through every stage to ready", async () => {
    const { sim, cdesk } = simulated({ provisioningMs: 60_000 });
    const offer = await firstOffer(cdesk);
    const stages: string[] = [];
    const outcome = await runWithSimulator(
      sim,
      procureAndWait(cdesk, { offer_id: offer.offer_id, ssh_public_key: SSH_KEY }, { onProgress: ({ status }) => stages.push(status.procurement_status) }),
    );
    if (!("value" in outcome)) throw outcome.error;
    const { procurement, status } = outcome.value;
    expect(procurement).toMatchObject({ offer_id: offer.offer_id, status: "provisioning_in_progress" });
    expect(procurement.resource_ids).toEqual(sim.state.resources.map((r) => r.resource_id));
    expect(status.instances[0]?.ssh_command).toMatch(/^ssh /);
    // One status request every 15 s: the stages in their order, each seen, ready last.
    expect([...new Set(stages)]).toEqual(["provisioning_started", "provisioning_in_progress", "ready"]);
    expect(sim.requests.filter((r) => r.path === `/offers/${offer.offer_id}/status`)).toHaveLength(stages.length);
  });

  it.each(["provisioning", "capacity"] as const)("ends with ProvisioningFailedError when provisioning fails (%s)", async (failure) => {
    const { sim, cdesk } = simulated();
    const offer = await firstOffer(cdesk);
    sim.failOffer(offer.offer_id, failure);
    const error = errorOf(await runWithSimulator(sim, procureAndWait(cdesk, { offer_id: offer.offer_id, ssh_public_key: SSH_KEY })));
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({ status: { procurement_status: "failed" }, failureReason: expect.any(String) });
  });

  it("fails at once, without polling, when the procure answer says failed", async () => {
    const { sim, cdesk } = simulated();
    const offer = await firstOffer(cdesk);
    sim.failOffer(offer.offer_id, "procure");
    const error = errorOf(await runWithSimulator(sim, procureAndWait(cdesk, { offer_id: offer.offer_id, ssh_public_key: SSH_KEY })));
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({ procurement: { status: "failed" }, status: undefined });
    expect(sim.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });
});
