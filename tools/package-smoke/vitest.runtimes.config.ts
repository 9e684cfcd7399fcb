import { defineConfig } from "vitest/config";
import { smokeTestOptions } from "./vitest.config.js";

/**
 * The runtime matrix (test/runtimes/) and the Node 22/24/26 smoke checks, in one run so the
 * tarballs are packed and installed once for both. Needs Chromium (`apt-get install -y chromium`)
 * and the npm registry (runtimes through npx). Each test mostly waits on a child process or a
 * server, so files run side by side, more than one per core.
 */
export default defineConfig({
  test: {
    ...smokeTestOptions,
    globalSetup: [...smokeTestOptions.globalSetup, "src/runtimes/global-setup.ts"],
    include: ["test/node-matrix.test.ts", "test/runtimes/**/*.test.ts"],
    maxWorkers: 3,
    maxConcurrency: 4,
  },
});
