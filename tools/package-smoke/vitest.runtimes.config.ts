import { defineConfig } from "vitest/config";
import { smokeTestOptions } from "./vitest.config.js";

/**
 * The runtime matrix (test/runtimes/) and the Node 22/24/26 smoke checks, in one run so the
 * tarballs are packed and installed once for both. Needs Chromium (`apt-get install -y chromium`)
 * and the npm registry (runtimes through npx).
 */
export default defineConfig({ test: { ...smokeTestOptions, include: ["test/node-matrix.test.ts", "test/runtimes/**/*.test.ts"] } });
