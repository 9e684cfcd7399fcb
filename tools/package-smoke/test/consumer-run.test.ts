import { expect, inject, it } from "vitest";
import { runScenario } from "../src/runtime-checks.js";
import { expectedScenarioReport } from "../src/expected-surface.js";

const { consumerDir } = inject("smoke");

it("a consumer script drives @cdesk/mock with the client and the poller, all from the tarballs", async () => {
  expect(await runScenario(process.execPath, consumerDir)).toEqual(expectedScenarioReport);
});
