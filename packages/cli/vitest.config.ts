import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The contract tests start a mock server and run the built CLI as child processes.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
