import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      // Needs no packing: the marker rules and the API reference (typedoc over the sources).
      { test: { name: "repo", include: ["src/**/*.test.ts", "test/api-reference.test.ts"], testTimeout: 300_000 } },
      {
        test: {
          name: "packed",
          include: ["test/**/*.test.ts"],
          exclude: ["test/api-reference.test.ts"],
          // Packs and installs once; only these tests need it.
          globalSetup: ["src/global-setup.ts"],
          // Real processes (pnpm pack, npm install, tsc, node, Chromium) on 2 shared cores: allow them time.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
