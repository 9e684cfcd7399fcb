import { expect, it } from "vitest";
import { fakeRuntime } from "../../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useSimulatedApi } from "../../test/support/fake-time.js";
import { procuredOffer } from "../../test/support/simulator.js";

// In-process on fake time: the wait's intervals pass at once. The built bin's own runs are in
// test/contract/lifecycle.test.ts.
it("delete --wait: follows deleting to deleted", async () => {
  const { sim, env } = useSimulatedApi({ deletionMs: 2_000 });
  const { resourceIds } = await procuredOffer(sim);
  const io = fakeRuntime({}, env);

  expect(await cdeskOnFakeTime(["delete", resourceIds[0]!, "--wait", "--interval", "1s"], io.runtime)).toBe(0);

  expect(io.stderr()).toMatch(/^\[0s\] deleting: Terminating instance on vendor$/m);
  expect(io.stderr()).toMatch(/^\[2s\] deleted: Instance terminated$/m);
  expect(io.stdout()).toMatch(/^Status:\s+deleted$/m);
  expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
});
