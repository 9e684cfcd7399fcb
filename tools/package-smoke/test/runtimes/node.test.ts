// The lifecycle on every Node line we support, through import, require, and both dual-package
// mixes (an ESM client handed to the CommonJS poller, and the reverse), against each server.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { nodeBinary } from "../../src/node-binaries.js";
import { againstEachServer, configFor, timedOutRequestsClosed } from "../../src/runtimes/lifecycle-suite.js";
import { nodeMajors, pinnedNode } from "../../src/runtimes/pinned.mjs";
import { runLifecycleProcess } from "../../src/runtimes/process-target.js";
import { expectedLifecycleReport } from "../../src/runtimes/servers.js";

const { consumerDir } = inject("smoke");
const entries = ["esm.mjs", "cjs.cjs", "esm-client-cjs-poller.mjs", "cjs-client-esm-poller.cjs"] as const;

describe.each(nodeMajors)("Node %i", (major) => {
  let node = "";
  beforeAll(async () => {
    node = await nodeBinary(pinnedNode[major]);
  });

  it.concurrent.each(againstEachServer(entries))("runs the lifecycle (%s) against %s", async (entry, server) => {
    const report = await runLifecycleProcess({ command: node }, consumerDir, entry, configFor(server));
    expect(report).toEqual(expectedLifecycleReport);
    await timedOutRequestsClosed();
  });
});
