import { expect, inject, it } from "vitest";
import { bundleForBrowser } from "../src/browser-bundle.js";

const { consumerDir } = inject("smoke");

/**
 * Budget for what a browser app pays to create a client and wait for an offer (client + poller +
 * openapi-fetch, minified + gzipped). Set at about 10% over what was measured when it was set
 * (30,183 B minified, 10,772 B gzipped); raise it deliberately, in the same commit as the code that
 * needs it, never to make a red run green. Raised for issue 11 (response shape checks, request-build
 * checks, body limits, cross-build errors, the operation table): measured 35,759 B minified, 12,547 B
 * gzipped on 2026-12-01.
 */
const budget = { minified: 37_000, gzipped: 13_000 };

it("client + poller bundled for browsers stay within the size budget", async () => {
  const figures = await bundleForBrowser("browser.ts", consumerDir);
  console.log(
    `browser bundle (createCdeskClient + waitForOfferReady): ${figures.minified} B minified, ${figures.gzipped} B gzipped ` +
      `(budget ${budget.minified} / ${budget.gzipped})\n` +
      figures.byPackage.map(([name, bytes]) => `  ${name}: ${bytes} B`).join("\n"),
  );
  expect(figures.minified).toBeLessThanOrEqual(budget.minified);
  expect(figures.gzipped).toBeLessThanOrEqual(budget.gzipped);
});
