import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.mjs", "test/**/*.test.mjs"],
    // The end-to-end tests run Redocly on a copy of openapi/: a few seconds each, up to about 50 s
    // under `pnpm test:stress` (every core busy). This only stops a hang; nothing here is timed.
    testTimeout: 180_000,
  },
});
