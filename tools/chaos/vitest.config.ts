import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The runs go over real sockets with real (short) timeouts; give them room on a loaded CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
