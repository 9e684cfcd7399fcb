import { defineConfig } from "tsdown";

// A command line program, not a library: one ESM entry for Node, no type declarations.
export default defineConfig({
  entry: ["src/cli.ts"],
  format: ["esm"],
  dts: false,
  platform: "node",
  target: "node20",
  fixedExtension: false,
});
