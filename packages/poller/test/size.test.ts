/// <reference types="node" />
/**
 * What a browser app that finds, buys and waits for a GPU ships (client and poller, response checks
 * included): `test/support/lifecycle.fixture.ts` bundled by esbuild for the browser, minified and
 * gzipped like a CDN would serve it. Deterministic: the same sources give the same bytes.
 */
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { browserBundleSize } from "../../../scripts/browser-bundle.mjs";

/**
 * Measured 13,280 B on 2026-12-06 (12,751 B on 2026-12-01). Issue 11 asks for at most 10,000 B; that
 * is not met: openapi-fetch's client alone is about 2,600 B of it and the poller's waits about
 * 1,700 B, which leaves the client's own code (about 8,000 B) a quarter too large. The budget stops
 * growth while the gap is worked on; where the bytes are is in the poller README, "Bundle size".
 */
const BUDGET_BYTES = 13_400;

it(`the search-procure-wait lifecycle bundles for the browser under ${BUDGET_BYTES} bytes min+gzip`, async () => {
  const { minBytes, gzipBytes } = await browserBundleSize(fileURLToPath(new URL("./support/lifecycle.fixture.ts", import.meta.url)));
  console.log(`lifecycle browser bundle: ${minBytes} B minified, ${gzipBytes} B min+gzip (budget ${BUDGET_BYTES} B)`);
  expect(gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
});
