import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    // Contract tests start Prism (about a second, more on a loaded machine).
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
