import { defineConfig } from "tsdown";

// A command line program, not a library: one ESM entry for Node, no type declarations.
export default defineConfig({
  // rolldown's PLUGIN_TIMINGS advice (declaration generation takes most of a build) would print in every build log.
  checks: { pluginTimings: false },
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  platform: "node",
  target: "node20",
  fixedExtension: false,
});
