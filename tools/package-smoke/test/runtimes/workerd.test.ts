// The lifecycle in workerd (Cloudflare's runtime), without nodejs_compat: no `process`, no
// `node:` modules, only web APIs.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { runtimeBinary } from "../../src/runtimes/binaries.js";
import { againstEachServer, configFor, timedOutRequestsClosed } from "../../src/runtimes/lifecycle-suite.js";
import { expectedLifecycleReport } from "../../src/runtimes/servers.js";
import { startWorkerd, type WorkerdLifecycle } from "../../src/runtimes/workerd.js";

const { consumerDir } = inject("smoke");

let worker: WorkerdLifecycle | undefined;
beforeAll(async () => {
  worker = await startWorkerd(await runtimeBinary("workerd"), consumerDir);
});
afterAll(() => worker?.close());

it.each(againstEachServer(["worker.mjs"]))("workerd runs the lifecycle (%s, bundled) against %s, with no `process` defined", async (_entry, server) => {
  const report = await worker!.run(configFor(server));
  expect(report).toEqual({ ...expectedLifecycleReport, processDefined: false });
  await timedOutRequestsClosed();
});
