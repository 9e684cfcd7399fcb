import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["test/global-setup.ts"],
    // Each contract test file starts Prism: about 1 s on an idle machine, up to 8 s measured
    // on this 2-core machine while other suites ran.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
