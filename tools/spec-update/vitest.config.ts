import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.mjs", "test/**/*.test.mjs"],
    // The end-to-end tests run Redocly on a copy of openapi/ (a few seconds each).
    testTimeout: 60_000,
  },
});
