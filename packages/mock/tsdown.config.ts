import { defineConfig } from "tsdown";

const shared = {
  platform: "node",
  target: "es2022",
  // .js for ESM and .cjs for CJS, the names package.json's exports and bin/cdesk-mock.js use.
  fixedExtension: false,
  // rolldown's PLUGIN_TIMINGS advice (declaration generation takes most of a build) would print in every build log.
  checks: { pluginTimings: false },
} as const;

export default defineConfig([
  {
    ...shared,
    entry: ["src/index.ts"],
    format: ["esm", "cjs"],
    dts: true,
    // import.meta.url (used to find Prism and the shipped spec) also works in the CJS build.
    shims: true,
  },
  {
    // The bin: ESM only, imported by bin/cdesk-mock.js.
    ...shared,
    entry: ["src/cli.ts"],
    format: ["esm"],
    dts: false,
    clean: false,
  },
]);
