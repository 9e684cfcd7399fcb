import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each contract test starts Prism (about a second, more on a loaded machine).
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
