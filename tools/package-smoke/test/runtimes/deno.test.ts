// The lifecycle on Deno: packages through `npm:` specifiers and as bare specifiers from
// node_modules (both resolve to the installed tarballs), with and without --allow-env. Network
// access is granted for loopback only; nothing else is.
import { beforeAll, describe, expect, inject, it } from "vitest";
import { runtimeBinary } from "../../src/runtimes/binaries.js";
import { againstEachServer, configFor, timedOutRequestsClosed } from "../../src/runtimes/lifecycle-suite.js";
import { runLifecycleProcess } from "../../src/runtimes/process-target.js";
import { expectedLifecycleReport } from "../../src/runtimes/servers.js";

const { consumerDir } = inject("smoke");
const entries = { "npm: specifiers": "deno-npm.mjs", "node_modules": "esm.mjs" } as const;

describe.each([
  ["with --allow-env", ["--allow-env"]],
  ["without --allow-env", []],
] as const)("Deno %s", (_label, envFlags) => {
  let deno = "";
  beforeAll(async () => {
    deno = await runtimeBinary("deno");
  });

  it.concurrent.each(againstEachServer(Object.keys(entries) as (keyof typeof entries)[]))("runs the lifecycle (%s) against %s", async (style, server) => {
    const target = {
      command: deno,
      args: ["run", "--no-prompt", "--allow-net=127.0.0.1", ...envFlags],
      env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", NO_COLOR: "1" },
    };
    const report = await runLifecycleProcess(target, consumerDir, entries[style], configFor(server));
    expect(report).toEqual(expectedLifecycleReport);
    await timedOutRequestsClosed();
  });
});
