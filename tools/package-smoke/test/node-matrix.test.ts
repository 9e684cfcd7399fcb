// The run-time half of the smoke test on Node 22, 24 and 26 (Node 20 runs it in the main suite).
// Separate because a cold npx cache downloads each Node; run with `pnpm smoke:node-matrix`.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { expectedBins, expectedScenarioReport } from "../src/expected-surface.js";
import { nodeBinary } from "../src/node-binaries.js";
import { pinnedNode } from "../src/runtimes/pinned.mjs";
import { hasMainEntry, loadBothWays, runBin, runScenario, scenarioEntries } from "../src/runtime-checks.js";
import { listPublicPackages } from "../src/workspace.mjs";

const { consumerDir } = inject("smoke");
const libraries = listPublicPackages().filter((pkg) => hasMainEntry(pkg.manifest)).map((pkg) => pkg.name);

describe.each([22, 24, 26] as const)("Node %i", (major) => {
  let node = "";
  beforeAll(async () => {
    node = await nodeBinary(pinnedNode[major]);
  });

  it.concurrent.each(libraries)("imports and requires %s with the same exports", async (name) => {
    const { esm, cjs, missing } = await loadBothWays(node, consumerDir, name);
    expect(cjs).toEqual(esm);
    expect(missing).toEqual([]);
  });

  it.concurrent.each(Object.entries(expectedBins))("runs the `%s` bin with %j", async (bin, args) => {
    expect(await runBin(node, consumerDir, bin, args)).toMatch(/usage/i);
  });

  it.concurrent.each(scenarioEntries)("runs the consumer scenario (%s) against @cdesk/mock", async (entry) => {
    expect(await runScenario(node, consumerDir, entry)).toEqual(expectedScenarioReport);
  });
});
