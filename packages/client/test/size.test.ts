/// <reference types="node" />
/**
 * The browser bundle of everything the client exports stays small: minified and gzipped like a CDN
 * would serve it. The build fails if anything imports a Node built-in. (The lifecycle budget of
 * client and poller together is in packages/poller/test/size.test.ts.)
 */
import type { Plugin } from "esbuild";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { browserBundleSize } from "../../../scripts/browser-bundle.mjs";

/**
 * Budget for the whole client (openapi-fetch's runtime, the operation table, response checks),
 * min+gzip. Measured 11,937 B on 2026-12-06 (11,394 B on 2026-12-01, before requests were handed
 * to fetch as parts, raw calls checked as fetch would and paths serialised from compiled templates;
 * 8,996 B before the response boundary and the request-build checks of issue 11). It stops growth.
 */
const BUDGET_BYTES = 12_000;

const noNodeBuiltins: Plugin = {
  name: "no-node-builtins",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.importer} imports ${args.path}: the client must run in browsers and edge runtimes` }],
    }));
  },
};

const browserBundle = (entry: string) => browserBundleSize(entry, { plugins: [noNodeBuiltins] });

it(`bundles for the browser under ${BUDGET_BYTES} bytes min+gzip`, async () => {
  const { minBytes, gzipBytes } = await browserBundle(fileURLToPath(new URL("../src/index.ts", import.meta.url)));
  console.log(`@cdesk/client browser bundle: ${minBytes} B minified, ${gzipBytes} B min+gzip (budget ${BUDGET_BYTES} B)`);
  expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
});

it("refuses a bundle that imports a Node built-in", async () => {
  const entry = fileURLToPath(new URL("./support/node-import.fixture.ts", import.meta.url));
  await expect(browserBundle(entry)).rejects.toThrow(/imports node:fs: the client must run in browsers/);
});
