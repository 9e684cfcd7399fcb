import { defineConfig } from "tsdown";

const shared = {
  target: "es2022",
  // .js for ESM and .cjs for CJS, the names package.json's exports and bin/cdesk-sim.js use.
  fixedExtension: false,
} as const;

export default defineConfig([
  {
    ...shared,
    // One build, so the entries share one copy of the simulator (a server listens on the state
    // of the same simulator the test drives). Only node.ts imports node: modules; the main entry
    // and the MSW handlers run in browsers, Deno, Bun and workers (test/browser-bundle.test.ts).
    entry: ["src/index.ts", "src/msw.ts", "src/node.ts"],
    platform: "neutral",
    format: ["esm", "cjs"],
    dts: true,
    external: ["msw", /^node:/],
  },
  {
    // The bin: ESM only, imported by bin/cdesk-sim.js.
    ...shared,
    entry: ["src/cli.ts"],
    platform: "node",
    format: ["esm"],
    dts: false,
    clean: false,
  },
]);
