/// <reference types="node" />
/**
 * The browser bundle of the whole client, openapi-fetch included, stays small: minified and
 * gzipped like a CDN would serve it. The build fails if anything imports a Node built-in.
 */
import { build, type Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

/**
 * Budget for client + openapi-fetch + generated constraints, min+gzip. Measured 8977 B on
 * 2026-11-29 (openapi-fetch alone: 2596 B); the budget leaves about 10 % for growth.
 */
const BUDGET_BYTES = 10_000;

const noNodeBuiltins: Plugin = {
  name: "no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.importer} imports ${args.path}: the client must run in browsers and edge runtimes` }],
    }));
  },
};

async function browserBundle(entry: string): Promise<Uint8Array> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    plugins: [noNodeBuiltins],
  });
  return result.outputFiles[0]!.contents;
}

it(`bundles for the browser under ${BUDGET_BYTES} bytes min+gzip`, async () => {
  const bundle = await browserBundle(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
  const gzipped = gzipSync(bundle, { level: 9 }).length;
  console.log(`@cdesk/client browser bundle: ${bundle.length} B minified, ${gzipped} B min+gzip (budget ${BUDGET_BYTES} B)`);
  expect(gzipped).toBeLessThan(BUDGET_BYTES);
});

it("refuses a bundle that imports a Node built-in", async () => {
  const entry = fileURLToPath(new URL("./support/node-import.fixture.ts", import.meta.url));
  await expect(browserBundle(entry)).rejects.toThrow(/imports node:fs: the client must run in browsers/);
});
