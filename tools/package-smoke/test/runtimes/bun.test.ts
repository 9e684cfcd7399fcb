// The lifecycle on Bun, through `import` and through `require`.
import { beforeAll, expect, inject, it } from "vitest";
import { runtimeBinary } from "../../src/runtimes/binaries.js";
import { againstEachServer, configFor, timedOutRequestsClosed } from "../../src/runtimes/lifecycle-suite.js";
import { runLifecycleProcess } from "../../src/runtimes/process-target.js";
import { expectedLifecycleReport } from "../../src/runtimes/servers.js";

const { consumerDir } = inject("smoke");

let bun = "";
beforeAll(async () => {
  bun = await runtimeBinary("bun");
});

it.concurrent.each(againstEachServer(["esm.mjs", "cjs.cjs"]))("Bun runs the lifecycle (%s) against %s", async (entry, server) => {
  const report = await runLifecycleProcess({ command: bun, env: { ...process.env, DO_NOT_TRACK: "1" } }, consumerDir, entry, configFor(server));
  expect(report).toEqual(expectedLifecycleReport);
  await timedOutRequestsClosed();
});
