import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The lifecycle run starts Prism (a child process) once; give it room on a loaded CI machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
