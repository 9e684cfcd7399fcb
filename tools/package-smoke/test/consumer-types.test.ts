import { expect, inject, it } from "vitest";
import { run } from "../src/exec.mjs";
import { tscScript } from "../src/workspace.mjs";

const { consumerDir } = inject("smoke");

// Each config is strict with skipLibCheck off, so a broken shipped .d.ts fails too, not only our usage.
it.each([
  ["node16 (module node16): every package, from ESM (consumer.mts) and CJS (consumer.cts)", "tsconfig.node16.json"],
  ["bundler (module esnext): client + poller with the DOM lib only, no Node types", "tsconfig.bundler.json"],
])("a strict consumer type-checks under %s", async (_label, config) => {
  await expect(run(process.execPath, [tscScript, "-p", config], { cwd: consumerDir })).resolves.toBeTruthy();
});
