import { expect, inject, it } from "vitest";
import { runScenario, scenarioEntries } from "../src/runtime-checks.js";
import { expectedScenarioReport } from "../src/expected-surface.js";

const { consumerDir } = inject("smoke");

it.each(scenarioEntries)("a consumer script (%s) drives @cdesk/mock with the client and the poller, all from the tarballs", async (entry) => {
  expect(await runScenario(process.execPath, consumerDir, entry)).toEqual(expectedScenarioReport);
});
