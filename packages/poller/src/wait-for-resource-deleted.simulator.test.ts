import { expect, it } from "vitest";
import { useFakeClock } from "../test/support/fake-clock.js";
import { SSH_KEY, runWithSimulator, simulated } from "../test/support/simulated.js";
import { waitForResourceDeleted } from "./wait-for-resource-deleted.js";

useFakeClock();

it("after a delete, waits on the simulator until the resource is deleted", async () => {
  const { sim, cdesk } = simulated({ deletionMs: 20_000 });
  const { offers } = await cdesk.offers.search({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } });
  const { resource_ids } = await cdesk.offers.procure({ offer_id: offers[0]?.offer_id ?? "", ssh_public_key: SSH_KEY });
  const resourceId = resource_ids?.[0] ?? "";
  expect((await cdesk.resources.delete(resourceId)).status).toBe("deleting");

  const seen: unknown[] = [];
  const outcome = await runWithSimulator(
    sim,
    waitForResourceDeleted(cdesk, resourceId, { intervalMs: 5_000, onProgress: ({ status }) => seen.push(status.status) }),
  );
  expect(outcome).toMatchObject({ value: { resource_id: resourceId, status: "deleted" } });
  expect(seen.at(0)).toBe("deleting");
  expect(seen.at(-1)).toBe("deleted");
  expect(sim.state.resources.find((r) => r.resource_id === resourceId)?.status).toBe("deleted");
});

it("resolves undefined for a resource the simulator does not know (404)", async () => {
  const { sim, cdesk } = simulated();
  const outcome = await runWithSimulator(sim, waitForResourceDeleted(cdesk, "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24"));
  expect(outcome).toEqual({ value: undefined });
});
