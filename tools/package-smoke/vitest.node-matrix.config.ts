import { defineConfig } from "vitest/config";
import { smokeTestOptions } from "./vitest.config.js";

/** The runtime half of the smoke test on newer Node majors; slow on a cold npx cache, so separate. */
export default defineConfig({ test: { ...smokeTestOptions, include: ["test/node-matrix.test.ts"] } });
