import { expect, it } from "vitest";
import { fakeRuntime } from "../../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useSimulatedApi } from "../../test/support/fake-time.js";
import { procuredOffer } from "../../test/support/simulator.js";

// In-process on fake time: the wait's intervals pass at once. The built bin's own runs are in
// test/contract/lifecycle.test.ts.
it("status --wait --json: the ready status once it is ready, and nothing else on stdout", async () => {
  const { sim, env } = useSimulatedApi({ provisioningMs: 4_000 });
  const { offerId } = await procuredOffer(sim);
  const io = fakeRuntime({}, env);

  expect(await cdeskOnFakeTime(["status", offerId, "--wait", "--json", "--interval", "1s"], io.runtime)).toBe(0);

  expect(JSON.parse(io.stdout())).toMatchObject({ offer_id: offerId, procurement_status: "ready" });
  expect(io.stderr()).toContain("provisioning in progress: 0/1 instances running");
});
