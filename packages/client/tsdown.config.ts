import { defineConfig } from "tsdown";

export default defineConfig({
  // rolldown's PLUGIN_TIMINGS advice (declaration generation takes most of a build) would print in every build log.
  checks: { pluginTimings: false },
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  platform: "neutral",
  target: "es2022",
});
