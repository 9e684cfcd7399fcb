import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Property tests and the generator's child processes are CPU-bound: on a loaded 2-core machine
    // they take several seconds (limits on work, not on waiting: nothing here sleeps).
    testTimeout: 30_000,
  },
});
