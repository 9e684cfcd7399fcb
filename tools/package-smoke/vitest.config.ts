import { defineConfig } from "vitest/config";

/** Shared by the Node 20 run and the Node 22/24 run (vitest.node-matrix.config.ts). */
export const smokeTestOptions = {
  globalSetup: ["src/global-setup.ts"],
  // Each case spawns node, tsc, attw or npm, on 2 cores shared with the other packages' tests
  // under turbo: real processes, not timers, so allow them time.
  testTimeout: 300_000,
  hookTimeout: 300_000,
};

export default defineConfig({
  // The Node 22/24/26 checks and the runtime matrix run separately (vitest.runtimes.config.ts):
  // they download runtimes and need Chromium.
  test: { ...smokeTestOptions, include: ["test/**/*.test.ts"], exclude: ["test/node-matrix.test.ts", "test/runtimes/**"] },
});
